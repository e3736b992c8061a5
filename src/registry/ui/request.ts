import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

/** Largest form body the pages read (a sign-in form: a token and a path). */
const MAX_FORM_BYTES = 16 * 1024;

/** Reads an `application/x-www-form-urlencoded` body of at most 16 KiB; undefined when larger. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size > MAX_FORM_BYTES) return undefined;
    chunks.push(bytes);
  }
  return new URLSearchParams(Buffer.concat(chunks, size).toString('utf8'));
}

/**
 * Whether a form post comes from these pages: browsers send `Origin` (and `Sec-Fetch-Site`) on
 * posts, and a cross-site one is refused, so no other site can sign a visitor in or out.
 */
export function isSameOrigin(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** Whether the visitor reached the pages over TLS (directly, through a proxy, or per the public URL). */
export function isSecure(req: IncomingMessage, publicUrl: string | undefined): boolean {
  if ((req.socket as TLSSocket).encrypted === true) return true;
  if (req.headers['x-forwarded-proto'] === 'https') return true;
  return publicUrl?.startsWith('https:') ?? false;
}

/** `next` when it is a path of the pages (no other origin, no scheme), else `/ui/`. */
export function safeNext(next: string | null | undefined): string {
  if (next === null || next === undefined) return '/ui/';
  if (!/^\/ui\/[^\\]*$/.test(next) || next.startsWith('//') || /[\r\n\t]/.test(next)) return '/ui/';
  if (next.length > 2000) return '/ui/';
  // As the browser will resolve it: dot segments (`/ui/../v2/`, `/ui/%2e%2e/`) could leave /ui/.
  const url = new URL(next, 'http://registry.invalid');
  return url.host === 'registry.invalid' && url.pathname.startsWith('/ui/') ? next : '/ui/';
}

/** Whether the client asked for HTML (a browser). */
export function wantsHtml(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').includes('text/html');
}

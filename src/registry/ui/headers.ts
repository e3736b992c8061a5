import type { ServerResponse } from 'node:http';

/**
 * The Content-Security-Policy of every page: only this origin's own stylesheet and script, no
 * inline script or style, no plugins, no framing, forms post only here.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** Sets the security headers every answer of the pages carries. */
export function setPageHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  // same-origin, not no-referrer: with no-referrer browsers post forms with `Origin: null`.
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

/** Writes a page (or its headers only, on HEAD), never cached: pages may show private data. */
export function sendPage(res: ServerResponse, method: string, status: number, page: string): void {
  const body = Buffer.from(page, 'utf8');
  res.statusCode = status;
  setPageHeaders(res);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Length', body.length);
  res.end(method === 'HEAD' ? undefined : body);
}

/** Answers with a 303 redirect to a path of this origin. */
export function redirect(res: ServerResponse, location: string, headers: Record<string, string> = {}): void {
  res.statusCode = 303;
  setPageHeaders(res);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Location', location);
  res.setHeader('Content-Length', 0);
  res.end();
}

/**
 * Turning unexpected responses into {@link RegistryError}s: the body is read with a 64 KiB cap
 * (go-containerregistry caps the same way), parsed as an OCI error document when it is one, and
 * kept raw (redacted) otherwise.
 */
import { RegistryError, type RegistryDiagnostic } from '../errors.js';
import { parseRetryAfter } from './backoff.js';
import { redactText, redactUrl } from './redact.js';
import { header, type HttpResponse } from './types.js';

/** Most bytes of an error body that are read. */
export const ERROR_BODY_LIMIT = 64 * 1024;

/** What the error message can say about the request beyond the response. */
export interface ErrorContext {
  readonly registry?: string;
  readonly repository?: string;
}

/**
 * Reads at most `limit` bytes of a body as UTF-8 and drops the rest (the connection is closed
 * rather than drained when the body is longer).
 */
export async function readCapped(
  body: HttpResponse['body'],
  limit: number = ERROR_BODY_LIMIT,
): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      const room = limit - total;
      chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      total += Math.min(chunk.length, room);
      if (total >= limit) {
        body.destroy();
        break;
      }
    }
  } catch {
    // A body cut short still tells us something: keep what arrived.
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The `errors` list of an OCI error document (`{"errors":[{"code","message","detail"}]}`), or
 * `undefined` when `text` is not one. Entries without a string `code` are dropped.
 */
export function parseDiagnostics(text: string): RegistryDiagnostic[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const errors = (value as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return undefined;
  return errors
    .filter(
      (e): e is Record<string, unknown> => typeof e === 'object' && e !== null && typeof e.code === 'string',
    )
    .map((e) => ({
      code: e.code as string,
      message: typeof e.message === 'string' ? redactText(e.message) : '',
      ...(e.detail === undefined ? {} : { detail: e.detail }),
    }));
}

/** Reads the response body (capped) and builds the {@link RegistryError} describing it. */
export async function readRegistryError(
  response: HttpResponse,
  context: ErrorContext = {},
): Promise<RegistryError> {
  const text = response.method === 'HEAD' ? '' : await readCapped(response.body);
  if (response.method === 'HEAD') await response.body.dump().catch(() => undefined);
  const diagnostics = parseDiagnostics(text);
  const retryAfterMs = parseRetryAfter(header(response, 'retry-after'));
  return new RegistryError({
    status: response.status,
    method: response.method,
    url: redactUrl(response.url),
    diagnostics: diagnostics ?? [],
    ...(diagnostics === undefined && text.trim() !== '' ? { body: redactText(text) } : {}),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    ...context,
  });
}

/**
 * Resolves when `response.status` is one of `expected`; otherwise reads the body and throws the
 * {@link RegistryError}. The caller still owns the body of an expected response.
 */
export async function expectStatus(
  response: HttpResponse,
  expected: readonly number[],
  context: ErrorContext = {},
): Promise<void> {
  if (expected.includes(response.status)) return;
  throw await readRegistryError(response, context);
}

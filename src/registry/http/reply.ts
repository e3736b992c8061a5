import type { ServerResponse } from 'node:http';

/** Writes a response with no body (`Content-Length: 0`). */
export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Length', 0);
  res.end();
}

/**
 * Writes `body` with its exact `Content-Length` and `Content-Type`. On HEAD the headers are the
 * same and the body is left out.
 */
export function sendBytes(
  res: ServerResponse,
  method: string,
  status: number,
  body: Uint8Array,
  contentType: string,
  headers: Record<string, string> = {},
): void {
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', body.length);
  res.end(method === 'HEAD' ? undefined : body);
}

/** Writes a JSON value (`application/json` unless `contentType` says otherwise). */
export function sendJson(
  res: ServerResponse,
  method: string,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
  contentType = 'application/json',
): void {
  sendBytes(res, method, status, Buffer.from(JSON.stringify(value)), contentType, headers);
}

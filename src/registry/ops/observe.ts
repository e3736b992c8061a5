import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { requestInfo } from '../request-info.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';

/** Header carrying the request id; a client's own value is kept when it looks like an id. */
export const REQUEST_ID_HEADER = 'X-Request-Id';

const CLIENT_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Per connection: socket byte counts at the end of its previous response. */
const marks = new WeakMap<Socket, { read: number; written: number }>();
const UPLOAD_PATH = /\/blobs\/uploads\//;

/**
 * Starts observing a request: gives it a request id (echoed in `X-Request-Id`), counts it among
 * uploads in flight when it sends blob data, and when the response is done (or the connection
 * dropped) writes one log line and updates the metrics. The line holds time, level, request id,
 * method, route (never the raw URL), status, bytes in and out (on the wire, headers included:
 * counted per connection since the previous response),
 * duration in ms and who made it (`anonymous` on an open registry); for a 4xx or 5xx, also the
 * `reason` (the OCI error code answered) and the repository named; never headers or tokens.
 */
export function observeRequest(
  req: IncomingMessage,
  res: ServerResponse,
  logger: Logger,
  metrics: Metrics,
): void {
  const started = process.hrtime.bigint();
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && CLIENT_ID.test(given) ? given : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  const method = (req.method ?? 'GET').toUpperCase();
  const socket = req.socket;
  const uploading =
    method !== 'GET' && method !== 'HEAD' && method !== 'DELETE' && UPLOAD_PATH.test(req.url ?? '');
  const uploadDone = uploading ? metrics.uploadStarted() : undefined;
  res.once('close', () => {
    uploadDone?.();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const info = requestInfo(req);
    const route = info.route ?? 'unmatched';
    const status = res.writableFinished ? res.statusCode : 499;
    const mark = marks.get(socket) ?? { read: 0, written: 0 };
    const bytesIn = Math.max(0, socket.bytesRead - mark.read);
    const bytesOut = Math.max(0, socket.bytesWritten - mark.written);
    marks.set(socket, { read: socket.bytesRead, written: socket.bytesWritten });
    metrics.record({ route, method, status, bytesIn, bytesOut, seconds });
    logger.log(status >= 500 ? 'error' : 'info', 'request', {
      request_id: id,
      method,
      route,
      status,
      bytes_in: bytesIn,
      bytes_out: bytesOut,
      duration_ms: Math.round(seconds * 100_000) / 100,
      ...(info.principal === undefined ? {} : { principal: info.principal }),
      ...(status < 400 || info.repository === undefined ? {} : { repository: info.repository }),
      ...(status < 400 ? {} : { reason: info.reason ?? (status === 499 ? 'CLIENT_GONE' : 'UNKNOWN') }),
    });
  });
}

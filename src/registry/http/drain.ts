import type { IncomingMessage } from 'node:http';

/** What the registry reads and discards after answering a request whose body it did not read. */
export const DRAIN_LIMITS = { bytes: 64 * 1024 * 1024, ms: 30_000 } as const;

/**
 * After an answer sent before the request's body was read (a 413, a refusal), reads and discards
 * the rest of the body, up to `limits.bytes` or `limits.ms`, so the client, which often sends its
 * whole body before it reads, gets the answer: closing with bytes unread makes the kernel reset
 * the connection, and the client sees `ECONNRESET`/`EPIPE` instead of the answer. Past either
 * limit the connection is cut. The answer must not say `Connection: close` (Node would close
 * the socket as soon as it is written); the connection stays usable once the body is drained.
 */
export function drainRequest(
  req: IncomingMessage,
  limits: { bytes: number; ms: number } = DRAIN_LIMITS,
): void {
  if (req.complete || req.destroyed) return;
  let drained = 0;
  const stop = (): void => {
    clearTimeout(timer);
    req.off('data', onData);
    req.socket.destroy();
  };
  const onData = (chunk: Buffer): void => {
    drained += chunk.length;
    if (drained > limits.bytes) stop();
  };
  const timer = setTimeout(stop, limits.ms);
  timer.unref();
  req.on('data', onData);
  req.once('end', () => {
    clearTimeout(timer);
    req.off('data', onData);
  });
  req.once('close', () => clearTimeout(timer));
  req.resume();
}

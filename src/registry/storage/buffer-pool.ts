import { READ_CHUNK } from './hashing.js';

/**
 * The 1 MiB buffers blob reads and upload writes stream through, kept for reuse so that moving
 * a blob allocates nothing per chunk. Each read or upload in flight holds two; up to eight wait
 * here between them. A buffer goes back only when nothing (a socket, a file write) can still be
 * using it: callers whose stream failed drop theirs instead.
 */
const POOL_LIMIT = 8;
const pool: Buffer[] = [];

/** Size of every pooled buffer. */
export const POOLED_BUFFER_SIZE = READ_CHUNK;

/** A pooled buffer, or a new one (outside Node's shared slab: it is kept for long). */
export function takeBuffer(): Buffer {
  return pool.pop() ?? Buffer.allocUnsafeSlow(POOLED_BUFFER_SIZE);
}

/** Returns `buffer` for reuse; its contents may be overwritten at once. */
export function returnBuffer(buffer: Buffer): void {
  if (pool.length < POOL_LIMIT) pool.push(buffer);
}

import { describe, expect, it } from 'vitest';
import { ChunkPool, releaseChunk } from '../../src/chunk-pool.js';

describe('ChunkPool', () => {
  it('hands a released chunk’s buffer out again, once', () => {
    const pool = new ChunkPool(16);
    const buffer = pool.take();
    expect(buffer.length).toBe(16);
    const chunk = buffer.subarray(0, 10);
    pool.lend(buffer, chunk);
    releaseChunk(chunk);
    releaseChunk(chunk); // a second release of the same chunk gives nothing back
    expect(pool.take()).toBe(buffer);
    expect(pool.take()).not.toBe(buffer);
  });

  it('gives nothing back for a slice, a copy or a chunk it never lent', () => {
    const pool = new ChunkPool(16);
    const buffer = pool.take();
    pool.lend(buffer, buffer);
    releaseChunk(buffer.subarray(0, 8)); // a view made downstream: another object
    releaseChunk(Buffer.from(buffer));
    releaseChunk(Buffer.alloc(16));
    releaseChunk('text');
    releaseChunk(null);
    expect(pool.take()).not.toBe(buffer);
    releaseChunk(buffer); // the lent object itself
    expect(pool.take()).toBe(buffer);
  });

  it('keeps at most `keep` buffers, and none of another size', () => {
    const pool = new ChunkPool(8, 2);
    const taken = [pool.take(), pool.take(), pool.take()];
    for (const buffer of taken) pool.giveBack(buffer);
    pool.giveBack(Buffer.alloc(4));
    const again = new Set([pool.take(), pool.take(), pool.take()]);
    expect(taken.filter((buffer) => again.has(buffer))).toHaveLength(2);
  });
});

import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, describe, expect, test } from 'vitest';
import { LineBatcher } from '../../../../src/registry/ops/line-batcher.js';
import { batchedJsonLogger } from '../../../../src/registry/ops/logger.js';

const open: LineBatcher[] = [];
afterEach(() => {
  for (const batcher of open.splice(0)) batcher.close();
});

function recorder() {
  const writes: string[] = [];
  const batcher = new LineBatcher({ write: (text: string) => writes.push(text) });
  open.push(batcher);
  return { writes, batcher };
}

describe('LineBatcher', () => {
  test("one event-loop turn's lines go out in one write, in order, at the end of the turn", async () => {
    const { writes, batcher } = recorder();
    for (let i = 0; i < 100; i++) batcher.write(`line ${i}\n`);
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toHaveLength(1);
    expect(writes[0]).toBe(Array.from({ length: 100 }, (_, i) => `line ${i}\n`).join(''));
    batcher.write('next\n');
    await nextTurn();
    expect(writes).toEqual([writes[0], 'next\n']);
  });

  test('64 KiB of pending lines are written at once, without waiting for the turn to end', () => {
    const { writes, batcher } = recorder();
    const line = `${'x'.repeat(1023)}\n`;
    for (let i = 0; i < 64; i++) batcher.write(line);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toHaveLength(64 * 1024);
  });

  test('flush() and close() write what is pending; close() stops listening for exit', () => {
    const before = process.listenerCount('exit');
    const { writes, batcher } = recorder();
    expect(process.listenerCount('exit')).toBe(before + 1);
    batcher.write('a\n');
    batcher.flush();
    expect(writes).toEqual(['a\n']);
    batcher.write('b\n');
    batcher.close();
    expect(writes).toEqual(['a\n', 'b\n']);
    expect(process.listenerCount('exit')).toBe(before);
  });

  test('the process exit writes what is pending', () => {
    const { writes, batcher } = recorder();
    batcher.write('last words\n');
    // Call the batcher's own exit listener (emitting 'exit' would run the test runner's too).
    const onExit = process.listeners('exit').at(-1) as () => void;
    onExit();
    expect(writes).toEqual(['last words\n']);
  });
});

describe('batchedJsonLogger', () => {
  test('writes one JSON object per line, below-level lines dropped, batched per turn', async () => {
    const writes: string[] = [];
    const logger = batchedJsonLogger({ write: (text: string) => writes.push(text) }, 'info');
    logger.log('debug', 'hidden');
    logger.log('info', 'request', { status: 200 });
    logger.log('error', 'boom', { route: 'blob' });
    await nextTurn();
    logger.close();
    expect(writes).toHaveLength(1);
    const lines = writes[0]!
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toMatchObject([
      { level: 'info', msg: 'request', status: 200 },
      { level: 'error', msg: 'boom', route: 'blob' },
    ]);
  });
});

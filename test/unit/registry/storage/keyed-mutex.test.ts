import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, test } from 'vitest';
import { KeyedMutex } from '../../../../src/registry/storage/keyed-mutex.js';

describe('KeyedMutex', () => {
  test('runs calls with the same key one at a time, in order', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const task = (name: string, ms: number) =>
      mutex.run('k', async () => {
        log.push(`start ${name}`);
        await sleep(ms);
        log.push(`end ${name}`);
        return name;
      });
    expect(await Promise.all([task('a', 20), task('b', 1), task('c', 1)])).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  test('different keys run concurrently', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    await Promise.all([
      mutex.run('x', async () => {
        log.push('x start');
        await sleep(20);
        log.push('x end');
      }),
      mutex.run('y', async () => {
        log.push('y start');
        await sleep(1);
        log.push('y end');
      }),
    ]);
    expect(log.indexOf('y end')).toBeLessThan(log.indexOf('x end'));
  });

  test('a failure is passed to its caller and does not block the next call', async () => {
    const mutex = new KeyedMutex();
    const failed = mutex.run('k', () => Promise.reject(new Error('boom')));
    const next = mutex.run('k', () => Promise.resolve('ok'));
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
  });
});

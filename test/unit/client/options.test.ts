import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import { resolveClientOptions } from '../../../src/client/options.js';
import { LazyUndiciAgent } from '../../../src/client/transport/dispatchers.js';
import { NodeHttpDispatcher } from '../../../src/client/transport/node-http.js';
import { mapLimit } from '../../../src/map-limit.js';

describe('resolveClientOptions', () => {
  it('fills the documented defaults and owns the dispatchers it builds', async () => {
    const options = resolveClientOptions();
    expect(options).toMatchObject({
      concurrency: 4,
      retries: 5,
      backoffBaseMs: 500,
      backoffMaxMs: 30_000,
      maxRetryAfterMs: 60_000,
      monolithicThreshold: 8 * 1024 * 1024,
      chunkSize: 16 * 1024 * 1024,
      insecure: [],
    });
    expect(options.userAgent).toMatch(/^container-package\/\d+\.\d+\.\d+/);
    expect(options.dispatchers.owned).toBe(true);
    expect(options.dispatchers.requests).toBeInstanceOf(NodeHttpDispatcher);
    expect(options.dispatchers.bulk).toBeInstanceOf(LazyUndiciAgent);
    const agent = new Agent();
    const given = resolveClientOptions({ dispatcher: agent, userAgent: 'x/1' });
    expect(given.userAgent).toBe('x/1');
    expect(given.dispatchers).toMatchObject({ requests: agent, bulk: agent, owned: false });
    await agent.close();
  });

  it.each([
    [{ concurrency: 0 }, 'concurrency must be a whole number from 1 to 64 (default 4)'],
    [{ retries: -1 }, 'retries must be a whole number from 0 to 100'],
    [{ chunkSize: 1000 }, 'chunkSize must be a whole number from 65536'],
    [{ backoffBaseMs: 1.5 }, 'backoffBaseMs must be a whole number'],
  ])('refuses %j', (input, hint) => {
    expect(() => resolveClientOptions({ ...input, dispatcher: new Agent() })).toThrow(
      expect.objectContaining({ code: 'CLIENT_INVALID_OPTION', hint: expect.stringContaining(hint) }),
    );
  });
});

describe('mapLimit', () => {
  it('keeps order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapLimit([5, 1, 4, 2, 3, 0], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, n * 3));
      running--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0]);
    expect(peak).toBe(2);
  });

  it('fails fast: aborts running work and starts nothing new', async () => {
    const started: number[] = [];
    const aborted: number[] = [];
    const error = await mapLimit([1, 2, 3, 4, 5], 2, async (n, signal) => {
      started.push(n);
      if (n === 2) throw new Error('boom');
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
      aborted.push(n);
      return n;
    }).catch((e: unknown) => e);
    expect(error).toEqual(new Error('boom'));
    expect(started).toEqual([1, 2]);
    expect(aborted).toEqual([1]);
  });
});

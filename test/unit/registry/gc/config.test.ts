import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../../../src/registry/config.js';
import { parseDurationFlag } from '../../../../src/registry/gc/config.js';
import { resolveOptions } from '../../../../src/registry/options.js';

const parse = (yaml: string) => parseConfig(yaml, { env: { XDG_CACHE_HOME: '/cache' } });

describe('gc and retention in the registry config', () => {
  test('defaults: collect every hour with a one-hour grace, no cap, checked every minute', () => {
    const config = parse('{}');
    expect(config.gc).toEqual({ intervalMs: 3_600_000, graceMs: 3_600_000 });
    expect(config.retention).toEqual({ maxSizeBytes: 0, checkIntervalMs: 60_000 });
  });

  test('values in the config units', () => {
    const config = parse(
      'gc: { interval: 0, grace: 10m }\nretention: { max-size: 20GiB, check-interval: 30s }',
    );
    expect(config.gc).toEqual({ intervalMs: 0, graceMs: 600_000 });
    expect(config.retention).toEqual({ maxSizeBytes: 20 * 1024 ** 3, checkIntervalMs: 30_000 });
  });

  test.each([
    ['gc: { every: 1h }', /gc\.every: unknown key "every"; allowed here: interval, grace/],
    ['gc: { grace: soon }', /gc\.grace: expected a duration/],
    ['retention: { max-size: lots }', /retention\.max-size: expected a size in bytes/],
    ['retention: 5GiB', /retention: expected a mapping/],
  ])('%s is refused', (yaml, message) => {
    expect(() => parse(yaml)).toThrow(message);
  });
});

describe('parseDurationFlag', () => {
  test.each([
    ['1h', 3_600_000],
    ['90s', 90_000],
    [' 1h30m ', 5_400_000],
    ['0', 0],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDurationFlag('--grace', text)).toBe(ms);
  });

  test('a bad value names the flag', () => {
    expect(() => parseDurationFlag('--grace', 'an hour')).toThrow(/--grace: expected a duration such as 30s/);
  });
});

describe('resolveOptions', () => {
  test('fills the gc and retention defaults and builds the caching parts', () => {
    const options = resolveOptions({ storageDir: '/tmp/nowhere-used' });
    expect(options).toMatchObject({
      gcIntervalMs: 3_600_000,
      graceMs: 3_600_000,
      maxSizeBytes: 0,
      retentionCheckIntervalMs: 60_000,
    });
    expect(options.caching.collector).toBeDefined();
    expect(options.caching.mirrors).toBeUndefined();
    expect(options.caching.requestStore).not.toBe(options.store);
  });

  test.each([
    [{ gc: { graceMs: -1 } }, 'gc.graceMs'],
    [{ retention: { maxSizeBytes: 1.5 } }, 'retention.maxSizeBytes'],
    [{ mirrors: [{ prefix: 'hub', upstream: 'registry-1.docker.io' }] }, 'mirrors[0].upstream'],
  ])('%# refuses with REGISTRY_INVALID_OPTION naming %s', (input, option) => {
    expect(() => resolveOptions({ storageDir: '/tmp/nowhere-used', ...input })).toThrow(
      expect.objectContaining({ code: 'REGISTRY_INVALID_OPTION', option }),
    );
  });
});

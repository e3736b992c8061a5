/**
 * The plain parser of the launcher's fast path (src/cli/flag-spec.ts) against oclif's own parser,
 * on the same definitions: whatever it takes, oclif reads the same way; what it leaves, oclif
 * answers (often with an error).
 */
import { parse } from '@oclif/core/parser';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { parsePlain } from '../../../src/cli/flag-spec.js';
import { PUSH_ARG_SPECS, PUSH_FLAG_SPECS } from '../../../src/cli/flag-specs.js';
import { oclifArgs, oclifFlags } from '../../../src/cli/oclif-flags.js';

const PUSH = { args: PUSH_ARG_SPECS, flags: PUSH_FLAG_SPECS };
const ENV = ['DOCKER_CONFIG', 'BUILDKITE_ORGANIZATION_SLUG', 'CONTAINER_PACKAGE_PACKAGES_HOST'];

/** oclif's reading of `argv` with push's definitions, or its error message. */
async function oclif(argv: readonly string[]): Promise<{ args: object; flags: object } | string> {
  try {
    const { args, flags } = await parse([...argv], {
      args: oclifArgs(PUSH_ARG_SPECS),
      flags: oclifFlags(PUSH_FLAG_SPECS),
      strict: true,
    });
    return { args, flags };
  } catch (error) {
    return (error as Error).message;
  }
}

// The registry flags read the environment: each test starts with none of theirs set.
beforeEach(() => {
  for (const name of ENV) vi.stubEnv(name, undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('parsePlain takes plain input as oclif reads it', () => {
  test.each([
    [['oci:./image', '--to', 'r.example/a/b:1']],
    [['--to', 'r.example/a/b:1', 'oci:./image']],
    [['oci:./image', '--to=r.example/a/b:1', '--to', 'r.example/c/d', '-t', 'v1', '-tv2', '-t=v3']],
    [['oci:./image', '--to', 'r/a', '--tag', 'x', '--json', '--compression', 'none']],
    [['oci:./image', '--to', 'r/a', '--concurrency', '8', '--retries=0', '--insecure', 'h:5000']],
    [['oci:./image', '--to', 'r/a', '--docker-config', '/tmp/d', '--org', 'acme', '--packages-host', 'p:1']],
    [['-', '--to', 'r/a']],
    [['-5', '--to', 'r/a']],
    [['oci:./image', '--to', 'r/a', '--tag=']],
  ])('%j', async (argv) => {
    const plain = parsePlain(argv, PUSH);
    expect(plain).toBeDefined();
    expect(plain).toEqual(await oclif(argv));
  });

  test('values from the environment, and defaults', async () => {
    vi.stubEnv('DOCKER_CONFIG', '/env/docker');
    vi.stubEnv('BUILDKITE_ORGANIZATION_SLUG', 'acme');
    vi.stubEnv('CONTAINER_PACKAGE_PACKAGES_HOST', '');
    const argv = ['oci:./image', '--to', 'r/a'];
    const plain = parsePlain(argv, PUSH);
    expect(plain?.flags).toEqual({
      'docker-config': '/env/docker',
      org: 'acme',
      to: ['r/a'],
      compression: 'gzip',
      concurrency: 4,
      retries: 5,
    });
    expect(plain).toEqual(await oclif(argv));
    // A flag given beats the environment.
    const given = ['oci:./image', '--to', 'r/a', '--org', 'other'];
    expect(parsePlain(given, PUSH)?.flags.org).toBe('other');
    expect(parsePlain(given, PUSH)).toEqual(await oclif(given));
  });
});

describe('parsePlain leaves the rest to oclif', () => {
  test.each([
    ['no source', ['--to', 'r/a']],
    ['no --to', ['oci:./image']],
    ['two sources', ['a', 'b', '--to', 'r/a']],
    ['an unknown flag', ['oci:./image', '--to', 'r/a', '--bogus']],
    ['an unknown short flag', ['oci:./image', '--to', 'r/a', '-x']],
    ['help', ['oci:./image', '--to', 'r/a', '--help']],
    ['-h', ['-h']],
    ['--', ['--to', 'r/a', '--', 'oci:./image']],
    ['a value that is a flag', ['oci:./image', '--to', '--json']],
    ['a dashed value', ['oci:./image', '--to', 'r/a', '--tag', '-x']],
    ['a missing value', ['oci:./image', '--to']],
    ['a bad --compression', ['oci:./image', '--to', 'r/a', '--compression', 'lz4']],
    ['a --concurrency below 1', ['oci:./image', '--to', 'r/a', '--concurrency', '0']],
    ['a --retries that is no integer', ['oci:./image', '--to', 'r/a', '--retries', '1.5']],
    ['a single-value flag twice', ['oci:./image', '--to', 'r/a', '--org', 'a', '--org', 'b']],
    ['a switch with a value', ['oci:./image', '--to', 'r/a', '--json=false']],
    ['a negated switch', ['oci:./image', '--to', 'r/a', '--no-json']],
  ])('%s', async (_, argv) => {
    expect(parsePlain(argv, PUSH)).toBeUndefined();
  });

  test('a bad value from the environment', async () => {
    vi.stubEnv('DOCKER_CONFIG', '/d');
    expect(parsePlain(['oci:./image', '--to', 'r/a'], PUSH)).toBeDefined();
    const spec = { args: {}, flags: { n: { kind: 'integer', description: 'n', env: 'CP_TEST_N' } } } as const;
    vi.stubEnv('CP_TEST_N', 'many');
    expect(parsePlain([], spec)).toBeUndefined();
    vi.stubEnv('CP_TEST_N', '12');
    expect(parsePlain([], spec)).toEqual({ args: {}, flags: { n: 12 } });
  });
});

describe('parsePlain agrees with oclif on any input', () => {
  const word = fc.constantFrom(
    'oci:./image',
    'docker:app',
    'r.example/a/b:1',
    'v1',
    'none',
    'zstd',
    'lz4',
    '0',
    '3',
    '-1',
    '',
    '-',
    '--',
    '--to',
    '--to=r/a',
    '--tag',
    '-t',
    '-tv9',
    '-t=v8',
    '--json',
    '--json=true',
    '--no-json',
    '--compression',
    '--compression=gzip',
    '--concurrency',
    '--retries',
    '--insecure',
    '--org',
    '--docker-config',
    '--packages-host=p:1',
    '--help',
    '--bogus',
    '-x',
  );

  const flag = fc.constantFrom(
    '--to',
    '--tag',
    '-t',
    '--compression',
    '--concurrency',
    '--retries',
    '--org',
    '--insecure',
  );
  const value = fc.constantFrom(
    'r/a',
    'v1',
    'gzip',
    'none',
    'lz4',
    '0',
    '1',
    '16',
    '-2',
    '',
    'h:5000',
    '--json',
  );
  // Mostly well-formed pieces (a flag and a value; a source and a --to), with stray words among them.
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(flag, value) },
    { weight: 1, arbitrary: fc.tuple(word) },
  );
  const input = fc
    .tuple(fc.array(piece, { maxLength: 5 }), fc.nat(5), fc.boolean(), fc.boolean())
    .map(([pieces, at, source, to]) => {
      const all: string[][] = [...pieces];
      all.splice(at, 0, ...(source ? [['oci:./image']] : []), ...(to ? [['--to', 'r.example/a/b:1']] : []));
      return all.flat();
    });

  test('whatever parsePlain takes, oclif reads the same way', async () => {
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(input, async (argv) => {
        const plain = parsePlain(argv, PUSH);
        if (plain === undefined) return;
        taken++;
        return isDeepStrictEqual(plain, await oclif(argv));
      }),
      // Shrinking these inputs can take millions of steps; a failing one is short enough to read.
      { numRuns: 3000, endOnFailure: true },
    );
    // The property holds vacuously if nothing is taken: make sure it is tested on real input.
    expect(taken).toBeGreaterThan(50);
  });
});

import { describe, expect, test } from 'vitest';
import {
  MIRROR_DEFAULTS,
  resolveMirrors,
  type ResolvedMirror,
} from '../../../../src/registry/mirror/options.js';

describe('resolveMirrors', () => {
  test('applies the documented defaults', () => {
    const [mirror] = resolveMirrors([
      { prefix: 'docker.io', upstream: 'https://registry-1.docker.io' },
    ]) as ResolvedMirror[];
    expect(mirror!).toMatchObject({ tagMaxAgeMs: 5 * 60_000, revalidateTimeoutMs: 10_000, retries: 2 });
    expect(mirror!.credentials).toBeUndefined();
    expect(MIRROR_DEFAULTS.failureBackoffMs).toBe(30_000);
  });

  test.each([
    [[{ prefix: 'Docker.io', upstream: 'https://x.io' }], 'mirrors[0].prefix', /not a repository path/],
    [
      [
        { prefix: 'a', upstream: 'https://x.io' },
        { prefix: 'a/b', upstream: 'https://y.io' },
      ],
      'mirrors[1].prefix',
      /overlaps the mirror prefix a/,
    ],
    [[{ prefix: 'a', upstream: 'x.io' }], 'mirrors[0].upstream', /expected an http\(s\) URL/],
    [[{ prefix: 'a', upstream: 'https://x.io', retries: 11 }], 'mirrors[0].retries', /from 0 to 10/],
    [[{ prefix: 'a', upstream: 'https://x.io', tagMaxAgeMs: -1 }], 'mirrors[0].tagMaxAgeMs', /at least 0/],
  ])('%#: refuses with the option named', (input, option, error) => {
    const result = resolveMirrors(input);
    expect(result).toMatchObject({ option });
    expect((result as { error: string }).error).toMatch(error);
  });
});

import { describe, expect, test } from 'vitest';
import { resolveMirrors, type ResolvedMirror } from '../../../../src/registry/mirror/options.js';
import { MirrorTable } from '../../../../src/registry/mirror/table.js';

const mirrors = resolveMirrors([
  { prefix: 'docker.io', upstream: 'https://registry-1.docker.io' },
  { prefix: 'packages.buildkite.com/acme/images', upstream: 'https://packages.buildkite.com' },
  { prefix: 'upstream-test', upstream: 'http://127.0.0.1:5001' },
]) as ResolvedMirror[];
const table = new MirrorTable(mirrors);

describe('MirrorTable', () => {
  test.each([
    ['docker.io/library/alpine', 'docker.io'],
    ['packages.buildkite.com/acme/images/app', 'packages.buildkite.com/acme/images'],
    ['upstream-test/team/app', 'upstream-test'],
    ['docker.io', undefined],
    ['packages.buildkite.com/acme/other/app', undefined],
    ['local/app', undefined],
  ])('match(%s) is %s', (name, prefix) => {
    expect(table.match(name)?.prefix).toBe(prefix);
    expect(table.isMirror(name)).toBe(prefix !== undefined);
  });

  test.each([
    ['docker.io/alpine', null, 'docker.io/library/alpine'],
    ['docker.io/library/alpine', null, 'docker.io/library/alpine'],
    ['library/alpine', 'docker.io', 'docker.io/library/alpine'],
    ['alpine', 'docker.io', 'docker.io/library/alpine'],
    ['library/alpine', 'index.docker.io', 'docker.io/library/alpine'],
    ['acme/images/app', 'packages.buildkite.com', 'packages.buildkite.com/acme/images/app'],
    ['team/app', '127.0.0.1:5001', 'upstream-test/team/app'],
    ['team/app', '127.0.0.1:9999', 'team/app'],
    ['local/app', null, 'local/app'],
    ['upstream-test/team/app', 'docker.io', 'upstream-test/team/app'],
    ['library/alpine', '', 'library/alpine'],
  ])('localName(%s, ns=%s) is %s', (name, ns, expected) => {
    expect(table.localName(name, ns)).toBe(expected);
  });
});

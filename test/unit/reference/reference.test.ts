import { describe, expect, test } from 'vitest';
import {
  InvalidReferenceError,
  familiarReference,
  formatReference,
  parseReference,
  repositoryName,
  withDefaultTag,
  withDigest,
  withTag,
  type InvalidReferenceCode,
} from '../../../src/reference/index.js';

const H64 = 'f'.repeat(64);
const D256 = `sha256:${H64}`;
const D512 = `sha512:${'f'.repeat(128)}`;
const BUSYBOX = 'sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa';
const ID = '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a';

interface Valid {
  input: string;
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

// Rows from docker's documented grammar and distribution/reference's test tables
// (reference_test.go, normalize_test.go), with the normalised result ParseNormalizedNamed gives.
const valid: Valid[] = [
  { input: 'alpine', registry: 'docker.io', repository: 'library/alpine' },
  { input: 'alpine:3.20', registry: 'docker.io', repository: 'library/alpine', tag: '3.20' },
  { input: 'user/app', registry: 'docker.io', repository: 'user/app' },
  { input: 'docker.io/library/alpine', registry: 'docker.io', repository: 'library/alpine' },
  { input: 'docker.io/alpine', registry: 'docker.io', repository: 'library/alpine' },
  { input: 'index.docker.io/alpine', registry: 'docker.io', repository: 'library/alpine' },
  { input: 'index.docker.io/user/app', registry: 'docker.io', repository: 'user/app' },
  { input: 'docker.io/library/foo/bar', registry: 'docker.io', repository: 'library/foo/bar' },
  { input: 'localhost/app', registry: 'localhost', repository: 'app' },
  { input: 'localhost:5000/app', registry: 'localhost:5000', repository: 'app' },
  { input: 'localhost:5000/team/app:1.0', registry: 'localhost:5000', repository: 'team/app', tag: '1.0' },
  // docker's known quirk: a bare "localhost" or "host:port" with no path is a Docker Hub name.
  { input: 'localhost', registry: 'docker.io', repository: 'library/localhost' },
  { input: 'localhost:5000', registry: 'docker.io', repository: 'library/localhost', tag: '5000' },
  { input: 'test.com:5000', registry: 'docker.io', repository: 'library/test.com', tag: '5000' },
  { input: 'registry.example.com/app', registry: 'registry.example.com', repository: 'app' },
  {
    input: 'registry.example.com:443/team/app:v1',
    registry: 'registry.example.com:443',
    repository: 'team/app',
    tag: 'v1',
  },
  { input: 'test:5000/repo', registry: 'test:5000', repository: 'repo' },
  { input: 'test-com:8080/foo', registry: 'test-com:8080', repository: 'foo' },
  { input: '127.0.0.1:5000/debian', registry: '127.0.0.1:5000', repository: 'debian' },
  { input: '192.168.0.1', registry: 'docker.io', repository: 'library/192.168.0.1' },
  { input: '192.168.1.1:5000/repo:5050', registry: '192.168.1.1:5000', repository: 'repo', tag: '5050' },
  { input: '[::1]:5000/repo', registry: '[::1]:5000', repository: 'repo' },
  { input: '[2001:db8::1]/repo', registry: '[2001:db8::1]', repository: 'repo' },
  {
    input: '[2001:db8:1:2:3:4:5:6]/repo:tag',
    registry: '[2001:db8:1:2:3:4:5:6]',
    repository: 'repo',
    tag: 'tag',
  },
  {
    input: `[2001:db8::1]:5000/repo:tag@${D256}`,
    registry: '[2001:db8::1]:5000',
    repository: 'repo',
    tag: 'tag',
    digest: D256,
  },
  // An uppercase first component is a host (Hub namespaces are lowercase), so these are valid.
  { input: 'Foo/bar', registry: 'Foo', repository: 'bar' },
  { input: 'DOCKER/docker', registry: 'DOCKER', repository: 'docker' },
  {
    input: 'xn--n3h.com/myimage:xn--n3h.com',
    registry: 'xn--n3h.com',
    repository: 'myimage',
    tag: 'xn--n3h.com',
  },
  {
    input: 'sub-dom1.foo.com/bar/baz/quux:some-long-tag',
    registry: 'sub-dom1.foo.com',
    repository: 'bar/baz/quux',
    tag: 'some-long-tag',
  },
  {
    input: 'b.gcr.io/test.example.com/my-app:test.example.com',
    registry: 'b.gcr.io',
    repository: 'test.example.com/my-app',
    tag: 'test.example.com',
  },
  { input: 'a.b', registry: 'docker.io', repository: 'library/a.b' },
  { input: 'a.b/c', registry: 'a.b', repository: 'c' },
  { input: 'a__b', registry: 'docker.io', repository: 'library/a__b' },
  { input: 'a_b-c.d', registry: 'docker.io', repository: 'library/a_b-c.d' },
  { input: 'a-----b', registry: 'docker.io', repository: 'library/a-----b' },
  { input: 'docker---rules/docker', registry: 'docker.io', repository: 'docker---rules/docker' },
  { input: 'dock__er/docker', registry: 'docker.io', repository: 'dock__er/docker' },
  { input: 'd/docker', registry: 'docker.io', repository: 'd/docker' },
  { input: 'test_com/foo', registry: 'docker.io', repository: 'test_com/foo' },
  { input: 'foo_bar.com:8080', registry: 'docker.io', repository: 'library/foo_bar.com', tag: '8080' },
  { input: 'lowercase:Uppercase', registry: 'docker.io', repository: 'library/lowercase', tag: 'Uppercase' },
  { input: 'app:_private', registry: 'docker.io', repository: 'library/app', tag: '_private' },
  { input: `app:${'a'.repeat(128)}`, registry: 'docker.io', repository: 'library/app', tag: 'a'.repeat(128) },
  {
    input: `busybox:latest@${BUSYBOX}`,
    registry: 'docker.io',
    repository: 'library/busybox',
    tag: 'latest',
    digest: BUSYBOX,
  },
  { input: `redis@${D256}`, registry: 'docker.io', repository: 'library/redis', digest: D256 },
  {
    input: `test:5000/repo:tag@${D256}`,
    registry: 'test:5000',
    repository: 'repo',
    tag: 'tag',
    digest: D256,
  },
  {
    input: `xn--7o8h.com/myimage:xn--7o8h.com@${D512}`,
    registry: 'xn--7o8h.com',
    repository: 'myimage',
    tag: 'xn--7o8h.com',
    digest: D512,
  },
  { input: `docker.io/${ID}`, registry: 'docker.io', repository: `library/${ID}` },
  { input: ID.slice(1), registry: 'docker.io', repository: `library/${ID.slice(1)}` },
  {
    input: 'thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev',
    registry: 'docker.io',
    repository: 'library/thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev',
  },
  // docker reads "sha256:<hex>" alone as the repository "sha256" with a 64-character tag.
  { input: D256, registry: 'docker.io', repository: 'library/sha256', tag: H64 },
  // Length limits count the path only (after "library/"), not the registry.
  { input: 'a'.repeat(247), registry: 'docker.io', repository: `library/${'a'.repeat(247)}` },
  {
    input: `${'a/'.repeat(127)}a:tag`,
    registry: 'docker.io',
    repository: `${'a/'.repeat(127)}a`,
    tag: 'tag',
  },
  {
    input: `registry.example.com/${'a'.repeat(255)}`,
    registry: 'registry.example.com',
    repository: 'a'.repeat(255),
  },
  {
    input: 'packages.buildkite.com/acme/images/app:1.0',
    registry: 'packages.buildkite.com',
    repository: 'acme/images/app',
    tag: '1.0',
  },
];

interface Invalid {
  input: string;
  code: InvalidReferenceCode;
  part: string;
}

const invalid: Invalid[] = [
  { input: '', code: 'REF_EMPTY', part: '' },
  { input: ' alpine', code: 'REF_INVALID_FORMAT', part: ' alpine' },
  { input: 'alpine ', code: 'REF_INVALID_FORMAT', part: 'alpine ' },
  { input: 'alpine\n', code: 'REF_INVALID_FORMAT', part: 'alpine\n' },
  {
    input: 'https://github.com/docker/docker',
    code: 'REF_INVALID_FORMAT',
    part: 'https://github.com/docker/docker',
  },
  { input: ':justtag', code: 'REF_INVALID_FORMAT', part: ':justtag' },
  { input: `@${D256}`, code: 'REF_INVALID_FORMAT', part: `@${D256}` },
  { input: '[fc00::1]', code: 'REF_INVALID_FORMAT', part: '[fc00::1]' },
  { input: '[fc00::1]:5000', code: 'REF_INVALID_FORMAT', part: '[fc00::1]:5000' },
  { input: ID, code: 'REF_HEX_REPOSITORY', part: ID },
  {
    input: 'repo@sha256:ffffffffffffffffffffffffffffffffff',
    code: 'REF_INVALID_DIGEST',
    part: 'sha256:ffffffffffffffffffffffffffffffffff',
  },
  { input: `validname@invaliddigest:${H64}`, code: 'REF_INVALID_DIGEST', part: `invaliddigest:${H64}` },
  { input: `repo@sha256:${'F'.repeat(64)}`, code: 'REF_INVALID_DIGEST', part: `sha256:${'F'.repeat(64)}` },
  { input: `repo@sha512:${H64}`, code: 'REF_INVALID_DIGEST', part: `sha512:${H64}` },
  { input: `repo@sha256:${'g'.repeat(64)}`, code: 'REF_INVALID_DIGEST', part: `sha256:${'g'.repeat(64)}` },
  { input: `repo@md5:${'f'.repeat(32)}`, code: 'REF_INVALID_DIGEST', part: `md5:${'f'.repeat(32)}` },
  { input: 'repo@', code: 'REF_INVALID_DIGEST', part: '' },
  { input: `repo@${D256}@${D256}`, code: 'REF_INVALID_DIGEST', part: `${D256}@${D256}` },
  { input: 'Uppercase:tag', code: 'REF_UPPERCASE_REPOSITORY', part: 'Uppercase' },
  { input: 'ALPINE', code: 'REF_UPPERCASE_REPOSITORY', part: 'ALPINE' },
  {
    input: 'test:5000/Uppercase/lowercase:tag',
    code: 'REF_UPPERCASE_REPOSITORY',
    part: 'Uppercase/lowercase',
  },
  { input: 'docker/Docker', code: 'REF_UPPERCASE_REPOSITORY', part: 'docker/Docker' },
  { input: 'docker.io/docker/Docker', code: 'REF_UPPERCASE_REPOSITORY', part: 'docker/Docker' },
  { input: 'registry.example.com/App:1.0', code: 'REF_UPPERCASE_REPOSITORY', part: 'App' },
  { input: 'My_Org/app', code: 'REF_UPPERCASE_REPOSITORY', part: 'My_Org/app' },
  { input: 'a//b', code: 'REF_INVALID_REPOSITORY', part: 'a//b' },
  { input: 'docker///docker', code: 'REF_INVALID_REPOSITORY', part: 'docker///docker' },
  { input: 'docker/', code: 'REF_INVALID_REPOSITORY', part: 'docker/' },
  { input: 'registry.example.com/', code: 'REF_INVALID_REPOSITORY', part: '' },
  { input: '/app', code: 'REF_INVALID_REPOSITORY', part: '/app' },
  { input: '-docker', code: 'REF_INVALID_REPOSITORY', part: '-docker' },
  { input: 'docker-', code: 'REF_INVALID_REPOSITORY', part: 'docker-' },
  { input: '-docker-/docker', code: 'REF_INVALID_REPOSITORY', part: '-docker-' },
  { input: 'a___b', code: 'REF_INVALID_REPOSITORY', part: 'a___b' },
  { input: 'a..b', code: 'REF_INVALID_REPOSITORY', part: 'a..b' },
  // A first component with a '.' is a host to docker, so this is a bad host, not a bad path.
  { input: 'dock_.er/docker', code: 'REF_INVALID_HOST', part: 'dock_.er' },
  { input: 'docker/dock_.er', code: 'REF_INVALID_REPOSITORY', part: 'dock_.er' },
  { input: 'docker/dock-.er', code: 'REF_INVALID_REPOSITORY', part: 'dock-.er' },
  { input: '____/____', code: 'REF_INVALID_REPOSITORY', part: '____' },
  { input: '_docker/_docker', code: 'REF_INVALID_REPOSITORY', part: '_docker' },
  { input: 'aa/asdf$$^/aa', code: 'REF_INVALID_REPOSITORY', part: 'asdf$$^' },
  { input: 'packages.buildkite.com/app', code: 'REF_INVALID_REPOSITORY', part: 'app' },
  { input: 'packages.buildkite.com/images/app', code: 'REF_ORGANIZATION_REQUIRED', part: 'images/app' },
  { input: '-docker.io/docker/docker', code: 'REF_INVALID_HOST', part: '-docker.io' },
  { input: 'foo_bar.com/app', code: 'REF_INVALID_HOST', part: 'foo_bar.com' },
  { input: 'exa$mple.com/app', code: 'REF_INVALID_HOST', part: 'exa$mple.com' },
  { input: 'localhost:abc/app', code: 'REF_INVALID_HOST', part: 'localhost:abc' },
  { input: 'fc00::1:5000/debian', code: 'REF_INVALID_HOST', part: 'fc00::1:5000' },
  { input: '[fe80::1%eth0]:5000/debian', code: 'REF_INVALID_HOST', part: '[fe80::1%eth0]:5000' },
  {
    input: '[2001:db8:3:4::192.0.2.33]:5000/debian',
    code: 'REF_INVALID_HOST',
    part: '[2001:db8:3:4::192.0.2.33]:5000',
  },
  { input: 'app:Feature/x', code: 'REF_INVALID_TAG', part: 'Feature/x' },
  { input: 'app:', code: 'REF_INVALID_TAG', part: '' },
  { input: 'app:.hidden', code: 'REF_INVALID_TAG', part: '.hidden' },
  { input: 'app:-rc1', code: 'REF_INVALID_TAG', part: '-rc1' },
  { input: 'app:a:b', code: 'REF_INVALID_TAG', part: 'a:b' },
  { input: 'app:v1+build', code: 'REF_INVALID_TAG', part: 'v1+build' },
  { input: `app:${'a'.repeat(129)}`, code: 'REF_INVALID_TAG', part: 'a'.repeat(129) },
  { input: 'a'.repeat(248), code: 'REF_NAME_TOO_LONG', part: 'a'.repeat(248) },
  { input: `${'a/'.repeat(128)}a:tag`, code: 'REF_NAME_TOO_LONG', part: `${'a/'.repeat(128)}a` },
  { input: `registry.example.com/${'a'.repeat(256)}`, code: 'REF_NAME_TOO_LONG', part: 'a'.repeat(256) },
];

function parseError(input: string): InvalidReferenceError {
  try {
    parseReference(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidReferenceError);
    return error as InvalidReferenceError;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be refused`);
}

describe('parseReference', () => {
  test('the table has at least 60 rows', () => {
    expect(valid.length + invalid.length).toBeGreaterThanOrEqual(60);
  });

  test.each(valid)('accepts $input', ({ input, registry, repository, tag, digest }) => {
    const ref = parseReference(input);
    expect(ref).toEqual({
      registry,
      repository,
      ...(tag === undefined ? {} : { tag }),
      ...(digest === undefined ? {} : { digest }),
    });
    expect(parseReference(formatReference(ref))).toEqual(ref);
    expect(parseReference(familiarReference(ref))).toEqual(ref);
  });

  test.each(invalid)('refuses $input with $code', ({ input, code, part }) => {
    const error = parseError(input);
    expect(error.code).toBe(code);
    expect(error.part).toBe(part);
    expect(error.input).toBe(input);
    expect(error.message).toContain(JSON.stringify(part));
  });

  test('a bad tag error names the tag, the input and the rule', () => {
    expect(parseError('app:Feature/x').message).toBe(
      'invalid tag "Feature/x" in "app:Feature/x": a tag is at most 128 characters of letters, digits, ' +
        "'_', '.' and '-', not starting with '.' or '-' ('/' is not allowed in a tag)",
    );
  });

  test('an unknown digest algorithm names the registered ones', () => {
    expect(parseError(`repo@md5:${'f'.repeat(32)}`).message).toContain(
      'registered algorithms are sha256, sha384, sha512',
    );
  });

  test('a sha384 digest parses, as docker accepts it', () => {
    const digest = `sha384:${'a'.repeat(96)}`;
    expect(parseReference(`ghcr.io/acme/app@${digest}`)).toMatchObject({ digest, repository: 'acme/app' });
    expect(parseError(`app@sha384:${'a'.repeat(64)}`).message).toContain('a sha384 digest has 96 hex digits');
    expect(parseError(`app@sha384:${'A'.repeat(96)}`).code).toBe('REF_INVALID_DIGEST');
  });

  test('the uppercase error suggests the lowercase name', () => {
    expect(parseError('docker/Docker').hint).toBe('Use "docker/docker" instead.');
  });

  test('the length error mentions the library/ prefix Docker Hub adds', () => {
    expect(parseError('a'.repeat(248)).message).toContain('this one has 256 counting the "library/"');
  });

  test('IPv6 without brackets gets a hint', () => {
    expect(parseError('fc00::1:5000/debian').hint).toMatch(/brackets/);
  });

  test('returns frozen plain data without undefined keys', () => {
    const ref = parseReference('alpine');
    expect(Object.isFrozen(ref)).toBe(true);
    expect(Object.keys(ref)).toEqual(['registry', 'repository']);
  });

  test('defaultTag adds latest only when there is neither tag nor digest', () => {
    expect(parseReference('alpine', { defaultTag: true }).tag).toBe('latest');
    expect(parseReference('alpine:3', { defaultTag: true }).tag).toBe('3');
    expect(parseReference(`alpine@${D256}`, { defaultTag: true })).toEqual({
      registry: 'docker.io',
      repository: 'library/alpine',
      digest: D256,
    });
  });

  test('buildkiteOrganization fills in the organization of a short Buildkite reference', () => {
    const options = { buildkiteOrganization: 'acme' };
    expect(parseReference('packages.buildkite.com/images/app:1', options)).toEqual({
      registry: 'packages.buildkite.com',
      repository: 'acme/images/app',
      tag: '1',
    });
    expect(parseReference('packages.buildkite.com/other/images/app', options).repository).toBe(
      'other/images/app',
    );
    expect(parseReference('alpine', options).repository).toBe('library/alpine');
    expect(() =>
      parseReference('packages.buildkite.com/images/app', { buildkiteOrganization: 'Acme' }),
    ).toThrow(expect.objectContaining({ code: 'REF_INVALID_SLUG', part: 'Acme' }));
  });
});

describe('formatting', () => {
  test.each([
    ['alpine', 'docker.io/library/alpine', 'alpine'],
    ['alpine:3.20', 'docker.io/library/alpine:3.20', 'alpine:3.20'],
    ['user/app', 'docker.io/user/app', 'user/app'],
    ['docker.io/library/foo/bar', 'docker.io/library/foo/bar', 'library/foo/bar'],
    ['localhost:5000/app', 'localhost:5000/app', 'localhost:5000/app'],
    ['index.docker.io/fooo/bar', 'docker.io/fooo/bar', 'fooo/bar'],
    ['other/library', 'docker.io/other/library', 'other/library'],
    ['127.0.0.1:8000/privatebase', '127.0.0.1:8000/privatebase', '127.0.0.1:8000/privatebase'],
    ['Foo/bar', 'Foo/bar', 'Foo/bar'],
    // Departures that keep familiar forms parseable: docker would print "<hex>" and "a.b/app".
    [`docker.io/${ID}`, `docker.io/library/${ID}`, `library/${ID}`],
    ['docker.io/a.b/app', 'docker.io/a.b/app', 'docker.io/a.b/app'],
    ['docker.io/localhost/app', 'docker.io/localhost/app', 'docker.io/localhost/app'],
    [`busybox:latest@${BUSYBOX}`, `docker.io/library/busybox:latest@${BUSYBOX}`, `busybox:latest@${BUSYBOX}`],
  ])('%s formats as %s, familiar %s', (input, full, familiar) => {
    const ref = parseReference(input);
    expect(formatReference(ref)).toBe(full);
    expect(familiarReference(ref)).toBe(familiar);
  });

  test('repositoryName drops tag and digest', () => {
    expect(repositoryName(parseReference(`registry.example.com:5000/a/b:1@${D256}`))).toBe(
      'registry.example.com:5000/a/b',
    );
  });

  test('withDefaultTag returns the same object when a tag or digest is present', () => {
    const tagged = parseReference('alpine:3');
    expect(withDefaultTag(tagged)).toBe(tagged);
    expect(formatReference(withDefaultTag(parseReference('alpine')))).toBe('docker.io/library/alpine:latest');
  });

  test('withTag and withDigest replace one part and keep the other', () => {
    const ref = parseReference(`app:1@${D256}`);
    expect(formatReference(withTag(ref, 'Two'))).toBe(`docker.io/library/app:Two@${D256}`);
    expect(formatReference(withDigest(ref, D512))).toBe(`docker.io/library/app:1@${D512}`);
    expect(() => withTag(ref, 'feature/x')).toThrow(expect.objectContaining({ code: 'REF_INVALID_TAG' }));
    expect(() => withDigest(ref, 'sha256:abc')).toThrow(
      expect.objectContaining({ code: 'REF_INVALID_DIGEST' }),
    );
  });
});

import { describe, expect, test } from 'vitest';
import { formatSource, parseSource, type SourceSpec } from '../../../src/sources/index.js';

const D256 = `sha256:${'a'.repeat(64)}`;

describe('parseSource', () => {
  test.each<[string, SourceSpec]>([
    ['oci:/tmp/lay', { kind: 'oci', path: '/tmp/lay', select: { by: 'only' } }],
    ['oci:lay:', { kind: 'oci', path: 'lay', select: { by: 'only' } }],
    ['oci:./lay:v1', { kind: 'oci', path: './lay', select: { by: 'name', name: 'v1' } }],
    ['oci:lay:foo/bar:1.0', { kind: 'oci', path: 'lay', select: { by: 'name', name: 'foo/bar:1.0' } }],
    ['oci:lay:@2', { kind: 'oci', path: 'lay', select: { by: 'index', index: 2 } }],
    [`oci:lay@${D256}`, { kind: 'oci', path: 'lay', select: { by: 'digest', digest: D256 } }],
    ['oci-archive:img.tar', { kind: 'oci-archive', path: 'img.tar', select: { by: 'only' } }],
    [
      'oci-archive:img.tar:latest',
      { kind: 'oci-archive', path: 'img.tar', select: { by: 'name', name: 'latest' } },
    ],
    ['docker-archive:img.tar', { kind: 'docker-archive', path: 'img.tar', select: { by: 'only' } }],
    [
      'docker-archive:img.tar:@1',
      { kind: 'docker-archive', path: 'img.tar', select: { by: 'index', index: 1 } },
    ],
    [
      'docker-archive:img.tar:app',
      {
        kind: 'docker-archive',
        path: 'img.tar',
        select: { by: 'reference', reference: 'docker.io/library/app:latest' },
      },
    ],
    [
      'docker-archive:img.tar:localhost:5000/a/b:2',
      {
        kind: 'docker-archive',
        path: 'img.tar',
        select: { by: 'reference', reference: 'localhost:5000/a/b:2' },
      },
    ],
    [
      'docker:alpine',
      { kind: 'docker', reference: { registry: 'docker.io', repository: 'library/alpine', tag: 'latest' } },
    ],
    [
      'docker-daemon:app:1',
      { kind: 'docker', reference: { registry: 'docker.io', repository: 'library/app', tag: '1' } },
    ],
    [
      'podman:quay.io/x/y:2',
      { kind: 'podman', reference: { registry: 'quay.io', repository: 'x/y', tag: '2' } },
    ],
    [
      'alpine:3.20',
      { kind: 'registry', reference: { registry: 'docker.io', repository: 'library/alpine', tag: '3.20' } },
    ],
    [
      'localhost:5000/app',
      { kind: 'registry', reference: { registry: 'localhost:5000', repository: 'app', tag: 'latest' } },
    ],
    [
      'docker://docker:5000/app:1',
      { kind: 'registry', reference: { registry: 'docker:5000', repository: 'app', tag: '1' } },
    ],
  ])('%s', (input, expected) => {
    expect(parseSource(input)).toEqual(expected);
  });

  test.each([
    ['', '', /cannot be empty/],
    ['oci:', '', /path is missing/],
    ['oci::v1', '', /path is missing/],
    ['oci:lay:bad name', 'bad name', /invalid image name "bad name"/],
    ['oci:lay:-x', '-x', /invalid image name/],
    ['oci:lay:@x', '@x', /invalid source index "@x"/],
    ['oci:lay:@-1', '@-1', /invalid source index/],
    ['oci:lay@sha256:abc', 'sha256:abc', /not a valid digest/],
    ['docker-archive:', '', /path is missing/],
    [`docker-archive:f.tar:app@${D256}`, `app@${D256}`, /not by digest/],
    ['docker-archive:f.tar:UPPER', 'UPPER', /UPPER/],
    ['docker:', '', /reference is missing/],
    ['dir:/tmp/x', 'dir', /"dir:" is not supported/],
    ['containers-storage:app', 'containers-storage', /not supported/],
    ['Bad Ref', 'Bad Ref', /whitespace/],
  ])('rejects %j, naming %j', (input, part, message) => {
    let caught: unknown;
    try {
      parseSource(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({
      code: 'SRC_INVALID_SPEC',
      name: 'InvalidSourceSpecError',
      spec: input,
      part,
    });
    expect((caught as Error).message).toMatch(message);
    expect((caught as { hint: string }).hint).toContain('docker-archive:FILE');
  });

  test('passes parse options to the reference parser', () => {
    const spec = parseSource('packages.buildkite.com/images/app', { buildkiteOrganization: 'acme' });
    expect(spec).toMatchObject({ kind: 'registry', reference: { repository: 'acme/images/app' } });
  });
});

describe('formatSource', () => {
  test.each([
    'oci:lay',
    'oci:lay:v1',
    'oci:lay:@3',
    `oci:lay@${D256}`,
    'oci-archive:a.tar:x',
    'docker-archive:a.tar',
    'docker-archive:a.tar:@0',
    'docker-archive:a.tar:docker.io/library/app:latest',
    'docker:docker.io/library/app:1',
    'podman:quay.io/a/b:latest',
    'docker://localhost:5000/app:latest',
  ])('round-trips %s', (input) => {
    const spec = parseSource(input);
    expect(formatSource(spec)).toBe(input);
    expect(parseSource(formatSource(spec))).toEqual(spec);
  });
});

import { describe, expect, it } from 'vitest';
import { parseReference } from '../../../../src/reference/index.js';
import {
  classifyEngineFailure,
  digestFromDockerPush,
  digestFromPodmanDigestFile,
  digestFromRepoDigests,
  isLoopbackHost,
} from '../../../../src/sources/engine/index.js';

const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;

describe('digestFromDockerPush', () => {
  it.each([
    [
      'classic output',
      `The push refers to repository [127.0.0.1:5000/app]\n5f70bf18a086: Pushed\nv1: digest: ${A} size: 528`,
      A,
    ],
    ['CRLF line ends', `abc: Pushed\r\nv1: digest: ${A} size: 528\r\n`, A],
    [
      'layer lines mentioning a digest are ignored',
      `Mounted from library/x digest: ${B}\nv1: digest: ${A} size: 9`,
      A,
    ],
    ['last status line wins', `v1: digest: ${B} size: 1\nv1: digest: ${A} size: 2`, A],
    ['no digest line', 'The push refers to repository [x]\nlayer: Pushed', undefined],
    ['malformed digest', 'v1: digest: sha256:xyz size: 1', undefined],
  ])('%s', (_name, output, want) => {
    expect(digestFromDockerPush(output)).toBe(want);
  });
});

describe('digestFromPodmanDigestFile', () => {
  it.each([
    [A, A],
    [`${A}\n`, A],
    ['', undefined],
    [`${A} extra`, undefined],
    ['sha256:short', undefined],
  ])('%j', (text, want) => {
    expect(digestFromPodmanDigestFile(text)).toBe(want);
  });
});

describe('digestFromRepoDigests', () => {
  const target = parseReference('127.0.0.1:5000/team/app:v1');
  it('matches the normalised repository exactly', () => {
    const json = JSON.stringify([
      `127.0.0.1:5000/team/app@${A}`,
      `127.0.0.1:5000/team/app-other@${B}`,
      `team/app@${B}`,
    ]);
    expect(digestFromRepoDigests(json, target)).toEqual([A]);
  });
  it('reads familiar Docker Hub names', () => {
    expect(
      digestFromRepoDigests(JSON.stringify([`alpine@${A}`]), parseReference('docker.io/library/alpine:3')),
    ).toEqual([A]);
  });
  it('returns every digest of the repository so callers can see ambiguity', () => {
    const json = JSON.stringify([`127.0.0.1:5000/team/app@${A}`, `127.0.0.1:5000/team/app@${B}`]);
    expect(digestFromRepoDigests(json, target)).toEqual([A, B]);
  });
  it.each(['not json', '{}', 'null', '[1,2]', JSON.stringify(['no-at-sign'])])('tolerates %s', (json) => {
    expect(digestFromRepoDigests(json, target)).toEqual([]);
  });
});

describe('classifyEngineFailure', () => {
  it.each([
    ['Error: No such image: app:ci', 'not-found'],
    ['Error: app:ci: image not known', 'not-found'],
    ['unauthorized: authentication required', 'unauthorized'],
    ['no basic auth credentials', 'unauthorized'],
    ['denied: requested access to the resource is denied', 'denied'],
    ['Cannot connect to the Docker daemon at unix:///x.sock. Is the docker daemon running?', 'unavailable'],
    ['dial tcp 127.0.0.1:5000: connect: connection refused', 'unavailable'],
    ['received unexpected HTTP status: 503 Service Unavailable', 'unavailable'],
    ['something odd', 'other'],
  ])('%s → %s', (stderr, want) => {
    expect(classifyEngineFailure(stderr)).toBe(want);
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['localhost', true],
    ['localhost:5000', true],
    ['127.0.0.1:5000', true],
    ['127.1.2.3', true],
    ['[::1]:5000', true],
    ['packages.buildkite.com', false],
    ['127.0.0.1.example.com', false],
    ['10.0.0.1:5000', false],
  ])('%s → %s', (host, want) => {
    expect(isLoopbackHost(host)).toBe(want);
  });
});

import { describe, expect, test } from 'vitest';
import { parseSource } from '../../../src/sources/spec.js';
import { editDistance } from '../../../src/sources/unknown-transport.js';

describe('a mistyped transport', () => {
  test.each([
    ['oci-arhive:image.tar', 'oci-archive'],
    ['ocidir:x', 'oci'],
    ['oci-archiv:out/app.tar', 'oci-archive'],
    ['dokcer-archive:image.tar', 'docker-archive'],
    ['podmn:app:v1', 'podman'],
    ['docker-deamon:app', 'docker-daemon'],
    ['layout:./out', 'oci'],
    ['archive:image.tar', 'oci-archive'],
    // A registry written as a URL: an image in a registry, not an OCI layout.
    ['https://ghcr.io/acme/app:v1', 'docker'],
    ['http://127.0.0.1:5000/team/app', 'docker'],
  ])('refuses %s and suggests %s:', (spec, suggestion) => {
    expect(() => parseSource(spec)).toThrow(
      expect.objectContaining({
        code: 'SRC_UNKNOWN_TRANSPORT',
        message: expect.stringContaining('unknown transport'),
        hint: expect.stringContaining(`did you mean "${suggestion}:`),
      }),
    );
  });

  test.each([
    ['alpine:3.20', 'docker.io/library/alpine'],
    ['localhost:5000/team/app', 'localhost:5000/team/app'],
    ['registry:5000', 'docker.io/library/registry'],
    ['ghcr.io/acme/app:v1', 'ghcr.io/acme/app'],
    ['docker-compose:latest', 'docker.io/library/docker-compose'],
    ['ubuntu:24.04', 'docker.io/library/ubuntu'],
    ['app@sha256:' + 'a'.repeat(64), 'docker.io/library/app'],
  ])('still reads %s as a registry reference', (spec, name) => {
    const parsed = parseSource(spec);
    expect(parsed.kind).toBe('registry');
    if (parsed.kind === 'registry')
      expect(`${parsed.reference.registry}/${parsed.reference.repository}`).toBe(name);
  });

  test('edit distance counts a swap as one edit', () => {
    expect(editDistance('dokcer', 'docker')).toBe(1);
    expect(editDistance('oci-arhive', 'oci-archive')).toBe(1);
    expect(editDistance('', 'oci')).toBe(3);
  });
});

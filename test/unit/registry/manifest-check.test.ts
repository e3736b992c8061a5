import { describe, expect, test } from 'vitest';
import { checkManifest } from '../../../src/registry/manifest-check.js';

const d = (c: string) => `sha256:${c.repeat(64)}`;
const desc = (mediaType: string, c: string, extra: object = {}) => ({
  mediaType,
  digest: d(c),
  size: 10,
  ...extra,
});
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));
const image = (extra: object = {}) =>
  bytes({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: desc('application/vnd.oci.image.config.v1+json', 'c'),
    layers: [desc('application/vnd.oci.image.layer.v1.tar+gzip', 'a')],
    ...extra,
  });

describe('checkManifest', () => {
  test('an OCI image manifest: config and layers must exist', () => {
    const checked = checkManifest(image(), OCI_MANIFEST);
    expect(checked.kind).toBe('image');
    expect(checked.mediaType).toBe(OCI_MANIFEST);
    expect(checked.blobs.map((b) => b.digest)).toEqual([d('c'), d('a')]);
    expect(checked.artifactType).toBe('application/vnd.oci.image.config.v1+json');
  });

  test('each referenced digest is listed once, however often the manifest repeats it', () => {
    const layer = desc('application/vnd.oci.image.layer.v1.tar+gzip', 'a');
    const checked = checkManifest(
      image({ layers: [...Array.from({ length: 27_053 }, () => layer), desc(OCI_MANIFEST, 'c')] }),
      OCI_MANIFEST,
    );
    expect(checked.blobs.map((b) => b.digest)).toEqual([d('c'), d('a')]);
    const index = checkManifest(
      bytes({ schemaVersion: 2, manifests: [desc(OCI_MANIFEST, 'b'), desc(OCI_MANIFEST, 'b')] }),
      undefined,
    );
    expect(index.manifests.map((m) => m.digest)).toEqual([d('b')]);
  });

  test('an index: its children must exist, not blobs', () => {
    const checked = checkManifest(
      bytes({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [desc(OCI_MANIFEST, 'b')] }),
      undefined,
    );
    expect(checked).toMatchObject({ kind: 'index', mediaType: OCI_INDEX, blobs: [] });
    expect(checked.manifests.map((m) => m.digest)).toEqual([d('b')]);
    expect(checked.artifactType).toBeUndefined();
  });

  test('non-distributable layers (urls, or a nondistributable/foreign type) are not required', () => {
    const checked = checkManifest(
      image({
        layers: [
          desc('application/vnd.oci.image.layer.v1.tar', 'e', { urls: ['https://example.com/x'] }),
          desc('application/vnd.docker.image.rootfs.foreign.diff.tar.gzip', 'f'),
          desc('application/vnd.oci.image.layer.v1.tar', '1'),
        ],
      }),
      OCI_MANIFEST,
    );
    expect(checked.blobs.map((b) => b.digest)).toEqual([d('c'), d('1')]);
  });

  test('subject, artifactType and string annotations are kept for the referrers index', () => {
    const checked = checkManifest(
      image({
        artifactType: 'application/x.sig',
        subject: desc(OCI_MANIFEST, '9'),
        annotations: { a: 'b', n: 3 },
      }),
      OCI_MANIFEST,
    );
    expect(checked.subject?.digest).toBe(d('9'));
    expect(checked.artifactType).toBe('application/x.sig');
    expect(checked.annotations).toEqual({ a: 'b' });
  });

  test.each([
    ['no Content-Type and no mediaType: inferred from config', undefined, { config: 1 }, OCI_MANIFEST],
    [
      'no mediaType in the body: the Content-Type',
      'application/vnd.docker.distribution.manifest.v2+json',
      {},
      'application/vnd.docker.distribution.manifest.v2+json',
    ],
    ['a generic Content-Type is ignored', 'application/json', { manifests: [] }, OCI_INDEX],
    [
      'Content-Type parameters are ignored',
      `${OCI_MANIFEST}; charset=utf-8`,
      { mediaType: OCI_MANIFEST },
      OCI_MANIFEST,
    ],
  ])('%s', (_label, contentType, fields, expected) => {
    const base = { schemaVersion: 2, config: desc('x/y', 'c'), layers: [], ...fields };
    if ('config' in fields) base.config = desc('x/y', 'c');
    expect(checkManifest(bytes(base), contentType).mediaType).toBe(expected);
  });

  test('missing or null layers read as none', () => {
    const value = { schemaVersion: 2, mediaType: OCI_MANIFEST, config: desc('x/y', 'c'), layers: null };
    expect(checkManifest(bytes(value), OCI_MANIFEST).blobs).toHaveLength(1);
  });

  test.each([
    ['not JSON', Buffer.from('blablabla'), /not valid JSON/],
    ['an array', bytes([]), /not a JSON object/],
    ['schema 1', bytes({ schemaVersion: 1, config: desc('x/y', 'c'), layers: [] }), /schemaVersion/],
    [
      'an unknown media type',
      bytes({ schemaVersion: 2, mediaType: 'application/x.unknown', config: desc('x/y', 'c') }),
      /unsupported manifest media type/,
    ],
    [
      'a config without digest',
      bytes({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: { mediaType: 'x/y', size: 1 }, layers: [] }),
      /config.digest/,
    ],
    ['a negative size', image({ layers: [desc('x/y', 'a', { size: -1 })] }), /layers\[0\].size/],
    [
      'a bad digest',
      image({ layers: [{ mediaType: 'x/y', size: 1, digest: 'sha256:zz' }] }),
      /layers\[0\].digest/,
    ],
    ['layers not an array', image({ layers: {} }), /"layers" must be an array/],
    ['urls not strings', image({ layers: [desc('x/y', 'a', { urls: [1] })] }), /urls/],
  ])('%s → 400 MANIFEST_INVALID', (_label, body, message) => {
    expect(() => checkManifest(body, undefined)).toThrow(
      expect.objectContaining({ apiCode: 'MANIFEST_INVALID' }),
    );
    expect(() => checkManifest(body, undefined)).toThrow(message);
  });

  test('a Content-Type contradicting the body mediaType is MANIFEST_INVALID', () => {
    expect(() => checkManifest(image(), OCI_INDEX)).toThrow(/differs from the manifest's mediaType/);
  });
});

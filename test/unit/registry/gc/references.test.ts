import { expect, test } from 'vitest';
import { referencesOf } from '../../../../src/registry/gc/references.js';

const d = (c: string) => `sha256:${c.repeat(64)}`;
const json = (value: unknown) => Buffer.from(JSON.stringify(value));

test.each([
  [
    'image manifest',
    json({
      config: { digest: d('c') },
      layers: [{ digest: d('1') }, { digest: d('2') }],
      subject: { digest: d('s') },
    }),
    { blobs: [d('c'), d('1'), d('2')], manifests: [] },
  ],
  [
    'index',
    json({ manifests: [{ digest: d('a') }, { digest: d('b') }] }),
    { blobs: [], manifests: [d('a'), d('b')] },
  ],
  [
    'invalid digests and odd shapes are skipped',
    json({ config: { digest: 'sha256:short' }, layers: [null, 3, { digest: d('1') }], manifests: 'x' }),
    { blobs: [d('1')], manifests: [] },
  ],
  ['not JSON', Buffer.from('\u0000binary'), { blobs: [], manifests: [] }],
  ['a JSON scalar', json(42), { blobs: [], manifests: [] }],
])('%s', (_name, bytes, expected) => {
  expect(referencesOf(bytes)).toEqual(expected);
});

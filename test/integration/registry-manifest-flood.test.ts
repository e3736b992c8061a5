/**
 * A manifest that lists one layer thousands of times (about 4 MiB) costs one reference check per
 * distinct digest, not one per entry, however many such puts arrive at once: the store is asked
 * about each digest once per put. (Time and RSS are measured by `npm run bench -- manifest-flood`.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskStore } from '../../src/registry/storage/disk.js';
import { newTempDir } from '../support/temp-dir.js';
import {
  OCI_CONFIG,
  OCI_LAYER,
  OCI_MANIFEST,
  descriptorOf,
  pushBlob,
  randomBytes,
  send,
  startRegistry,
  type TestRegistry,
} from './registry-support.js';

const ENTRIES = 27_053;

describe('a manifest listing one layer 27,053 times', () => {
  let reg: TestRegistry;
  let stats = 0;

  beforeAll(async () => {
    const store = new DiskStore({ root: newTempDir('flood'), fsync: false });
    const statBlob = store.statBlob.bind(store);
    store.statBlob = (repository, digest) => {
      stats += 1;
      return statBlob(repository, digest);
    };
    reg = await startRegistry({ store });
  });
  afterAll(async () => {
    await reg?.registry.close();
  });

  it('checks each distinct reference once per put, eight puts at once', async () => {
    const config = Buffer.from('{"architecture":"amd64","os":"linux"}');
    const layer = randomBytes(1024, 7);
    await pushBlob(reg.url, 'flood/app', config);
    await pushBlob(reg.url, 'flood/app', layer);
    const entry = descriptorOf(OCI_LAYER, layer);
    const manifests = Array.from({ length: 8 }, (_, n) =>
      Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: OCI_MANIFEST,
          config: descriptorOf(OCI_CONFIG, config),
          layers: Array.from({ length: ENTRIES }, () => entry),
          annotations: { n: String(n) },
        }),
      ),
    );
    expect(manifests[0]!.length).toBeGreaterThan(3 * 1024 * 1024);
    stats = 0;
    const answers = await Promise.all(
      manifests.map((body, n) =>
        send(reg.url, 'PUT', `/v2/flood/app/manifests/v${n}`, {
          headers: { 'Content-Type': OCI_MANIFEST },
          body,
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array<number>(8).fill(201));
    expect(stats).toBe(8 * 2);
  });
});

/**
 * The test data sets of a run (`GenerateData` in `run.go`), in the order they run. Each is a
 * small random image, index or artifact graph exercising one feature; the configuration's
 * `data` switches turn them off. Without push, no data is generated (only read-only inputs).
 */
import { randomBytes } from 'node:crypto';
import { MT, type Descriptor } from './oci-json.js';
import type { Runner } from './runner.js';
import { setupSubjects } from './setup-subjects.js';
import {
  digestOf,
  genConfig,
  genLayer,
  genWithAlgo,
  genWithAnnotations,
  genWithArtifactType,
  genWithCompress,
  genWithConfigBytes,
  genWithConfigMediaType,
  genWithDescriptorData,
  genWithExtraField,
  genWithLayerBytes,
  genWithLayerCount,
  genWithLayerMediaType,
  genWithPlatform,
  genWithPlatforms,
  genWithTag,
} from './test-data.js';
import { genIndex, genIndexFull, genManifest, genManifestFull } from './test-data-manifests.js';
import { withFlag } from './api-options.js';

const AMD64 = { os: 'linux', architecture: 'amd64' };
const ARM64 = { os: 'linux', architecture: 'arm64' };

/** Generates every data set the configuration enables. */
export function generateData(r: Runner): void {
  const { data, roData, apis } = r.config;
  if (!data.image) return;
  const ro = roData;
  if (ro.tags.length + ro.manifests.length + ro.blobs.length + ro.referrers.length > 0) {
    r.addDataSet('read-only', 'Read Only Inputs', true, (td) => {
      for (const tag of ro.tags) td.tags.set(tag, '');
      for (const dig of ro.manifests) {
        td.manifests.set(dig, Buffer.alloc(0));
        td.manOrder.push(dig);
      }
      for (const dig of ro.blobs) td.blobs.set(dig, Buffer.alloc(0));
      for (const dig of ro.referrers) td.referrers.set(dig, []);
    });
  }
  if (!apis.push) return;
  const artifact = [
    genWithArtifactType(MT.exampleConf1),
    genWithConfigMediaType(MT.ociEmptyJson),
    genWithConfigBytes(Buffer.from('{}')),
    genWithLayerCount(1),
  ];
  r.addDataSet('image', 'Image', true, (td) => void genManifestFull(td, genWithTag('image')));
  r.addDataSet('image-uncompressed', 'Image Uncompressed', true, (td) => {
    genManifestFull(td, genWithTag('image-uncompressed'), genWithCompress('none'));
  });
  r.addDataSet('large-manifest', 'Image with Large Manifest', true, (td) => {
    const large: Record<string, string> = {};
    for (let i = 0; i < 390; i++) large[`large-annotation-${i}`] = 'A'.repeat(10000);
    genManifestFull(td, genWithTag('large-manifest'), genWithAnnotations(large));
  });
  r.addDataSet('index', 'Index', data.index, (td) => {
    genIndexFull(td, genWithTag('index'), genWithPlatforms([AMD64, ARM64]));
  });
  r.addDataSet('nested-index', 'Nested Index', data.index && data.indexList, (td) => {
    const first = genIndexFull(td, genWithPlatforms([AMD64, ARM64]));
    const second = genIndexFull(td, genWithPlatforms([AMD64, ARM64]));
    genIndex(td, [undefined, undefined], [first, second], genWithTag('index-of-index'));
  });
  r.addDataSet('empty-index', 'Empty Index', data.index, (td) => {
    genIndexFull(td, genWithTag('index'), genWithPlatforms([]));
  });
  r.addDataSet('artifact', 'Artifact', data.artifact, (td) => {
    genManifestFull(td, genWithTag('artifact'), ...artifact, genWithLayerMediaType(MT.exampleConf1));
  });
  r.addDataSet('artifact-index', 'Artifact Index', data.artifactList, (td) => {
    genIndexFull(
      td,
      genWithTag('artifact-index'),
      genWithPlatforms([AMD64, ARM64]),
      ...artifact,
      genWithLayerMediaType(MT.exampleConf1),
    );
  });
  r.addDataSet('artifact-without-layers', 'Artifact without Layers', data.artifact, (td) => {
    genManifestFull(
      td,
      genWithTag('artifact-without-layers'),
      ...artifact,
      genWithLayerBytes(Buffer.from('{}')),
      genWithLayerMediaType(MT.ociEmptyJson),
    );
  });
  setupSubjects(r, artifact);
  r.addDataSet('data-field', 'Data Field', data.dataField, (td) => {
    genManifestFull(td, genWithTag('data-field'), genWithDescriptorData());
  });
  r.addDataSet('non-distributable-layers', 'Non-distributable Layers', data.nondistributable, (td) => {
    const confDigests: string[] = [];
    confDigests.push(digestOf(randomBytes(256)));
    const first = digestOf(randomBytes(256));
    const second = digestOf(randomBytes(256));
    confDigests.push(second);
    const urlOf = (dig: string) => [`https://store.example.com/blobs/sha256/${dig.slice('sha256:'.length)}`];
    const layers: Descriptor[] = [
      { mediaType: MT.ociLayerNdGz, digest: first, size: 123456, urls: urlOf(first) },
      { mediaType: MT.ociLayerNd, digest: second, size: 12345, urls: urlOf(second) },
    ];
    const normal = genLayer(td, 1);
    confDigests.push(normal.uncomp);
    layers.push({ ...td.descOf(normal.comp) });
    const config = genConfig(td, AMD64, confDigests);
    genManifest(td, { ...td.descOf(config) }, layers, genWithTag('non-distributable-image'));
  });
  r.addDataSet('custom-fields', 'Custom Fields', data.customFields, (td) => {
    genIndexFull(td, genWithTag('custom-fields'), genWithPlatforms([AMD64, ARM64]), genWithExtraField());
  });
  r.addDataSet('no-layers', 'No Layers', data.noLayers, (td) => {
    genManifestFull(td, genWithTag('no-layers'), genWithLayerCount(0));
  });
  r.addDataSet('sparse', 'Sparse Manifests', data.sparse, (td) => {
    genManifestFull(td, genWithTag('sparse-image'));
    for (const dig of td.blobs.keys()) {
      if (td.descOf(dig).mediaType.startsWith(MT.ociLayerPrefix)) {
        td.desc.delete(dig);
        td.blobs.delete(dig);
        break;
      }
    }
    const image = genManifestFull(td, genWithPlatform(AMD64));
    const random = digestOf(randomBytes(1024));
    td.desc.set(random, { mediaType: MT.ociImage, digest: random, size: 1024 });
    genIndex(td, [AMD64, ARM64], [image, random], genWithTag('sparse-index'));
  });
  // non-canonical digests need tag parameters to push tags, so only push by digest
  r.addDataSet(
    'sha512',
    'Digest Algorithm sha512',
    data.sha512,
    (td) => void genIndexFull(td, genWithAlgo('sha512')),
  );
  for (const algo of ['sha256', 'sha512'] as const) {
    const name = `tag-param-${algo}`;
    const enabled = apis.manifests.tagParam && (algo === 'sha256' || data.sha512);
    r.addDataSet(name, algo === 'sha256' ? 'Tag Param' : 'Tag Param sha512', enabled, (td) => {
      genIndexFull(td, genWithTag(name), ...(algo === 'sha512' ? [genWithAlgo('sha512')] : []));
      for (const [i, dig] of td.manOrder.entries()) {
        td.tags.set(`${name}-${i}`, dig);
        td.pushOpts.set(dig, [withFlag('TagParam')]);
      }
    });
  }
  r.addDataSet('bad-digest-image', 'Bad Digest Image', true, (td) => {
    const dig = genManifestFull(td);
    td.pullOpts.set(dig, [withFlag('SkipPullTest')]);
    td.pushOpts.set(dig, [withFlag('ExpectBadDigest')]);
    // trailing whitespace: the bytes no longer match the digest they are pushed under
    td.manifests.set(dig, Buffer.concat([td.manifests.get(dig)!, Buffer.from('  ')]));
  });
}

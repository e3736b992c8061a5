/**
 * Manifests and indexes for the test data sets (`testdata.go`): `genManifestFull` builds an image
 * (layers, config, manifest), `genIndexFull` one image per platform plus the index. A manifest
 * with a subject is recorded as an expected referrer of that subject; a tag option tags it.
 */
import {
  MT,
  indexJson,
  manifestJson,
  marshal,
  randText,
  type Descriptor,
  type Platform,
} from './oci-json.js';
import {
  addBlob,
  applyOpts,
  digestOf,
  genBlob,
  genConfig,
  genLayer,
  genWithDescriptorMediaType,
  genWithPlatform,
  type GenOpt,
  type TestData,
} from './test-data.js';

const DEFAULT_PLATFORMS: Platform[] = [
  { os: 'linux', architecture: 'amd64' },
  { os: 'linux', architecture: 'arm64' },
];

function uniqAnnotations(
  annotations: Record<string, string> | undefined,
  uniq: boolean | undefined,
): Record<string, string> | undefined {
  if (!uniq) return annotations;
  return { ...annotations, [`org.example.${randText()}`]: randText() };
}

function record(
  td: TestData,
  body: Buffer,
  digest: string,
  mediaType: string,
  setData: boolean | undefined,
): void {
  td.manifests.set(digest, body);
  td.manOrder.push(digest);
  td.desc.set(digest, { mediaType, digest, size: body.length, ...(setData ? { data: body } : {}) });
}

function addReferrer(td: TestData, subject: Descriptor, referrer: Descriptor): void {
  const list = td.referrers.get(subject.digest) ?? [];
  list.push(referrer);
  td.referrers.set(subject.digest, list);
}

/** An image manifest with `config` and `layers`. */
export function genManifest(
  td: TestData,
  config: Descriptor,
  layers: Descriptor[],
  ...opts: GenOpt[]
): string {
  const o = applyOpts({ algo: 'sha256' }, opts);
  const annotations = uniqAnnotations(o.annotations, o.annotationUniq);
  const artifactType = o.artifactType ?? '';
  const body = marshal(
    manifestJson({ mediaType: MT.ociImage, artifactType, config, layers, subject: o.subject, annotations }),
    o.extraField,
  );
  const dig = digestOf(body, o.algo);
  record(td, body, dig, MT.ociImage, o.setData);
  if (o.subject !== undefined) {
    addReferrer(td, o.subject, {
      mediaType: MT.ociImage,
      artifactType: artifactType === '' ? config.mediaType : artifactType,
      digest: dig,
      size: body.length,
      ...(annotations === undefined ? {} : { annotations }),
    });
  }
  if (o.tag !== undefined && o.tag !== '') td.tags.set(o.tag, dig);
  return dig;
}

/** An image: `layerCount` layers (2 by default), a config, and the manifest. */
export function genManifestFull(td: TestData, ...opts: GenOpt[]): string {
  const o = applyOpts({ layerCount: 2, platform: { os: 'linux', architecture: 'amd64' } }, opts);
  const comp: string[] = [];
  const uncomp: string[] = [];
  for (let l = 0; l < (o.layerCount ?? 2); l++) {
    if (
      o.layerMediaType === undefined ||
      o.layerMediaType === '' ||
      o.layerMediaType.startsWith(MT.ociLayerPrefix)
    ) {
      const layer = genLayer(td, l, ...opts);
      comp.push(layer.comp);
      uncomp.push(layer.uncomp);
    } else {
      const lOpts = [genWithDescriptorMediaType(o.layerMediaType), ...opts];
      const dig =
        o.layerBytes !== undefined ? addBlob(td, o.layerBytes, ...lOpts) : genBlob(td, ...lOpts).digest;
      comp.push(dig);
      uncomp.push(dig);
    }
  }
  let configDigest: string;
  if (o.configMediaType === undefined || o.configMediaType === '' || o.configMediaType === MT.ociConfig) {
    configDigest = genConfig(td, o.platform ?? DEFAULT_PLATFORMS[0]!, uncomp, ...opts);
  } else {
    const bOpts = [genWithDescriptorMediaType(o.configMediaType), ...opts];
    configDigest = addBlob(td, o.configBytes ?? Buffer.alloc(0), ...bOpts);
  }
  const layers = comp.map((d) => ({ ...td.descOf(d) }));
  return genManifest(td, { ...td.descOf(configDigest) }, layers, ...opts);
}

/** An index of `manifests`, each given the platform at the same position. */
export function genIndex(
  td: TestData,
  platforms: (Platform | undefined)[],
  manifests: string[],
  ...opts: GenOpt[]
): string {
  const o = applyOpts({ algo: 'sha256' }, opts);
  if (platforms.length !== manifests.length) {
    throw new Error('genIndex requires the same number of platforms and layers');
  }
  const entries = manifests.map((dig, i) => {
    const d: Descriptor = { ...td.descOf(dig) };
    const platform = platforms[i];
    if (platform === undefined) delete d.platform;
    else d.platform = platform;
    return d;
  });
  const annotations = uniqAnnotations(o.annotations, o.annotationUniq);
  const artifactType = o.artifactType ?? '';
  const body = marshal(
    indexJson({ mediaType: MT.ociIndex, artifactType, manifests: entries, subject: o.subject, annotations }),
    o.extraField,
  );
  const dig = digestOf(body, o.algo);
  record(td, body, dig, MT.ociIndex, o.setData);
  if (o.subject !== undefined) {
    addReferrer(td, o.subject, {
      mediaType: MT.ociIndex,
      artifactType,
      digest: dig,
      size: body.length,
      ...(annotations === undefined ? {} : { annotations }),
    });
  }
  if (o.tag !== undefined && o.tag !== '') td.tags.set(o.tag, dig);
  return dig;
}

/** One image per platform (amd64 and arm64 by default), then the index over them. */
export function genIndexFull(td: TestData, ...opts: GenOpt[]): string {
  const o = applyOpts({ platforms: DEFAULT_PLATFORMS }, opts);
  const platforms = o.platforms ?? DEFAULT_PLATFORMS;
  const images = platforms.map((p) =>
    genManifestFull(td, genWithPlatform(p ?? DEFAULT_PLATFORMS[0]!), ...opts),
  );
  return genIndex(td, platforms, images, ...opts);
}

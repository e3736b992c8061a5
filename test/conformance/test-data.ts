/**
 * Test data sets (`testdata.go`): random blobs, gzip'd tar layers and image configs, each kept
 * with its descriptor, plus the options that shape them. Manifests and indexes are built in
 * `test-data-manifests.ts`.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { ApiOpt } from './api-options.js';
import { MT, imageConfigJson, marshal, type Descriptor, type Platform } from './oci-json.js';

/** Digest algorithms the suite uses. `sha256` is canonical. */
export type Algorithm = 'sha256' | 'sha512';

/** `algorithm:hex` of `bytes`. */
export function digestOf(bytes: Uint8Array, algorithm: Algorithm = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

/** The algorithm of a digest string (`sha256` when it has none the suite knows). */
export function algorithmOf(digest: string): Algorithm {
  return digest.startsWith('sha512:') ? 'sha512' : 'sha256';
}

/** One data set: what to push, what to expect back, and per-digest flags for push and pull. */
export class TestData {
  /** Display name, e.g. "Image with Large Manifest". */
  readonly name: string;
  readonly tags = new Map<string, string>();
  readonly tagPushed = new Set<string>();
  readonly desc = new Map<string, Descriptor>();
  readonly blobs = new Map<string, Buffer>();
  readonly manifests = new Map<string, Buffer>();
  /** Manifests in push order (children before the index that lists them). */
  readonly manOrder: string[] = [];
  /** Subject digest -> the referrer descriptors the registry must list. */
  readonly referrers = new Map<string, Descriptor[]>();
  readonly pullOpts = new Map<string, ApiOpt[]>();
  readonly pushOpts = new Map<string, ApiOpt[]>();

  constructor(name: string) {
    this.name = name;
  }

  /** The descriptor of `digest`; throws when the generator did not record one (a bug of the port). */
  descOf(digest: string): Descriptor {
    const d = this.desc.get(digest);
    if (d === undefined) throw new Error(`conformance: no descriptor for ${digest} in ${this.name}`);
    return d;
  }
}

/** Generator options (`genOptS`); each `genWith*` function sets one. */
export interface GenOptions {
  algo?: Algorithm;
  annotations?: Record<string, string>;
  annotationUniq?: boolean;
  artifactType?: string;
  blobSize?: number;
  comp?: 'none' | 'gzip';
  configBytes?: Buffer;
  configMediaType?: string;
  descriptorMediaType?: string;
  extraField?: boolean;
  layerBytes?: Buffer;
  layerCount?: number;
  layerMediaType?: string;
  platform?: Platform;
  platforms?: (Platform | undefined)[];
  setData?: boolean;
  subject?: Descriptor;
  tag?: string;
}

/** A functional generator option. */
export type GenOpt = (o: GenOptions) => void;

/** Digest algorithm of everything generated (default sha256). */
export const genWithAlgo =
  (algo: Algorithm): GenOpt =>
  (o) =>
    void (o.algo = algo);
/** Annotations of manifests and indexes (merged with earlier ones). */
export const genWithAnnotations =
  (annotations: Record<string, string>): GenOpt =>
  (o) => {
    if (o.annotations === undefined) o.annotations = annotations;
    else Object.assign(o.annotations, annotations);
  };
/** Adds one random annotation, so otherwise equal manifests differ. */
export const genWithAnnotationUniq = (): GenOpt => (o) => void (o.annotationUniq = true);
/** The `artifactType` of manifests and indexes. */
export const genWithArtifactType =
  (t: string): GenOpt =>
  (o) =>
    void (o.artifactType = t);
/** Layer compression (default gzip). */
export const genWithCompress =
  (comp: 'none' | 'gzip'): GenOpt =>
  (o) =>
    void (o.comp = comp);
/** Config blob bytes, for a config media type other than the OCI image config. */
export const genWithConfigBytes =
  (b: Buffer): GenOpt =>
  (o) =>
    void (o.configBytes = b);
/** Config media type (default the OCI image config). */
export const genWithConfigMediaType =
  (t: string): GenOpt =>
  (o) =>
    void (o.configMediaType = t);
/** Embeds content in descriptors (`data` field). */
export const genWithDescriptorData = (): GenOpt => (o) => void (o.setData = true);
/** Media type of the descriptor of a raw blob (default octet-stream). */
export const genWithDescriptorMediaType =
  (t: string): GenOpt =>
  (o) =>
    void (o.descriptorMediaType = t);
/** Adds a random unknown field to configs, manifests and indexes. */
export const genWithExtraField = (): GenOpt => (o) => void (o.extraField = true);
/** Bytes of each artifact layer (default random). */
export const genWithLayerBytes =
  (b: Buffer): GenOpt =>
  (o) =>
    void (o.layerBytes = b);
/** Number of layers (default 2). */
export const genWithLayerCount =
  (n: number): GenOpt =>
  (o) =>
    void (o.layerCount = n);
/** Layer media type; a non-`layer.v1.` type makes random artifact blobs. */
export const genWithLayerMediaType =
  (t: string): GenOpt =>
  (o) =>
    void (o.layerMediaType = t);
/** Platform of an image config (default linux/amd64). */
export const genWithPlatform =
  (p: Platform): GenOpt =>
  (o) =>
    void (o.platform = p);
/** Platforms of an index, one image each (default linux amd64 and arm64). */
export const genWithPlatforms =
  (ps: (Platform | undefined)[]): GenOpt =>
  (o) =>
    void (o.platforms = ps);
/** Size of a random blob (default 2048). */
export const genWithBlobSize =
  (size: number): GenOpt =>
  (o) =>
    void (o.blobSize = size);
/** Subject of manifests and indexes, which become its expected referrers. */
export const genWithSubject =
  (d: Descriptor): GenOpt =>
  (o) =>
    void (o.subject = { ...d });
/** Tag the generated manifest or index. */
export const genWithTag =
  (tag: string): GenOpt =>
  (o) =>
    void (o.tag = tag);

/** Applies `opts` over `defaults`. */
export function applyOpts(defaults: GenOptions, opts: readonly GenOpt[]): GenOptions {
  const o = { ...defaults };
  for (const opt of opts) opt(o);
  return o;
}

/** Records `bytes` as a blob with an `application/octet-stream` (or chosen) descriptor. */
export function addBlob(td: TestData, bytes: Buffer, ...opts: GenOpt[]): string {
  const o = applyOpts({ algo: 'sha256', descriptorMediaType: MT.octetStream }, opts);
  const dig = digestOf(bytes, o.algo);
  td.blobs.set(dig, bytes);
  td.desc.set(dig, {
    mediaType: o.descriptorMediaType ?? MT.octetStream,
    digest: dig,
    size: bytes.length,
    ...(o.setData ? { data: bytes } : {}),
  });
  return dig;
}

/** A random blob, 2048 bytes unless `genWithBlobSize`. */
export function genBlob(td: TestData, ...opts: GenOpt[]): { digest: string; bytes: Buffer } {
  const o = applyOpts({ blobSize: 2048 }, opts);
  const bytes = randomBytes(o.blobSize ?? 2048);
  return { digest: addBlob(td, bytes, ...opts), bytes };
}

/**
 * A layer holding one small tar file, gzip'd unless `genWithCompress('none')`. Returns the
 * compressed digest and the "uncompressed" digest. Like the suite, the uncompressed digest is
 * that of an empty buffer (the Go code never writes its uncompressed copy); configs list it as
 * their diff ID.
 */
export function genLayer(td: TestData, fileNum: number, ...opts: GenOpt[]): { comp: string; uncomp: string } {
  const o = applyOpts({ comp: 'gzip', algo: 'sha256' }, opts);
  const file = `Conformance test file contents for file number ${fileNum}.\nTodays lucky number is ${randomInt(2 ** 47)}${randomInt(2 ** 16)}\n`;
  const tar = tarOneFile(`./conformance-${fileNum}.txt`, Buffer.from(file));
  const body = o.comp === 'gzip' ? gzipSync(tar) : tar;
  const mediaType = o.comp === 'gzip' ? MT.ociLayerGz : MT.ociLayer;
  const comp = digestOf(body, o.algo);
  const uncompBody = Buffer.alloc(0);
  const uncomp = digestOf(uncompBody, o.algo);
  td.blobs.set(comp, body);
  td.desc.set(comp, { mediaType, digest: comp, size: body.length, ...(o.setData ? { data: body } : {}) });
  td.desc.set(uncomp, { mediaType: MT.ociLayer, digest: uncomp, size: 0 });
  return { comp, uncomp };
}

/** An image config for `platform` listing `diffIds`. */
export function genConfig(td: TestData, platform: Platform, diffIds: string[], ...opts: GenOpt[]): string {
  const o = applyOpts({ algo: 'sha256', configMediaType: MT.ociConfig }, opts);
  const body = marshal(imageConfigJson('OCI Conformance Test', platform, diffIds), o.extraField);
  const dig = digestOf(body, o.algo);
  td.blobs.set(dig, body);
  td.desc.set(dig, {
    mediaType: o.configMediaType ?? MT.ociConfig,
    digest: dig,
    size: body.length,
    ...(o.setData ? { data: body } : {}),
  });
  return dig;
}

/** A ustar archive with one regular file (mode 0644, mtime 0) and the two zero end blocks. */
function tarOneFile(name: string, content: Buffer): Buffer {
  const header = Buffer.alloc(512);
  const put = (text: string, offset: number, length: number) => header.write(text, offset, length, 'ascii');
  const octal = (n: number, length: number) => n.toString(8).padStart(length - 1, '0');
  put(name, 0, 100);
  put(octal(0o644, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(content.length, 12), 124, 12);
  put(octal(0, 12), 136, 12);
  put(' '.repeat(8), 148, 8);
  put('0', 156, 1);
  put('ustar\u000000', 257, 8);
  const sum = header.reduce((acc, byte) => acc + byte, 0);
  put(`${octal(sum, 7)}\u0000 `, 148, 8);
  const padding = Buffer.alloc((512 - (content.length % 512)) % 512);
  return Buffer.concat([header, content, padding, Buffer.alloc(1024)]);
}

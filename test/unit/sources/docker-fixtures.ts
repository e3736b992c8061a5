/** Docker archives (`docker save` layout) generated in code for the source tests. */
import { gzipSync } from 'node:zlib';
import { sha256, type TarFixtureEntry } from './fixtures.js';

/** One image of a generated docker archive. */
export interface DockerItemFixture {
  tags: string[] | null;
  layers: Buffer[];
  /** Store the layer tars gzip-compressed (some tools do; docker save does not). */
  gzipLayers?: boolean;
  /** Extra fields merged into the config. */
  config?: Record<string, unknown>;
}

/** What {@link dockerArchiveEntries} made. */
export interface DockerArchiveFixture {
  entries: TarFixtureEntry[];
  /** Each item's config bytes. */
  configs: Buffer[];
  manifestJson: unknown[];
}

/**
 * Tar entries of a docker archive holding `items`.
 *
 * - `legacy` (default): `docker save` before Docker 25: `<config hex>.json`, `<id>/layer.tar`,
 *   with a layer seen before written as a symlink to the first copy (as docker does).
 * - `oci`: Docker 25+: config and layers under `blobs/sha256/`, named in manifest.json.
 */
export function dockerArchiveEntries(
  items: DockerItemFixture[],
  style: 'legacy' | 'oci' = 'legacy',
): DockerArchiveFixture {
  const entries: TarFixtureEntry[] = [];
  const written = new Map<string, string>(); // content digest -> path in the archive
  const configs: Buffer[] = [];
  const manifestJson = items.map((item, itemIndex) => {
    const layerPaths = item.layers.map((tar, i) => {
      const stored = item.gzipLayers ? gzipSync(tar) : tar;
      const digest = sha256(stored);
      const hex = digest.slice(7);
      const path =
        style === 'oci' ? `blobs/sha256/${hex}` : `${sha256(`${itemIndex}-${i}-${hex}`).slice(7)}/layer.tar`;
      const first = written.get(digest);
      if (first !== undefined && style === 'oci') return first;
      if (first !== undefined) {
        entries.push({ name: path, type: 'symlink', linkname: `../${first}` });
      } else {
        entries.push({ name: path, data: stored });
        written.set(digest, path);
      }
      return path;
    });
    const config = Buffer.from(
      JSON.stringify({
        architecture: 'amd64',
        os: 'linux',
        config: { Env: [`ITEM=${itemIndex}`] },
        rootfs: { type: 'layers', diff_ids: item.layers.map((tar) => sha256(tar)) },
        ...item.config,
      }),
    );
    configs.push(config);
    const configPath =
      style === 'oci' ? `blobs/sha256/${sha256(config).slice(7)}` : `${sha256(config).slice(7)}.json`;
    entries.push({ name: configPath, data: config });
    return { Config: configPath, RepoTags: item.tags, Layers: layerPaths };
  });
  entries.push({ name: 'manifest.json', data: JSON.stringify(manifestJson) });
  return { entries, configs, manifestJson };
}

/**
 * The manifest skopeo generates for an image of a docker archive (checked against skopeo 1.9 by
 * the integration tests), written out by hand: Go struct key order, no spaces.
 */
export function expectedSchema2(
  config: Buffer,
  layers: Buffer[],
  layerType = 'application/vnd.docker.image.rootfs.diff.tar.gzip',
): string {
  const layerJson = layers.map(
    (tar) => `{"mediaType":"${layerType}","size":${tar.length},"digest":"${sha256(tar)}"}`,
  );
  return (
    '{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",' +
    `"config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":${config.length},"digest":"${sha256(config)}"},` +
    `"layers":[${layerJson.join(',')}]}`
  );
}

import type { Descriptor } from '../../oci/descriptor.js';
import type { Artifact } from '../../oci/image.js';
import type { ImageIndex } from '../../oci/manifest.js';
import { isIndexMediaType } from '../../oci/media-types.js';
import type { LayoutSelector } from '../spec.js';
import { buildArtifact, readManifest } from './artifact.js';
import type { BlobStore } from './blob-store.js';
import {
  MAX_INDEX_BYTES,
  MAX_LAYOUT_FILE_BYTES,
  checkLayoutVersion,
  parseIndexJson,
} from './layout-files.js';
import { noMatch, selectEntry } from './select.js';

/**
 * Reads the image a selector picks out of an OCI image layout, from a directory or an archive:
 * checks `oci-layout`, parses `index.json`, selects an entry (see `selectEntry`) and builds its
 * artifact. A digest that is not an entry of index.json is looked for inside the indexes it
 * lists, so one platform of a multi-platform image can be chosen (`oci:DIR@sha256:...`).
 */
export async function readLayout(
  store: BlobStore,
  selector: LayoutSelector,
  signal?: AbortSignal,
): Promise<Artifact> {
  signal?.throwIfAborted();
  checkLayoutVersion(
    await store.readFile('oci-layout', MAX_LAYOUT_FILE_BYTES),
    `${store.location}/oci-layout`,
  );
  const where = `${store.location}/index.json`;
  const index = parseIndexJson(await store.readFile('index.json', MAX_INDEX_BYTES), where);
  let descriptor = selectEntry(index, selector, where);
  if (descriptor === undefined && selector.by === 'digest') {
    descriptor = await findNested(store, index, selector.digest, signal);
    if (descriptor === undefined)
      throw noMatch(index, where, `no manifest ${selector.digest} in ${where} or the indexes it lists`);
  }
  return buildArtifact(store, descriptor!, signal);
}

async function findNested(
  store: BlobStore,
  index: ImageIndex,
  digest: string,
  signal?: AbortSignal,
  depth = 0,
): Promise<Descriptor | undefined> {
  if (depth > 4) return undefined;
  for (const entry of index.manifests) {
    if (entry.digest === digest) return entry;
  }
  for (const entry of index.manifests) {
    if (!isIndexMediaType(entry.mediaType)) continue;
    const nested = await readManifest(store, entry, signal);
    const found = await findNested(store, nested.parsed.manifest as ImageIndex, digest, signal, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

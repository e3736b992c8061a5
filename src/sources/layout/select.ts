import { formatPlatform, type Descriptor } from '../../oci/descriptor.js';
import type { ImageIndex } from '../../oci/manifest.js';
import { ImageSelectionError } from '../errors.js';
import type { LayoutSelector } from '../spec.js';
import { CONTAINERD_NAME_ANNOTATION, REF_NAME_ANNOTATION } from './layout-files.js';

/**
 * Picks the entry of a layout's `index.json` that a {@link LayoutSelector} asks for, the way
 * skopeo's `oci:` transport does (containers/image `oci/layout` `getManifestDescriptor`):
 *
 * - `only`: the single entry; more than one is `SRC_AMBIGUOUS` (the message lists them all).
 * - `name`: the first entry whose `org.opencontainers.image.ref.name` is the name; failing that,
 *   the first whose `io.containerd.image.name` is (what `docker save` and containerd write, e.g.
 *   `docker.io/library/alpine:3.20`). skopeo only looks at the first annotation.
 * - `index`: the entry at that position.
 * - `digest`: the entry with that digest; `undefined` when none has it (the caller then looks
 *   inside nested indexes).
 *
 * @throws ImageSelectionError `SRC_NO_MATCH` or `SRC_AMBIGUOUS`, listing the entries
 */
export function selectEntry(
  index: ImageIndex,
  selector: LayoutSelector,
  where: string,
): Descriptor | undefined {
  const entries = index.manifests;
  switch (selector.by) {
    case 'only': {
      if (entries.length === 1) return entries[0];
      if (entries.length === 0) throw noMatch(index, where, `${where} lists no image`);
      throw new ImageSelectionError(
        'SRC_AMBIGUOUS',
        `${where} lists ${entries.length} images and none was chosen`,
        describeEntries(index),
        where,
        'Choose one by name (oci:DIR:NAME), position (oci:DIR:@INDEX) or digest (oci:DIR@DIGEST).',
      );
    }
    case 'name': {
      const found =
        entries.find((e) => e.annotations?.[REF_NAME_ANNOTATION] === selector.name) ??
        entries.find((e) => e.annotations?.[CONTAINERD_NAME_ANNOTATION] === selector.name);
      if (found === undefined)
        throw noMatch(index, where, `no image named ${JSON.stringify(selector.name)} in ${where}`);
      return found;
    }
    case 'index': {
      const found = entries[selector.index];
      if (found === undefined) {
        throw noMatch(
          index,
          where,
          `no image @${selector.index} in ${where}: it lists ${entries.length} (@0 to @${entries.length - 1})`,
        );
      }
      return found;
    }
    case 'digest':
      return entries.find((e) => e.digest === selector.digest);
  }
}

/** `SRC_NO_MATCH` listing what `index` holds. */
export function noMatch(index: ImageIndex, where: string, message: string): ImageSelectionError {
  return new ImageSelectionError(
    'SRC_NO_MATCH',
    message,
    describeEntries(index),
    where,
    'Pick one of the images listed.',
  );
}

/** One line per entry: `@0 v1 sha256:... linux/amd64`. */
export function describeEntries(index: ImageIndex): string[] {
  return index.manifests.map((entry, i) => {
    const name =
      entry.annotations?.[REF_NAME_ANNOTATION] ??
      entry.annotations?.[CONTAINERD_NAME_ANNOTATION] ??
      '(no name)';
    const platform = entry.platform === undefined ? '' : ` ${formatPlatform(entry.platform)}`;
    return `@${i} ${name} ${entry.digest}${platform}`;
  });
}

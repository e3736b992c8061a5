import type { ImageArchive } from './archive.js';
import type { DerivedCache } from './derived-cache.js';
import type { Checksums } from './types.js';

/** The cached checksums of a Download archive (by its key), or undefined. */
export async function readArchiveChecksums(
  cache: DerivedCache,
  archive: ImageArchive,
): Promise<Checksums | undefined> {
  const bytes = await cache.read(keyOf(archive));
  if (bytes === undefined) return undefined;
  try {
    const value = JSON.parse(bytes.toString('utf8')) as Partial<Checksums>;
    const { md5, sha1, sha256, sha512 } = value;
    if ([md5, sha1, sha256, sha512].some((v) => typeof v !== 'string')) return undefined;
    return { md5: md5!, sha1: sha1!, sha256: sha256!, sha512: sha512! };
  } catch {
    return undefined; // damaged: computed again
  }
}

/** Caches the checksums of a Download archive. */
export function writeArchiveChecksums(
  cache: DerivedCache,
  archive: ImageArchive,
  checksums: Checksums,
): Promise<void> {
  return cache.write(keyOf(archive), Buffer.from(JSON.stringify(checksums)));
}

function keyOf(archive: ImageArchive): string {
  return `archives/${archive.key}.json`;
}

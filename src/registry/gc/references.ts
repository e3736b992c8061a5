import { checkDigest } from '../../reference/digest.js';

/** What a manifest's bytes point at. */
export interface ManifestReferences {
  /** Config and layer blobs (every one named, non-distributable layers included). */
  readonly blobs: readonly string[];
  /** Child manifests of an index or manifest list. */
  readonly manifests: readonly string[];
}

const NONE: ManifestReferences = { blobs: [], manifests: [] };

/**
 * The digests a stored manifest references: `config`, `layers[]`, and an index's `manifests[]`.
 * Not the `subject`: a referrer does not keep its subject alive (each is a manifest of its own).
 * Bytes that are not a JSON manifest reference nothing; invalid digests are skipped.
 */
export function referencesOf(bytes: Uint8Array): ManifestReferences {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return NONE;
  }
  if (typeof value !== 'object' || value === null) return NONE;
  const record = value as { config?: unknown; layers?: unknown; manifests?: unknown };
  return {
    blobs: [...digestsOf([record.config]), ...digestsOf(record.layers)],
    manifests: digestsOf(record.manifests),
  };
}

function digestsOf(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  const found: string[] = [];
  for (const entry of list) {
    const digest = (entry as { digest?: unknown } | null | undefined)?.digest;
    if (typeof digest === 'string' && checkDigest(digest).ok) found.push(digest);
  }
  return found;
}

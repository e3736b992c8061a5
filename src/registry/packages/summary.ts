import type { Store } from '../storage/store.js';
import type { PackageStats } from './stats.js';

/** One tag of an image, as the packages API shows it. */
export interface TagSummary {
  readonly tag: string;
  readonly digest: string;
  readonly media_type: string;
  /** ISO time the tag was last pushed; null when pushed before statistics were kept. */
  readonly pushed_at: string | null;
  /** Downloads asked for by this tag: manifest GETs and archive downloads. */
  readonly downloads: number;
  /** Manifest, config and layers (for an index: every platform's), each distinct blob once. */
  readonly size: number;
}

/** An image (a repository under a registry) with its tags. */
export interface PackageSummary {
  /** The image name within the registry (`web` for `acme/images/web`). */
  readonly name: string;
  readonly repository: string;
  readonly pushed_at: string | null;
  readonly downloads: number;
  /** Distinct content of every tagged manifest together. */
  readonly size: number;
  readonly tags: readonly TagSummary[];
}

/**
 * Summarises repository `repository` whose registry prefix is `registry` (`{org}/{registry}`, or
 * the open-mode group). Undefined when the repository has no tag left: nothing to show.
 */
export async function summarizePackage(
  store: Store,
  stats: PackageStats,
  registry: string,
  repository: string,
): Promise<PackageSummary | undefined> {
  const tags = await store.listTags(repository);
  if (tags === undefined) return undefined;
  const recorded = stats.get(repository);
  const all = new Map<string, number>();
  const children = new Set<string>();
  const summaries: TagSummary[] = [];
  for (const tag of tags) {
    const info = await store.statManifest(repository, tag);
    if (info === undefined) continue;
    const blobs = await contentOf(store, repository, info.digest, info.size, 0);
    for (const [digest, size] of blobs) {
      all.set(digest, size);
      if (digest !== info.digest) children.add(digest);
    }
    summaries.push({
      tag,
      digest: info.digest,
      media_type: info.mediaType,
      pushed_at: recorded.tags[tag]?.pushedAt || null,
      downloads: recorded.tags[tag]?.downloads ?? 0,
      size: sum(blobs),
    });
  }
  if (summaries.length === 0) return undefined;
  summaries.sort(newestFirst);
  const pushed = summaries
    .map((t) => t.pushed_at)
    .filter((t): t is string => t !== null)
    .sort();
  // A pull by tag of an index also GETs a platform manifest by digest: counted once, under the tag.
  let downloads = summaries.reduce((n, t) => n + t.downloads, 0);
  for (const [digest, m] of Object.entries(recorded.manifests)) {
    if (!children.has(digest)) downloads += m.downloads;
  }
  return {
    name: registry === '' ? repository : repository.slice(registry.length + 1),
    repository,
    pushed_at: pushed.at(-1) ?? null,
    downloads,
    size: sum(all),
    tags: summaries,
  };
}

/** Tags pushed last first; those pushed before statistics were kept last; then by name. */
function newestFirst(a: TagSummary, b: TagSummary): number {
  const [x, y] = [a.pushed_at ?? '', b.pushed_at ?? ''];
  if (x !== y) return x > y ? -1 : 1;
  return a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0;
}

/** Digest → size of a manifest and everything it references (index children two levels deep). */
export async function contentOf(
  store: Store,
  repository: string,
  digest: string,
  size: number,
  depth: number,
): Promise<Map<string, number>> {
  const found = new Map<string, number>([[digest, size]]);
  const manifest = await store.getManifest(repository, digest);
  if (manifest === undefined) return found;
  let parsed: { config?: Descriptor; layers?: Descriptor[]; manifests?: Descriptor[] };
  try {
    parsed = JSON.parse(manifest.bytes.toString('utf8')) as typeof parsed;
  } catch {
    return found;
  }
  for (const d of [parsed.config, ...(parsed.layers ?? [])]) {
    if (isDescriptor(d) && (d.urls === undefined || d.urls.length === 0)) found.set(d.digest, d.size);
  }
  if (depth < 2) {
    for (const child of parsed.manifests ?? []) {
      if (!isDescriptor(child)) continue;
      for (const [d, s] of await contentOf(store, repository, child.digest, child.size, depth + 1))
        found.set(d, s);
    }
  }
  return found;
}

interface Descriptor {
  readonly digest: string;
  readonly size: number;
  readonly urls?: readonly string[];
}

function isDescriptor(value: unknown): value is Descriptor {
  const d = value as Descriptor | undefined;
  return (
    typeof d?.digest === 'string' && typeof d.size === 'number' && Number.isSafeInteger(d.size) && d.size >= 0
  );
}

function sum(sizes: Map<string, number>): number {
  let total = 0;
  for (const size of sizes.values()) total += size;
  return total;
}

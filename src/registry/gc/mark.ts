import type { StorageDriver } from '../storage/driver/driver.js';
import type { Layout } from '../storage/layout.js';
import { listRepositories } from '../storage/repositories.js';
import { listDigests } from './content.js';
import { referencesOf } from './references.js';

/** Largest manifest the mark reads (bigger content is not a manifest this registry stored). */
const MAX_MANIFEST_READ = 16 * 1024 * 1024;

/** What the mark phase found. */
export interface Marks {
  /** Digests in use: every manifest revision of every repository and, transitively, what it references. */
  readonly live: ReadonlySet<string>;
  /**
   * The part of {@link live} reached from repositories that are not mirrors: local content, which
   * the retention cap never evicts.
   */
  readonly pinned: ReadonlySet<string>;
  /** Manifest digest → repositories holding it as a revision. */
  readonly revisions: ReadonlyMap<string, readonly string[]>;
  /** Blob digest → repositories with a layer link to it. */
  readonly links: ReadonlyMap<string, readonly string[]>;
  /**
   * Digests linked into a repository that is not a mirror: a push there may be about to
   * reference them, so eviction keeps them through the grace period even when only mirrors
   * reference them so far.
   */
  readonly linkedLocally: ReadonlySet<string>;
  readonly repositories: number;
}

/**
 * The mark phase. Roots are every manifest revision of every repository, tagged or not (a
 * referrer such as a signature is a revision of its own, so it is a root too); from each, the
 * config and layers and, for an index, its child manifests and theirs, read from the content
 * files. Each manifest is read once however many repositories hold it. `isMirror` says which
 * repositories are caches of an upstream (their content is evictable).
 */
export async function mark(
  driver: StorageDriver,
  layout: Layout,
  isMirror: (repository: string) => boolean,
): Promise<Marks> {
  const live = new Set<string>();
  const pinned = new Set<string>();
  const revisions = new Map<string, string[]>();
  const links = new Map<string, string[]>();
  const linkedLocally = new Set<string>();
  const closures = new Map<string, readonly string[]>();
  const repositories = await listRepositories(driver, layout.repositoriesDir);
  for (const repository of repositories) {
    const dir = layout.repository(repository);
    const mirror = isMirror(repository);
    for (const digest of await listDigests(driver, `${dir}/_layers`)) {
      append(links, digest, repository);
      if (!mirror) linkedLocally.add(digest);
    }
    for (const digest of await listDigests(driver, `${dir}/_manifests/revisions`)) {
      append(revisions, digest, repository);
      for (const reached of await closure(driver, layout, digest, closures)) {
        live.add(reached);
        if (!mirror) pinned.add(reached);
      }
    }
  }
  return { live, pinned, revisions, links, linkedLocally, repositories: repositories.length };
}

/** `digest` and everything its manifest references, recursively (memoised in `memo`). */
async function closure(
  driver: StorageDriver,
  layout: Layout,
  digest: string,
  memo: Map<string, readonly string[]>,
): Promise<readonly string[]> {
  const known = memo.get(digest);
  if (known !== undefined) return known;
  const reached = new Set<string>();
  const pending = [digest];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (reached.has(next)) continue;
    reached.add(next);
    const memoised = memo.get(next);
    if (memoised !== undefined && next !== digest) {
      for (const d of memoised) reached.add(d);
      continue;
    }
    const bytes = await readManifest(driver, layout, next);
    if (bytes === undefined) continue;
    const refs = referencesOf(bytes);
    for (const blob of refs.blobs) reached.add(blob);
    pending.push(...refs.manifests);
  }
  const result = [...reached];
  memo.set(digest, result);
  return result;
}

async function readManifest(
  driver: StorageDriver,
  layout: Layout,
  digest: string,
): Promise<Buffer | undefined> {
  const key = layout.blob(digest);
  const info = await driver.stat(key);
  if (info === undefined || info.size > MAX_MANIFEST_READ) return undefined;
  return driver.getContent(key);
}

function append(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

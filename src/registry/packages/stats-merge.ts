/** What is known about one manifest of a repository. */
export interface ManifestStats {
  /** ISO time of the last push of this manifest. */
  pushedAt: string;
  /** Manifest GETs (pulls) of it by digest, and downloads of archives asked for by digest. HEADs do not count. */
  downloads: number;
}

/** What is known about one tag: when it was last pushed, and its downloads. */
export interface TagStats {
  pushedAt: string;
  /** Manifest GETs and archive downloads asked for by this tag (absent: none). */
  downloads?: number;
}

/** Per-repository statistics: manifests by digest, tags by name. */
export interface RepositoryStats {
  manifests: Record<string, ManifestStats>;
  tags: Record<string, TagStats>;
}

/** The repositories of one statistics document. */
export type StatsRecord = Record<string, RepositoryStats>;

/** The `repositories` of a statistics document's bytes; empty when it holds none. */
export function parseStats(bytes: Buffer): StatsRecord {
  const data = JSON.parse(bytes.toString('utf8')) as { repositories?: StatsRecord };
  return typeof data.repositories === 'object' && data.repositories !== null ? data.repositories : {};
}

/**
 * One repository's statistics as every replica counted them: downloads summed, the latest push
 * time of each manifest and tag (ISO times compare as strings).
 */
export function mergeRepository(parts: readonly (RepositoryStats | undefined)[]): RepositoryStats {
  const merged: RepositoryStats = { manifests: {}, tags: {} };
  for (const part of parts) {
    if (part === undefined) continue;
    for (const [digest, entry] of Object.entries(part.manifests ?? {})) {
      const seen = merged.manifests[digest];
      merged.manifests[digest] = {
        pushedAt: later(seen?.pushedAt, entry.pushedAt),
        downloads: (seen?.downloads ?? 0) + (entry.downloads ?? 0),
      };
    }
    for (const [tag, entry] of Object.entries(part.tags ?? {})) {
      const seen = merged.tags[tag];
      const downloads = (seen?.downloads ?? 0) + (entry.downloads ?? 0);
      merged.tags[tag] = {
        pushedAt: later(seen?.pushedAt, entry.pushedAt),
        ...(downloads === 0 ? {} : { downloads }),
      };
    }
  }
  return merged;
}

function later(a: string | undefined, b: string): string {
  return a === undefined || b > a ? b : a;
}

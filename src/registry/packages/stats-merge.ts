import type { RepositoryStats } from './stats.js';

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
      merged.tags[tag] = { pushedAt: later(merged.tags[tag]?.pushedAt, entry.pushedAt) };
    }
  }
  return merged;
}

function later(a: string | undefined, b: string): string {
  return a === undefined || b > a ? b : a;
}

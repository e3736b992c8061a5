import { checkDigest, isDigestAlgorithm } from '../../reference/digest.js';
import { isSafeTag } from '../names.js';
import type { StorageDriver } from './driver/driver.js';
import { joinKey as join } from './driver/keys.js';
import { hashStream } from './hashing.js';
import type { Layout } from './layout.js';
import { digestsUnder as digestsIn, entryNames as namesIn } from './listing.js';
import { listRepositories } from './repositories.js';
import type { FsckProblem, FsckReport } from './store.js';

/**
 * Verifies a store: hashes every blob and compares it with its name, and checks that every layer
 * link, manifest revision, tag and referrers entry points at content that exists. Reads only;
 * repairs nothing. Cost: one full read of every blob.
 */
export async function fsck(driver: StorageDriver, layout: Layout): Promise<FsckReport> {
  const problems: FsckProblem[] = [];
  const report = (kind: FsckProblem['kind'], path: string, message: string): void => {
    problems.push({ kind, path, message });
  };
  const entryNames = (dir: string) => namesIn(driver, dir);
  const digestsUnder = (dir: string) => digestsIn(driver, dir);
  const exists = async (key: string) => (await driver.stat(key)) !== undefined;
  let blobs = 0;
  let blobBytes = 0;
  for (const algorithm of await entryNames(layout.blobsDir)) {
    for (const prefix of await entryNames(join(layout.blobsDir, algorithm))) {
      for (const hex of await entryNames(join(layout.blobsDir, algorithm, prefix))) {
        const path = join(layout.blobsDir, algorithm, prefix, hex);
        const digest = `${algorithm}:${hex}`;
        if (!isDigestAlgorithm(algorithm) || !checkDigest(digest).ok || !hex.startsWith(prefix)) {
          report('misplaced-blob', path, 'file name is not a digest in its expected place');
          continue;
        }
        try {
          const actual = await hashStream(driver.open(path), algorithm);
          blobs += 1;
          blobBytes += actual.size;
          if (actual.digest !== digest) report('corrupt-blob', path, `content hashes to ${actual.digest}`);
        } catch (error) {
          report('unreadable', path, (error as Error).message);
        }
      }
    }
  }
  const repositories = await listRepositories(driver, layout.repositoriesDir);
  let links = 0;
  let manifests = 0;
  let tags = 0;
  const contentExists = async (digest: string): Promise<boolean> => exists(layout.blob(digest));
  for (const repository of repositories) {
    for (const digest of await digestsUnder(join(layout.repository(repository), '_layers'))) {
      links += 1;
      if (!(await contentExists(digest))) {
        report('dangling-layer-link', layout.layerLink(repository, digest), `no content for ${digest}`);
      }
    }
    for (const digest of await digestsUnder(join(layout.repository(repository), '_manifests', 'revisions'))) {
      manifests += 1;
      if (!(await contentExists(digest))) {
        report('dangling-manifest', layout.revisionLink(repository, digest), `no content for ${digest}`);
      }
    }
    for (const tag of await entryNames(layout.tagsDir(repository))) {
      tags += 1;
      const path = join(layout.tagsDir(repository), tag);
      if (!isSafeTag(tag)) {
        report('invalid-tag', path, 'file name is not a valid tag');
        continue;
      }
      const target = (await driver.getContent(path))?.toString('utf8').trim() ?? '';
      if (!checkDigest(target).ok || !(await exists(layout.revisionLink(repository, target)))) {
        report('dangling-tag', path, `tag points at ${JSON.stringify(target)}, which is not a manifest here`);
      }
    }
    await checkReferrers(driver, layout, repository, report);
  }
  return {
    ok: problems.length === 0,
    blobs,
    blobBytes,
    repositories: repositories.length,
    links,
    manifests,
    tags,
    problems,
  };
}

async function checkReferrers(
  driver: StorageDriver,
  layout: Layout,
  repository: string,
  report: (kind: FsckProblem['kind'], path: string, message: string) => void,
): Promise<void> {
  const root = join(layout.repository(repository), '_referrers');
  for (const subject of await digestsIn(driver, root)) {
    const dir = layout.referrersDir(repository, subject);
    for (const entry of await namesIn(driver, dir)) {
      const digest = entry.replace('-', ':');
      if (
        !checkDigest(digest).ok ||
        (await driver.stat(layout.revisionLink(repository, digest))) === undefined
      ) {
        report('dangling-referrer', join(dir, entry), `referrer ${digest} is not a manifest here`);
      }
    }
  }
}

import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isMissing } from './errors.js';
import { unlinkIfExists, writeFileAtomic } from './files.js';
import type { Layout } from './layout.js';
import type { ReferrerDescriptor } from './store.js';

/** Entry file names: `<alg>-<hex>` of the referring manifest. */
const ENTRY = /^(sha256-[a-f0-9]{64}|sha512-[a-f0-9]{128})$/;

/**
 * The referrers index: for each subject digest, one small JSON file per manifest that names it as
 * `subject`, holding the descriptor the referrers API returns. Written when such a manifest is
 * pushed (the subject need not exist), removed when it is deleted.
 */
export class Referrers {
  readonly #layout: Layout;
  readonly #fsync: boolean;

  constructor(layout: Layout, fsync: boolean) {
    this.#layout = layout;
    this.#fsync = fsync;
  }

  /** Records `descriptor` as a referrer of `subject` (atomic write). */
  async add(repository: string, subject: string, descriptor: ReferrerDescriptor): Promise<void> {
    const path = this.#layout.referrer(repository, subject, descriptor.digest);
    await writeFileAtomic(this.#layout.tmpDir, path, JSON.stringify(descriptor), { fsync: this.#fsync });
  }

  /** Forgets the referrer `referrer` of `subject`. */
  async remove(repository: string, subject: string, referrer: string): Promise<void> {
    await unlinkIfExists(this.#layout.referrer(repository, subject, referrer));
  }

  /** Descriptors of the subject's referrers, sorted by digest; unreadable entries are skipped. */
  async list(repository: string, subject: string): Promise<ReferrerDescriptor[]> {
    const dir = this.#layout.referrersDir(repository, subject);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    const found: ReferrerDescriptor[] = [];
    for (const name of names.filter((entry) => ENTRY.test(entry)).sort()) {
      try {
        found.push(JSON.parse(await readFile(join(dir, name), 'utf8')) as ReferrerDescriptor);
      } catch (error) {
        if (!isMissing(error) && !(error instanceof SyntaxError)) throw error;
      }
    }
    return found;
  }
}

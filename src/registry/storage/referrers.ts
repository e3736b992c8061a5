import type { StorageDriver } from './driver/driver.js';
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
  readonly #driver: StorageDriver;

  constructor(layout: Layout, driver: StorageDriver) {
    this.#layout = layout;
    this.#driver = driver;
  }

  /** Records `descriptor` as a referrer of `subject` (atomic write). */
  async add(repository: string, subject: string, descriptor: ReferrerDescriptor): Promise<void> {
    const key = this.#layout.referrer(repository, subject, descriptor.digest);
    await this.#driver.putContent(key, JSON.stringify(descriptor));
  }

  /** Forgets the referrer `referrer` of `subject`. */
  async remove(repository: string, subject: string, referrer: string): Promise<void> {
    await this.#driver.delete(this.#layout.referrer(repository, subject, referrer));
  }

  /** Descriptors of the subject's referrers, sorted by digest; unreadable entries are skipped. */
  async list(repository: string, subject: string): Promise<ReferrerDescriptor[]> {
    const dir = this.#layout.referrersDir(repository, subject);
    const names = (await this.#driver.list(dir)).map((entry) => entry.name);
    const found: ReferrerDescriptor[] = [];
    for (const name of names.filter((entry) => ENTRY.test(entry)).sort()) {
      const bytes = await this.#driver.getContent(`${dir}/${name}`);
      if (bytes === undefined) continue;
      try {
        found.push(JSON.parse(bytes.toString('utf8')) as ReferrerDescriptor);
      } catch (error) {
        if (!(error instanceof SyntaxError)) throw error;
      }
    }
    return found;
  }
}

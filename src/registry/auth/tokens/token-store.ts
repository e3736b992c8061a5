import { stat } from 'node:fs/promises';
import { hashToken, sameHash } from './token-format.js';
import { readTokensFile, type TokenRecord } from './tokens-file.js';

/**
 * The running registry's view of a tokens file. It re-reads the file whenever its size, inode or
 * modification time changes (one `stat` per check), so `token create` and `token revoke` take
 * effect at once without a restart. If the file turns malformed while the registry runs, the last
 * good content stays in force and `onError` hears about it.
 */
export class TokenStore {
  readonly path: string;
  readonly #onError: (error: unknown) => void;
  #records: readonly { record: TokenRecord; hash: Buffer }[] = [];
  #signature = '';
  #loading: Promise<void> | undefined;

  constructor(path: string, onError: (error: unknown) => void = () => undefined) {
    this.path = path;
    this.#onError = onError;
  }

  /**
   * The record of `token`, or undefined when no stored hash matches. Every stored hash is compared
   * with `crypto.timingSafeEqual`, without stopping at the first match.
   */
  async find(token: string): Promise<TokenRecord | undefined> {
    await this.#refresh();
    const hash = hashToken(token);
    let found: TokenRecord | undefined;
    for (const entry of this.#records) {
      if (sameHash(entry.hash, hash)) found = entry.record;
    }
    return found;
  }

  /** True while a token with this id is in the file (bearer tokens die with their registry token). */
  async has(id: string): Promise<boolean> {
    await this.#refresh();
    return this.#records.some((entry) => entry.record.id === id);
  }

  #refresh(): Promise<void> {
    this.#loading ??= this.#reload().finally(() => {
      this.#loading = undefined;
    });
    return this.#loading;
  }

  async #reload(): Promise<void> {
    let signature: string;
    try {
      const info = await stat(this.path);
      signature = `${info.ino}:${info.size}:${info.mtimeMs}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      signature = 'missing';
    }
    if (signature === this.#signature) return;
    try {
      const file = await readTokensFile(this.path);
      this.#records = file.tokens.map((record) => ({ record, hash: Buffer.from(record.sha256, 'hex') }));
      this.#signature = signature;
    } catch (error) {
      this.#signature = signature;
      this.#onError(error);
    }
  }
}

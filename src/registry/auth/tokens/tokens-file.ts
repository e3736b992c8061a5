import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { RegistryAuthError } from '../errors.js';
import { isRegistryPattern } from '../registry-name.js';
import { isScope, type Scope } from '../scopes.js';

/** One token in the tokens file. The token itself is never stored, only its SHA-256. */
export interface TokenRecord {
  /** `tok_` + 12 hex digits; safe to show and log. */
  readonly id: string;
  /** Hex SHA-256 of the token. */
  readonly sha256: string;
  /** Registries it works on: `{org}/{registry}` or `{org}/*`. */
  readonly registries: readonly string[];
  readonly scopes: readonly Scope[];
  readonly description: string;
  /** ISO 8601 time of creation. */
  readonly createdAt: string;
}

/** The content of a tokens file. */
export interface TokensFile {
  readonly tokens: readonly TokenRecord[];
}

const VERSION = 1;

/**
 * Reads a tokens file. A missing file is an empty one.
 *
 * @throws RegistryAuthError `REGISTRY_TOKENS_FILE_INVALID` when it is unreadable or malformed
 */
export async function readTokensFile(path: string): Promise<TokensFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { tokens: [] };
    throw invalid(path, `cannot be read: ${(error as Error).message}`, error);
  }
  return parseTokensFile(text, path);
}

/** Parses the JSON of a tokens file; `path` names it in errors. */
export function parseTokensFile(text: string, path: string): TokensFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw invalid(path, 'is not JSON', error);
  }
  const root = data as { version?: unknown; tokens?: unknown };
  if (typeof data !== 'object' || data === null || root.version !== VERSION || !Array.isArray(root.tokens)) {
    throw invalid(path, `is not a version ${VERSION} tokens file ({"version":1,"tokens":[...]})`);
  }
  return { tokens: root.tokens.map((entry, index) => parseRecord(entry, `${path}: tokens[${index}]`)) };
}

function parseRecord(entry: unknown, where: string): TokenRecord {
  const r = entry as Record<string, unknown>;
  const ok =
    typeof entry === 'object' &&
    entry !== null &&
    typeof r.id === 'string' &&
    typeof r.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(r.sha256) &&
    Array.isArray(r.registries) &&
    r.registries.every((v) => typeof v === 'string' && isRegistryPattern(v)) &&
    Array.isArray(r.scopes) &&
    r.scopes.every(isScope) &&
    (r.description === undefined || typeof r.description === 'string') &&
    typeof r.created_at === 'string';
  if (!ok) {
    throw new RegistryAuthError(
      'REGISTRY_TOKENS_FILE_INVALID',
      `${where} is malformed: expected id, sha256 (64 hex), registries (ORG/REGISTRY or ORG/*), scopes (read_packages, write_packages, delete_packages), created_at`,
      {
        hint: 'fix the entry by hand, or revoke and recreate the token with `container-package registry token`',
      },
    );
  }
  return {
    id: r.id as string,
    sha256: r.sha256 as string,
    registries: r.registries as string[],
    scopes: r.scopes as Scope[],
    description: (r.description as string | undefined) ?? '',
    createdAt: r.created_at as string,
  };
}

/** The JSON text of a tokens file. */
export function serializeTokensFile(file: TokensFile): string {
  const tokens = file.tokens.map((t) => ({
    id: t.id,
    sha256: t.sha256,
    registries: t.registries,
    scopes: t.scopes,
    description: t.description,
    created_at: t.createdAt,
  }));
  return `${JSON.stringify({ version: VERSION, tokens }, null, 2)}\n`;
}

/**
 * Changes a tokens file under a lock (`<path>.lock`, created exclusively; the directory is created
 * when missing): reads it, applies
 * `change`, and writes the result to a temp file beside it (mode 0600, fsynced) that is renamed
 * over the file, so a reader (the running registry) sees the old or the new file, never half of one.
 *
 * @throws RegistryAuthError `REGISTRY_TOKENS_FILE_LOCKED` when the lock stays taken for 10 s
 */
export async function updateTokensFile<T>(
  path: string,
  change: (file: TokensFile) => { file: TokensFile; result: T },
): Promise<T> {
  const lock = `${path}.lock`;
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const handle = await acquireLock(lock);
  try {
    const { file, result } = change(await readTokensFile(path));
    const temp = `${path}.${randomUUID()}.tmp`;
    const out = await open(temp, 'wx', 0o600);
    try {
      await out.writeFile(serializeTokensFile(file));
      await out.sync();
    } finally {
      await out.close();
    }
    try {
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return result;
  } finally {
    await handle.close();
    await unlink(lock).catch(() => undefined);
  }
}

async function acquireLock(lock: string) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      return await open(lock, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() > deadline) {
        throw new RegistryAuthError('REGISTRY_TOKENS_FILE_LOCKED', `the tokens file lock ${lock} is held`, {
          hint: 'another `registry token` command is running; if none is, remove the lock file',
        });
      }
      await sleep(50);
    }
  }
}

function invalid(path: string, what: string, cause?: unknown): RegistryAuthError {
  return new RegistryAuthError('REGISTRY_TOKENS_FILE_INVALID', `tokens file ${path} ${what}`, {
    hint: 'tokens files are written by `container-package registry token create`',
    cause,
  });
}

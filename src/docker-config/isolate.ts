/**
 * A per-job docker config directory (`DOCKER_CONFIG`): logins made during the job land in a temp
 * dir that is removed afterwards, never in the agent's shared `~/.docker`, so no credential
 * outlives the job or leaks to the next job on a shared agent, and two jobs never log each other
 * out. Unlike a bare empty config, it keeps what the agent's docker config holds that is not a
 * credential for the job's registries (see `filter.ts`), and links the agent's `buildx`,
 * `contexts` and `cli-plugins` directories, so `docker buildx ls` shows the agent's builders and
 * `docker context` its contexts, exactly as without isolation.
 */
import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DockerConfigError } from './errors.js';
import { isolatedConfig, type DockerConfigJson, type IsolationReport } from './filter.js';
import { parseJsonObject } from '../json-object.js';

/** Directories of the agent's config shared with the job by symlink. */
export const LINKED_DIRS: readonly string[] = ['buildx', 'contexts', 'cli-plugins'];

/** File that marks a directory as made by {@link createIsolatedDockerConfig}; removal checks for it. */
export const MARKER_FILE = '.container-package-docker-config';

/** Options of {@link createIsolatedDockerConfig}. */
export interface IsolateOptions {
  /** The agent's config directory. Default `$DOCKER_CONFIG` (from `env`), else `~/.docker`; it need not exist. */
  readonly source?: string;
  /** Registry prefixes the job logs in to; their credentials are dropped. Default none. */
  readonly registriesToDrop?: readonly string[];
  /** Where the temp dir is made. Default `os.tmpdir()`. */
  readonly tmpRoot?: string;
  /** Environment read for the default source. Default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
}

/** A job's docker config directory. */
export interface IsolatedDockerConfig {
  /** The directory to export as `DOCKER_CONFIG` (mode 0700). */
  readonly dir: string;
  /** Its `config.json` (mode 0600). */
  readonly configPath: string;
  /** The agent's config directory it was made from. */
  readonly source: string;
  /** Which credential keys were dropped, and the `credsStore` that was converted. */
  readonly report: IsolationReport;
  /** Removes the directory (links only, never what they point to). Safe to call twice, or when it is gone. */
  dispose(): void;
}

/**
 * Creates the job's docker config directory.
 *
 * When `source` is itself a directory made by this function (the hook ran twice), the agent's
 * original directory recorded in its marker is used instead, so configs never chain.
 *
 * @throws {DockerConfigError} `DOCKER_CONFIG_UNREADABLE` when the agent's `config.json` is not a
 *   JSON object; `DOCKER_CONFIG_WRITE_FAILED` when the directory cannot be made
 */
export function createIsolatedDockerConfig(options: IsolateOptions = {}): IsolatedDockerConfig {
  const env = options.env ?? process.env;
  const given = resolve(options.source ?? (env.DOCKER_CONFIG || join(homedir(), '.docker')));
  const source = originalSource(given) ?? given;
  const { config, report } = isolatedConfig(readAgentConfig(source), options.registriesToDrop ?? []);
  let dir: string;
  try {
    dir = mkdtempSync(join(options.tmpRoot ?? tmpdir(), 'container-package-docker-'));
  } catch (error) {
    throw new DockerConfigError(
      'DOCKER_CONFIG_WRITE_FAILED',
      options.tmpRoot ?? tmpdir(),
      "cannot create the job's docker config directory",
      {
        cause: error,
        hint: 'Check that the temp directory exists and is writable (TMPDIR).',
      },
    );
  }
  const configPath = join(dir, 'config.json');
  try {
    writeFileSync(join(dir, MARKER_FILE), `${JSON.stringify({ source })}\n`, { mode: 0o600 });
    writeFileSync(configPath, `${JSON.stringify(config, null, '\t')}\n`, { mode: 0o600 });
    for (const name of LINKED_DIRS) {
      const target = join(source, name);
      if (existsSync(target) && lstatSync(target).isDirectory()) symlinkSync(target, join(dir, name), 'dir');
    }
  } catch (error) {
    removeTree(dir);
    throw new DockerConfigError(
      'DOCKER_CONFIG_WRITE_FAILED',
      dir,
      `cannot write the job's docker config in ${dir}`,
      { cause: error },
    );
  }
  return { dir, configPath, source, report, dispose: () => removeTree(dir) };
}

/**
 * Removes a directory made by {@link createIsolatedDockerConfig}, from another process (the hook
 * that cleans up reads it from `DOCKER_CONFIG`). Nothing happens when it does not exist.
 *
 * @throws {DockerConfigError} `DOCKER_CONFIG_NOT_OURS` when the directory lacks the marker file:
 *   it is never a job's config, perhaps the agent's own, and is left alone
 */
export function removeIsolatedDockerConfig(dir: string): void {
  if (!existsSync(dir)) return;
  if (!existsSync(join(dir, MARKER_FILE))) {
    throw new DockerConfigError(
      'DOCKER_CONFIG_NOT_OURS',
      dir,
      `${dir} was not made by container-package, so it is not removed`,
      {
        hint: "DOCKER_CONFIG points somewhere else than the job's config; check what changed it.",
      },
    );
  }
  removeTree(dir);
}

function removeTree(dir: string): void {
  // rmSync does not follow symlinks: the linked buildx/contexts dirs of the agent stay.
  rmSync(dir, { recursive: true, force: true });
}

function originalSource(dir: string): string | undefined {
  try {
    const marker = JSON.parse(readFileSync(join(dir, MARKER_FILE), 'utf8')) as { source?: unknown };
    return typeof marker.source === 'string' ? marker.source : undefined;
  } catch {
    return undefined;
  }
}

function readAgentConfig(source: string): DockerConfigJson {
  const path = join(source, 'config.json');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new DockerConfigError(
      'DOCKER_CONFIG_UNREADABLE',
      path,
      `cannot read the agent's docker config ${path}`,
      { cause: error },
    );
  }
  const value = parseJsonObject(text);
  if (value === undefined) {
    throw new DockerConfigError(
      'DOCKER_CONFIG_UNREADABLE',
      path,
      `the agent's docker config ${path} is not a JSON object`,
      {
        hint: 'Fix or remove that file (docker login recreates it).',
      },
    );
  }
  return value as DockerConfigJson;
}

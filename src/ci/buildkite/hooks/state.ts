/**
 * What one hook leaves for the next within a job: a small JSON file in the job's state dir
 * (created by the environment hook, named by `CONTAINER_PACKAGE_STATE_DIR`). Holds paths and
 * PIDs, never a credential.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RawConfig } from '../inputs.js';

/** The variable naming the job's state dir; exported by the environment hook. */
export const STATE_DIR_ENV = 'CONTAINER_PACKAGE_STATE_DIR';

/** The job's state. */
export interface JobState {
  /** When the environment hook planned; later hooks plan with the same clock (`{{date}}`). */
  readonly startedAt: string;
  /** `plugin` or `agent` (agent-level hooks): hooks of the other kind leave this job alone. */
  readonly mode: 'plugin' | 'agent';
  /** Agent-level hooks: the configuration post-checkout read (no secrets: tokens are named, never held). */
  readonly config?: RawConfig;
  /** The job's isolated docker config dir. */
  readonly dockerConfig?: string;
  /** `DOCKER_CONFIG` before the job changed it (undefined: it was unset). */
  readonly originalDockerConfig?: string;
  /** The local registry started in pre-command. */
  readonly localRegistry?: {
    readonly pid: number;
    readonly address: string;
    readonly storage: string;
    readonly temporary: boolean;
  };
}

const FILE = 'state.json';

/** Reads the state, or undefined when the environment hook never ran (or ran for another job). */
export async function readState(dir: string | undefined): Promise<JobState | undefined> {
  if (!dir || !existsSync(join(dir, FILE))) return undefined;
  return JSON.parse(await readFile(join(dir, FILE), 'utf8')) as JobState;
}

/** Writes the state atomically (temp file + rename), mode 0600. */
export async function writeState(dir: string, state: JobState): Promise<void> {
  const tmp = join(dir, `${FILE}.${process.pid}.tmp`);
  await writeFile(tmp, JSON.stringify(state, null, 2), { mode: 0o600 });
  await rename(tmp, join(dir, FILE));
}

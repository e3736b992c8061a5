/**
 * The one main → post state store: what `post` needs to clean up, saved with `core.saveState`
 * (the runner hands it to the post step as `STATE_<name>` variables) and read with
 * `core.getState`. Holds paths, prefixes and a PID, never a credential.
 */
import * as core from '@actions/core';

/** The bundled registry started by main. */
export interface LocalRegistryState {
  readonly pid: number;
  /** `127.0.0.1:PORT`. */
  readonly address: string;
  /** Its storage directory, removed by post. */
  readonly storage: string;
}

/** What main leaves for post. Every field is absent until main got that far. */
export interface StepState {
  /** The step's own docker config directory. */
  readonly dockerConfig?: string;
  /** Registry prefixes whose credentials main stored in it. */
  readonly loggedIn?: readonly string[];
  readonly localRegistry?: LocalRegistryState;
}

/** State names, as the runner sees them (`STATE_docker-config`, ...). */
export const STATE_NAMES = {
  dockerConfig: 'docker-config',
  loggedIn: 'logged-in',
  localRegistry: 'local-registry',
} as const;

/** Saves the fields of `state` that are set; later saves of a field replace earlier ones. */
export function saveStepState(state: StepState): void {
  if (state.dockerConfig !== undefined) core.saveState(STATE_NAMES.dockerConfig, state.dockerConfig);
  if (state.loggedIn !== undefined) core.saveState(STATE_NAMES.loggedIn, JSON.stringify(state.loggedIn));
  if (state.localRegistry !== undefined)
    core.saveState(STATE_NAMES.localRegistry, JSON.stringify(state.localRegistry));
}

/**
 * Reads what main saved. A field main never saved, or one that does not parse, is absent, so
 * post is safe after main failed early (or was never run).
 */
export function readStepState(): StepState {
  const dockerConfig = core.getState(STATE_NAMES.dockerConfig);
  const loggedIn = parseJson(core.getState(STATE_NAMES.loggedIn));
  const localRegistry = localRegistryOf(parseJson(core.getState(STATE_NAMES.localRegistry)));
  return {
    ...(dockerConfig !== '' && { dockerConfig }),
    ...(Array.isArray(loggedIn) && { loggedIn: loggedIn.filter((p): p is string => typeof p === 'string') }),
    ...(localRegistry !== undefined && { localRegistry }),
  };
}

function localRegistryOf(value: unknown): LocalRegistryState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { pid, address, storage } = value as Record<string, unknown>;
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return undefined;
  if (typeof address !== 'string' || typeof storage !== 'string') return undefined;
  return { pid, address, storage };
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

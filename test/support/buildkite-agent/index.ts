/**
 * Installs the recording `buildkite-agent` stand-in (`buildkite-agent.mjs` beside this file) as a
 * real executable named `buildkite-agent` in a temp bin dir, and reads back what it recorded.
 * Tests put `binDir` first on PATH (or pass `binary`) and merge `env` into the job's environment.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestKeys, writeJwks, writePrivateJwk, type TestKeys } from '../oidc.js';
import { newTempDir } from '../temp-dir.js';

/** The stand-in script. */
export const STANDIN_SCRIPT = fileURLToPath(new URL('./buildkite-agent.mjs', import.meta.url));

/** The build a job of the stand-in belongs to, unless overridden. */
export const FAKE_BUILD_ENV: Readonly<Record<string, string>> = {
  BUILDKITE: 'true',
  BUILDKITE_ORGANIZATION_SLUG: 'acme',
  BUILDKITE_PIPELINE_SLUG: 'web',
  BUILDKITE_BRANCH: 'main',
  BUILDKITE_COMMIT: '0123456789abcdef0123456789abcdef01234567',
  BUILDKITE_BUILD_NUMBER: '42',
  BUILDKITE_BUILD_ID: '01890000-0000-0000-0000-00000000b111',
  BUILDKITE_JOB_ID: '01890000-0000-0000-0000-00000000j042',
  BUILDKITE_STEP_KEY: 'publish',
  BUILDKITE_LABEL: ':docker: publish',
  BUILDKITE_AGENT_ID: '01890000-0000-0000-0000-00000000a001',
  BUILDKITE_AGENT_ACCESS_TOKEN: 'bkaj_standin-agent-access-token',
};

/**
 * The environment of a plugin step with nothing to push (`push: never`) for `images` on `registry`,
 * in the stand-in's build: what an idle hook sees.
 */
export function idlePluginStepEnv(registry: string, images: readonly string[] = ['oci:/nowhere:latest']) {
  return {
    ...FAKE_BUILD_ENV,
    CONTAINER_PACKAGE_MODE: 'plugin',
    BUILDKITE_PLUGIN_CONFIGURATION: JSON.stringify({ registry, images, push: 'never' }),
  };
}

/** One recorded call. */
export interface AgentCall {
  readonly argv: string[];
  /** What the command read from stdin; `null` when it did not read stdin. */
  readonly stdin: string | null;
  readonly env: Record<string, string>;
  readonly hasAccessToken: boolean;
  readonly exitCode: number;
}

/** A stored annotation. */
export interface Annotation {
  readonly body: string;
  readonly style: string;
  readonly priority: number;
  readonly scope: string;
}

/** Options of {@link installFakeAgent}. */
export interface FakeAgentOptions {
  /** Buildkite secrets `secret get` knows (names are case-insensitive). Default none. */
  readonly secrets?: Record<string, string>;
  /** Signing key of OIDC tokens. Default: a new one. */
  readonly keys?: TestKeys;
  /** Commands that fail as if the API refused them: `oidc request-token`, `annotate`, ... */
  readonly failing?: readonly string[];
}

/** An installed stand-in. */
export interface FakeAgent {
  /** Directory holding the `buildkite-agent` executable. */
  readonly binDir: string;
  /** Full path of the executable. */
  readonly binary: string;
  readonly keys: TestKeys;
  /** JWKS file of `keys` (what a registry's OIDC config trusts). */
  readonly jwksPath: string;
  /** Variables the stand-in reads; merge into a job env together with {@link FAKE_BUILD_ENV}. */
  readonly env: Record<string, string>;
  /** A complete job environment: `base` + {@link FAKE_BUILD_ENV} + `env`, with `binDir` first on PATH. */
  jobEnv(overrides?: Record<string, string | undefined>, base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  calls(): AgentCall[];
  metaData(): Record<string, string>;
  annotations(): Record<string, Annotation>;
  /** Every value given to the redactor (by `redactor add`, `secret get`, `oidc request-token`). */
  redactions(): string[];
}

/** Writes the stand-in into a new temp dir under the test file's temp dir. */
export function installFakeAgent(options: FakeAgentOptions = {}): FakeAgent {
  const root = newTempDir('buildkite-agent');
  const binDir = join(root, 'bin');
  const state = join(root, 'state');
  mkdirSync(binDir);
  mkdirSync(state);
  const binary = join(binDir, 'buildkite-agent');
  // A shell wrapper, so the stand-in runs on this Node (24) whatever `node` is first on PATH.
  writeFileSync(
    binary,
    `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(STANDIN_SCRIPT)} "$@"\n`,
  );
  chmodSync(binary, 0o755);
  const keys = options.keys ?? createTestKeys();
  const secretsPath = join(root, 'secrets.json');
  writeFileSync(secretsPath, JSON.stringify(options.secrets ?? {}), { mode: 0o600 });
  const env = {
    BUILDKITE_AGENT_STANDIN_LOG: join(state, 'calls.jsonl'),
    BUILDKITE_AGENT_STANDIN_STATE: state,
    BUILDKITE_AGENT_STANDIN_KEY: writePrivateJwk(join(root, 'oidc-key.json'), keys),
    BUILDKITE_AGENT_STANDIN_SECRETS: secretsPath,
    BUILDKITE_AGENT_STANDIN_FAIL: (options.failing ?? []).join(','),
  };
  const json = <T>(name: string, fallback: T): T => {
    const path = join(state, name);
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : fallback;
  };
  return {
    binDir,
    binary,
    keys,
    jwksPath: writeJwks(join(root, 'jwks.json'), keys),
    env,
    jobEnv(overrides = {}, base = process.env) {
      const merged: NodeJS.ProcessEnv = {
        ...base,
        ...FAKE_BUILD_ENV,
        ...env,
        PATH: `${binDir}${delimiter}${base.PATH ?? ''}`,
      };
      for (const [name, value] of Object.entries(overrides)) {
        if (value === undefined) delete merged[name];
        else merged[name] = value;
      }
      return merged;
    },
    calls() {
      const path = env.BUILDKITE_AGENT_STANDIN_LOG;
      if (!existsSync(path)) return [];
      return readFileSync(path, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as AgentCall);
    },
    metaData: () => json('meta-data.json', {}),
    annotations: () => json('annotations.json', {}),
    redactions: () => json('redactions.json', []),
  };
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

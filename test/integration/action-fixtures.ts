/**
 * What the action's integration tests share: a runner-like job (workspace, RUNNER_TEMP, HOME,
 * the runner's own docker config, a `docker` on PATH that records its argv), the bundled
 * registry with an OIDC policy trusting the test JWKS, and the secret-leak checks.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { freePort, newTempDir, startDaemon, toolPath, type Daemon } from '../support/index.js';
import { ACTION_ROOT, type StepResult } from './action-runner.js';

/** A runner's job: directories and the environment every step gets. */
export interface Job {
  readonly workspace: string;
  readonly runnerTemp: string;
  /** The runner's docker config (`DOCKER_CONFIG` of the job). */
  readonly runnerDockerConfig: string;
  /** Every argv the `docker` on PATH was called with, one call per line. */
  readonly dockerArgvLog: string;
  readonly env: Record<string, string>;
}

/** Creates a job whose steps talk to the docker engine at `dockerHost`. */
export function createJob(dockerHost: string, extraEnv: Record<string, string> = {}): Job {
  const root = newTempDir('job');
  const dirs = ['workspace', 'runner-temp', 'home', 'runner-docker-config', 'bin'].map((d) => join(root, d));
  for (const dir of dirs) mkdirSync(dir, { recursive: true });
  const [workspace, runnerTemp, home, runnerDockerConfig, bin] = dirs as [
    string,
    string,
    string,
    string,
    string,
  ];
  const dockerArgvLog = join(root, 'docker-argv.log');
  const quote = (word: string): string => `'${word.replaceAll("'", "'\\''")}'`;
  writeFileSync(
    join(bin, 'docker'),
    `#!/bin/sh\nprintf '%s\\n' "$*" >> ${quote(dockerArgvLog)}\nexec ${quote(toolPath('docker'))} "$@"\n`,
  );
  chmodSync(join(bin, 'docker'), 0o755);
  return {
    workspace,
    runnerTemp,
    runnerDockerConfig,
    dockerArgvLog,
    env: {
      PATH: `${bin}:${process.env.PATH ?? ''}`,
      HOME: home,
      DOCKER_HOST: dockerHost,
      DOCKER_CONFIG: runnerDockerConfig,
      RUNNER_TEMP: runnerTemp,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REF_NAME: 'main',
      GITHUB_REF_TYPE: 'branch',
      GITHUB_SHA: 'fedcba9876543210fedcba9876543210fedcba98',
      GITHUB_RUN_NUMBER: '42',
      GITHUB_RUN_ID: '4242',
      GITHUB_REPOSITORY: 'acme/app',
      ...extraEnv,
    },
  };
}

/** Every file under `dir` (recursively, not following links), with its content. */
function filesUnder(dir: string): { path: string; content: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    if (!entry.isFile() || statSync(path).size > 1024 * 1024) return [];
    return [{ path, content: readFileSync(path, 'utf8') }];
  });
}

/**
 * Checks that no secret (nor its `user:secret` base64 form) appears in the steps' output
 * (except the `::add-mask::` commands that register it with the runner), in any file the steps
 * or the action wrote (file commands, `GITHUB_ENV` included; RUNNER_TEMP; the workspace; the
 * runner's docker config), or in the argv of any docker call.
 */
export function expectNoSecretLeft(
  job: Job,
  steps: readonly StepResult[],
  secrets: readonly string[],
  username: string,
): void {
  const forms = secrets.flatMap((s) => [s, Buffer.from(`${username}:${s}`).toString('base64')]);
  const places: { where: string; text: string }[] = [];
  for (const [i, step] of steps.entries()) {
    const log = `${step.stdout}\n${step.stderr}`
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    places.push({ where: `step ${i} log`, text: log });
    for (const file of step.files) places.push({ where: file, text: readFileSync(file, 'utf8') });
  }
  for (const dir of [job.runnerTemp, job.workspace, job.runnerDockerConfig]) {
    for (const file of filesUnder(dir)) places.push({ where: file.path, text: file.content });
  }
  if (existsSync(job.dockerArgvLog))
    places.push({ where: 'docker argv', text: readFileSync(job.dockerArgvLog, 'utf8') });
  for (const { where, text } of places) {
    for (const form of forms) expect(text.includes(form), `a secret is in ${where}`).toBe(false);
  }
}

/** The tokens a step registered with `::add-mask::`. */
export function maskedValues(step: StepResult): string[] {
  return step.stdout
    .split('\n')
    .filter((line) => line.startsWith('::add-mask::'))
    .map((line) => line.slice('::add-mask::'.length));
}

/** The bundled registry (`registry serve --config`) serving `acme/images`, whose OIDC policy trusts `jwksFile`. */
export interface BundledRegistry {
  readonly host: string;
  readonly url: string;
  /** The audience its OIDC tokens must carry for `acme/images`. */
  readonly audience: string;
  readonly daemon: Daemon;
}

/** Starts the bundled registry from bin/container-package, trusting GitHub tokens for repository acme/app. */
export async function startBundledRegistry(jwksFile: string, issuer: string): Promise<BundledRegistry> {
  const dir = newTempDir('bundled-registry');
  const port = await freePort();
  const config = join(dir, 'registry.yaml');
  writeFileSync(
    config,
    [
      `listen: 127.0.0.1:${port}`,
      'storage: ./data',
      'oidc:',
      // As Buildkite Packages: the audience is https://{host}/{org}/{registry}, so `packages-host` finds it.
      `  audience-prefix: https://127.0.0.1:${port}`,
      '  issuers:',
      `    - issuer: ${issuer}`,
      `      jwks-file: ${jwksFile}`,
      'registries:',
      '  - name: acme/images',
      '    visibility: public',
      '    oidc-policy:',
      `      - iss: ${issuer}`,
      '        scopes: [read_packages, write_packages]',
      '        claims:',
      '          repository: acme/app',
      '          ref: refs/heads/main',
      '',
    ].join('\n'),
  );
  const url = `http://127.0.0.1:${port}`;
  const daemon = await startDaemon({
    name: 'container-package registry',
    command: process.execPath,
    args: [join(ACTION_ROOT, 'bin', 'container-package'), 'registry', 'serve', '--config', config],
    logFile: join(dir, 'registry.log'),
    ready: async () => (await fetch(`${url}/v2/`)).status === 401,
  });
  return { host: `127.0.0.1:${port}`, url, audience: `https://127.0.0.1:${port}/acme/images`, daemon };
}

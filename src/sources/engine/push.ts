/**
 * Pushing an image that lives in a local engine (Docker Engine or Podman) with the engine's own
 * CLI: `tag` the source as each target, `push` each target, read the pushed digest reliably, and
 * untag what we tagged. The engine uses the credentials of the docker config we logged in to.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEngine, type EngineName, type EngineRunResult } from '../../exec/engine.js';
import { formatReference, type Reference } from '../../reference/index.js';
import { EngineError } from './errors.js';
import {
  classifyEngineFailure,
  digestFromDockerPush,
  digestFromPodmanDigestFile,
  digestFromRepoDigests,
  engineName,
} from './output.js';

/** Options of {@link pushFromEngine}. */
export interface EnginePushOptions {
  readonly engine: EngineName;
  /** The image in the engine (e.g. from `docker:app:ci`). */
  readonly source: Reference;
  /** Where to push; each must carry a tag. */
  readonly targets: readonly Reference[];
  /** Docker config dir with the credentials (`DOCKER_CONFIG`). Default: the engine's own lookup. */
  readonly dockerConfig?: string;
  /**
   * Hosts reached over plain HTTP (podman `--tls-verify=false`). Default: loopback hosts, which
   * dockerd also treats as insecure.
   */
  readonly insecure?: (host: string) => boolean;
  /** Attempts per target after the first, for failures that may pass (network, 5xx). Default 3. */
  readonly retries?: number;
  /** First retry delay, doubled each time. Default 2000 ms. */
  readonly retryDelayMs?: number;
  /** Extra environment for the engine CLI (e.g. `DOCKER_HOST`). */
  readonly env?: NodeJS.ProcessEnv;
  readonly signal?: AbortSignal;
  /** Each line the engine prints, for progress. */
  readonly onLine?: (line: string) => void;
  /**
   * Called before every push attempt of every target, so the caller can renew short-lived
   * credentials in the docker config (an OIDC token must outlive each `push`, not the whole list).
   */
  readonly beforePush?: (target: Reference) => Promise<void>;
}

/** One pushed reference. */
export interface EnginePushed {
  /** The target, e.g. `packages.buildkite.com/acme/images/app:v1`. */
  readonly reference: string;
  readonly digest: string;
}

/** What an engine push did. */
export interface EnginePushResult {
  /** The manifest digest (the same for every target of one engine push). */
  readonly digest: string;
  readonly pushed: readonly EnginePushed[];
}

/** Loopback hosts (`localhost`, `127.x`, `[::1]`, with or without a port). */
export function isLoopbackHost(host: string): boolean {
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
  return name === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(name) || name === '[::1]';
}

/**
 * Pushes `source` from the engine to every target and returns the digest the engine pushed.
 *
 * @throws {EngineError} `SRC_ENGINE_IMAGE_NOT_FOUND` when the engine has no such image;
 *   `SRC_ENGINE_UNAUTHORIZED`/`SRC_ENGINE_DENIED` when the registry refuses (no retry);
 *   `SRC_ENGINE_PUSH_FAILED` when every attempt failed; `SRC_ENGINE_NO_DIGEST` when the engine
 *   did not say which digest it pushed.
 */
export async function pushFromEngine(options: EnginePushOptions): Promise<EnginePushResult> {
  const { engine } = options;
  const env = {
    ...process.env,
    ...options.env,
    ...(options.dockerConfig ? { DOCKER_CONFIG: options.dockerConfig } : {}),
  };
  const run = (args: string[]): Promise<EngineRunResult> =>
    runEngine(engine, args, { env, ...(options.signal && { signal: options.signal }) });
  const sourceName = engineName(options.source);

  const inspect = await run(['image', 'inspect', '--format', '{{.Id}}', sourceName]);
  if (inspect.exitCode !== 0) throw notFoundOrFailure(engine, sourceName, inspect.stderr);

  const created: string[] = [];
  const pushed: EnginePushed[] = [];
  try {
    for (const target of options.targets) {
      if (target.tag === undefined)
        throw new TypeError(`engine push target ${formatReference(target)} has no tag`);
      const name = engineName(target);
      if (name !== sourceName) {
        const tagged = await run(['tag', sourceName, name]);
        if (tagged.exitCode !== 0) throw notFoundOrFailure(engine, sourceName, tagged.stderr);
        created.push(name);
      }
      const digest = await pushWithRetries(options, env, target, name);
      pushed.push({ reference: formatReference(target), digest });
    }
  } finally {
    // Untag only what we tagged; the image stays under its source name. Not cancellable: after
    // Ctrl-C (an aborted signal) the temporary tags must still go.
    for (const name of created)
      await runEngine(engine, ['image', 'rm', name], { env }).catch(() => undefined);
  }
  const digests = new Set(pushed.map((p) => p.digest));
  if (digests.size > 1)
    options.onLine?.(
      `note: the engine pushed different digests to different targets: ${[...digests].join(', ')}`,
    );
  return { digest: pushed[0]?.digest ?? '', pushed };
}

async function pushWithRetries(
  options: EnginePushOptions,
  env: NodeJS.ProcessEnv,
  target: Reference,
  name: string,
): Promise<string> {
  const retries = options.retries ?? 3;
  let delay = options.retryDelayMs ?? 2000;
  for (let attempt = 0; ; attempt++) {
    await options.beforePush?.(target);
    const outcome = await pushOnce(options, env, target, name);
    if (typeof outcome === 'string') return outcome;
    const kind = classifyEngineFailure(outcome.stderr + '\n' + outcome.stdout);
    if (kind === 'unauthorized') {
      throw new EngineError(
        'SRC_ENGINE_UNAUTHORIZED',
        options.engine,
        `${options.engine} push ${name}: the registry refused the credentials (401): ${refusal(outcome)}`,
        {
          hint: `log in to ${target.registry} first (the docker config the engine reads has no credentials it accepts); for Buildkite Packages check the OIDC audience and policy`,
        },
      );
    }
    if (kind === 'denied') {
      throw new EngineError(
        'SRC_ENGINE_DENIED',
        options.engine,
        `${options.engine} push ${name}: access denied (403): ${refusal(outcome)}`,
        {
          hint: 'the token cannot push to this registry: it needs the write_packages scope (or an OIDC policy that grants it)',
        },
      );
    }
    if (attempt >= retries) {
      throw new EngineError(
        'SRC_ENGINE_PUSH_FAILED',
        options.engine,
        `${options.engine} push ${name} failed after ${attempt + 1} attempts: ${lastLine(outcome.stderr)}`,
        {
          hint: `check that ${target.registry} is reachable from the agent`,
        },
      );
    }
    options.onLine?.(
      `${options.engine} push ${name} failed (${lastLine(outcome.stderr)}); retrying in ${Math.round(delay / 1000)}s`,
    );
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay *= 2;
  }
}

/** One push; the digest on success, the engine's output on failure. */
async function pushOnce(
  options: EnginePushOptions,
  env: NodeJS.ProcessEnv,
  target: Reference,
  name: string,
): Promise<string | EngineRunResult> {
  const runOptions = {
    env,
    ...(options.signal && { signal: options.signal }),
    ...(options.onLine && { onLine: options.onLine }),
  };
  if (options.engine === 'docker') {
    const result = await runEngine('docker', ['push', name], runOptions);
    if (result.exitCode !== 0) return result;
    const fromOutput = digestFromDockerPush(result.stdout);
    // Not through onLine: its JSON line (`["host/app@sha256:…"]`) is an answer, not progress.
    const inspect = await runEngine(
      'docker',
      ['image', 'inspect', '--format', '{{json .RepoDigests}}', name],
      {
        env,
        ...(options.signal && { signal: options.signal }),
      },
    );
    const fromRepoDigests = inspect.exitCode === 0 ? digestFromRepoDigests(inspect.stdout, target) : [];
    const digest = fromOutput ?? (fromRepoDigests.length === 1 ? fromRepoDigests[0] : undefined);
    if (!digest) {
      throw new EngineError(
        'SRC_ENGINE_NO_DIGEST',
        'docker',
        `docker push ${name} succeeded but did not say which digest it pushed`,
        {
          hint: 'push daemonlessly instead (docker save -o image.tar …, then source docker-archive:image.tar)',
        },
      );
    }
    return digest;
  }
  const dir = await mkdtemp(join(tmpdir(), 'container-package-podman-'));
  try {
    const digestFile = join(dir, 'digest');
    const insecure = (options.insecure ?? isLoopbackHost)(target.registry);
    const authFile = options.dockerConfig ? join(options.dockerConfig, 'config.json') : undefined;
    const args = [
      'push',
      '--digestfile',
      digestFile,
      ...(insecure ? ['--tls-verify=false'] : []),
      ...(authFile && existsSync(authFile) ? ['--authfile', authFile] : []),
      name,
    ];
    const result = await runEngine('podman', args, runOptions);
    if (result.exitCode !== 0) return result;
    const digest = digestFromPodmanDigestFile(await readFile(digestFile, 'utf8').catch(() => ''));
    if (!digest) {
      throw new EngineError(
        'SRC_ENGINE_NO_DIGEST',
        'podman',
        `podman push ${name} succeeded but wrote no digest to --digestfile`,
      );
    }
    return digest;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function notFoundOrFailure(engine: EngineName, name: string, stderr: string): EngineError {
  const kind = classifyEngineFailure(stderr);
  if (kind === 'not-found') {
    return new EngineError(
      'SRC_ENGINE_IMAGE_NOT_FOUND',
      engine,
      `${engine} has no image ${name} (${lastLine(stderr)})`,
      {
        hint: `build or tag it in the step's command first (${engine} build -t ${name} .), or fix the source "${engine}:${name}"`,
      },
    );
  }
  if (kind === 'unavailable') {
    return new EngineError(
      'SRC_ENGINE_UNAVAILABLE',
      engine,
      `cannot talk to ${engine}: ${lastLine(stderr)}`,
      {
        hint:
          engine === 'docker'
            ? 'is dockerd running, and DOCKER_HOST right?'
            : 'check `podman info` on the agent',
      },
    );
  }
  return new EngineError(
    'SRC_ENGINE_PUSH_FAILED',
    engine,
    `${engine} failed on ${name}: ${lastLine(stderr)}`,
  );
}

/** The engine's line that quotes the registry's refusal (`denied: …`, `unauthorized: …`), else its last line. */
function refusal(outcome: { stdout: string; stderr: string }): string {
  const lines = `${outcome.stdout}\n${outcome.stderr}`.split(/\r?\n/).map((l) => l.trim());
  return lines.findLast((l) => /\b(denied|unauthorized|forbidden)\b/i.test(l)) ?? lastLine(outcome.stderr);
}

function lastLine(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  return lines.at(-1)?.trim() ?? 'no output';
}

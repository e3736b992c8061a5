import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { load } from 'js-yaml';
import { DEFAULT_LISTEN, defaultStorageDir, defaultTokensFile } from './config/defaults.js';
import { RegistryConfigError } from './config/errors.js';
import { ConfigReader } from './config/reader.js';
import { checkConsistency, readIssuers, readRegistries, readUrl } from './config/sections.js';
import { readStorage } from './config/storage.js';
import { readGc, readRetention } from './gc/config.js';
import { readMirrors } from './mirror/config.js';
import type { RegistryConfig } from './config/types.js';
import { isLoopbackHost, parseListen, readDuration, readSize } from './config/units.js';

export type { IssuerConfig, RegistryConfig } from './config/types.js';

const TOP_KEYS = [
  'listen',
  'public-url',
  'storage',
  'insecure-listen',
  'registries',
  'tokens-file',
  'token-signing-key-file',
  'oidc',
  'limits',
  'uploads',
  'shutdown-timeout',
  'log-level',
  'mirrors',
  'gc',
  'retention',
  'workers',
] as const;

/** Options of {@link parseConfig}. */
export interface ParseConfigOptions {
  /** File name for messages. */
  readonly source?: string;
  /** Directory relative paths are resolved against. Default: the source's directory, else the cwd. */
  readonly baseDir?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Reads the YAML of a registry config and applies the defaults. Unknown keys, bad values and
 * contradictions fail with the YAML path of the offending value.
 *
 * @throws RegistryConfigError `REGISTRY_CONFIG_INVALID`
 */
export function parseConfig(text: string, options: ParseConfigOptions = {}): RegistryConfig {
  const r = new ConfigReader(options.source);
  let data: unknown;
  try {
    data = load(text);
  } catch (error) {
    throw new RegistryConfigError('', `is not valid YAML: ${(error as Error).message.split('\n')[0]}`, {
      source: options.source,
      cause: error,
    });
  }
  const base =
    options.baseDir ?? (options.source === undefined ? process.cwd() : dirname(resolve(options.source)));
  const path = (value: string | undefined) => (value === undefined ? undefined : resolve(base, value));
  const top = r.object(data, '', TOP_KEYS);
  const listenText = r.string(top.listen, 'listen') ?? DEFAULT_LISTEN;
  const parsedListen = parseListen(listenText);
  const listen = 'error' in parsedListen ? r.fail('listen', parsedListen.error) : parsedListen;
  const registries = readRegistries(r, top.registries);
  const oidc = r.object(top.oidc, 'oidc', ['audience-prefix', 'clock-skew', 'issuers']);
  const issuers = readIssuers(r, oidc.issuers, path);
  const limits = r.object(top.limits, 'limits', [
    'max-manifest-bytes',
    'max-request-bytes',
    'max-header-bytes',
  ]);
  const uploads = r.object(top.uploads, 'uploads', ['expiry', 'purge-interval']);
  const storage = readStorage(r, top.storage);
  const config: RegistryConfig = {
    source: options.source,
    listen,
    publicUrl: readUrl(r, top['public-url'], 'public-url'),
    storage: path(storage.directory) ?? defaultStorageDir(options.env),
    s3: storage.s3,
    sharedStorage: storage.shared,
    workers: readWorkers(r, top.workers),
    insecureListen: r.boolean(top['insecure-listen'], 'insecure-listen', false),
    registries,
    tokensFile: path(r.string(top['tokens-file'], 'tokens-file')),
    tokenSigningKeyFile: path(r.string(top['token-signing-key-file'], 'token-signing-key-file')),
    oidc: {
      audiencePrefix: readUrl(r, oidc['audience-prefix'], 'oidc.audience-prefix'),
      clockSkewMs: readDuration(r, oidc['clock-skew'], 'oidc.clock-skew', 30_000),
      issuers,
    },
    limits: {
      maxManifestBytes: readSize(
        r,
        limits['max-manifest-bytes'],
        'limits.max-manifest-bytes',
        4 * 1024 * 1024,
      ),
      maxRequestBytes: readSize(r, limits['max-request-bytes'], 'limits.max-request-bytes', 0),
      maxHeaderBytes: readSize(r, limits['max-header-bytes'], 'limits.max-header-bytes', 16 * 1024),
    },
    uploads: {
      expiryMs: readDuration(r, uploads.expiry, 'uploads.expiry', 24 * 3_600_000),
      purgeIntervalMs: readDuration(r, uploads['purge-interval'], 'uploads.purge-interval', 3_600_000),
    },
    shutdownTimeoutMs: readDuration(r, top['shutdown-timeout'], 'shutdown-timeout', 30_000),
    logLevel: r.oneOf(top['log-level'], 'log-level', ['debug', 'info', 'warn', 'error'], 'info'),
    mirrors: readMirrors(r, top.mirrors, registries),
    gc: readGc(r, top.gc),
    retention: readRetention(r, top.retention),
  };
  checkConsistency(r, config, top);
  return config;
}

/** The most `workers` (`--workers`) takes: more processes than this only cost memory. */
export const MAX_WORKERS = 64;

/**
 * A worker count: a whole number from 1 to {@link MAX_WORKERS}, or `auto` (one per core this
 * process may use, `os.availableParallelism()`). `path` names it in messages (`workers`, `--workers`).
 *
 * @returns the count, or an error message
 */
export function parseWorkers(value: unknown): number | { error: string } {
  if (value === 'auto') return Math.min(availableParallelism(), MAX_WORKERS);
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d+$/.test(value)
        ? Number(value)
        : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS) {
    return {
      error: `expected auto or a whole number from 1 to ${MAX_WORKERS}, got ${JSON.stringify(value)}`,
    };
  }
  return n;
}

function readWorkers(r: ConfigReader, value: unknown): number {
  if (value === undefined || value === null) return 1;
  const parsed = parseWorkers(value);
  return typeof parsed === 'number' ? parsed : r.fail('workers', parsed.error);
}

/**
 * Reads and parses a config file; relative paths in it are relative to the file.
 *
 * @throws RegistryConfigError when it cannot be read or is invalid
 */
export async function loadConfigFile(
  file: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RegistryConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new RegistryConfigError('', `cannot be read: ${(error as Error).message}`, {
      source: file,
      cause: error,
    });
  }
  return parseConfig(text, { source: file, env });
}

/** The configuration with no file: every default. */
export function defaultConfig(env: NodeJS.ProcessEnv = process.env): RegistryConfig {
  return parseConfig('{}', { env });
}

/** The tokens file in force: `tokens-file`, else `tokens.json` in the storage directory. */
export function tokensFileOf(config: RegistryConfig): string {
  return config.tokensFile ?? defaultTokensFile(config.storage);
}

/** True when the registry has no `registries`: anyone may push and pull anything. */
export function isOpen(config: RegistryConfig): boolean {
  return config.registries.length === 0;
}

/**
 * Refuses to serve an open registry on a non-loopback address unless `insecure-listen` is set.
 *
 * @throws RegistryConfigError naming the address and the two ways out
 */
export function checkListenSafety(config: RegistryConfig): void {
  if (!isOpen(config) || config.insecureListen || isLoopbackHost(config.listen.host)) return;
  throw new RegistryConfigError(
    'listen',
    `refusing to listen on ${config.listen.host}, which is not a loopback address, without authentication: anyone who can reach it could push and delete images`,
    {
      source: config.source,
      hint: 'configure registries (with tokens or OIDC policies) in a --config file, or pass --insecure-listen (insecure-listen: true) if the network is trusted',
    },
  );
}

import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { load } from 'js-yaml';
import type { RegistryDefinition } from './auth/registries.js';
import { DEFAULT_LISTEN, defaultStorageDir, defaultTokensFile } from './config/defaults.js';
import { RegistryConfigError } from './config/errors.js';
import { ConfigReader } from './config/reader.js';
import { checkConsistency, readIssuers, readRegistries, readUrl } from './config/sections.js';
import { readStorage, type S3StorageConfig } from './config/storage.js';
import { readGc, readRetention, type GcConfig, type RetentionConfig } from './gc/config.js';
import { readMirrors, type MirrorConfig } from './mirror/config.js';
import { isLoopbackHost, parseListen, readDuration, readSize, type ListenAddress } from './config/units.js';
import type { LogLevel } from './ops/logger.js';

/** A trusted OIDC issuer and where its keys are. Exactly one of `jwksFile` and `jwksUrl` is set. */
export interface IssuerConfig {
  readonly issuer: string;
  readonly jwksFile?: string;
  readonly jwksUrl?: string;
}

/** The registry's configuration with every default applied (see docs/registry.md). */
export interface RegistryConfig {
  /** The file it came from; undefined for the defaults. */
  readonly source: string | undefined;
  /** Default `127.0.0.1:5000`. */
  readonly listen: ListenAddress;
  /** Default none: the token realm comes from the Host header, the OIDC audience from `listen`. */
  readonly publicUrl: string | undefined;
  /** Default {@link defaultStorageDir}. With `s3`, only local state (the default tokens file) lives here. */
  readonly storage: string;
  /** `storage: s3:`: the store is a bucket instead of `storage`. Default none. */
  readonly s3: S3StorageConfig | undefined;
  /** Listen open (no registries) on a non-loopback address anyway. Default false. */
  readonly insecureListen: boolean;
  /** Default none: an open registry, any repository name, anonymous push and pull. */
  readonly registries: readonly RegistryDefinition[];
  /** Default `<storage>/tokens.json`; use {@link tokensFileOf}. */
  readonly tokensFile: string | undefined;
  /**
   * A file holding the key bearer tokens are signed with, shared by every replica so each accepts
   * the tokens the others issue. Default none: a random key per process.
   */
  readonly tokenSigningKeyFile: string | undefined;
  readonly oidc: {
    /** Default `publicUrl`, else the URL the server listens on. */
    readonly audiencePrefix: string | undefined;
    /** Default 30 s. */
    readonly clockSkewMs: number;
    /** Default none. */
    readonly issuers: readonly IssuerConfig[];
  };
  readonly limits: {
    /** Default 4 MiB. */
    readonly maxManifestBytes: number;
    /** Default 0: no limit. */
    readonly maxRequestBytes: number;
    /** Default 16 KiB. */
    readonly maxHeaderBytes: number;
  };
  readonly uploads: {
    /** Default 24 h. */
    readonly expiryMs: number;
    /** Default 1 h. */
    readonly purgeIntervalMs: number;
  };
  /** How long shutdown waits for in-flight requests. Default 30 s. */
  readonly shutdownTimeoutMs: number;
  /** Default `info`. */
  readonly logLevel: LogLevel;
  /** Pull-through mirrors. Default none. */
  readonly mirrors: readonly MirrorConfig[];
  /** Online garbage collection. Default every hour, grace 1 h. */
  readonly gc: GcConfig;
  /** The size cap. Default none. */
  readonly retention: RetentionConfig;
}

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

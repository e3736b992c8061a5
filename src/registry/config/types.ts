/**
 * The registry configuration's types, apart from the reader in `../config.ts` so that the
 * section readers (`sections.ts`) can name them without importing the module that imports them.
 */
import type { RegistryDefinition } from '../auth/registries.js';
import type { GcConfig, RetentionConfig } from '../gc/config.js';
import type { MirrorConfig } from '../mirror/config.js';
import type { LogLevel } from '../ops/logger.js';
import type { S3StorageConfig, SharedDirectoryConfig } from './storage.js';
import type { ListenAddress } from './units.js';

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
  /** Default `defaultStorageDir()` (defaults.ts). With `s3`, only local state (the default tokens file) lives here. */
  readonly storage: string;
  /** `storage: s3:`: the store is a bucket instead of `storage`. Default none. */
  readonly s3: S3StorageConfig | undefined;
  /**
   * `storage: { directory, shared: true }`: other registry processes serve this directory too
   * (no `registry.lock`). Default none: one process per directory.
   */
  readonly sharedStorage: SharedDirectoryConfig | undefined;
  /**
   * Processes serving on one listening socket (`workers`, `--workers`): 1 (the default) serves in
   * this process; more start a primary that forks that many workers (see src/registry/cluster/).
   */
  readonly workers: number;
  /** Listen open (no registries) on a non-loopback address anyway. Default false. */
  readonly insecureListen: boolean;
  /** Default none: an open registry, any repository name, anonymous push and pull. */
  readonly registries: readonly RegistryDefinition[];
  /** Default `<storage>/tokens.json`; use `tokensFileOf` (../config.ts). */
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

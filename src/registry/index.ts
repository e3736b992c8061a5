/** The bundled OCI registry: `createRegistry` plus the seams it is built from. */
export { createRegistry, type Registry } from './server.js';
export {
  resolveOptions,
  RegistryOptionsError,
  type RegistryOptions,
  type ResolvedRegistryOptions,
} from './options.js';
export {
  openAuthorizer,
  type AccessRequest,
  type Action,
  type AuthorizationResult,
  type Authorizer,
  type TokenEndpointResponse,
} from './auth/authorizer.js';
export { PackagesAuthorizer, type PackagesAuthorizerOptions } from './auth/packages-authorizer.js';
export type { RegistryDefinition, Visibility } from './auth/registries.js';
export type { ClaimMatcher, PolicyStatement } from './auth/oidc/policy.js';
export { OidcVerifier, type TrustedIssuer, type OidcVerifierOptions } from './auth/oidc/verify-jwt.js';
export { fileKeySource, urlKeySource, type KeySource } from './auth/oidc/jwks.js';
export { TokenStore } from './auth/tokens/token-store.js';
export {
  createToken,
  listTokens,
  revokeToken,
  type CreatedToken,
  type CreateTokenInput,
} from './auth/tokens/manage.js';
export type { TokenRecord } from './auth/tokens/tokens-file.js';
export { RegistryAuthError, type RegistryAuthErrorCode } from './auth/errors.js';
export { SCOPES, type Scope } from './auth/scopes.js';
export {
  checkListenSafety,
  defaultConfig,
  isOpen,
  loadConfigFile,
  parseConfig,
  tokensFileOf,
  type IssuerConfig,
  type RegistryConfig,
} from './config.js';
export { RegistryConfigError } from './config/errors.js';
export { defaultStorageDir } from './config/defaults.js';
export {
  authorizerFor,
  startRegistryService,
  withOverrides,
  type ConfigOverrides,
  type RegistryService,
  type ServiceOptions,
} from './service.js';
export { jsonLogger, silentLogger, type Logger, type LogLevel } from './ops/logger.js';
export { Metrics } from './ops/metrics.js';
export { PackageStats } from './packages/stats.js';
export { DiskStore, type DiskStoreOptions } from './storage/disk.js';
export { DriverStore, type DriverStoreOptions } from './storage/driver-store.js';
export type { StorageDriver } from './storage/driver/driver.js';
export { FilesystemDriver } from './storage/driver/filesystem.js';
export { startWorkers, type WorkersService } from './cluster/primary.js';
export { runWorker, workerSlot } from './cluster/worker.js';
export type { WorkerError } from './cluster/messages.js';
export { describeStorage, openStore, type StorageLocation } from './storage/open.js';
export { StoreError, type StoreErrorCode } from './storage/errors.js';
export {
  acquireStorageLock,
  StorageLockedError,
  type LockHolder,
  type LockRole,
  type StorageLock,
} from './ops/storage-lock.js';
export type * from './storage/store.js';
export { ERROR_TABLE, RegistryApiError, apiError, type ApiErrorCode } from './errors.js';
export { Mirrors, type MirrorsOptions } from './mirror/mirrors.js';
export {
  MIRROR_DEFAULTS,
  resolveMirrors,
  type MirrorOptions,
  type ResolvedMirror,
} from './mirror/options.js';
export type { MirrorConfig } from './mirror/config.js';
export { mirrorOptionsOf } from './mirror/credentials.js';
export { localMirrorConfig } from './mirror/local-config.js';
export { parseUpstream, upstreamRepository, type Upstream } from './mirror/upstream.js';
export { STALE_WARNING } from './mirror/errors.js';
export { GC_DEFAULTS, type GcOptions, type RetentionOptions } from './gc/options.js';
export { parseDurationFlag, type GcConfig, type RetentionConfig } from './gc/config.js';
export { GcCoordinator, type CollectionRun } from './gc/coordinator.js';
export { AccessTimes, atimePersister, type AccessPersister } from './gc/access-times.js';
export { Collector, LOW_WATER, type CollectorOptions } from './gc/collector.js';
export { GuardedStore } from './gc/guarded-store.js';
export { collectGarbageAt, type CollectGarbageAtOptions } from './gc/offline.js';
export type { GcReport, RetentionReport } from './gc/reports.js';

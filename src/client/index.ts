/**
 * The registry client (OCI distribution API over undici): push images and indexes, read
 * manifests, blobs, tags and referrers, with basic and bearer auth, retries and credential
 * lookup in the docker config. Import from here rather than from the individual files.
 */
export {
  RegistryClient,
  splitReference,
  type CallOptions,
  type ReferenceInput,
  type RepositoryInput,
} from './registry-client.js';
export { resolveClientOptions, type ClientOptions, type ResolvedClientOptions } from './options.js';
export type { BlobLocations } from './blob-locations.js';
export type { PushOptions, PushResult, PushTarget } from './push.js';
export type { BlobOutcome, PushBlobOptions } from './blobs/push-blob.js';
export type { UploadStreamOptions, UploadedBlob } from './blobs/stream-blob.js';
export type { FetchedManifest, ManifestHead } from './manifests.js';
export type { Referrers } from './listing.js';
export type { ProgressEvent, ProgressEventType, ProgressObserver } from './progress.js';
export type { PingResult } from './transport/ping.js';
export type { RetryEvent } from './transport/retry.js';
export { formatRepository, toRepositoryName, type RepositoryName } from './repository.js';
export {
  ClientError,
  ContentMismatchError,
  NetworkError,
  RegistryError,
  RetriesExhaustedError,
  isTemporaryStatus,
  type NetworkErrorCode,
  type RegistryDiagnostic,
  type RegistryErrorCode,
} from './errors.js';
export { redactText, redactUrl } from './transport/redact.js';
export {
  CREDENTIALS_REFRESH_MARGIN_MS,
  isExpiring,
  type CredentialProvider,
  type Credentials,
} from './credentials/types.js';
export { jwtClaims, jwtExpiresAt } from '../jwt-claims.js';
export {
  anonymousCredentials,
  dockerConfigCredentials,
  staticCredentials,
  type DockerConfigCredentialsOptions,
} from './credentials/provider.js';
export {
  removeCredentials,
  storeCredentials,
  type LoginCredentials,
  type StoreOptions,
} from './credentials/store.js';
export { DOCKER_HUB_AUTH_KEY, credentialKey, keyMatches } from './credentials/host.js';
export { dockerConfigDir, dockerConfigPath } from './credentials/docker-config.js';
export { fetchArtifact, type FetchArtifactOptions } from './remote-artifact.js';

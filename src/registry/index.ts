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
} from './auth/authorizer.js';
export { DiskStore, type DiskStoreOptions } from './storage/disk.js';
export { StoreError, type StoreErrorCode } from './storage/errors.js';
export type * from './storage/store.js';
export { ERROR_TABLE, RegistryApiError, apiError, type ApiErrorCode } from './errors.js';

/** The main job, CI-neutral: publish images to registries; resolve registry arguments. */
export {
  publish,
  type ImageDestination,
  type ImageRequest,
  type PublishEvent,
  type PublishFailureContext,
  type PublishRequest,
} from './publish.js';
export {
  PACKAGES_HOST_ENV,
  resolveTarget,
  targetReference,
  type RegistryTarget,
  type ResolveTargetOptions,
} from './targets.js';
export { artifactPlatforms, artifactSize } from './describe.js';
export { login, logout, type LoginOptions } from './login.js';
export { inspectImage, type ImageDetails, type InspectOptions, type InspectResult } from './inspect.js';
export {
  BUILDKIT_CACHE_ENV,
  MIRROR_PREFIX_ENV,
  MIRROR_PREFIXES_ENV,
  localRegistryEnv,
} from './local-registry-env.js';
export { pullImage, type PullFormat, type PullOptions, type PullResult } from './pull.js';

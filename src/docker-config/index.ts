/**
 * Per-job docker config directories: a `DOCKER_CONFIG` that keeps the agent's settings, builders
 * and credentials for other registries, but none for the job's own registries, and is removed
 * after the job. CI-neutral: the Buildkite hooks and the GitHub Action both use it.
 */
export { DockerConfigError, type DockerConfigErrorCode } from './errors.js';
export { isolatedConfig, type DockerConfigJson, type IsolationReport } from './filter.js';
export {
  LINKED_DIRS,
  MARKER_FILE,
  createIsolatedDockerConfig,
  removeIsolatedDockerConfig,
  type IsolateOptions,
  type IsolatedDockerConfig,
} from './isolate.js';
export { keyConcernsScope, splitServerAddress, type ScopeParts } from './scope.js';

export { EngineError, type EngineErrorCode } from './errors.js';
export {
  isLoopbackHost,
  pushFromEngine,
  type EnginePushOptions,
  type EnginePushResult,
  type EnginePushed,
} from './push.js';
export {
  classifyEngineFailure,
  digestFromDockerPush,
  digestFromPodmanDigestFile,
  digestFromRepoDigests,
} from './output.js';

/**
 * The GitHub Action adapter: reads the step's inputs and the runner's facts, plans, mints OIDC
 * tokens with `@actions/core`, and writes outputs, state and the job summary. The entry points
 * are `main.ts` and `post.ts` (bundled as dist/action/main.js and dist/action/post.js). Import
 * from here.
 */
export { credentialsProvider, oidcAvailable, type CredentialSeams } from './credentials.js';
export {
  ActionError,
  conflictingInputs,
  invalidInput,
  missingInput,
  type ActionErrorCode,
} from './errors.js';
export { errorCode, failureInput, failureMessage, failureSummary, type FailureContext } from './failure.js';
export {
  IMAGE_NAME_SEPARATOR,
  parseBooleanInput,
  parseChoice,
  parseImageLines,
  parseIntegerInput,
  parseList,
  type ImageLine,
  type ListOptions,
} from './input-syntax.js';
export {
  INPUT_NAMES,
  getInputs,
  readRunnerEnv,
  type ActionInputs,
  type InputName,
  type RunnerEnv,
} from './inputs.js';
export { actionCli, startStepRegistry, stopStepRegistry } from './local-registry.js';
export {
  OUTPUT_NAMES,
  actionOutputs,
  imagesOutput,
  writeOutputs,
  writeSummary,
  type ImageOutput,
  type OutputName,
} from './outputs.js';
export {
  ACTION_DEFAULTS,
  RETRIES_RANGE,
  planAction,
  tagContext,
  type ActionPlan,
  type PlanOptions,
} from './plan.js';
export { DEFAULT_TAGS, defaultName, planImages, type ActionImage } from './plan-images.js';
export {
  AUTH_METHODS,
  BUILDKITE_USERNAME,
  planRegistries,
  type ActionAuth,
  type AuthMethod,
  type ActionRegistry,
} from './plan-registries.js';
export { runMain } from './run-main.js';
export { runPost } from './run-post.js';
export {
  STATE_NAMES,
  readStepState,
  saveStepState,
  type LocalRegistryState,
  type StepState,
} from './state-helper.js';

/** Builders for the GitHub adapter's unit tests: inputs as the runner gives them, and a run. */
import { INPUT_NAMES, type ActionInputs, type RunnerEnv } from '../../../../src/ci/github/index.js';

/** Every input empty, then `given` over it. */
export function inputsOf(given: Partial<Record<keyof ActionInputs, string>> = {}): ActionInputs {
  return { ...Object.fromEntries(INPUT_NAMES.map((name) => [name, ''])), ...given } as ActionInputs;
}

/** A push of branch `feature/Login` at run 42. */
export const BRANCH_RUN: RunnerEnv = {
  ref: 'refs/heads/feature/Login',
  refName: 'feature/Login',
  refType: 'branch',
  sha: '0123456789abcdef0123456789abcdef01234567',
  runNumber: '42',
  runId: '9000',
  repository: 'acme/app',
};

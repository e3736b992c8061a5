/**
 * Asking a docker credential helper for a registry's credentials (`get`), through the one
 * child-process seam in `src/exec`. `{"Username":"<token>","Secret":…}` is an identity token.
 */
import { runCredentialHelper } from '../../exec/credential-helper.js';
import { isContainerPackageError } from '../../errors.js';
import { clientError } from '../errors.js';
import { redactText } from '../transport/redact.js';
import { credentialKey } from './host.js';
import type { Credentials } from './types.js';

/** Options of {@link helperCredentials}. */
export interface HelperLookupOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
}

/**
 * Runs `docker-credential-<helper> get` for `registry`. "Not found" answers (docker's
 * `credentials not found in native keychain`, or an empty secret) are `undefined`.
 *
 * @throws ClientError `CLIENT_CREDENTIALS_HELPER` when the helper is missing, fails or answers
 *   something that is not the protocol's JSON. The message quotes the helper's error text,
 *   redacted, never its successful output.
 */
export async function helperCredentials(
  helper: string,
  registry: string,
  options: HelperLookupOptions = {},
): Promise<Credentials | undefined> {
  const program = `docker-credential-${helper}`;
  let result;
  try {
    result = await runCredentialHelper(helper, 'get', credentialKey(registry), options);
  } catch (error) {
    const why = isContainerPackageError(error) ? error.message : String(error);
    throw clientError('CLIENT_CREDENTIALS_HELPER', `cannot get credentials for ${registry}: ${why}`, {
      cause: error,
      hint: isContainerPackageError(error) ? error.hint : undefined,
    });
  }
  if (result.exitCode !== 0) {
    const text = `${result.stdout}\n${result.stderr}`.trim();
    if (/credentials not found|not found in native keychain|no credentials/i.test(text)) return undefined;
    throw clientError(
      'CLIENT_CREDENTIALS_HELPER',
      `${program} get failed for ${registry} (exit ${result.exitCode}): ${redactText(text).slice(0, 300)}`,
      { hint: `run "echo ${credentialKey(registry)} | ${program} get" to see the helper's error` },
    );
  }
  return parseHelperAnswer(result.stdout, program, registry);
}

/** Parses `{"ServerURL","Username","Secret"}`; see {@link helperCredentials}. */
export function parseHelperAnswer(
  stdout: string,
  program: string,
  registry: string,
): Credentials | undefined {
  let value: unknown;
  try {
    value = JSON.parse(stdout);
  } catch {
    value = undefined;
  }
  if (typeof value !== 'object' || value === null) {
    throw clientError('CLIENT_CREDENTIALS_HELPER', `${program} get for ${registry} did not answer JSON`, {
      hint: 'the helper must print {"Username": "...", "Secret": "..."}',
    });
  }
  const { Username: username, Secret: secret } = value as { Username?: unknown; Secret?: unknown };
  if (typeof secret !== 'string' || secret === '') return undefined;
  if (username === '<token>') return { identityToken: secret };
  return { username: typeof username === 'string' ? username : '', password: secret };
}

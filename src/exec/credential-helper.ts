/**
 * Runs a docker credential helper (`docker-credential-<name> <action>`), the protocol of
 * docker/docker-credential-helpers: the request on stdin (the server URL for `get` and `erase`,
 * JSON for `store`), the answer on stdout. The only place the client's credential lookup spawns
 * a process. Nothing here logs or puts a child's stdout into an error (it may hold a secret).
 */
import { ExecError } from './errors.js';
import { loadExeca } from './execa.js';

/** The actions of the credential helper protocol. */
export type CredentialHelperAction = 'get' | 'store' | 'erase' | 'list';

/** What a helper answered. */
export interface CredentialHelperResult {
  /** 0 on success. */
  readonly exitCode: number;
  /** Standard output, without the final newline. May hold a secret: never log it. */
  readonly stdout: string;
  /** Standard error, without the final newline. */
  readonly stderr: string;
}

/** Options of {@link runCredentialHelper}. */
export interface CredentialHelperOptions {
  /** Kill the helper after this long, ms. Default 30 000. */
  readonly timeoutMs?: number;
  /** Environment of the helper. Default: this process's environment. */
  readonly env?: NodeJS.ProcessEnv;
}

/** `docker-credential-<name>`, after checking `name` has no path separator or whitespace. */
export function credentialHelperProgram(name: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(name)) {
    throw new ExecError(
      'EXEC_NOT_FOUND',
      `docker-credential-${name}`,
      `invalid credential helper name ${JSON.stringify(name)}`,
      {
        hint: 'credsStore and credHelpers values are helper names such as "desktop", "pass" or "ecr-login"',
      },
    );
  }
  return `docker-credential-${name}`;
}

/**
 * Runs `docker-credential-<name> <action>` with `input` on stdin. A non-zero exit is returned,
 * not thrown (for `get`, "credentials not found" is a normal answer).
 *
 * @throws ExecError `EXEC_NOT_FOUND` when the helper is not on PATH, `EXEC_TIMEOUT` when it does
 *   not finish in time, `EXEC_FAILED` when it cannot be run at all.
 */
export async function runCredentialHelper(
  name: string,
  action: CredentialHelperAction,
  input: string,
  options: CredentialHelperOptions = {},
): Promise<CredentialHelperResult> {
  const program = credentialHelperProgram(name);
  const { execa } = await loadExeca();
  const result = await execa(program, [action], {
    input,
    reject: false,
    timeout: options.timeoutMs ?? 30_000,
    ...(options.env ? { env: options.env, extendEnv: false } : {}),
  });
  if (result.code === 'ENOENT') {
    throw new ExecError(
      'EXEC_NOT_FOUND',
      program,
      `credential helper ${program} is not installed (not found on PATH)`,
      {
        hint: `install ${program}, or remove it from credsStore/credHelpers in the docker config`,
      },
    );
  }
  if (result.timedOut) {
    throw new ExecError(
      'EXEC_TIMEOUT',
      program,
      `credential helper ${program} did not answer within ${options.timeoutMs ?? 30_000} ms`,
    );
  }
  if (result.exitCode === undefined) {
    throw new ExecError(
      'EXEC_FAILED',
      program,
      `credential helper ${program} could not be run (${result.code ?? 'killed'})`,
    );
  }
  return { exitCode: result.exitCode, stdout: String(result.stdout), stderr: String(result.stderr) };
}

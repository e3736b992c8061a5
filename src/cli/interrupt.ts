/**
 * Ctrl-C and SIGTERM during a push or copy: the first signal aborts the work through its
 * AbortSignal, so the core cleans up as on any failure (open upload sessions cancelled with a
 * `DELETE`, temporary layer directories and engine tags removed) and the command exits 130
 * (`CLI_INTERRUPTED`); a second signal exits at once.
 */
import { ContainerPackageError } from '../errors.js';
import { ExitCode } from './exit-codes.js';

/** Runs `work` with a signal that SIGINT and SIGTERM abort; rethrows `CLI_INTERRUPTED` after one. */
export async function interruptible<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let received: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (received !== undefined) process.exit(ExitCode.interrupted);
    received = signal;
    process.stderr.write(`${signal}: stopping, cleaning up (send it again to quit at once)\n`);
    controller.abort(
      new ContainerPackageError(
        'CLI_INTERRUPTED',
        `interrupted by ${signal}; nothing half-written was left behind`,
        {
          hint: 'run the command again: what was already pushed is skipped',
        },
      ),
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await work(controller.signal);
  } catch (error) {
    throw received === undefined ? error : controller.signal.reason;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

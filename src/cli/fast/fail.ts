/** Failing a fast path exactly as the oclif command would. */
import { isContainerPackageError } from '../../errors.js';
import { cliErrorOptions } from '../exit-codes.js';

/**
 * Prints `error` and exits, through oclif's own handler: a ContainerPackageError becomes the
 * same CLIError `BaseCommand` makes of it (message, `Code:`, `Try this:` hint, documented exit
 * code); anything else is printed as oclif prints unexpected errors. oclif is loaded only here.
 */
export async function failLikeOclif(error: unknown): Promise<never> {
  const [errors, handler] = await Promise.all([
    import('@oclif/core/errors').then(commonJs),
    import('@oclif/core/handle').then(commonJs),
  ]);
  const { error: toOclifError } = errors;
  const { handle } = handler;
  let failure = error as Error;
  if (isContainerPackageError(error)) {
    try {
      toOclifError(error.message, cliErrorOptions(error));
    } catch (made) {
      failure = made as Error;
    }
  }
  await handle(failure);
  // handle() exits; should it ever return, still fail.
  process.exit(1);
}

/**
 * The exports of a CommonJS module loaded with `import()`: Node.js names them on the namespace,
 * while esbuild's split bundles hand them over as the default export only.
 */
function commonJs<T extends object>(namespace: T): T {
  const fallback = (namespace as { default?: T }).default;
  return Object.keys(namespace).some((key) => key !== 'default') || fallback === undefined
    ? namespace
    : fallback;
}

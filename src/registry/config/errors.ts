import { ContainerPackageError } from '../../errors.js';

/**
 * A registry configuration file (or flag) that cannot be used. Code `REGISTRY_CONFIG_INVALID`;
 * `path` is the YAML path of the offending value (`registries[0].visibility`), `source` the file.
 */
export class RegistryConfigError extends ContainerPackageError {
  readonly path: string;
  readonly source: string | undefined;

  constructor(
    path: string,
    message: string,
    options: { source?: string; hint?: string; cause?: unknown } = {},
  ) {
    const where = options.source === undefined ? '' : `${options.source}: `;
    super('REGISTRY_CONFIG_INVALID', `${where}${path === '' ? '' : `${path}: `}${message}`, {
      hint: options.hint ?? 'see docs/registry.md for every key and its default',
      cause: options.cause,
    });
    this.name = 'RegistryConfigError';
    this.path = path;
    this.source = options.source;
  }
}

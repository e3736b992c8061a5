/** Errors of the per-job docker config. Codes are `DOCKER_CONFIG_*`; messages never quote the config's content. */
import { ContainerPackageError, type ErrorDetails } from '../errors.js';

/**
 * Codes of {@link DockerConfigError}:
 *
 * - `DOCKER_CONFIG_UNREADABLE`: the agent's `config.json` exists but is not a JSON object, or cannot be read.
 * - `DOCKER_CONFIG_NOT_OURS`: asked to remove a directory this module did not create (no marker file).
 * - `DOCKER_CONFIG_WRITE_FAILED`: the job's directory could not be created or written.
 */
export type DockerConfigErrorCode =
  'DOCKER_CONFIG_UNREADABLE' | 'DOCKER_CONFIG_NOT_OURS' | 'DOCKER_CONFIG_WRITE_FAILED';

/** A docker config directory could not be read, written or removed. */
export class DockerConfigError extends ContainerPackageError {
  declare readonly code: DockerConfigErrorCode;
  /** The directory or file concerned. */
  readonly path: string;

  constructor(code: DockerConfigErrorCode, path: string, message: string, details: ErrorDetails = {}) {
    super(code, message, details);
    this.name = 'DockerConfigError';
    this.path = path;
  }
}

/** Errors of pushing through a container engine's own CLI. */
import { ContainerPackageError, type ErrorDetails } from '../../errors.js';

/** Codes of {@link EngineError}. */
export type EngineErrorCode =
  | 'SRC_ENGINE_IMAGE_NOT_FOUND'
  | 'SRC_ENGINE_UNAVAILABLE'
  | 'SRC_ENGINE_UNAUTHORIZED'
  | 'SRC_ENGINE_DENIED'
  | 'SRC_ENGINE_PUSH_FAILED'
  | 'SRC_ENGINE_NO_DIGEST';

/** An engine could not find, tag or push an image. */
export class EngineError extends ContainerPackageError {
  readonly engine: 'docker' | 'podman';

  constructor(
    code: EngineErrorCode,
    engine: 'docker' | 'podman',
    message: string,
    details: ErrorDetails = {},
  ) {
    super(code, message, details);
    this.name = 'EngineError';
    this.engine = engine;
  }
}

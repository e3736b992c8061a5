import { describe, expect, test } from 'vitest';
import { DockerConfigError } from '../../../src/docker-config/index.js';
import { isContainerPackageError } from '../../../src/errors.js';

describe('DockerConfigError', () => {
  test.each(['DOCKER_CONFIG_UNREADABLE', 'DOCKER_CONFIG_NOT_OURS', 'DOCKER_CONFIG_WRITE_FAILED'] as const)(
    '%s carries its code, name, path, message and hint',
    (code) => {
      const error = new DockerConfigError(code, '/tmp/x', 'it failed', { hint: 'do this' });
      expect(error).toMatchObject({
        code,
        name: 'DockerConfigError',
        path: '/tmp/x',
        message: 'it failed',
        hint: 'do this',
      });
      expect(isContainerPackageError(error)).toBe(true);
    },
  );
});

import { expect, test } from 'vitest';
import { fileName } from '../../../../src/registry/http/download.js';
import { downloadPath } from '../../../../src/registry/packages/download-path.js';

test('download file names and paths hold only safe characters', () => {
  expect(fileName('acme/images/web', 'v1.2', 'sha256:abc', 'oci-archive')).toBe('web-v1.2.oci.tar');
  expect(fileName('acme/images/web', null, `sha256:${'f'.repeat(64)}`, 'docker-archive')).toBe(
    'web-sha256-ffffffffffff.docker.tar',
  );
  expect(downloadPath('acme/images', 'team/web', { tag: 'v1' }, 'docker-archive')).toBe(
    '/api/v1/registries/acme/images/packages/team/web/download?tag=v1&format=docker-archive',
  );
  expect(downloadPath('', 'alpine', { tag: '3' }, 'oci-archive')).toBe(
    '/api/v1/registries/-/packages/alpine/download?tag=3&format=oci-archive',
  );
  expect(downloadPath('team', 'app', { digest: 'sha256:ab' }, 'oci-archive')).toBe(
    '/api/v1/registries/team/packages/app/download?digest=sha256%3Aab&format=oci-archive',
  );
});

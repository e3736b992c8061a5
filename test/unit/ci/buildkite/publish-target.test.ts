import { expect, test } from 'vitest';
import { publishTarget } from '../../../../src/ci/buildkite/hooks/credentials.js';
import type { PlannedRegistry } from '../../../../src/ci/buildkite/publish-plan.js';
import { resolveTarget } from '../../../../src/publish/index.js';

test("the configured username reaches the published target (the annotation's login hint)", () => {
  const planned = {
    target: resolveTarget('ghcr.io/acme'),
    auth: { method: 'token', source: { env: 'GHCR_TOKEN' }, username: 'alice' },
  } as unknown as PlannedRegistry;
  expect(publishTarget(planned).username).toBe('alice');
  const oidc = {
    target: resolveTarget('acme/images'),
    auth: { method: 'oidc', audience: 'https://packages.buildkite.com/acme/images', lifetimeSeconds: 300 },
  } as unknown as PlannedRegistry;
  expect(publishTarget(oidc).username).toBeUndefined();
});

test('an OIDC login on a registry of its own host shows -u buildkite, the user it logged in as', () => {
  const planned = {
    target: resolveTarget('127.0.0.1:5000/acme/images'),
    auth: { method: 'oidc', audience: 'https://127.0.0.1:5000/acme/images', lifetimeSeconds: 300 },
  } as unknown as PlannedRegistry;
  expect(publishTarget(planned).username).toBe('buildkite');
});

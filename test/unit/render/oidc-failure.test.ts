import { describe, expect, test } from 'vitest';
import { parsePolicyReason, renderFailure } from '../../../src/render/index.js';

const claims = {
  iss: 'https://agent.buildkite.com',
  organization_slug: 'acme',
  pipeline_slug: 'shop',
  build_branch: 'main',
};
const registry = {
  host: 'packages.buildkite.com',
  kind: 'buildkite',
  organization: 'acme',
  registry: 'locked',
} as const;

describe('OIDC refusals', () => {
  test('reads the compared and the unmatched claims out of the registry reason', () => {
    expect(
      parsePolicyReason(
        'POST /v2/acme/locked/app/blobs/uploads/: 403 Forbidden: DENIED: no OIDC policy statement of acme/locked matches claims organization_slug=acme pipeline_slug=shop; claims that did not match: pipeline_slug',
      ),
    ).toEqual({ compared: ['organization_slug', 'pipeline_slug'], unmatched: ['pipeline_slug'] });
    expect(parsePolicyReason('denied: no policy')).toBeUndefined();
  });

  test.each([401, 403])(
    '%i: names the claims that did not match with the job values and a statement that would match',
    (status) => {
      const out = renderFailure({
        code: status === 401 ? 'CLIENT_UNAUTHORIZED' : 'CLIENT_DENIED',
        status,
        message:
          'no OIDC policy statement of acme/locked matches claims organization_slug=acme pipeline_slug=shop build_branch=main; claims that did not match: pipeline_slug',
        registry,
        oidc: { claims, audience: 'https://packages.buildkite.com/acme/locked' },
      });
      expect(out).toContain(`The registry refused this job's OIDC token (${status}).`);
      expect(out).toContain('Claims that did not match: `pipeline_slug` (this job: `shop`).');
      expect(out).toContain(
        [
          '- iss: https://agent.buildkite.com',
          '  scopes: [read_packages, write_packages]',
          '  claims:',
          '    organization_slug: acme',
          '    pipeline_slug: shop',
          '    build_branch: main',
        ].join('\n'),
      );
      expect(out).not.toContain('Write Packages');
    },
  );

  test('a reason that names no claims: the organization and the pipeline, and the audience when it is the cause', () => {
    const out = renderFailure({
      code: 'CLIENT_DENIED',
      status: 403,
      message: 'OIDC token audience https://packages.buildkite.com/acme/other does not match',
      registry,
      oidc: { claims, audience: 'https://packages.buildkite.com/acme/other' },
    });
    expect(out).toContain('the token was minted for `https://packages.buildkite.com/acme/other`');
    expect(out).toContain('    organization_slug: acme\n    pipeline_slug: shop\n```');
  });
});

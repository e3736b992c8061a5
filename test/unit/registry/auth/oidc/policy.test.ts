import { describe, expect, test } from 'vitest';
import {
  evaluatePolicy,
  globToRegExp,
  type PolicyStatement,
} from '../../../../../src/registry/auth/oidc/policy.js';

const ISS = 'https://agent.buildkite.com';
const policy: PolicyStatement[] = [
  {
    iss: ISS,
    scopes: ['read_packages', 'write_packages'],
    claims: {
      organization_slug: [{ op: 'equals', value: 'acme' }],
      pipeline_slug: [{ op: 'in', values: ['web', 'api'] }],
      build_branch: [{ op: 'matches', patterns: ['main', 'release/*'] }],
    },
  },
  {
    iss: ISS,
    scopes: ['read_packages'],
    claims: {
      organization_slug: [{ op: 'equals', value: 'acme' }],
      pipeline_slug: [{ op: 'not_in', values: ['secret'] }],
    },
  },
];
const claims = (extra: Record<string, unknown>) => ({
  organization_slug: 'acme',
  pipeline_slug: 'web',
  build_branch: 'main',
  ...extra,
});

describe('evaluatePolicy', () => {
  test.each([
    [
      'all claims match statement 1',
      claims({}),
      { ok: true, scopes: ['read_packages', 'write_packages'], statement: 0 },
    ],
    [
      'a release branch matches the glob',
      claims({ build_branch: 'release/1.2/hotfix' }),
      { ok: true, statement: 0 },
    ],
    [
      'another branch falls through to statement 2',
      claims({ build_branch: 'feature/x' }),
      { ok: true, scopes: ['read_packages'], statement: 1 },
    ],
    [
      'another pipeline falls through to statement 2',
      claims({ pipeline_slug: 'docs' }),
      { ok: true, statement: 1 },
    ],
  ])('%s', (_name, token, expected) => {
    expect(evaluatePolicy('acme/images', policy, ISS, token)).toMatchObject(expected);
  });

  test('no statement matches: the message names the claims the policy looks at, with the token values', () => {
    const result = evaluatePolicy(
      'acme/images',
      policy,
      ISS,
      claims({ organization_slug: 'evil', pipeline_slug: 'secret' }),
    );
    expect(result).toEqual({
      ok: false,
      reason:
        'no OIDC policy statement of acme/images matches claims organization_slug=evil pipeline_slug=secret build_branch=main; claims that did not match: organization_slug, pipeline_slug',
    });
  });

  test('the claims that did not match are those of the closest statement', () => {
    const result = evaluatePolicy('acme/images', policy, ISS, claims({ pipeline_slug: 'secret' }));
    // Statement 1 fails on pipeline_slug alone; statement 2 on pipeline_slug too.
    expect((result as { reason: string }).reason).toMatch(/; claims that did not match: pipeline_slug$/);
    const branch = evaluatePolicy(
      'acme/images',
      [policy[0]!],
      ISS,
      claims({ build_branch: 'feature/x', pipeline_slug: 'docs' }),
    );
    expect((branch as { reason: string }).reason).toMatch(
      /; claims that did not match: pipeline_slug, build_branch$/,
    );
  });

  test('a missing claim fails every test on it, negative ones included', () => {
    const result = evaluatePolicy('acme/images', policy, ISS, { organization_slug: 'acme' });
    expect(result).toMatchObject({ ok: false });
    expect((result as { reason: string }).reason).toContain('pipeline_slug=(missing)');
  });

  test('another issuer, or an empty policy, is refused with its own message', () => {
    expect(
      evaluatePolicy('acme/images', policy, 'https://token.actions.githubusercontent.com', claims({})),
    ).toEqual({
      ok: false,
      reason:
        'no OIDC policy statement of acme/images is for issuer https://token.actions.githubusercontent.com',
    });
    expect((evaluatePolicy('acme/images', [], ISS, claims({})) as { reason: string }).reason).toContain(
      'has no OIDC policy',
    );
  });

  test('numbers and booleans compare as text; array claims match when an element does', () => {
    const statements: PolicyStatement[] = [
      {
        iss: ISS,
        scopes: ['read_packages'],
        claims: {
          build_number: [{ op: 'equals', value: 42 }],
          groups: [
            { op: 'in', values: ['admins'] },
            { op: 'not_equals', value: 'banned' },
          ],
        },
      },
    ];
    expect(
      evaluatePolicy('a/b', statements, ISS, { build_number: '42', groups: ['devs', 'admins'] }).ok,
    ).toBe(true);
    expect(
      evaluatePolicy('a/b', statements, ISS, { build_number: 42, groups: ['admins', 'banned'] }).ok,
    ).toBe(false);
  });
});

describe('globToRegExp', () => {
  test.each([
    ['main', 'main', true],
    ['main', 'mainline', false],
    ['release/*', 'release/1.2', true],
    ['release/*', 'release/', true],
    ['release/*', 'releases/1', false],
    ['v?.?', 'v1.2', true],
    ['v?.?', 'v12.3', false],
    ['a.b', 'axb', false],
    ['feat(x)+[y]', 'feat(x)+[y]', true],
    ['***', 'anything/at/all', true],
  ])('%s ~ %s → %s', (pattern, value, expected) => {
    expect(globToRegExp(pattern).test(value)).toBe(expected);
  });
});

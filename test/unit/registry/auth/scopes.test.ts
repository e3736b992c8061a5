import { describe, expect, test } from 'vitest';
import { allowedActions, effectiveScopes, parseScope } from '../../../../src/registry/auth/scopes.js';

describe('scopes', () => {
  test.each([
    ['read', 'read_packages'],
    ['WRITE', 'write_packages'],
    [' delete ', 'delete_packages'],
    ['read_packages', 'read_packages'],
    ['admin', undefined],
    ['', undefined],
  ])('parseScope(%j) → %j', (input, expected) => {
    expect(parseScope(input)).toBe(expected);
  });

  test.each([
    [['read_packages'], ['read_packages']],
    [['write_packages'], ['read_packages', 'write_packages']],
    [['delete_packages'], ['read_packages', 'delete_packages']],
    [
      ['delete_packages', 'write_packages', 'write_packages'],
      ['read_packages', 'write_packages', 'delete_packages'],
    ],
    [[], []],
  ] as const)('effectiveScopes(%j) → %j (write and delete imply read)', (scopes, expected) => {
    expect(effectiveScopes(scopes)).toEqual(expected);
  });

  test.each([
    [['read_packages'], ['pull', 'push'], ['pull']],
    [['write_packages'], ['pull', 'push'], ['pull', 'push']],
    [['write_packages'], ['delete'], []],
    [['delete_packages'], ['pull', 'delete'], ['pull', 'delete']],
    [[], ['pull'], []],
  ] as const)('allowedActions(%j, %j) → %j', (scopes, wanted, expected) => {
    expect(allowedActions(scopes, wanted)).toEqual(expected);
  });
});

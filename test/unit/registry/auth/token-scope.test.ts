import { describe, expect, test } from 'vitest';
import { parseTokenScopes } from '../../../../src/registry/auth/token-scope.js';

describe('parseTokenScopes', () => {
  test.each([
    [
      ['repository:acme/images/web:pull,push'],
      [{ repository: 'acme/images/web', actions: ['pull', 'push'] }],
    ],
    [
      ['repository:a/b/c:pull repository:a/b/d:push'],
      [
        { repository: 'a/b/c', actions: ['pull'] },
        { repository: 'a/b/d', actions: ['push'] },
      ],
    ],
    [
      ['repository:a/b/c:pull', 'repository:a/b/c:delete'],
      [{ repository: 'a/b/c', actions: ['pull', 'delete'] }],
    ],
    [['repository:a/b/c:*'], [{ repository: 'a/b/c', actions: ['pull', 'push', 'delete'] }]],
    [['repository(plugin):a/b/c:pull'], [{ repository: 'a/b/c', actions: ['pull'] }]],
    [['repository:a/b/c:pull,fly'], [{ repository: 'a/b/c', actions: ['pull'] }]],
    [['registry:catalog:*'], []],
    [['repository:../etc:pull', 'repository:Upper/Case:pull', 'nonsense'], []],
    [[], []],
  ])('%j', (values, expected) => {
    expect(parseTokenScopes(values)).toEqual(expected);
  });
});

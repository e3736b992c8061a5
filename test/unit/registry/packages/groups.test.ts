import { expect, test } from 'vitest';
import { openGroupOf } from '../../../../src/registry/packages/groups.js';

test.each([
  ['acme/images/web', 'acme/images'],
  ['acme/images/deep/web', 'acme/images'],
  ['team/app', 'team'],
  ['alpine', ''],
])('openGroupOf(%s) = %s', (name, group) => {
  expect(openGroupOf(name)).toBe(group);
});

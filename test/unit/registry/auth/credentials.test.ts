import { describe, expect, test } from 'vitest';
import { parseAuthorization } from '../../../../src/registry/auth/credentials.js';

const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

describe('parseAuthorization', () => {
  test.each([
    [basic('buildkite:bkpt_secret'), { kind: 'basic', username: 'buildkite', password: 'bkpt_secret' }],
    [basic('buildkite:with:colons'), { kind: 'basic', username: 'buildkite', password: 'with:colons' }],
    [basic('user:'), { kind: 'basic', username: 'user', password: '' }],
    ['bearer abc.def', { kind: 'bearer', token: 'abc.def' }],
    ['Bearer   xyz  ', { kind: 'bearer', token: 'xyz' }],
  ])('%s', (header, expected) => {
    expect(parseAuthorization(header)).toEqual(expected);
  });

  test.each([
    ['Basic', 'not "<scheme> <credentials>"'],
    ['Digest abc', 'unsupported authorization scheme'],
    ['Basic !!!', 'not base64'],
    [basic('nocolon'), 'no ":"'],
    [`Bearer ${'x'.repeat(20_000)}`, 'longer than'],
  ])('%s is malformed (%s), and the reason never quotes the secret', (header, reason) => {
    const result = parseAuthorization(header);
    expect(result.kind).toBe('malformed');
    expect((result as { reason: string }).reason).toContain(reason);
    expect((result as { reason: string }).reason).not.toContain('nocolon');
  });
});

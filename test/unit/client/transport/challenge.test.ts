import { describe, expect, it } from 'vitest';
import { findChallenge, parseChallenges } from '../../../../src/client/transport/challenge.js';

describe('parseChallenges', () => {
  it.each([
    [
      'Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a/b:pull,push"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://auth.example/token',
            service: 'registry.example',
            scope: 'repository:a/b:pull,push',
          },
        },
      ],
    ],
    ['Basic realm="Registry Realm"', [{ scheme: 'basic', params: { realm: 'Registry Realm' } }]],
    ['basic realm=simple', [{ scheme: 'basic', params: { realm: 'simple' } }]],
    [
      'Bearer realm="https://a/t?x=1,y=2", error="insufficient_scope", Basic realm="b"',
      [
        { scheme: 'bearer', params: { realm: 'https://a/t?x=1,y=2', error: 'insufficient_scope' } },
        { scheme: 'basic', params: { realm: 'b' } },
      ],
    ],
    [
      'Bearer realm="with \\"escaped\\" quotes"',
      [{ scheme: 'bearer', params: { realm: 'with "escaped" quotes' } }],
    ],
    ['Bearer  REALM = "x" ,  Service="y"', [{ scheme: 'bearer', params: { realm: 'x', service: 'y' } }]],
    [
      'Negotiate abc==, Basic realm="r"',
      [
        { scheme: 'negotiate', params: {} },
        { scheme: 'basic', params: { realm: 'r' } },
      ],
    ],
    ['Bearer realm="first",realm="second"', [{ scheme: 'bearer', params: { realm: 'first' } }]],
    ['', []],
    [',,  ,', []],
    ['Bearer realm="unterminated', [{ scheme: 'bearer', params: { realm: 'unterminated' } }]],
  ])('%s', (header, expected) => {
    expect(parseChallenges(header)).toEqual(expected);
  });

  it('reads every value of a repeated header', () => {
    const challenges = parseChallenges(['Basic realm="a"', 'Bearer realm="https://b/token"']);
    expect(challenges.map((c) => c.scheme)).toEqual(['basic', 'bearer']);
    expect(findChallenge(challenges, 'BEARER')?.params.realm).toBe('https://b/token');
    expect(findChallenge(challenges, 'digest')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { nextLink, nextLocation, sameOrigin } from '../../../../src/client/transport/location.js';

const origin = new URL('https://r.example');
const response = (location?: string) => ({
  headers: location === undefined ? {} : { location },
  url: new URL('https://r.example/v2/a/blobs/uploads/'),
  method: 'POST',
  status: 202,
});

describe('nextLocation', () => {
  it.each([
    ['/v2/a/blobs/uploads/u1?_state=x', 'https://r.example/v2/a/blobs/uploads/u1?_state=x'],
    ['u2', 'https://r.example/v2/a/blobs/uploads/u2'],
    ['https://r.example/v2/a/blobs/uploads/u3', 'https://r.example/v2/a/blobs/uploads/u3'],
  ])('resolves %s', (location, expected) => {
    expect(nextLocation(response(location), origin).href).toBe(expected);
  });

  it.each([
    [undefined, 'without a Location header'],
    ['https://evil.example/v2/a/blobs/uploads/u', 'leaves the registry r.example'],
    ['http://r.example/v2/a/blobs/uploads/u', 'leaves the registry'],
    ['https://r.example:8443/x', 'leaves the registry'],
  ])('refuses %s', (location, message) => {
    expect(() => nextLocation(response(location), origin)).toThrow(
      expect.objectContaining({ code: 'CLIENT_BAD_LOCATION' }),
    );
    expect(() => nextLocation(response(location), origin)).toThrow(message);
  });

  it('redacts the refused URL', () => {
    expect(() => sameOrigin('https://evil.example/u?_state=secret', origin, origin, 'Location')).toThrow(
      'https://evil.example/u?_state=REDACTED',
    );
  });
});

describe('nextLink', () => {
  it.each([
    ['</v2/a/tags/list?n=2&last=b>; rel="next"', '/v2/a/tags/list?n=2&last=b'],
    ['<https://r.example/v2/a/tags/list?last=b>;rel=next', 'https://r.example/v2/a/tags/list?last=b'],
    ['</prev>; rel="prev", </next?a=1,2>; rel="next"', '/next?a=1,2'],
    ['</only>; rel="prev"', undefined],
    ['garbage', undefined],
    [undefined, undefined],
  ])('%s', (header, expected) => {
    expect(nextLink(header)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { redactText, redactUrl } from '../../../../src/client/transport/redact.js';

describe('redactUrl', () => {
  it.each([
    [
      'https://r.example/v2/a/blobs/uploads/uuid?_state=c2VjcmV0&digest=sha256:abc',
      'https://r.example/v2/a/blobs/uploads/uuid?_state=REDACTED&digest=sha256%3Aabc',
    ],
    ['https://user:pw@r.example/v2/', 'https://r.example/v2/'],
    [
      'https://s3.example/b?X-Amz-Signature=deadbeef&X-Amz-Credential=AKIA&x=1',
      'https://s3.example/b?X-Amz-Signature=REDACTED&X-Amz-Credential=REDACTED&x=1',
    ],
    [
      'https://auth.example/token?scope=repository:a:pull&service=s',
      'https://auth.example/token?scope=repository:a:pull&service=s',
    ],
    [
      'https://a/t?access_token=xyz&refresh_token=abc',
      'https://a/t?access_token=REDACTED&refresh_token=REDACTED',
    ],
  ])('%s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });

  it('redacts text that is not a URL', () => {
    expect(redactUrl('/relative?_state=abc')).toBe('/relative?_state=REDACTED');
  });
});

describe('redactText', () => {
  it.each([
    ['Authorization: Bearer eyJhbGciOi.x.y', 'Authorization: Bearer REDACTED'],
    ['basic dXNlcjpwYXNz failed', 'basic REDACTED failed'],
    ['{"token":"abc","expires_in":60}', '{"token":"REDACTED","expires_in":60}'],
    ['{"Password": "p\\"w", "user":"u"}', '{"Password": "REDACTED", "user":"u"}'],
    ['see https://bob:hunter2@r.example/x', 'see https://REDACTED@r.example/x'],
    ['GET /v2/x?_state=abc&n=1', 'GET /v2/x?_state=REDACTED&n=1'],
    [
      'keychain locked: token=abc123; password: hunter2',
      'keychain locked: token=REDACTED; password: REDACTED',
    ],
    ['nothing secret here', 'nothing secret here'],
  ])('%s', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it('replaces known secrets wherever they occur, ignoring very short ones', () => {
    expect(redactText('the token s3cr3t-value leaked; a b', ['s3cr3t-value', 'a'])).toBe(
      'the token REDACTED leaked; a b',
    );
  });
});

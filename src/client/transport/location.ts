/**
 * Following `Location` and `Link` headers of an upload or a paged list: relative values are
 * resolved against the request URL; absolute ones must stay on the registry's origin, so upload
 * bodies and credentials never go to a host the user did not name (go-containerregistry's
 * `nextLocation` in `remote/write.go` checks the same for uploads).
 */
import { clientError } from '../errors.js';
import { redactUrl } from './redact.js';
import { header, type HttpResponse } from './types.js';

/**
 * The URL a `Location` header names.
 *
 * @throws ClientError `CLIENT_BAD_LOCATION` when it is missing, malformed, or on another origin.
 */
export function nextLocation(
  response: Pick<HttpResponse, 'headers' | 'url' | 'method' | 'status'>,
  origin: URL,
): URL {
  const value = header(response, 'location');
  if (value === undefined || value === '') {
    throw clientError(
      'CLIENT_BAD_LOCATION',
      `${response.method} ${redactUrl(response.url)} answered ${response.status} without a Location header`,
      { hint: 'the registry does not follow the distribution API for uploads' },
    );
  }
  return sameOrigin(value, response.url, origin, 'Location');
}

/** Resolves `value` against `base` and checks it is on `origin` (see {@link nextLocation}). */
export function sameOrigin(value: string, base: URL, origin: URL, what: string): URL {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    throw clientError('CLIENT_BAD_LOCATION', `the registry sent an invalid ${what}: ${redactUrl(value)}`);
  }
  if (url.origin !== origin.origin) {
    throw clientError(
      'CLIENT_BAD_LOCATION',
      `refusing to follow ${what} ${redactUrl(url)}: it leaves the registry ${origin.host}`,
      {
        hint: 'the registry redirected an upload or listing to another host; this client only talks to the registry named',
      },
    );
  }
  return url;
}

/** The `rel="next"` target of a `Link` header (`<url>; rel="next"`), if any. */
export function nextLink(linkHeader: string | undefined): string | undefined {
  if (linkHeader === undefined) return undefined;
  for (const part of linkHeader.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (match && /;\s*rel\s*=\s*"?next"?/i.test(match[2]!)) return match[1];
  }
  return undefined;
}

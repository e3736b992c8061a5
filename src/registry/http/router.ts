/**
 * Request routing for the distribution API. `<name>` may contain slashes, so each pattern anchors
 * on its fixed suffix and takes the longest name that fits. Nothing here is percent-decoded or
 * normalised: the raw path goes to name validation as it arrived, so `..`, `%2e%2e` and `%2f`
 * are rejected there instead of being resolved away.
 */

/** A matched endpoint. Names, digests, tags and ids are raw, not yet validated. */
export type Route =
  | { readonly kind: 'base' }
  | { readonly kind: 'catalog' }
  | { readonly kind: 'blob'; readonly name: string; readonly digest: string }
  | { readonly kind: 'uploads'; readonly name: string }
  | { readonly kind: 'upload'; readonly name: string; readonly id: string }
  | { readonly kind: 'manifest'; readonly name: string; readonly reference: string }
  | { readonly kind: 'tags'; readonly name: string }
  | { readonly kind: 'referrers'; readonly name: string; readonly digest: string };

/** The kinds of route. */
export type RouteKind = Route['kind'];

/** Methods each route answers; anything else is 405. */
export const ROUTE_METHODS: Readonly<Record<RouteKind, readonly string[]>> = {
  base: ['GET', 'HEAD'],
  catalog: ['GET'],
  blob: ['GET', 'HEAD', 'DELETE'],
  uploads: ['POST'],
  upload: ['GET', 'PATCH', 'PUT', 'DELETE'],
  manifest: ['GET', 'HEAD', 'PUT', 'DELETE'],
  tags: ['GET'],
  referrers: ['GET'],
};

const PATTERNS: readonly [RegExp, (match: RegExpExecArray) => Route][] = [
  [/^\/v2\/?$/, () => ({ kind: 'base' })],
  [/^\/v2\/_catalog$/, () => ({ kind: 'catalog' })],
  [/^\/v2\/(.+)\/blobs\/uploads\/?$/, (m) => ({ kind: 'uploads', name: m[1]! })],
  [/^\/v2\/(.+)\/blobs\/uploads\/([^/]+)$/, (m) => ({ kind: 'upload', name: m[1]!, id: m[2]! })],
  [/^\/v2\/(.+)\/blobs\/([^/]+)$/, (m) => ({ kind: 'blob', name: m[1]!, digest: m[2]! })],
  [/^\/v2\/(.+)\/manifests\/([^/]+)$/, (m) => ({ kind: 'manifest', name: m[1]!, reference: m[2]! })],
  [/^\/v2\/(.+)\/tags\/list$/, (m) => ({ kind: 'tags', name: m[1]! })],
  [/^\/v2\/(.+)\/referrers\/([^/]+)$/, (m) => ({ kind: 'referrers', name: m[1]!, digest: m[2]! })],
];

/** Longest request target accepted; longer ones cannot hold a valid name and are not routed. */
export const MAX_TARGET_LENGTH = 8192;

/** A request target split into its raw path and its parsed query. */
export interface Target {
  readonly path: string;
  readonly query: URLSearchParams;
}

/**
 * Splits a request target (`req.url`) into path and query. An absolute-form target
 * (`http://host/v2/...`) is reduced to its path.
 */
export function splitTarget(url: string): Target {
  let rest = url;
  const scheme = /^https?:\/\/[^/]*/i.exec(rest);
  if (scheme !== null) rest = rest.slice(scheme[0].length) || '/';
  const question = rest.indexOf('?');
  if (question === -1) return { path: rest, query: new URLSearchParams() };
  return { path: rest.slice(0, question), query: new URLSearchParams(rest.slice(question + 1)) };
}

/** The route of a raw path, or undefined when no endpoint has that shape. */
export function matchRoute(path: string): Route | undefined {
  if (path.length > MAX_TARGET_LENGTH) return undefined;
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(path);
    if (match !== null) return build(match);
  }
  return undefined;
}

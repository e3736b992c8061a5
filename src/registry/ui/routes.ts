/**
 * Paths of the registry's web pages, all under `/ui/`. Fixed pages live under `/ui/-/`, which
 * no organization slug can take (a slug is not a lone `-` in Buildkite Packages nor a valid
 * repository component). Nothing is decoded before matching; names are validated afterwards.
 */
export type UiRoute =
  | { readonly kind: 'root' }
  | { readonly kind: 'registries' }
  | { readonly kind: 'asset'; readonly file: string }
  /** `/favicon.ico`, where browsers look for an icon without being told. */
  | { readonly kind: 'favicon' }
  | { readonly kind: 'sign-in' }
  | { readonly kind: 'sign-out' }
  | { readonly kind: 'download'; readonly rest: string }
  /** A registry or an image: `rest` is resolved against the registries' names (see `place.ts`). */
  | { readonly kind: 'browse'; readonly rest: string };

/** Methods each page answers. */
export const UI_METHODS: Readonly<Record<UiRoute['kind'], readonly string[]>> = {
  root: ['GET', 'HEAD'],
  registries: ['GET', 'HEAD'],
  asset: ['GET', 'HEAD'],
  favicon: ['GET', 'HEAD'],
  'sign-in': ['GET', 'HEAD', 'POST'],
  'sign-out': ['POST'],
  download: ['GET', 'HEAD'],
  browse: ['GET', 'HEAD'],
};

/** Whether `path` belongs to the pages (`/`, `/favicon.ico`, `/ui` and everything under `/ui/`). */
export function isUiPath(path: string): boolean {
  return path === '/' || path === '/favicon.ico' || path === '/ui' || path.startsWith('/ui/');
}

/** The page of a raw path under `/ui/`, or undefined. */
export function matchUiRoute(path: string): UiRoute | undefined {
  if (path.length > 2048) return undefined;
  if (path === '/' || path === '/ui') return { kind: 'root' };
  if (path === '/ui/') return { kind: 'registries' };
  if (path === '/favicon.ico') return { kind: 'favicon' };
  const asset = /^\/ui\/-\/assets\/([a-z0-9-]+\.(?:css|js|svg|ico))$/.exec(path);
  if (asset !== null) return { kind: 'asset', file: asset[1]! };
  if (path === '/ui/-/sign-in') return { kind: 'sign-in' };
  if (path === '/ui/-/sign-out') return { kind: 'sign-out' };
  const download = /^\/ui\/-\/download\/(.+[^/])$/.exec(path);
  if (download !== null) return { kind: 'download', rest: download[1]! };
  if (path === '/ui/-/top-level') return { kind: 'browse', rest: '' };
  const browse = /^\/ui\/([^/-][^/]*(?:\/[^/]+)*)\/?$/.exec(path);
  if (browse !== null) return { kind: 'browse', rest: browse[1]! };
  return undefined;
}

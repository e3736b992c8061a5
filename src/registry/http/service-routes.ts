/**
 * Endpoints outside the distribution API: the token endpoint of the Docker token flow, health,
 * metrics, and the packages JSON API. Like the `/v2/` router, nothing is decoded: names are
 * validated as they arrived.
 */
export type ServiceRoute =
  | { readonly kind: 'token' }
  | { readonly kind: 'healthz' }
  | { readonly kind: 'metrics' }
  | { readonly kind: 'packages'; readonly registry: string }
  | { readonly kind: 'package'; readonly registry: string; readonly image: string }
  | { readonly kind: 'download'; readonly registry: string; readonly image: string };

/** Methods each service route answers. */
export const SERVICE_METHODS: Readonly<Record<ServiceRoute['kind'], readonly string[]>> = {
  token: ['GET'],
  healthz: ['GET', 'HEAD'],
  metrics: ['GET'],
  packages: ['GET'],
  package: ['GET'],
  download: ['GET', 'HEAD'],
};

// `{org}/{registry}`, or in open mode a one-component group (`team` of `team/app`).
const PACKAGES = [
  /^\/api\/v1\/registries\/([^/]+\/[^/]+)\/packages\/?$/,
  /^\/api\/v1\/registries\/([^/]+)\/packages\/?$/,
];
const PACKAGE = [
  /^\/api\/v1\/registries\/([^/]+\/[^/]+)\/packages\/(.+)$/,
  /^\/api\/v1\/registries\/([^/]+)\/packages\/(.+)$/,
];

/** The service route of a raw path, or undefined. */
export function matchServiceRoute(path: string): ServiceRoute | undefined {
  if (path.length > 1024) return undefined;
  if (path === '/token') return { kind: 'token' };
  if (path === '/healthz') return { kind: 'healthz' };
  if (path === '/metrics') return { kind: 'metrics' };
  for (const pattern of PACKAGES) {
    const list = pattern.exec(path);
    if (list !== null) return { kind: 'packages', registry: list[1]! };
  }
  for (const pattern of PACKAGE) {
    const one = pattern.exec(path);
    if (one === null) continue;
    const image = one[2]!;
    // An image whose name ends in `/download` is reached by its download route only.
    if (image.endsWith('/download') && image.length > '/download'.length) {
      return { kind: 'download', registry: one[1]!, image: image.slice(0, -'/download'.length) };
    }
    return { kind: 'package', registry: one[1]!, image };
  }
  return undefined;
}

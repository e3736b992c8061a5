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
  | { readonly kind: 'package'; readonly registry: string; readonly image: string };

/** Methods each service route answers. */
export const SERVICE_METHODS: Readonly<Record<ServiceRoute['kind'], readonly string[]>> = {
  token: ['GET'],
  healthz: ['GET', 'HEAD'],
  metrics: ['GET'],
  packages: ['GET'],
  package: ['GET'],
};

const PACKAGES = /^\/api\/v1\/registries\/([^/]+)\/([^/]+)\/packages\/?$/;
const PACKAGE = /^\/api\/v1\/registries\/([^/]+)\/([^/]+)\/packages\/(.+)$/;

/** The service route of a raw path, or undefined. */
export function matchServiceRoute(path: string): ServiceRoute | undefined {
  if (path.length > 1024) return undefined;
  if (path === '/token') return { kind: 'token' };
  if (path === '/healthz') return { kind: 'healthz' };
  if (path === '/metrics') return { kind: 'metrics' };
  const list = PACKAGES.exec(path);
  if (list !== null) return { kind: 'packages', registry: `${list[1]}/${list[2]}` };
  const one = PACKAGE.exec(path);
  if (one !== null) return { kind: 'package', registry: `${one[1]}/${one[2]}`, image: one[3]! };
  return undefined;
}

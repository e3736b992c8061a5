/** Direct HTTP look-ups against a registry, to check what clients pushed. */
import { RegistryHttpError } from './errors.js';
import type { Credentials } from './htpasswd.js';

/** Every manifest media type a registry may hold; sent as Accept so no conversion happens. */
export const MANIFEST_MEDIA_TYPES: readonly string[] = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
];

/**
 * The `Docker-Content-Digest` of `repo:ref` (a tag or digest) from `HEAD /v2/<repo>/manifests/<ref>`,
 * accepting every manifest media type. `baseUrl` is `http://host:port`; `auth` adds basic auth.
 *
 * @throws RegistryHttpError `HARNESS_REGISTRY_HTTP` on a non-2xx answer or a missing header.
 */
export async function manifestDigest(
  baseUrl: string,
  repo: string,
  ref: string,
  auth?: Credentials,
): Promise<string> {
  const url = `${baseUrl.replace(/\/+$/, '')}/v2/${repo}/manifests/${ref}`;
  const headers: Record<string, string> = { Accept: MANIFEST_MEDIA_TYPES.join(', ') };
  if (auth)
    headers.Authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  const response = await fetch(url, { method: 'HEAD', headers, signal: AbortSignal.timeout(10_000) });
  const digest = response.headers.get('docker-content-digest');
  if (!response.ok) throw new RegistryHttpError('HEAD', url, response.status);
  if (digest === null)
    throw new RegistryHttpError('HEAD', url, response.status, 'no Docker-Content-Digest header');
  return digest;
}

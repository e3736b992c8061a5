import { isSafeRepository } from '../names.js';

/**
 * The repository a base image name (`org.opencontainers.image.base.name`) names here: the name
 * without tag or digest, and without a host when the first component is one.
 */
export function baseRepository(name: string): string | undefined {
  let rest = name.trim().split('@')[0]!;
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) rest = rest.slice(0, colon);
  const parts = rest.split('/');
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0]!)) parts.shift();
  const repo = parts.join('/');
  return isSafeRepository(repo) ? repo : undefined;
}

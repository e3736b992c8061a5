/** The image name a source implies, for every adapter alike. */
import { parseReference } from '../../reference/index.js';
import type { SourceSpec } from '../../sources/spec.js';

/**
 * The image name a source implies: the last path component of an engine or registry reference
 * (`docker:ghcr.io/acme/app:ci` gives `app`), of a docker archive's reference, or else the file or
 * directory name without `.tar`, `.tar.gz`, `.tgz` or `.oci` (`oci:build/web-image` gives
 * `web-image`), lower-cased with other characters turned into `-`. `undefined` when nothing
 * usable is left (`oci:.`).
 */
export function defaultImageName(spec: SourceSpec): string | undefined {
  switch (spec.kind) {
    case 'docker':
    case 'podman':
    case 'registry':
      return lastComponent(spec.reference.repository);
    case 'docker-archive':
      if (spec.select.by === 'reference')
        return lastComponent(parseReference(spec.select.reference).repository);
      return fileStem(spec.path);
    case 'oci':
    case 'oci-archive':
      return fileStem(spec.path);
  }
}

function lastComponent(repository: string): string {
  return repository.slice(repository.lastIndexOf('/') + 1);
}

function fileStem(path: string): string | undefined {
  const base = path.replace(/\/+$/, '').split('/').pop() ?? '';
  const stem = base.replace(/\.(tar\.gz|tgz|tar|oci)$/i, '');
  const name = stem
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/.test(name) ? name : undefined;
}

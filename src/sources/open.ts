import { SourceError } from './errors.js';
import { fromLayout } from './layout/from-layout.js';
import type { LoadedImage } from './loaded-image.js';
import { formatSource, type SourceSpec } from './spec.js';

/** Options of {@link openLocalSource}. */
export interface LocalSourceOptions {
  /** Where a compressed archive is decompressed. Default `os.tmpdir()`. */
  tmpDir?: string;
  /** Docker archives only: see `DockerArchiveOptions.layerMediaType`. Default `'skopeo'`. */
  layerMediaType?: 'skopeo' | 'uncompressed';
  signal?: AbortSignal;
}

/** The kinds of {@link SourceSpec} read from files, with no daemon or network. */
export type LocalSourceSpec = Extract<SourceSpec, { kind: 'oci' | 'oci-archive' | 'docker-archive' }>;

/** True for the specs {@link openLocalSource} reads (OCI layout, OCI archive, docker archive). */
export function isLocalSource(spec: SourceSpec): spec is LocalSourceSpec {
  return spec.kind === 'oci' || spec.kind === 'oci-archive' || spec.kind === 'docker-archive';
}

/**
 * Loads the image a parsed file-based source names (`oci:`, `oci-archive:`, `docker-archive:`)
 * with `fromLayout`, `fromOciArchive` or `fromDockerArchive`. The archive readers (and the tar
 * parser under them) load only for an archive: a layout push does without them.
 *
 * @throws SourceError `SRC_UNSUPPORTED` for engine and registry sources (read those with the
 *   engine and registry clients); otherwise what the reader throws
 */
export async function openLocalSource(
  spec: SourceSpec,
  options: LocalSourceOptions = {},
): Promise<LoadedImage> {
  const { tmpDir, signal } = options;
  switch (spec.kind) {
    case 'oci':
      return fromLayout(spec.path, { select: spec.select, signal });
    case 'oci-archive': {
      const { fromOciArchive } = await import('./archive/oci-archive.js');
      return fromOciArchive(spec.path, { select: spec.select, tmpDir, signal });
    }
    case 'docker-archive': {
      const { fromDockerArchive } = await import('./archive/docker-archive.js');
      return fromDockerArchive(spec.path, {
        select: spec.select,
        tmpDir,
        signal,
        layerMediaType: options.layerMediaType,
      });
    }
    default:
      throw new SourceError('SRC_UNSUPPORTED', `${formatSource(spec)} is not a file-based source`, {
        hint: 'Engine (docker:, podman:) and registry sources are read by their own clients.',
      });
  }
}

/** Checks that a registry holds what was pushed, so that a figure never measures a failed push. */
import type { BenchImage } from '../lib/image.js';
import { BenchError } from '../lib/errors.js';
import type { BenchRegistry } from '../lib/registries.js';

const ACCEPT =
  'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json';

/**
 * HEADs the image's manifest by tag in repository `repository` (default `bench/image`). Resolves
 * its digest; adds a warning when it differs from the layout's (expected only after compression).
 *
 * @throws BenchError `BENCH_HTTP` when the manifest is not there
 */
export async function checkManifest(
  registry: BenchRegistry,
  image: BenchImage,
  warnings: string[],
  options: { repository?: string; expectSameDigest?: boolean } = {},
): Promise<string> {
  const repository = options.repository ?? 'bench/image';
  const url = `${registry.url}/v2/${repository}/manifests/${image.tag}`;
  const response = await fetch(url, { method: 'HEAD', headers: { Accept: ACCEPT } });
  if (response.status !== 200) {
    throw new BenchError(
      'BENCH_HTTP',
      `HEAD ${url} answered ${response.status} after the push (${registry.kind})`,
    );
  }
  const digest = response.headers.get('docker-content-digest') ?? '';
  if ((options.expectSameDigest ?? true) && digest !== image.manifestDigest) {
    warnings.push(
      `${registry.kind}: the pushed manifest is ${digest}, not the layout's ${image.manifestDigest}`,
    );
  }
  return digest;
}

/**
 * Refusing a mistyped transport. skopeo always needs a transport and answers `unknown transport`
 * for a wrong one; here a bare `NAME:TAG` is also a registry reference, so `oci-arhive:image.tar`
 * would otherwise become a pull of `docker.io/library/oci-arhive:image.tar`. A `WORD:` prefix that
 * is neither a transport nor a plausible registry reference is refused instead, naming the nearest
 * transport.
 */
import { SourceError } from './errors.js';

/** Every transport `parseSource` knows, supported or not (for suggestions). */
export const KNOWN_TRANSPORTS = [
  'oci',
  'oci-archive',
  'docker-archive',
  'docker',
  'docker-daemon',
  'podman',
  'dir',
  'containers-storage',
] as const;

/** A tag as docker writes one: `[\w][\w.-]{0,127}`. */
const TAG = /^\w[\w.-]{0,127}$/;
/** A host's port: `localhost:5000`, `registry:5000/team/app`. */
const PORT_THEN_PATH = /^\d+(?:\/|$)/;
/** What a tar file's name ends with; no image tag looks like this on purpose. */
const ARCHIVE_FILE = /\.(?:tar|tgz|tar\.gz|tar\.zst|tar\.xz)$/i;

/**
 * Throws `SRC_UNKNOWN_TRANSPORT` when `transport` (what precedes the first `:` of `spec`, not a
 * known transport) is a typo of one rather than an image name: close to a transport's name, or
 * followed by a file path or something that cannot be a tag. A host (`localhost:5000/app`,
 * `ghcr.io/app:v1`) and a plain `NAME:TAG` (`alpine:3.20`) pass.
 */
export function refuseUnknownTransport(spec: string, transport: string, rest: string): void {
  if (transport === '' || /[./@]/.test(transport) || PORT_THEN_PATH.test(rest)) return;
  const typo = typoOf(transport);
  const notATag = !TAG.test(rest) || ARCHIVE_FILE.test(rest);
  if (typo === undefined && !notATag) return;
  // A URL (`https://ghcr.io/acme/app:v1`) names an image in a registry, not a directory.
  const url = /^https?$/i.test(transport) && rest.startsWith('//');
  const suggestion = url ? 'docker' : (typo ?? (ARCHIVE_FILE.test(rest) ? 'oci-archive' : 'oci'));
  throw new SourceError(
    'SRC_UNKNOWN_TRANSPORT',
    `unknown transport "${transport}:" in image source ${JSON.stringify(spec)}`,
    {
      hint:
        `did you mean "${suggestion}:${rest}"? Transports: ${KNOWN_TRANSPORTS.filter((t) => t !== 'dir' && t !== 'containers-storage').join(', ')}; ` +
        'an image in a registry is written REF or docker://REF (docker://HOST:PORT/NAME for a host without a dot)',
    },
  );
}

/**
 * The known transport `word` is a typo of: the nearest by edit distance when within a typo's
 * reach, else the longest transport name `word` starts with (`ocidir`, `podmanx`; not `docker`,
 * which many real image names start with: `docker-compose`).
 */
function typoOf(word: string): string | undefined {
  const lower = word.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of KNOWN_TRANSPORTS) {
    const distance = editDistance(lower, name);
    if (best === undefined || distance < best.distance) best = { name, distance };
  }
  if (best !== undefined && best.distance <= (best.name.length >= 6 ? 2 : 1)) return best.name;
  return KNOWN_TRANSPORTS.filter((name) => name !== 'docker' && lower.startsWith(name)).sort(
    (a, b) => b.length - a.length,
  )[0];
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
    }
  }
  return d[a.length]![b.length]!;
}

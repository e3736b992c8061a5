/**
 * Reading what engines print. Pure functions over text, so each pitfall has a table test.
 */
import { familiarReference, parseReference, type Reference } from '../../reference/index.js';

const DIGEST = /\b(sha256:[a-f0-9]{64})\b/;

/**
 * The manifest digest from `docker push` output. docker prints, for the pushed tag,
 * `TAG: digest: sha256:… size: N` as its last status line. Older and newer engines word other
 * lines differently, so only a line with both `digest:` and `size:` counts; the last one wins.
 */
export function digestFromDockerPush(output: string): string | undefined {
  let found: string | undefined;
  for (const line of output.split(/\r?\n/)) {
    if (!/\bdigest:\s/.test(line) || !/\bsize:\s/.test(line)) continue;
    const match = /\bdigest:\s+(sha256:[a-f0-9]{64})\b/.exec(line);
    if (match) found = match[1];
  }
  return found;
}

/** The digest in podman's `--digestfile` (the digest alone, maybe with a newline). */
export function digestFromPodmanDigestFile(text: string): string | undefined {
  const match = DIGEST.exec(text.trim());
  return match && text.trim() === match[1] ? match[1] : undefined;
}

/**
 * The digest of `target` in `docker image inspect --format '{{json .RepoDigests}}'`.
 *
 * Pitfalls: RepoDigests lists `name@digest` for every registry and repository the image was ever
 * pushed to or pulled from, names are in docker's familiar form (`alpine@…` for
 * docker.io/library/alpine), and an older digest of the same repository can linger. So match
 * the normalised repository name exactly, and use this only to confirm the push output, never
 * as the only evidence when a repository has several entries.
 */
export function digestFromRepoDigests(repoDigestsJson: string, target: Reference): string[] {
  let entries: unknown;
  try {
    entries = JSON.parse(repoDigestsJson);
  } catch {
    return [];
  }
  if (!Array.isArray(entries)) return [];
  const want = `${target.registry}/${target.repository}`;
  const out: string[] = [];
  for (const entry of entries) {
    if (typeof entry !== 'string') continue;
    const at = entry.lastIndexOf('@');
    if (at < 0) continue;
    try {
      const ref = parseReference(entry.slice(0, at));
      if (`${ref.registry}/${ref.repository}` === want && DIGEST.test(entry.slice(at + 1)))
        out.push(entry.slice(at + 1));
    } catch {
      // an entry we cannot parse is not ours
    }
  }
  return out;
}

/** The name an engine CLI expects for a reference (`alpine:3`, `127.0.0.1:5000/app:v1`). */
export function engineName(ref: Reference): string {
  return familiarReference(ref);
}

/** What kind of failure an engine's error text describes, for the error code and the hint. */
export function classifyEngineFailure(
  stderr: string,
): 'unauthorized' | 'denied' | 'not-found' | 'unavailable' | 'other' {
  const text = stderr.toLowerCase();
  if (
    /no such image|image not known|does not exist|reference does not exist|not found: manifest unknown/.test(
      text,
    )
  )
    return 'not-found';
  if (/unauthorized|authentication required|no basic auth credentials|401/.test(text)) return 'unauthorized';
  if (/denied|forbidden|403|insufficient_scope/.test(text)) return 'denied';
  if (
    /cannot connect to the docker daemon|is the docker daemon running|connection refused|no such host|i\/o timeout|tls handshake timeout|50[0-4]|eof/.test(
      text,
    )
  )
    return 'unavailable';
  return 'other';
}

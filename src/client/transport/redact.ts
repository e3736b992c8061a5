/**
 * Removes secrets from URLs and free text before they reach an error message or a log line.
 * Model: go-containerregistry's `redact.URL` (`internal/redact`).
 */

/** Query parameters whose values are always replaced, compared case-insensitively. */
const SECRET_PARAMS = new Set([
  '_state',
  'token',
  'access_token',
  'refresh_token',
  'password',
  'secret',
  'signature',
  'x-amz-signature',
  'x-amz-credential',
  'x-amz-security-token',
  'sig',
  'code',
]);

/** What a redacted value is replaced with. */
export const REDACTED = 'REDACTED';

/**
 * A copy of `url` without user info and with secret-looking query values replaced by
 * `REDACTED`: upload session state (`_state=`), tokens, signatures of pre-signed storage URLs.
 * Other query parameters (`digest=`, `mount=`, `n=`, `last=`) are kept: they help debugging and
 * hold no secret. A string that is not an absolute URL is returned with only
 * {@link redactText} applied.
 */
export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(url.toString());
  } catch {
    return redactText(url.toString());
  }
  if (parsed.username !== '' || parsed.password !== '') {
    parsed.username = '';
    parsed.password = '';
  }
  for (const key of [...parsed.searchParams.keys()]) {
    if (SECRET_PARAMS.has(key.toLowerCase())) parsed.searchParams.set(key, REDACTED);
  }
  return parsed.toString();
}

/**
 * Redacts secrets embedded in free text: `Authorization`-style values (`Bearer x`, `Basic x`),
 * JSON fields named like tokens or passwords, `user:password@` in URLs, `token=…`/`password: …`
 * pairs, and `key=value` pairs of the secret query parameters. Used on registry error bodies and on messages that quote URLs.
 * Each string in `secrets` (when at least 4 characters long) is also replaced wherever it occurs.
 */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text
    .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`)
    .replace(
      /("(?:token|access_token|refresh_token|identitytoken|password|secret|auth)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi,
      `$1"${REDACTED}"`,
    )
    .replace(/(\/\/)[^/\s:@]+:[^/\s@]+@/g, `$1${REDACTED}@`)
    .replace(
      /\b(token|access_token|refresh_token|password|passwd|secret)(\s*[=:]\s*)(?!REDACTED)[^\s&"',;]+/gi,
      `$1$2${REDACTED}`,
    )
    .replace(/([?&])([A-Za-z_-]+)=([^&\s"']*)/g, (match, sep: string, key: string) =>
      SECRET_PARAMS.has(key.toLowerCase()) ? `${sep}${key}=${REDACTED}` : match,
    );
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out;
}

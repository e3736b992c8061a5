/**
 * Words for values and paths in configuration messages, written for people who edit YAML: a
 * mapping, a list, text. Values that look like secrets are never quoted.
 */

/** A step of a YAML path: a mapping key or a list index. */
export type PathSegment = string | number;

/**
 * Formats a path the way it reads in YAML: `images[1].tags[0]`, `local-registry.port`. The root is
 * `''`; a key that is not a plain word is quoted: `registry["a b"]`.
 */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

const TOKEN_PREFIXES = [
  'bkua_',
  'bkct_',
  'bkaa_',
  'bkar_',
  'bkaj_',
  'ghp_',
  'gho_',
  'ghs_',
  'ghu_',
  'ghr_',
  'github_pat_',
  'glpat-',
  'xox',
  'AKIA',
  'eyJ',
  '-----BEGIN',
];

/**
 * True when `value` looks like a credential: a known token prefix (`bkua_`, `ghp_`, `eyJ` for
 * JWTs, ...), or 24+ characters of one unbroken run of letters, digits and `_-+/=.` with both
 * letters and digits and no `{{`. Errs on the side of hiding: a 40-digit commit SHA counts.
 */
export function looksSecret(value: string): boolean {
  if (TOKEN_PREFIXES.some((prefix) => value.startsWith(prefix))) return true;
  return (
    value.length >= 24 && /^[A-Za-z0-9_\-+/=.]+$/.test(value) && /[0-9]/.test(value) && /[A-Za-z]/.test(value)
  );
}

/** True when a key name says its value is a secret (`token`, `password`, `api-key`, ...). */
export function isSecretKeyName(key: string): boolean {
  return /token|passw|secret|api[-_]?key|credential|private[-_]?key/i.test(key);
}

const MAX_QUOTED = 80;

/**
 * Describes a value for a message: `"text"` (JSON-quoted, cut at 80 characters), `the number 42`,
 * `true`, `a list`, `a mapping`, `nothing` (YAML `key:` with no value). Text that looks secret, or
 * any text when `hide` is set, becomes `a value that is not shown (it may be a secret)`.
 */
export function describeValue(value: unknown, hide = false): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') {
    if (hide || looksSecret(value)) return 'a value that is not shown (it may be a secret)';
    const cut = value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value;
    return JSON.stringify(cut);
  }
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  return 'a mapping';
}

/** The JSON type name of a parsed YAML/JSON value, with `integer` for whole numbers. */
export function jsonType(
  value: unknown,
): 'null' | 'string' | 'boolean' | 'integer' | 'number' | 'array' | 'object' {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string' || typeof value === 'boolean') return typeof value as 'string' | 'boolean';
  return 'object';
}

/**
 * The closest of `candidates` to `word` by edit distance (at most a third of the word's length,
 * and at least 1), or `undefined`. Case and `_`/`-` are ignored: `meta_data` suggests `meta-data`.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const norm = (s: string): string => s.toLowerCase().replace(/_/g, '-');
  const target = norm(word);
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(target.length / 3));
  for (const candidate of candidates) {
    const distance = editDistance(target, norm(candidate));
    if (distance <= bestDistance && (best === undefined || distance < editDistance(target, norm(best)))) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

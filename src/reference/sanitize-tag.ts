import { invalid } from './errors.js';
import { TAG_MAX_LENGTH } from './grammar.js';
import { fnv1a32 } from './fnv.js';

/** Characters of the hash suffix kept when a tag is truncated (`-` plus 8 hex digits). */
const HASH_SUFFIX_LENGTH = 9;

/**
 * Turns any text (a branch name, a git tag, a rendered template) into a valid tag, deterministically:
 *
 * 1. each run of characters outside `[A-Za-z0-9_.-]`, together with any `-` next to it, becomes one
 *    `-` (`feature/Foo` → `feature-Foo`, `a / b` → `a-b`); such a run at the start or end is dropped;
 * 2. leading `.` and `-` are dropped (a tag must start with a letter, digit or `_`);
 * 3. past 128 characters, the value is cut to 119 characters and `-` plus the 8-hex-digit FNV-1a hash
 *    of the whole uncut value is appended, so two long names that differ only at the end stay apart.
 *
 * Case is kept, as docker/metadata-action does: tags are case-sensitive and docker accepts uppercase,
 * so `Feature-X` and `feature-x` stay two tags. A value that is already a valid tag comes back
 * unchanged (so sanitizing twice changes nothing), and existing `--` runs are kept.
 *
 * @throws {InvalidReferenceError} `REF_INVALID_TAG` when `value` is empty or nothing usable is left
 *   (for example `"/"` or `"..."`)
 */
export function sanitizeTag(value: string): string {
  const replaced = value.replace(/[^A-Za-z0-9_.]+/g, (run, offset: number) => {
    if (/^-+$/.test(run)) return run;
    const atEdge = offset === 0 || offset + run.length === value.length;
    return atEdge ? '' : '-';
  });
  const tag = replaced.replace(/^[.-]+/, '');
  if (tag === '') {
    const rule =
      value === ''
        ? 'cannot make a tag from an empty value'
        : "nothing is left once characters outside letters, digits, '_', '.' and '-' are removed";
    throw invalid('REF_INVALID_TAG', 'tag source', value, value, rule);
  }
  if (tag.length <= TAG_MAX_LENGTH) return tag;
  const head = tag.slice(0, TAG_MAX_LENGTH - HASH_SUFFIX_LENGTH).replace(/[.-]+$/, '');
  return `${head}-${fnv1a32(tag)}`;
}

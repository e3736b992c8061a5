import { invalid } from './errors.js';
import { TAG, TAG_MAX_LENGTH, TAG_RULE } from './grammar.js';

export { isValidTag } from './grammar.js';

/**
 * Checks a tag against docker's grammar `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`. Tags are
 * case-sensitive and may use uppercase. To turn arbitrary text (a branch name) into a tag, use
 * `sanitizeTag` instead.
 *
 * @param tag the tag to check
 * @param input the string the user wrote, quoted in the error (defaults to `tag`)
 * @returns `tag` unchanged
 * @throws {InvalidReferenceError} `REF_INVALID_TAG`, naming the tag and the rule
 */
export function parseTag(tag: string, input: string = tag): string {
  if (TAG.test(tag)) return tag;
  throw invalid('REF_INVALID_TAG', 'tag', tag, input, tagRule(tag));
}

/** The rule, plus the specific thing `tag` gets wrong when it is easy to say. */
function tagRule(tag: string): string {
  if (tag === '') return `the tag is empty; ${TAG_RULE}`;
  if (tag.length > TAG_MAX_LENGTH) return `${TAG_RULE}; this one has ${tag.length}`;
  if (tag.includes('/')) return `${TAG_RULE} ('/' is not allowed; sanitize branch names into tags)`;
  return TAG_RULE;
}

import { ContainerPackageError } from '../errors.js';

/**
 * Codes of {@link InvalidReferenceError}. Stable: callers match on them.
 *
 * - `REF_EMPTY`: the input was empty.
 * - `REF_INVALID_FORMAT`: the overall shape is wrong (whitespace, nothing before `@` or `:`, ...).
 * - `REF_HEX_REPOSITORY`: a bare 64-character hex string, which docker reserves for image IDs.
 * - `REF_UPPERCASE_REPOSITORY`: the repository path has uppercase letters.
 * - `REF_INVALID_REPOSITORY`: a path component breaks the grammar (`a//b`, `-a`, `a..b`, ...).
 * - `REF_NAME_TOO_LONG`: the repository path is longer than 255 characters.
 * - `REF_INVALID_HOST`: the registry host (and port) is not a valid host name or address.
 * - `REF_INVALID_TAG`: the tag breaks `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`.
 * - `REF_INVALID_DIGEST`: the digest is not `sha256:<64 hex>` or `sha512:<128 hex>`.
 * - `REF_INVALID_SLUG`: a Buildkite organization or registry slug is not lowercase letters, digits and `-`.
 * - `REF_INVALID_REGISTRY`: a registry argument has the wrong number of parts.
 * - `REF_ORGANIZATION_REQUIRED`: a Buildkite registry was named without its organization.
 */
export type InvalidReferenceCode =
  | 'REF_EMPTY'
  | 'REF_INVALID_FORMAT'
  | 'REF_HEX_REPOSITORY'
  | 'REF_UPPERCASE_REPOSITORY'
  | 'REF_INVALID_REPOSITORY'
  | 'REF_NAME_TOO_LONG'
  | 'REF_INVALID_HOST'
  | 'REF_INVALID_TAG'
  | 'REF_INVALID_DIGEST'
  | 'REF_INVALID_SLUG'
  | 'REF_INVALID_REGISTRY'
  | 'REF_ORGANIZATION_REQUIRED';

/** Facts carried by an {@link InvalidReferenceError}. */
export interface InvalidReferenceDetails {
  /** The whole string the caller passed in. */
  input: string;
  /** The offending piece of `input` (the tag, the host, a path component...); `input` itself when no smaller piece is to blame. */
  part: string;
  /** What the user can do about it, one sentence. */
  hint?: string;
}

/**
 * A string that is not a valid image reference, repository path, tag, digest, or registry.
 *
 * The message names the bad part, quotes it, and says what is allowed, for example
 * `invalid tag "Feature/x" in "app:Feature/x": a tag is ...`. `part` and `input` hold the same facts
 * as fields.
 */
export class InvalidReferenceError extends ContainerPackageError {
  declare readonly code: InvalidReferenceCode;
  readonly input: string;
  readonly part: string;

  constructor(code: InvalidReferenceCode, message: string, details: InvalidReferenceDetails) {
    super(code, message, details.hint === undefined ? {} : { hint: details.hint });
    this.name = 'InvalidReferenceError';
    this.input = details.input;
    this.part = details.part;
  }
}

/**
 * Builds an {@link InvalidReferenceError} whose message reads
 * `invalid <what> "<part>" in "<input>": <rule>` (the `in "<input>"` clause is left out when the part
 * is the whole input).
 */
export function invalid(
  code: InvalidReferenceCode,
  what: string,
  part: string,
  input: string,
  rule: string,
  hint?: string,
): InvalidReferenceError {
  const where = part === input ? '' : ` in ${JSON.stringify(input)}`;
  const message = `invalid ${what} ${JSON.stringify(part)}${where}: ${rule}`;
  return new InvalidReferenceError(
    code,
    message,
    hint === undefined ? { input, part } : { input, part, hint },
  );
}

/** Codes of {@link TagTemplateError}. */
export type TagTemplateCode =
  'REF_TEMPLATE_SYNTAX' | 'REF_TEMPLATE_UNKNOWN_PLACEHOLDER' | 'REF_TEMPLATE_MISSING_VALUE';

/**
 * A tag template that cannot be rendered: a `{{` without `}}`, an unknown placeholder, or a
 * placeholder whose value the build context does not have. `placeholder` names the placeholder
 * (empty for syntax errors), `template` holds the whole template.
 */
export class TagTemplateError extends ContainerPackageError {
  declare readonly code: TagTemplateCode;
  readonly template: string;
  readonly placeholder: string;

  constructor(
    code: TagTemplateCode,
    message: string,
    details: { template: string; placeholder: string; hint?: string },
  ) {
    super(code, message, details.hint === undefined ? {} : { hint: details.hint });
    this.name = 'TagTemplateError';
    this.template = details.template;
    this.placeholder = details.placeholder;
  }
}

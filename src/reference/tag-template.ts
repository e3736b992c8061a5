import { TagTemplateError } from './errors.js';
import { sanitizeTag } from './sanitize-tag.js';

/**
 * Facts about the build that tag templates draw on. The CI adapters fill it; this module knows no CI
 * system and reads no environment. Empty strings count as missing.
 */
export interface TagContext {
  /** Branch name, as is (`feature/Login`); sanitized with the rest of the tag. */
  branch?: string;
  /** Build number (`1234`). */
  buildNumber?: string | number;
  /** Full commit SHA. */
  commit?: string;
  /** The git tag the build is for, when there is one. */
  gitTag?: string;
  /** Pipeline (or repository) slug. */
  pipeline?: string;
  /** Build UUID. */
  buildId?: string;
  /** Job UUID. */
  jobId?: string;
  /** The build's time; `{{date}}` and `{{timestamp}}` are rendered from it in UTC. Never read from the clock here. */
  date?: Date;
}

/** Options of {@link renderTagTemplate}. */
export interface RenderOptions {
  /**
   * What to do when a placeholder's value is missing from the context: `'error'` (the default) throws
   * `REF_TEMPLATE_MISSING_VALUE`; `'skip'` returns `undefined` so the caller can drop that tag (for
   * example `{{tag}}` on a build that is not for a git tag).
   */
  missing?: 'error' | 'skip';
}

interface Placeholder {
  /** Where the value comes from, for the "missing" message. */
  source: string;
  value(context: TagContext): string | undefined;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const ymd = (d: Date): string =>
  `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
const hms = (d: Date): string => `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
const validDate = (d: Date | undefined): Date | undefined =>
  d !== undefined && !Number.isNaN(d.getTime()) ? d : undefined;
const text = (value: string | number | undefined): string | undefined =>
  value === undefined || value === '' ? undefined : String(value);

const buildNumber: Placeholder = {
  source: 'the build number (BUILDKITE_BUILD_NUMBER / GITHUB_RUN_NUMBER)',
  value: (c) => text(c.buildNumber),
};
const commitSource = 'the commit (BUILDKITE_COMMIT / GITHUB_SHA)';
const dateSource = "the build's time (context.date, which the CI adapter sets)";

const PLACEHOLDERS: Readonly<Record<string, Placeholder>> = {
  branch: { source: 'the branch (BUILDKITE_BRANCH / GITHUB_REF_NAME)', value: (c) => text(c.branch) },
  build: buildNumber,
  'build.number': buildNumber,
  'build.id': { source: 'the build ID (BUILDKITE_BUILD_ID / GITHUB_RUN_ID)', value: (c) => text(c.buildId) },
  'job.id': { source: 'the job ID (BUILDKITE_JOB_ID)', value: (c) => text(c.jobId) },
  commit: { source: commitSource, value: (c) => text(c.commit) },
  'commit.short': { source: commitSource, value: (c) => text(c.commit)?.slice(0, 7) },
  tag: { source: 'a git tag (BUILDKITE_TAG / GITHUB_REF_NAME on tag builds)', value: (c) => text(c.gitTag) },
  pipeline: {
    source: 'the pipeline (BUILDKITE_PIPELINE_SLUG / GITHUB_REPOSITORY)',
    value: (c) => text(c.pipeline),
  },
  date: { source: dateSource, value: (c) => (validDate(c.date) ? ymd(c.date!) : undefined) },
  timestamp: {
    source: dateSource,
    value: (c) => (validDate(c.date) ? ymd(c.date!) + hms(c.date!) : undefined),
  },
};

/** The placeholder names templates may use, in the order the error messages list them. */
export const TAG_PLACEHOLDERS: readonly string[] = Object.keys(PLACEHOLDERS);

const KNOWN = TAG_PLACEHOLDERS.map((name) => `{{${name}}}`).join(', ');

/**
 * Renders a tag template such as `{{branch}}-{{build.number}}` or `sha-{{commit.short}}` and
 * sanitizes the result into a valid tag (see `sanitizeTag`). Whitespace inside the braces is
 * ignored: `{{ branch }}` works. Text outside placeholders is kept as written, then sanitized.
 *
 * Placeholders: `{{branch}}`, `{{build.number}}` (alias `{{build}}`), `{{build.id}}`, `{{job.id}}`,
 * `{{commit}}`, `{{commit.short}}` (first 7 characters), `{{tag}}` (the git tag), `{{pipeline}}`,
 * `{{date}}` (UTC `YYYYMMDD`) and `{{timestamp}}` (UTC `YYYYMMDDHHmmss`), both from `context.date`.
 *
 * We use `{{ }}` rather than `$VAR` because Buildkite interpolates `$VAR` and `${VAR}` in pipeline
 * YAML when the pipeline is uploaded, long before this code runs; `{{ }}` reaches us untouched.
 * The output depends only on the arguments: no clock, no environment.
 *
 * @returns the tag, or `undefined` when `options.missing` is `'skip'` and a value is missing
 * @throws {TagTemplateError} `REF_TEMPLATE_SYNTAX` (a `{{` without `}}`), `REF_TEMPLATE_UNKNOWN_PLACEHOLDER`,
 *   or `REF_TEMPLATE_MISSING_VALUE` (naming the build variable that provides it)
 * @throws {InvalidReferenceError} `REF_INVALID_TAG` when the rendered text leaves nothing usable
 */
export function renderTagTemplate(template: string, context: TagContext): string;
export function renderTagTemplate(
  template: string,
  context: TagContext,
  options: RenderOptions,
): string | undefined;
export function renderTagTemplate(
  template: string,
  context: TagContext,
  options: RenderOptions = {},
): string | undefined {
  let out = '';
  for (const segment of parseTemplate(template)) {
    if (typeof segment === 'string') {
      out += segment;
      continue;
    }
    const value = segment.placeholder.value(context);
    if (value !== undefined) {
      out += value;
    } else if (options.missing === 'skip') {
      return undefined;
    } else {
      throw new TagTemplateError(
        'REF_TEMPLATE_MISSING_VALUE',
        `{{${segment.name}}} in tag template ${JSON.stringify(template)} needs ${segment.placeholder.source}, which this build does not have`,
        {
          template,
          placeholder: segment.name,
          hint: `Drop {{${segment.name}}} from the template, or render it with missing: 'skip'.`,
        },
      );
    }
  }
  return sanitizeTag(out);
}

/** Splits a template into literal text and known placeholders; throws on bad syntax or unknown names. */
function parseTemplate(template: string): Array<string | { name: string; placeholder: Placeholder }> {
  const segments: Array<string | { name: string; placeholder: Placeholder }> = [];
  let rest = template;
  for (let open = rest.indexOf('{{'); open >= 0; open = rest.indexOf('{{')) {
    const close = rest.indexOf('}}', open + 2);
    if (close < 0) {
      throw new TagTemplateError(
        'REF_TEMPLATE_SYNTAX',
        `tag template ${JSON.stringify(template)} has a "{{" without a closing "}}"`,
        { template, placeholder: '', hint: `Placeholders are written ${KNOWN}.` },
      );
    }
    const name = rest.slice(open + 2, close).trim();
    const placeholder = Object.hasOwn(PLACEHOLDERS, name) ? PLACEHOLDERS[name] : undefined;
    if (placeholder === undefined) {
      throw new TagTemplateError(
        'REF_TEMPLATE_UNKNOWN_PLACEHOLDER',
        `unknown placeholder {{${name}}} in tag template ${JSON.stringify(template)}; known placeholders are ${KNOWN}`,
        { template, placeholder: name },
      );
    }
    segments.push(rest.slice(0, open), { name, placeholder });
    rest = rest.slice(close + 2);
  }
  segments.push(rest);
  return segments;
}

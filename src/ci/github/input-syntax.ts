/**
 * The syntax of the action's inputs: lists (one item per line, or comma-separated), image lines
 * (`SOURCE` or `SOURCE -> NAME`), booleans, choices and integers. Pure. Every error quotes the
 * input and the value, and says what is allowed.
 */
import { invalidInput } from './errors.js';

/** Separator between an image's source and its name in the `images` input. */
export const IMAGE_NAME_SEPARATOR = '->';

/** Options of {@link parseList}. */
export interface ListOptions {
  /** Split on commas as well as on newlines. Default true. */
  readonly commas?: boolean;
}

/**
 * Items of a list input, in order: split on newlines (and commas unless `commas: false`), each
 * trimmed; empty items and lines starting with `#` are dropped. `''` gives `[]`.
 */
export function parseList(value: string, options: ListOptions = {}): string[] {
  const lines = value.split(/\r?\n/).filter((line) => !line.trim().startsWith('#'));
  const items = options.commas === false ? lines : lines.flatMap((line) => line.split(','));
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

/** One line of the `images` input. */
export interface ImageLine {
  /** The line as written, trimmed: quoted in messages. */
  readonly text: string;
  /** `docker:app:ci`, `oci:build/image`, `oci-archive:image.tar`... */
  readonly source: string;
  /** The repository name after `->`, or `undefined` to take it from the source. */
  readonly name: string | undefined;
}

/**
 * Reads the `images` input: one image per line, `SOURCE` or `SOURCE -> NAME`. Blank lines and
 * lines starting with `#` are skipped. Commas do not separate images (paths may hold them).
 *
 * @throws {ActionError} `CI_INPUT_INVALID` for a line with spaces but no `->`, more than one
 *   `->`, or nothing on one side of it
 */
export function parseImageLines(value: string): ImageLine[] {
  return parseList(value, { commas: false }).map((text) => {
    const parts = text.split(IMAGE_NAME_SEPARATOR).map((part) => part.trim());
    const usage =
      'Write one image per line: `SOURCE` or `SOURCE -> NAME`, e.g. `oci-archive:image.tar -> app`.';
    if (parts.length > 2 || parts.some((part) => part === '')) {
      throw invalidInput('images', `\`images\`: cannot read the line ${JSON.stringify(text)}`, usage);
    }
    const [source, name] = parts as [string, string | undefined];
    if (/\s/.test(source) || (name !== undefined && /\s/.test(name))) {
      throw invalidInput(
        'images',
        `\`images\`: the line ${JSON.stringify(text)} has spaces; a source or name never does`,
        usage,
      );
    }
    return { text, source, name };
  });
}

/**
 * A boolean input: `true`/`True`/`TRUE` or `false`/`False`/`FALSE` (YAML 1.2 core schema, as
 * `core.getBooleanInput`); `''` gives `fallback`.
 *
 * @throws {ActionError} `CI_INPUT_INVALID` for anything else
 */
export function parseBooleanInput(input: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw invalidInput(input, `\`${input}\` must be true or false, not ${JSON.stringify(value)}`);
}

/**
 * One of `choices`; `''` gives `fallback`.
 *
 * @throws {ActionError} `CI_INPUT_INVALID` naming the choices
 */
export function parseChoice<T extends string>(
  input: string,
  value: string,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === '') return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw invalidInput(
    input,
    `\`${input}\` must be one of ${choices.join(', ')}, not ${JSON.stringify(value)}`,
  );
}

/**
 * A whole number from `min` to `max`; `''` gives `fallback`.
 *
 * @throws {ActionError} `CI_INPUT_INVALID` naming the range
 */
export function parseIntegerInput(
  input: string,
  value: string,
  range: { readonly min: number; readonly max: number },
  fallback: number,
): number {
  if (value === '') return fallback;
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (Number.isInteger(n) && n >= range.min && n <= range.max) return n;
  throw invalidInput(
    input,
    `\`${input}\` must be a whole number from ${range.min} to ${range.max}, not ${JSON.stringify(value)}`,
  );
}

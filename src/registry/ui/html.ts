/**
 * HTML built only from escaped text. Everything an image carries (names, tags, annotations,
 * labels, file names in layers) is untrusted: the `html` template escapes every interpolated
 * value unless it is already {@link Html} built here, so a page cannot hold markup nobody wrote.
 */

/** Markup that is safe to emit as is: built by {@link html}, {@link join} or {@link trusted}. */
export class Html {
  readonly #text: string;

  private constructor(text: string) {
    this.#text = text;
  }

  /** Wraps markup written in this module's callers' source code. Never call it with data. */
  static fromTrusted(text: string): Html {
    return new Html(text);
  }

  toString(): string {
    return this.#text;
  }
}

/** A value a template may interpolate: escaped unless it is {@link Html}; lists are joined. */
export type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[];

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

// Control characters except tab, newline and carriage return, and the bidirectional embeddings,
// overrides and isolates (U+202A–U+202E, U+2066–U+2069) that reorder what follows them: a file
// named `\u202etxt.exe` would read as `exe.txt`.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Escapes text for an element's content or a quoted attribute value. Control characters other
 * than tab and newline, and bidirectional overrides, become U+FFFD, so nothing invisible reaches
 * the page and no name displays as another.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ENTITIES[c]!).replace(CONTROL, '\ufffd');
}

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.toString();
  if (Array.isArray(value)) return (value as readonly Interpolation[]).map(render).join('');
  return escapeHtml(String(value as string | number | boolean));
}

/** Tagged template: the literal parts are trusted markup, every `${value}` is escaped. */
export function html(strings: TemplateStringsArray, ...values: readonly Interpolation[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return Html.fromTrusted(out);
}

/** Joins pieces of markup (escaping strings among them). */
export function join(parts: readonly Interpolation[], separator: Html | string = ''): Html {
  return Html.fromTrusted(parts.map(render).join(render(separator)));
}

/**
 * A URL path from segments, each percent-encoded (`/` inside a segment too), for `href`s built
 * from image names: the result is still escaped when interpolated.
 */
export function path(...segments: readonly string[]): string {
  return '/' + segments.map((s) => encodeURIComponent(s)).join('/');
}

/** A URL path from a prefix and a name whose `/`s stay separators (image names like `team/app`). */
export function namePath(prefix: string, name: string): string {
  return `${prefix}/${name.split('/').map(encodeURIComponent).join('/')}`;
}

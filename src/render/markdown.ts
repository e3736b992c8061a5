/**
 * Safe pieces of GitHub-flavoured Markdown for untrusted text (image sources, file paths, error
 * messages): the text shows as written and cannot open emphasis, links, tables, HTML or code
 * blocks. Buildkite annotations and GitHub job summaries both render CommonMark + GFM. Prefer
 * {@link codeSpan} for names and paths: inside code, not even GFM's bare-URL autolinks apply.
 */

/**
 * Escapes text for a Markdown paragraph or table cell: every ASCII punctuation character that
 * Markdown gives a meaning to gets a backslash, `<`, `>` and `&` become entities (so no HTML or
 * autolink opens), and line breaks become spaces (so the text stays one block).
 */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|~:]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * Like {@link escapeText}, but code spans written in `text` (`` `SOURCE -> NAME` ``) stay code
 * spans: their backticks are not escaped. A code span's content is literal in Markdown, so only
 * the prose between them needs escaping. An unmatched backtick is escaped.
 */
export function escapeTextKeepingCode(text: string): string {
  const flat = text.replace(/\r\n?|\n/g, ' ');
  const out: string[] = [];
  let last = 0;
  for (const match of flat.matchAll(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g)) {
    out.push(escapeText(flat.slice(last, match.index)), match[0]);
    last = match.index + match[0].length;
  }
  out.push(escapeText(flat.slice(last)));
  return out.join('');
}

/** Escapes text for HTML content or a double-quoted attribute (`<summary>`, `<code>`). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * An inline code span showing `text` exactly: the fence is one backtick more than the longest run
 * inside, with spaces added when the text starts or ends with a backtick. Line breaks become spaces.
 */
export function codeSpan(text: string): string {
  const flat = text.replace(/\r\n?|\n/g, ' ');
  const fence = '`'.repeat(longestRun(flat, '`') + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || /^ .* $/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * A fenced code block holding `text` exactly: the fence is at least three backticks and longer
 * than any run of backticks in the text, so the text cannot close it.
 */
export function codeBlock(text: string, language = ''): string {
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `${fence}${language}\n${body}${fence}`;
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

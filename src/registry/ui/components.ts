import { formatBytes, formatCount, formatDate } from './format.js';
import { html, type Html } from './html.js';

/** A `Private`/`Public` badge. */
export function visibilityBadge(visibility: 'private' | 'public'): Html {
  return html`<span class="badge ${visibility}" data-testid="visibility"
    >${visibility === 'private' ? 'Private' : 'Public'}</span
  >`;
}

/**
 * A code box with a copy button. The button copies the `<code>` element's text, which is the
 * snippet exactly (escaped in the markup, so the browser's text is the original).
 */
export function snippet(id: string, text: string, label = 'Copy'): Html {
  return html`<div class="snippet">
    <pre><code id="${id}">${text}</code></pre>
    <button type="button" class="copy" data-copy="${id}" aria-label="Copy to clipboard">${label}</button>
  </div>`;
}

/** Size, or `—` when unknown. */
export function bytes(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : formatBytes(n);
}

/** A count. */
export function count(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : formatCount(n);
}

/** A date as a `<time>` element. */
export function date(iso: string | null | undefined): Html {
  return iso === null || iso === undefined
    ? html`<span class="muted">—</span>`
    : html`<time datetime="${iso}">${formatDate(iso)}</time>`;
}

/** A message box; `kind` picks the colour. */
export function message(kind: 'notice' | 'error', text: string | Html): Html {
  return html`<div class="${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${text}</div>`;
}

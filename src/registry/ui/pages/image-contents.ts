import type { ContentsPage, PlatformInfo } from '../../packages/index.js';
import { bytes, count } from '../components.js';
import { formatMode } from '../format.js';
import { html, type Html } from '../html.js';
import { versionQuery, type ImagePage } from './image-page.js';

/** `linux/arm64/v8`. */
export function platformName(p: PlatformInfo): string {
  return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}

function platformChooser(page: ImagePage, current: ContentsPage): Html {
  const choices = page.details.platforms.filter((p) => !p.attestation && p.platform !== null);
  if (choices.length === 0) return html``;
  const chosen = current.platform === null ? '' : platformName(current.platform);
  return html`<form class="inline" method="get" action="${page.href}" data-testid="platform-form">
    ${page.details.tag !== null ? html`<input type="hidden" name="tag" value="${page.details.tag}" />` : html`<input type="hidden" name="digest" value="${page.details.digest}" />`}
    <input type="hidden" name="tab" value="contents" />
    <label for="platform" class="muted">Platform</label>
    <select id="platform" name="platform" data-autosubmit data-testid="platform-select">
      ${choices.map((p) => {
        const name = platformName(p.platform!);
        return html`<option value="${name}" ${name === chosen ? html` selected` : ''}>${name}</option>`;
      })}
    </select>
    <button type="submit" class="no-js">Show</button>
  </form>`;
}

function pager(page: ImagePage, contents: ContentsPage, size: number): Html {
  if (contents.total <= size) return html``;
  const base = `${page.href}?${versionQuery(page.details)}&tab=contents${
    contents.platform === null ? '' : `&platform=${encodeURIComponent(platformName(contents.platform))}`
  }`;
  const first = contents.offset + 1;
  const last = contents.offset + contents.entries.length;
  const prev = Math.max(0, contents.offset - size);
  const next = contents.offset + size;
  return html`<div class="pager" data-testid="pager">
    ${contents.offset > 0 ? html`<a class="button" href="${`${base}&offset=${prev}`}" data-testid="pager-prev">Previous</a>` : ''}
    <span class="muted">${count(first)}–${count(last)} of ${count(contents.total)}</span>
    ${next < contents.total ? html`<a class="button" href="${`${base}&offset=${next}`}" data-testid="pager-next">Next</a>` : ''}
  </div>`;
}

/**
 * The Contents tab: the image's filesystem with whiteouts applied across its layers (one
 * platform of an index at a time), a page of entries with modes and sizes.
 */
export function contentsTab(page: ImagePage, contents: ContentsPage, size: number): Html {
  const rows = contents.entries.map(
    (e) =>
      html`<tr data-testid="file-row">
        <td>${formatMode(e.mode, e.type)}</td>
        <td class="num">${e.type === 'file' ? bytes(e.size) : ''}</td>
        <td class="path" data-testid="file-path">
          ${e.path}${e.type === 'directory' ? '/' : ''}${e.link === undefined ? '' : html` <span class="muted">→ ${e.link}</span>`}
        </td>
      </tr>`,
  );
  return html`<div class="title-row compact">
      <h2>Contents</h2>
      ${platformChooser(page, contents)}
    </div>
    <p class="help">
      The image's filesystem as a container sees it: every layer applied in order, files deleted by a later
      layer (whiteouts) left out.
      ${contents.platform === null ? '' : html`For a multi-platform index, one platform at a time. `}Total
      files counts files, directories and links.
    </p>
    <p data-testid="contents-summary">
      <b data-testid="contents-total">${count(contents.total)}</b> entries: ${count(contents.files)} files,
      ${count(contents.directories)} directories, ${bytes(contents.bytes)} of file data.
    </p>
    ${pager(page, contents, size)}
    <table class="list files" data-testid="files">
      <thead>
        <tr>
          <th>Mode</th>
          <th class="num">Size</th>
          <th>Path</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
    ${pager(page, contents, size)}`;
}

import type { ImageListing } from '../../packages/index.js';
import { bytes, count, date, visibilityBadge } from '../components.js';
import { html, namePath, type Html } from '../html.js';
import type { SnippetTarget } from '../snippets.js';
import { publishDialog } from './publish-dialog.js';
import { registryHref } from './registries.js';

/** Tags shown per image in the list; the rest are counted. */
const TAGS_SHOWN = 5;

/** Where an image's details page is. */
export function imageHref(registry: string, image: string): string {
  return namePath(registry === '' ? '/ui' : registryHref(registry), image);
}

/** A registry's page: its images (name, tags, pushed, size, downloads) and the Publish dialog. */
export function registryBody(listing: ImageListing, target: SnippetTarget, publishOpen: boolean): Html {
  const rows = listing.packages.map((p) => {
    const shown = p.tags.slice(0, TAGS_SHOWN);
    const more = p.tags.length - shown.length;
    return html`<tr data-testid="image-row">
      <td class="name">
        <a href="${imageHref(listing.registry, p.name)}" data-testid="image-link">${p.name}</a>
      </td>
      <td>
        ${shown.map((t) => html`<span class="tag">${t.tag}</span>`)}${more > 0 ? html`<span class="muted">+${more} more</span>` : ''}
      </td>
      <td>${date(p.pushed_at)}</td>
      <td class="num">${bytes(p.size)}</td>
      <td class="num">${count(p.downloads)}</td>
    </tr>`;
  });
  return html`<div class="title-row">
      <div>
        <h1>
          ${listing.registry === '' ? '(no group)' : listing.registry} ${visibilityBadge(listing.visibility)}
        </h1>
        <p class="lead">
          Container registry at
          <span class="mono"
            >${target.registry === '' ? target.host : `${target.host}/${target.registry}`}</span
          >
        </p>
      </div>
      <a class="button primary" href="?publish" data-open-dialog="publish" data-testid="publish-button"
        >Publish a Container Package</a
      >
    </div>
    <h2>Packages</h2>
    ${
      listing.packages.length === 0
        ? html`<div class="card empty">
            No images yet. Select <b>Publish a Container Package</b> to push the first one.
          </div>`
        : html`<table class="list" data-testid="images">
            <thead>
              <tr>
                <th>Name</th>
                <th>Tags</th>
                <th>Pushed</th>
                <th class="num">Size</th>
                <th class="num">Downloads</th>
              </tr>
            </thead>
            <tbody>
              ${rows}
            </tbody>
          </table>`
    }
    ${publishDialog(target, publishOpen)}`;
}

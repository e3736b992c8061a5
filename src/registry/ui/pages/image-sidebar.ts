import type { ImageDetails } from '../../packages/index.js';
import { bytes, count, date } from '../components.js';
import { html, namePath, type Html, type Interpolation } from '../html.js';
import { imageHref } from './registry.js';

/** About keys shown with their own label, in this order. */
const ABOUT_FIELDS: readonly [keyof ImageDetails['about'], string][] = [
  ['description', 'Description'],
  ['url', 'Homepage'],
  ['source', 'Source'],
  ['documentation', 'Documentation'],
  ['licenses', 'Licenses'],
  ['vendor', 'Vendor'],
  ['authors', 'Authors'],
  ['revision', 'Revision'],
  ['created', 'Created'],
];

/** A link only for http(s) URLs; anything else (`javascript:`) stays text. */
function maybeLink(value: string): Interpolation {
  return /^https?:\/\/[^\s"<>]+$/i.test(value)
    ? html`<a href="${value}" rel="noopener noreferrer nofollow">${value}</a>`
    : value;
}

function distribution(details: ImageDetails): string {
  if (details.platforms.length === 0) return 'Single-platform image';
  const names = details.platforms
    .filter((p) => !p.attestation && p.platform !== null)
    .map(
      (p) =>
        `${p.platform!.os}/${p.platform!.architecture}${p.platform!.variant ? `/${p.platform!.variant}` : ''}`,
    );
  return `Multi-platform index: ${names.join(', ') || 'no platforms named'}`;
}

/**
 * The **About this version** panel (name, version, registry, visibility, distribution, metadata
 * from `org.opencontainers.image.*` annotations and labels) and the figures: Pushed, Total files,
 * Dependencies (with links), Package size, Downloads.
 */
export function sidebar(details: ImageDetails, totalFiles: number | null): Html {
  const about = details.about;
  const version = details.tag ?? details.digest;
  const extra = ABOUT_FIELDS.flatMap(([key, label]) => {
    const value = about[key];
    return typeof value === 'string' && value !== ''
      ? [
          html`<dt>${label}</dt>
            <dd>${maybeLink(value)}</dd>`,
        ]
      : [];
  });
  const dependencies = details.dependencies.map((d) => {
    const label = d.kind === 'platform' ? `${d.name} image` : `base ${d.name}`;
    const link =
      d.repository !== undefined && d.digest !== undefined
        ? html`<a href="${dependencyHref(details, d.repository, d.digest)}" data-testid="dependency-link"
            >${label}</a
          >`
        : html`<span>${label}</span>`;
    return html`<li>
      ${link}${d.digest === undefined ? '' : html` <span class="mono muted">${d.digest.slice(0, 19)}…</span>`}
    </li>`;
  });
  return html`<aside>
    <div class="card" data-testid="about">
      <h2>About this version</h2>
      <dl class="facts">
        <dt>Name</dt>
        <dd data-testid="about-name">${about.title ?? details.name}</dd>
        <dt>Version</dt>
        <dd class="mono">
          ${version}${about.version !== undefined && about.version !== details.tag ? html` <span class="muted">(${about.version})</span>` : ''}
        </dd>
        <dt>Registry</dt>
        <dd class="mono">${details.registry === '' ? '(no group)' : details.registry}</dd>
        <dt>Visibility</dt>
        <dd>
          ${details.visibility === 'private' ? 'Private: sign-in or a token needed to pull' : 'Public: anyone may pull'}
        </dd>
        <dt>Distribution</dt>
        <dd>${distribution(details)}</dd>
        ${extra}
      </dl>
    </div>
    <div class="card">
      <dl class="facts">
        <dt>Pushed</dt>
        <dd data-testid="pushed">${date(details.pushed_at)}</dd>
        <dt>Total files</dt>
        <dd data-testid="total-files">${count(totalFiles)}</dd>
        <dt>Dependencies</dt>
        <dd data-testid="dependencies">
          ${count(details.dependencies.length)}${
            dependencies.length === 0
              ? ''
              : html`<ul class="deps">
                  ${dependencies}
                </ul>`
          }
        </dd>
        <dt>Package size</dt>
        <dd data-testid="package-size" title="${`${details.size} bytes`}">${bytes(details.size)}</dd>
        <dt>Downloads</dt>
        <dd data-testid="downloads">${count(details.downloads)}</dd>
      </dl>
      <p class="help" data-testid="figures-help">
        <b>Total files</b> counts the files and directories (and links) of the image's filesystem, of the
        first platform for an index. <b>Dependencies</b> are what the image needs: an index's platform images
        and a base image named in its OCI annotations. <b>Package size</b> is the manifest, config and layers,
        each blob once. <b>Downloads</b> count pulls and Downloads of this tag. <b>About</b> comes from
        <code>org.opencontainers.image.*</code> annotations and labels.
      </p>
    </div>
  </aside>`;
}

/** A dependency stored here: its repository's page at that digest. */
function dependencyHref(details: ImageDetails, repository: string, digest: string): string {
  const prefix = details.registry === '' ? '' : `${details.registry}/`;
  const page = repository.startsWith(prefix)
    ? imageHref(details.registry, repository.slice(prefix.length))
    : namePath('/ui', repository);
  return `${page}?digest=${encodeURIComponent(digest)}`;
}

import type { Checksums } from '../../packages/index.js';
import { message, snippet, visibilityBadge } from '../components.js';
import { html, type Html } from '../html.js';
import {
  artifactPullCommand,
  artifactSkopeoCommand,
  loginProduct,
  loginStdin,
  pullCommand,
} from '../snippets.js';
import { contentsTab } from './image-contents.js';
import { versionQuery, type ImagePage } from './image-page.js';
import { sidebar } from './image-sidebar.js';

function tabs(page: ImagePage): Html {
  const labels: [ImagePage['tab'], string][] = [
    ['installation', 'Installation'],
    ['contents', 'Contents'],
    ['details', 'Details'],
  ];
  return html`<nav class="tabs" aria-label="Sections">
    ${labels.map(
      ([tab, label]) =>
        html`<a
          href="${`${page.href}?${versionQuery(page.details)}&tab=${tab}`}"
          data-testid="tab-${tab}"
          ${tab === page.tab ? html` aria-current="page"` : ''}
          >${label}</a
        >`,
    )}
  </nav>`;
}

function tagChooser(page: ImagePage): Html {
  const { details } = page;
  const options = details.tags.map(
    (t) => html`<option value="${t.tag}" ${t.tag === details.tag ? html` selected` : ''}>${t.tag}</option>`,
  );
  return html`<form class="inline" method="get" action="${page.href}" data-testid="tag-form">
    <label for="tag" class="muted">Tag</label>
    <select id="tag" name="tag" data-autosubmit data-testid="tag-select">
      ${details.tag === null ? html`<option value="" selected>${details.digest.slice(0, 19)}…</option>` : ''}${options}
    </select>
    <input type="hidden" name="tab" value="${page.tab}" />
    <button type="submit" class="no-js">Show</button>
  </form>`;
}

function installation(page: ImagePage): Html {
  const { details, target } = page;
  const ref = details.tag !== null ? { tag: details.tag } : { digest: details.digest };
  const login =
    details.visibility === 'private'
      ? html`<h3>Registry configuration</h3>
          <p class="help">
            This registry is private: log in first with a registry token or an API access token that has the
            <b>Read Packages</b> scope, in <code>$REGISTRY_TOKEN</code>:
          </p>
          ${snippet('install-login', loginStdin(target))}
          <p class="help">
            Or as Buildkite Packages shows it, with the token in place of <code>registry-read-token</code>:
          </p>
          ${snippet('install-login-product', loginProduct(target, 'registry-read-token'))}`
      : '';
  if (details.artifact)
    return html`<h2>Installation instructions</h2>
      ${login}
      <h3>Package installation</h3>
      <p class="help">
        This is an artifact (<span class="mono">${details.artifact_type ?? ''}</span>), not a container image:
        <code>docker pull</code> cannot take it. Pull it as an OCI archive:
      </p>
      ${snippet('install-pull', artifactPullCommand(target, details.name, ref))}
      <p class="help">
        Or with skopeo (add <code>--src-tls-verify=false</code> for a registry served over plain HTTP), or
        <code>oras pull</code> to get its files:
      </p>
      ${snippet('install-pull-skopeo', artifactSkopeoCommand(target, details.name, ref))}`;
  return html`<h2>Installation instructions</h2>
    ${login}
    <h3>Package installation</h3>
    ${snippet('install-pull', pullCommand(target, details.name, ref))}
    <p class="help">
      Every tag and platform pulls the same way; docker picks this machine's platform from a multi-platform
      index.
    </p>`;
}

function checksumTable(sums: Checksums, testid: string): Html {
  return html`<table class="sums" data-testid="${testid}">
    <tr>
      <th>MD5</th>
      <td data-testid="${testid}-md5">${sums.md5}</td>
    </tr>
    <tr>
      <th>SHA1</th>
      <td data-testid="${testid}-sha1">${sums.sha1}</td>
    </tr>
    <tr>
      <th>SHA256</th>
      <td data-testid="${testid}-sha256">${sums.sha256}</td>
    </tr>
    <tr>
      <th>SHA512</th>
      <td data-testid="${testid}-sha512">${sums.sha512}</td>
    </tr>
  </table>`;
}

function detailsTab(page: ImagePage): Html {
  const { details, archives } = page;
  return html`<h2>Checksums</h2>
    <p class="help">
      Of the image manifest exactly as stored (${details.manifest_size} bytes of
      <span class="mono">${details.media_type}</span>): its SHA256 is the image's digest.
    </p>
    <div class="card">${checksumTable(details.manifest_checksums, 'manifest')}</div>
    ${(['oci-archive', 'docker-archive'] as const).map((format) => {
      const error = page.archiveErrors?.[format];
      if (error !== undefined) return message('notice', `No ${format} Download of this image: ${error}`);
      const checksums = archives?.[format];
      return checksums === undefined
        ? ''
        : html`<h3>Download archive: ${format}</h3>
            <p class="help">
              Of the file the <b>Download</b> button gives in this format: the archive is built the same way
              every time, so these hold.
            </p>
            <div class="card">${checksumTable(checksums, `archive-${format}`)}</div>`;
    })}`;
}

/** The image details page. */
export function imageBody(page: ImagePage): Html {
  const { details } = page;
  let content: Html;
  if (page.tab === 'contents' && page.contents !== undefined)
    content = contentsTab(page, page.contents, page.pageSize ?? 500);
  else if (page.tab === 'contents')
    content = html`<h2>Contents</h2>
      ${message('notice', `The contents of this image cannot be listed: ${page.contentsError ?? 'unknown reason'}`)}`;
  else if (page.tab === 'details') content = detailsTab(page);
  else content = installation(page);
  return html`<div class="title-row">
      <div>
        <h1 data-testid="image-name">${details.name} ${visibilityBadge(details.visibility)}</h1>
        <p class="lead mono" data-testid="digest">${details.digest}</p>
      </div>
      <div class="actions">
        ${tagChooser(page)}
        <a
          class="button primary"
          href="${page.downloadHref('oci-archive')}"
          data-testid="download-oci"
          download
          >Download</a
        >
        ${
          page.archiveErrors?.['docker-archive'] === undefined
            ? html`<a
                class="button"
                href="${page.downloadHref('docker-archive')}"
                data-testid="download-docker"
                download
                >docker-archive</a
              >`
            : ''
        }
      </div>
    </div>
    <div class="layout">
      <section>${tabs(page)} ${content}</section>
      ${sidebar(details, page.totalFiles)}
    </div>`;
}

import type { RegistryListing } from '../../packages/index.js';
import { count, message, visibilityBadge } from '../components.js';
import { html, namePath, type Html } from '../html.js';

/** Where a registry's page is: `/ui/ORG/REGISTRY`, or `/ui/-/top-level` for unnamed groups. */
export function registryHref(name: string): string {
  return name === '' ? '/ui/-/top-level' : namePath('/ui', name);
}

/**
 * The Registries page: every registry the visitor may see, with visibility and image count.
 * `host` is this registry's, for the first push an empty open registry suggests.
 */
export function registriesBody(
  registries: readonly RegistryListing[],
  options: { readonly open: boolean; readonly hiddenHint: boolean; readonly host: string },
): Html {
  const rows = registries.map(
    (r) =>
      html`<tr data-testid="registry-row">
        <td class="name">
          <a href="${registryHref(r.name)}" data-testid="registry-link"
            >${r.name === '' ? '(no group)' : r.name}</a
          >
        </td>
        <td>${visibilityBadge(r.visibility)}</td>
        <td class="num">${count(r.images)}</td>
      </tr>`,
  );
  const intro = options.open
    ? 'An open registry: anyone may push and pull. Repositories are grouped by the first two components of their names, as ORG/REGISTRY on Buildkite Packages.'
    : 'Container registries you can see. Select one to list its images and publish to it.';
  return html`<div class="title-row">
      <div>
        <h1>Registries</h1>
        <p class="lead">${intro}</p>
      </div>
    </div>
    ${options.hiddenHint ? message('notice', html`Private registries appear once you <a href="/ui/-/sign-in?next=%2Fui%2F">sign in</a>.`) : ''}
    ${
      registries.length === 0 && options.open
        ? html`<div class="card empty" data-testid="no-registries">
            No registries to show yet. Push an image, for example
            <code>docker push ${options.host}/acme/images/web:v1</code>.
          </div>`
        : registries.length === 0
          ? html`<div class="card empty" data-testid="no-registries">
              No registry here that you may see${options.hiddenHint ? ' without signing in' : ''}.
            </div>`
          : html`<table class="list" data-testid="registries">
              <thead>
                <tr>
                  <th>Registry</th>
                  <th>Visibility</th>
                  <th class="num">Images</th>
                </tr>
              </thead>
              <tbody>
                ${rows}
              </tbody>
            </table>`
    }`;
}

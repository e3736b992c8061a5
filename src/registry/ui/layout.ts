import { ASSETS, assetPath } from './assets.js';
import { html, type Html, type Interpolation } from './html.js';

/** Who is looking, for the header: signed in with a session, or not. */
export interface PageViewer {
  /** Whether the registry has any sign-in at all (false in open mode). */
  readonly canSignIn: boolean;
  readonly signedIn: boolean;
}

/** What a page puts in the frame. */
export interface PageParts {
  readonly title: string;
  readonly viewer: PageViewer;
  /** The path to come back to after signing in. */
  readonly here: string;
  readonly crumbs?: readonly Html[];
  readonly body: Interpolation;
}

/** The whole document around a page's body: header with navigation and sign-in state, footer. */
export function layout(parts: PageParts): string {
  const { viewer } = parts;
  const account = viewer.signedIn
    ? html`<form method="post" action="/ui/-/sign-out">
        <span class="who">Signed in</span> <button type="submit" data-testid="sign-out">Sign out</button>
      </form>`
    : viewer.canSignIn
      ? html`<a href="${'/ui/-/sign-in?next=' + encodeURIComponent(parts.here)}" data-testid="sign-in-link"
          >Sign in</a
        >`
      : '';
  const crumbs =
    parts.crumbs === undefined || parts.crumbs.length === 0
      ? ''
      : html`<div class="crumbs">${parts.crumbs.map((c, i) => html`${i > 0 ? ' / ' : ''}${c}`)}</div>`;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${parts.title} · Packages</title>
        <link rel="icon" href="${assetPath(ASSETS.icon)}" />
        <link rel="stylesheet" href="${assetPath(ASSETS.style)}" />
        <script src="${assetPath(ASSETS.script)}" defer></script>
      </head>
      <body>
        <header class="top">
          <div class="bar">
            <a class="brand" href="/ui/"><span class="mark"></span>Packages</a>
            <nav><a href="/ui/">Registries</a></nav>
            ${account}
          </div>
        </header>
        <main>${crumbs} ${parts.body}</main>
        <footer>
          Served by the container-package registry. Pages need no network: everything is bundled.
        </footer>
      </body>
    </html> `.toString();
}

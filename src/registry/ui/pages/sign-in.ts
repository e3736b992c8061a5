import { html, type Html } from '../html.js';
import { message } from '../components.js';

/** What the sign-in page shows. */
export interface SignInPage {
  /** Where to go after signing in (a path under `/ui/`). */
  readonly next: string;
  /** Why the visitor is here (a refusal), or a failed attempt's reason. Never a secret. */
  readonly problem?: string;
  /** The registry asked for, when known. */
  readonly registry?: string;
}

/**
 * The sign-in form. It posts the token in the body (never the URL), to `/ui/-/sign-in`; the
 * answer sets a session cookie. The field is a password field, so browsers do not show it.
 */
export function signInBody(page: SignInPage): Html {
  return html`<div class="signin card">
    <h1>Sign in</h1>
    <p class="lead">
      ${page.registry === undefined ? 'This registry is private.' : html`<span class="mono">${page.registry}</span> is private.`}
      Sign in with a registry token or an API access token that can read it (the <b>Read Packages</b> scope),
      the same token <code>docker login</code> takes.
    </p>
    ${page.problem === undefined ? '' : message('error', page.problem)}
    <form method="post" action="/ui/-/sign-in" autocomplete="off">
      <input type="hidden" name="next" value="${page.next}" />
      <label for="token">Token</label>
      <input
        type="password"
        id="token"
        name="token"
        required
        autocomplete="off"
        spellcheck="false"
        data-testid="token"
      />
      <div class="actions"><button type="submit" class="primary" data-testid="sign-in">Sign in</button></div>
    </form>
    <p class="help">
      The session lasts 30 minutes, ends when you sign out, and keeps the token only in the registry's memory.
      Create a token with
      <code>container-package registry token create --registry ORG/REGISTRY --scope read</code>.
    </p>
  </div>`;
}

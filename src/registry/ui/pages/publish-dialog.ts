import { snippet } from '../components.js';
import { html, type Html } from '../html.js';
import {
  loginProduct,
  loginStdin,
  pipelineStep,
  pushCommand,
  registryRef,
  tagCommand,
  TOKEN_VARIABLE,
  workflowSteps,
  type SnippetTarget,
} from '../snippets.js';

/**
 * The **Publish a Container Package** dialog: the `docker login`, `docker tag` and `docker push`
 * steps with this registry's real host, then the same as a Buildkite pipeline step and a GitHub
 * Actions workflow. Rendered open (`?publish`) when asked without script.
 */
export function publishDialog(target: SnippetTarget, open: boolean): Html {
  const login = target.auth
    ? html`<p class="step-title">1. Log in to the registry</p>
        <p class="help">
          With a token that has the <b>Write Packages</b> scope in <code>$${TOKEN_VARIABLE}</code> (read from
          stdin, so it stays out of your shell history):
        </p>
        ${snippet('publish-login', loginStdin(target))}
        <p class="help">
          Or as Buildkite Packages shows it, with the token in place of <code>registry-write-token</code>:
        </p>
        ${snippet('publish-login-product', loginProduct(target, 'registry-write-token'))}`
    : html`<p class="step-title">1. No login needed</p>
        <p class="help">This registry is open: anyone may push.</p>`;
  return html`<dialog
    id="publish"
    data-modal
    aria-labelledby="publish-title"
    data-testid="publish-dialog"
    ${open ? html` open` : ''}
  >
    <div class="head">
      <h2 id="publish-title">Publish a Container Package</h2>
      <a class="button" href="?" data-close-dialog aria-label="Close">Close</a>
    </div>
    <div class="body">
      <p class="help">
        Run these in your terminal. Replace <code>current-image-name:tag</code> with the image you built and
        <code>package-name:tag</code> with the name and tag to publish under
        <span class="mono">${registryRef(target)}</span>.
      </p>
      ${login}
      <p class="step-title">2. Tag your image</p>
      ${snippet('publish-tag', tagCommand(target))}
      <p class="step-title">3. Push it</p>
      ${snippet('publish-push', pushCommand(target))}
      <h3>In a Buildkite pipeline</h3>
      <p class="help">
        The container-package plugin builds nothing: it publishes what the step
        built${target.auth ? html`, logging in with the token in <code>$${TOKEN_VARIABLE}</code>` : ''}.
      </p>
      ${snippet('publish-pipeline', pipelineStep(target))}
      <h3>In a GitHub Actions workflow</h3>
      <p class="help">
        The container-package
        action${target.auth ? html`, with the token in the repository secret <code>${TOKEN_VARIABLE}</code>` : ''}.
      </p>
      ${snippet('publish-workflow', workflowSteps(target))}
    </div>
  </dialog>`;
}

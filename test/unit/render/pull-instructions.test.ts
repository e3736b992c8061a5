import { describe, expect, test } from 'vitest';
import { renderPullInstructions, type PublishedImage } from '../../../src/render/index.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const buildkite = {
  host: 'packages.buildkite.com',
  kind: 'buildkite',
  organization: 'acme',
  registry: 'images',
} as const;

const app: PublishedImage = {
  source: 'docker:app:ci',
  name: 'app',
  digest: DIGEST,
  mediaType: 'application/vnd.oci.image.index.v1+json',
  size: 12.3 * 1024 * 1024,
  platforms: ['linux/amd64', 'linux/arm64'],
  references: ['packages.buildkite.com/acme/images/app:42', 'packages.buildkite.com/acme/images/app:latest'],
  registry: buildkite,
};

const lines = (markdown: string): string[] => markdown.split('\n');

describe('renderPullInstructions', () => {
  test('pins the pull by digest and lists size, platforms, tags and every reference', () => {
    const out = lines(renderPullInstructions([app]));
    expect(out[0]).toBe('### Container images published');
    expect(out).toContain('**app** from `docker:app:ci` · 12.3 MiB · `linux/amd64`, `linux/arm64`');
    expect(out).toContain(`docker pull packages.buildkite.com/acme/images/app@${DIGEST}`);
    expect(out).toContain('Tags: `42`, `latest`');
    expect(out).toContain('<details><summary>All references of app (3)</summary>');
    expect(out).toContain('- `packages.buildkite.com/acme/images/app:latest`');
    expect(out).toContain(`- \`packages.buildkite.com/acme/images/app@${DIGEST}\``);
    expect(out).toContain('</details>');
  });

  test('a private (or unknown) registry gets one login hint with --password-stdin, never -p', () => {
    const markdown = renderPullInstructions([app, { ...app, name: 'worker', source: 'docker:worker' }]);
    const logins = lines(markdown).filter((line) => line.includes('docker login'));
    expect(logins).toEqual([
      'echo "$TOKEN" | docker login packages.buildkite.com/acme/images -u buildkite --password-stdin',
    ]);
    expect(markdown).not.toMatch(/ -p /);
    expect(markdown).toContain(
      'where `$TOKEN` holds a Buildkite API access token with the Read Packages scope, or a registry token.',
    );
  });

  test('public registries need no login; generic ones name their user; the token variable can be chosen', () => {
    const ghcr: PublishedImage = {
      ...app,
      platforms: ['linux/amd64'],
      references: ['ghcr.io/acme/app:1'],
      registry: { host: 'ghcr.io', kind: 'generic', username: 'acme-bot' },
    };
    const publicImage: PublishedImage = { ...app, registry: { ...buildkite, visibility: 'public' } };
    const markdown = renderPullInstructions([publicImage, ghcr], {
      tokenVariable: 'GHCR_TOKEN',
      title: 'Images',
      headingLevel: 2,
    });
    const out = lines(markdown);
    expect(out[0]).toBe('## Images');
    expect(out.filter((line) => line.includes('docker login'))).toEqual([
      'echo "$GHCR_TOKEN" | docker login ghcr.io -u acme-bot --password-stdin',
    ]);
    expect(markdown).toContain('where `$GHCR_TOKEN` holds a token that may read the registry.');
    // One platform is not worth listing.
    expect(out).toContain('**app** from `docker:app:ci` · 12.3 MiB');
  });

  test('untrusted names and sources cannot inject Markdown or HTML', () => {
    const evil: PublishedImage = {
      ...app,
      name: '<img src=x onerror=alert(1)>*x*',
      source: 'oci:`rm -rf`/<b>',
      references: ['localhost:5000/app:1'],
      registry: { host: 'localhost:5000', kind: 'generic', username: "it's me" },
    };
    const markdown = renderPullInstructions([evil]);
    expect(markdown).not.toContain('<img');
    // `<b>` survives only inside a code span, where Markdown shows it as text.
    expect(markdown).toContain('**&lt;img src=x onerror=alert\\(1\\)&gt;\\*x\\*** from ``oci:`rm -rf`/<b>``');
    expect(markdown).toContain(
      '<summary>All references of &lt;img src=x onerror=alert(1)&gt;*x* (2)</summary>',
    );
    expect(markdown).toContain(`docker login localhost:5000 -u 'it'\\''s me' --password-stdin`);
  });

  test('an image pushed by digest only still gets a pull line', () => {
    const out = lines(renderPullInstructions([{ ...app, references: [] }]));
    expect(out).toContain(`docker pull ${DIGEST}`);
    expect(out.some((line) => line.startsWith('Tags:'))).toBe(false);
  });

  test('nothing pushed says so', () => {
    expect(renderPullInstructions([])).toBe('### Container images published\n\nNo images were pushed.\n');
  });
});

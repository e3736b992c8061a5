/**
 * The registry's web pages in a real browser (Debian's Chromium through playwright-core): the
 * Registries page, a registry with the Publish dialog whose copied snippets run against a test
 * dockerd, an image's details tabs checked against the manifest, the layers and the Download
 * archive (loaded by docker and copied by skopeo), sign-in and sign-out of a private registry,
 * and a hostile image that must render inert. `UPDATE_SCREENSHOTS=1` rewrites docs/images/.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startBrowser, type TestBrowser } from '../support/browser.js';
import { createContainerTools, type ContainerTools } from '../support/containers.js';
import { startDockerd, type DockerEngine } from '../support/dockerd.js';
import { describeWithTools } from '../support/tools.js';
import { createUiFixture, type UiFixture } from './ui/fixture.js';
import { HOSTILE_TEXT } from './ui/images.js';

const SCREENSHOTS =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? join(import.meta.dirname, '..', '..', 'docs', 'images')
    : undefined;

function hex(bytes: Buffer, algorithm: string): string {
  return createHash(algorithm).update(bytes).digest('hex');
}

async function sum(tool: 'sha256sum' | 'md5sum' | 'sha1sum' | 'sha512sum', file: string): Promise<string> {
  const { stdout } = await execa(tool, [file]);
  return stdout.split(' ')[0]!;
}

async function readClipboard(page: Page): Promise<string> {
  return String(await page.evaluate('navigator.clipboard.readText()'));
}

/** Saves a screenshot of the whole page (just the viewport for a modal dialog) under docs/images/. */
async function shot(page: Page, name: string, viewportOnly = false): Promise<void> {
  if (SCREENSHOTS === undefined) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  if (!viewportOnly) await page.setViewportSize({ width: 1200, height: 420 });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: !viewportOnly });
  await page.setViewportSize({ width: 1200, height: 800 });
}

describeWithTools(['dockerd', 'docker', 'skopeo', 'chromium', 'root'], 'registry pages in a browser', () => {
  let tools: ContainerTools;
  let fixture: UiFixture;
  let engine: DockerEngine;
  let browser: TestBrowser;
  let page: Page;
  let base: string;
  const dialogs: string[] = [];
  /** Errors in the browser console, such as a CSP violation by the pages themselves. */
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    tools = createContainerTools();
    fixture = await createUiFixture(tools);
    base = fixture.registry.url;
    engine = await startDockerd();
    browser = await startBrowser({ origin: base, permissions: ['clipboard-read', 'clipboard-write'] });
    page = await browser.context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  afterAll(async () => {
    await browser?.close();
    await engine?.stop();
    await fixture?.registry.registry.close();
  });

  test('/ redirects a browser to the registries; anonymous visitors see the public registry only', async () => {
    const response = await page.goto(`${base}/`);
    expect(page.url()).toBe(`${base}/ui/`);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    const rows = page.getByTestId('registry-row');
    await expect
      .poll(() => rows.allInnerTexts())
      .toEqual([expect.stringMatching(/acme\/public\s+Public\s+2/)]);
  });

  test('a private registry asks to sign in; a wrong token is refused; the right one opens it', async () => {
    const response = await page.goto(`${base}/ui/acme/images`);
    expect(response?.status()).toBe(401);
    await page.getByTestId('token').fill('bkpt_not-a-real-token');
    await page.getByTestId('sign-in').click();
    await expect.poll(() => page.locator('.error').innerText()).toContain('not known to this registry');
    expect(await page.content()).not.toContain('bkpt_not-a-real-token');
    await shot(page, 'ui-sign-in');
    await page.getByTestId('token').fill(fixture.tokens.read);
    await page.getByTestId('sign-in').click();
    await page.waitForURL(`${base}/ui/acme/images`);
    expect(page.url()).not.toContain(fixture.tokens.read);
    const cookies = await browser.context.cookies(`${base}/ui/`);
    expect(cookies).toEqual([
      expect.objectContaining({
        name: 'cp_session',
        path: '/ui',
        httpOnly: true,
        sameSite: 'Strict',
        secure: false,
      }),
    ]);
    expect(cookies[0]!.value).not.toContain(fixture.tokens.read);
    await page.goto(`${base}/ui/`);
    expect(await page.getByTestId('registry-link').allInnerTexts()).toEqual(['acme/images', 'acme/public']);
    await shot(page, 'ui-registries');
  });

  test('the Publish dialog copies exactly its snippets, and they push with docker', async () => {
    await page.goto(`${base}/ui/`);
    await page.getByTestId('registry-link').filter({ hasText: 'acme/images' }).click();
    await page.waitForURL(`${base}/ui/acme/images`);
    await page.getByTestId('publish-button').click();
    const dialog = page.getByTestId('publish-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await shot(page, 'ui-publish', true);
    const copied: Record<string, string> = {};
    for (const id of [
      'publish-login',
      'publish-login-product',
      'publish-tag',
      'publish-push',
      'publish-pipeline',
      'publish-workflow',
    ]) {
      await page.locator(`button[data-copy="${id}"]`).click();
      copied[id] = await readClipboard(page);
      expect(copied[id]).toBe(await page.locator(`#${id}`).textContent());
    }
    const ref = `${fixture.host}/acme/images`;
    expect(copied['publish-login']).toBe(
      `printf '%s' "$REGISTRY_TOKEN" | docker login ${ref} -u buildkite --password-stdin`,
    );
    expect(copied['publish-login-product']).toBe(`docker login ${ref} -u buildkite -p registry-write-token`);
    expect(copied['publish-tag']).toBe(`docker tag current-image-name:tag ${ref}/package-name:tag`);
    expect(copied['publish-push']).toBe(`docker push ${ref}/package-name:tag`);
    expect(copied['publish-pipeline']).toContain(`url: ${ref}`);
    expect(copied['publish-workflow']).toContain(`registry: ${ref}`);

    // An image in the engine to publish: pulled from the public registry.
    await engine.docker(['pull', `${fixture.host}/acme/public/multi:v1`]);
    const env = { ...process.env, ...engine.env, REGISTRY_TOKEN: fixture.tokens.write };
    const run = (snippet: string) => execa('sh', ['-c', snippet], { env, extendEnv: false });
    await run(copied['publish-login']!);
    await run(
      copied['publish-tag']!.replace(
        'current-image-name:tag',
        `${fixture.host}/acme/public/multi:v1`,
      ).replace('package-name:tag', 'web:v2'),
    );
    await run(copied['publish-push']!.replace('package-name:tag', 'web:v2'));
    await page.goto(`${base}/ui/acme/images`);
    expect(await page.getByTestId('image-link').allInnerTexts()).toEqual(['web']);
    await shot(page, 'ui-registry');

    // The private image's page: a login step, and a Download that works with the session alone.
    await page.getByTestId('image-link').click();
    expect(await page.locator('#install-login').textContent()).toBe(copied['publish-login']);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-docker').click(),
    ]);
    expect(await download.failure()).toBeNull();
    expect(download.suggestedFilename()).toBe('web-v2.docker.tar');
    const anonymous = await fetch(`${base}/ui/-/download/acme/images/web?tag=v2&format=docker-archive`);
    expect(anonymous.status).toBe(401);
  }, 180_000);

  test('the details page: installation snippets, contents against the layers, checksums, download', async () => {
    await page.goto(`${base}/ui/acme/public`);
    await page.getByTestId('image-link').filter({ hasText: 'multi' }).click();
    await page.waitForURL(`${base}/ui/acme/public/multi`);
    expect(await page.getByTestId('tag-select').inputValue()).toBe('v1'); // the newest tag
    expect(await page.getByTestId('digest').innerText()).toBe(fixture.multi.index);
    await page.getByTestId('tag-select').selectOption('v0');
    await page.waitForURL(/tag=v0/);
    expect(await page.getByTestId('digest').innerText()).toBe(fixture.hostile.digest);
    await page.getByTestId('tag-select').selectOption('v1');
    await page.waitForURL(/tag=v1/);
    expect(await page.locator('#install-login').count()).toBe(0); // public: no login step
    await shot(page, 'ui-image');
    await page.locator('button[data-copy="install-pull"]').click();
    const pull = await readClipboard(page);
    expect(pull).toBe(`docker pull ${fixture.host}/acme/public/multi:v1`);
    await engine.docker(['rmi', `${fixture.host}/acme/public/multi:v1`], { reject: false });
    await execa('sh', ['-c', pull], { env: { ...process.env, ...engine.env }, extendEnv: false });
    expect(await page.getByTestId('dependencies').innerText()).toMatch(/^2/);

    await page.getByTestId('tab-contents').click();
    const amd64 = fixture.multi.platforms['linux/amd64']!;
    expect(await page.getByTestId('file-path').allInnerTexts()).toEqual(
      amd64.paths.map((p) => (p.includes('.') ? p : `${p}/`)),
    );
    expect(await page.getByTestId('contents-total').innerText()).toBe(String(amd64.paths.length));
    await shot(page, 'ui-image-contents');
    await page.getByTestId('platform-select').selectOption('linux/arm64');
    await page.waitForURL(/platform=linux%2Farm64/);
    expect(await page.getByTestId('file-path').allInnerTexts()).toContain('/app/arm64.bin');

    await page.getByTestId('tab-details').click();
    const manifest = Buffer.from(
      await (
        await fetch(`${base}/v2/acme/public/multi/manifests/v1`, {
          headers: { Accept: 'application/vnd.oci.image.index.v1+json' },
        })
      ).arrayBuffer(),
    );
    const manifestFile = join(browser.dir, 'manifest.json');
    writeFileSync(manifestFile, manifest);
    expect(await page.getByTestId('manifest-sha256').innerText()).toBe(await sum('sha256sum', manifestFile));
    expect(await page.getByTestId('manifest-md5').innerText()).toBe(await sum('md5sum', manifestFile));
    expect(await page.getByTestId('manifest-sha1').innerText()).toBe(hex(manifest, 'sha1'));
    expect(await page.getByTestId('manifest-sha512').innerText()).toBe(hex(manifest, 'sha512'));
    await shot(page, 'ui-image-details');

    for (const [button, format] of [
      ['download-oci', 'oci-archive'],
      ['download-docker', 'docker-archive'],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(button).click()]);
      const file = join(browser.dir, `${format}.tar`);
      await download.saveAs(file);
      expect(await page.getByTestId(`archive-${format}-sha256`).innerText()).toBe(
        await sum('sha256sum', file),
      );
      expect(await page.getByTestId(`archive-${format}-md5`).innerText()).toBe(await sum('md5sum', file));
      if (format === 'oci-archive') {
        await tools.skopeo([
          'copy',
          '--all',
          '--dest-tls-verify=false',
          '--dest-creds',
          `buildkite:${fixture.tokens.write}`,
          `oci-archive:${file}`,
          `docker://${fixture.host}/acme/public/copy:v1`,
        ]);
        const head = await fetch(`${base}/v2/acme/public/copy/manifests/v1`, {
          method: 'HEAD',
          headers: { Accept: 'application/vnd.oci.image.index.v1+json' },
        });
        expect(head.headers.get('docker-content-digest')).toBe(fixture.multi.index);
      } else {
        const loaded = await engine.docker(['load', '-i', file]);
        const name = /Loaded image(?: ID)?: (\S+)/.exec(loaded.stdout)?.[1];
        const id = (await engine.docker(['image', 'inspect', '--format', '{{.Id}}', name!])).stdout.trim();
        const child = (await (
          await fetch(`${base}/v2/acme/public/multi/manifests/${amd64.digest}`, {
            headers: { Accept: 'application/vnd.oci.image.manifest.v1+json' },
          })
        ).json()) as { config: { digest: string } };
        expect(id).toBe(child.config.digest);
      }
    }
  });

  test('a hostile image renders inert: its markup is text, no script runs, the CSP is sent', async () => {
    const response = await page.goto(`${base}/ui/acme/public/hostile?tab=contents`);
    expect(response?.headers()['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    );
    expect(await page.getByTestId('file-path').allInnerTexts()).toEqual(
      fixture.hostile.paths.map((p) => (p === '/data' ? '/data/' : p)),
    );
    expect(await page.getByTestId('about-name').innerText()).toBe(HOSTILE_TEXT);
    expect(await page.locator('main img, main svg, main script, main b[onclick]').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    await page.mouse.move(300, 400);
    await page.getByTestId('tab-details').click();
    expect(dialogs).toEqual([]);
    // The pages keep their own policy: no inline style or script was refused anywhere so far.
    expect(consoleErrors.filter((e) => e.includes('Content Security Policy'))).toEqual([]);
  });

  test('on a phone-sized screen no page scrolls sideways, and image names are not split mid-word', async () => {
    const phone = await browser.context.newPage();
    try {
      await phone.setViewportSize({ width: 390, height: 844 });
      for (const path of ['/ui/', '/ui/acme/public', '/ui/acme/public?publish']) {
        await phone.goto(`${base}${path}`);
        expect([path, await phone.evaluate('document.documentElement.scrollWidth')]).toEqual([path, 390]);
      }
      await phone.goto(`${base}/ui/acme/public`);
      const lines = await phone
        .locator('td.name a')
        .evaluateAll((links: { getClientRects(): { length: number } }[]) =>
          links.map((a) => a.getClientRects().length),
        );
      expect(lines).not.toHaveLength(0);
      expect(lines).toEqual(lines.map(() => 1));
    } finally {
      await phone.close();
    }
  });

  test('signing out ends the session', async () => {
    await page.goto(`${base}/ui/acme/images`);
    await page.getByTestId('sign-out').click();
    await page.waitForURL(`${base}/ui/`);
    expect(await browser.context.cookies(`${base}/ui/`)).toEqual([]);
    const response = await page.goto(`${base}/ui/acme/images`);
    expect(response?.status()).toBe(401);
  });
});

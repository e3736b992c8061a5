/**
 * The registry's pages over plain HTTP (no browser): routing and redirects, security headers on
 * every answer, escaping of what an image carries, open-mode grouping, and sign-in rules: same
 * origin only, safe `next`, cookie attributes, a token in no URL or log line, revocation at once.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createToken, revokeToken } from '../../src/registry/auth/tokens/manage.js';
import { authorizerFor, parseConfig } from '../../src/registry/index.js';
import type { Logger } from '../../src/registry/ops/logger.js';
import { newTempDir } from '../support/temp-dir.js';
import {
  descriptorOf,
  imageManifest,
  OCI_CONFIG,
  OCI_EMPTY,
  OCI_MANIFEST,
  pushBlob,
  pushImage,
  send,
  startRegistry,
  type TestRegistry,
} from './registry-support.js';

const HOSTILE = '<img src=x onerror=alert(1)>';
const HTML = { Accept: 'text/html' };

/** Pushes an image whose config labels and manifest annotations hold markup. */
async function pushHostile(base: string, repo: string, headers: Record<string, string> = {}): Promise<void> {
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: {
        Labels: {
          'org.opencontainers.image.title': HOSTILE,
          'org.opencontainers.image.url': 'javascript:alert(2)',
        },
      },
      rootfs: { type: 'layers', diff_ids: [] },
    }),
  );
  await pushBlob(base, repo, config);
  const manifest = imageManifest(descriptorOf(OCI_CONFIG, config), [], {
    annotations: { 'org.opencontainers.image.description': `"><script>alert(3)</script>` },
  });
  const put = await send(base, 'PUT', `/v2/${repo}/manifests/v1`, {
    headers: { 'Content-Type': OCI_MANIFEST, ...headers },
    body: manifest,
  });
  expect(put.status).toBe(201);
}

function expectPageHeaders(headers: Headers): void {
  expect(headers.get('content-security-policy')).toMatch(/^default-src 'self'; script-src 'self';/);
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('x-frame-options')).toBe('DENY');
}

describe('open registry pages', () => {
  let server: TestRegistry;

  beforeAll(async () => {
    server = await startRegistry({ fsync: false });
    await pushImage(server.url, 'acme/images/web', 'v1', 1);
    await pushImage(server.url, 'team/app', 'v1', 2);
    await pushImage(server.url, 'busybox', 'latest', 3);
    await pushHostile(server.url, 'acme/images/hostile');
  });
  afterAll(() => server.registry.close());

  test('GET / redirects browsers to /ui/; other clients get the JSON 404', async () => {
    const browser = await send(server.url, 'GET', '/', { headers: HTML });
    expect(browser.status).toBe(303);
    expect(browser.headers.get('location')).toBe('/ui/');
    const curl = await send(server.url, 'GET', '/');
    expect(curl.status).toBe(404);
    expect(curl.errorCode).toBe('UNSUPPORTED');
    expect(curl.body.toString()).toContain('the web pages are at /ui/');
  });

  test('the registries page groups every repository; each group lists its images', async () => {
    const page = await send(server.url, 'GET', '/ui/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expectPageHeaders(page.headers);
    const text = page.body.toString();
    for (const href of ['/ui/acme/images', '/ui/team', '/ui/-/top-level'])
      expect(text).toContain(`href="${href}"`);
    expect((await send(server.url, 'GET', '/ui/team')).body.toString()).toContain('href="/ui/team/app"');
    expect((await send(server.url, 'GET', '/ui/-/top-level')).body.toString()).toContain(
      'href="/ui/busybox"',
    );
    const details = await send(server.url, 'GET', '/ui/team/app');
    expect(details.status).toBe(200);
    expect(details.body.toString()).toContain(`docker pull ${new URL(server.url).host}/team/app:v1`);
    expect((await send(server.url, 'GET', '/ui/busybox')).status).toBe(200);
    // Its one layer is random bytes, not a tar: the page still renders and says so.
    const contents = await send(server.url, 'GET', '/ui/team/app?tab=contents');
    expect(contents.status).toBe(200);
    expect(contents.body.toString()).toContain('cannot be listed');
  });

  test('what an image carries is escaped everywhere and links only to http(s)', async () => {
    for (const tab of ['installation', 'contents', 'details']) {
      const page = await send(server.url, 'GET', `/ui/acme/images/hostile?tab=${tab}`);
      expect(page.status, tab).toBe(200);
      const text = page.body.toString();
      expect(text).not.toContain('<img');
      expect(text).not.toContain('<script>');
      expect(text).not.toContain('href="javascript:');
      expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(text).not.toMatch(/<script(?![^>]*src="\/ui\/-\/assets\/app-[0-9a-f]{12}\.js")/);
    }
  });

  test('assets are bundled, typed and cacheable; unknown paths and methods are pages too', async () => {
    const page = (await send(server.url, 'GET', '/ui/')).body.toString();
    const css = /href="(\/ui\/-\/assets\/style-[0-9a-f]{12}\.css)"/.exec(page)![1]!;
    const js = /src="(\/ui\/-\/assets\/app-[0-9a-f]{12}\.js)"/.exec(page)![1]!;
    const style = await send(server.url, 'GET', css);
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(style.headers.get('cache-control')).toContain('immutable');
    const script = await send(server.url, 'GET', js);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.body.toString()).toContain('navigator.clipboard');
    expect(`${style.body.toString()}${script.body.toString()}`).not.toMatch(/https?:\/\//);
    expect((await send(server.url, 'GET', '/ui/-/assets/style-000000000000.css')).status).toBe(404);
    const missing = await send(server.url, 'GET', '/ui/acme/images/nothing');
    expect(missing.status).toBe(404);
    expectPageHeaders(missing.headers);
    expect((await send(server.url, 'POST', '/ui/')).status).toBe(405);
    const head = await send(server.url, 'HEAD', '/ui/');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  test('an empty group to push to is its page, not a missing image', async () => {
    const empty = await send(server.url, 'GET', '/ui/other/images');
    expect(empty.status).toBe(200);
    const text = empty.body.toString();
    expect(text).toContain('No images yet');
    expect(text).not.toContain('no image images');
    expect(text).toContain(`docker push ${new URL(server.url).host}/other/images/package-name:tag`);
    expect((await send(server.url, 'GET', '/ui/other/images?tag=v1')).status).toBe(404);
  });

  test('browsers get the bundled icon at /favicon.ico and from the pages', async () => {
    const icon = await send(server.url, 'GET', '/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/x-icon');
    expect(icon.body.subarray(0, 4).equals(Buffer.from([0, 0, 1, 0]))).toBe(true);
    const linked = /<link rel="icon" href="(\/ui\/-\/assets\/icon-[0-9a-f]{12}\.ico)"/.exec(
      (await send(server.url, 'GET', '/ui/')).body.toString(),
    )![1]!;
    expect((await send(server.url, 'GET', linked)).body.equals(icon.body)).toBe(true);
  });

  test('tags are listed newest first, on the list and in the chooser', async () => {
    for (const tag of ['alpha', 'zeta', 'mid']) {
      await pushImage(server.url, 'acme/images/order', tag, 4);
      await new Promise((r) => setTimeout(r, 15));
    }
    const order = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]);
    const list = (await send(server.url, 'GET', '/ui/acme/images')).body.toString();
    const row = list.slice(list.indexOf('href="/ui/acme/images/order"'));
    expect(order(row.slice(0, row.indexOf('</tr>')), /<span class="tag">([^<]+)<\/span>/g)).toEqual([
      'mid',
      'zeta',
      'alpha',
    ]);
    const page = (await send(server.url, 'GET', '/ui/acme/images/order')).body.toString();
    expect(order(page, /<option value="([^"]+)"/g)).toEqual(['mid', 'zeta', 'alpha']);
  });

  test("an artifact's page shows pulls that work for it, not docker pull", async () => {
    const empty = Buffer.from('{}');
    const sbom = Buffer.from('{"spdxVersion":"SPDX-2.3"}');
    await pushBlob(server.url, 'acme/images/sbom', empty);
    await pushBlob(server.url, 'acme/images/sbom', sbom);
    const manifest = imageManifest(
      descriptorOf(OCI_EMPTY, empty),
      [descriptorOf('application/spdx+json', sbom)],
      {
        artifactType: 'application/spdx+json',
      },
    );
    const put = await send(server.url, 'PUT', '/v2/acme/images/sbom/manifests/v1', {
      headers: { 'Content-Type': OCI_MANIFEST },
      body: manifest,
    });
    expect(put.status).toBe(201);
    const host = new URL(server.url).host;
    const text = (await send(server.url, 'GET', '/ui/acme/images/sbom')).body.toString();
    expect(text).not.toContain(`docker pull ${host}`);
    expect(text).toContain('application/spdx+json');
    expect(text).toContain(
      `container-package pull ${host}/acme/images/sbom:v1 --output sbom-v1.tar --format oci-archive`,
    );
    expect((await send(server.url, 'GET', '/ui/acme/images/web')).body.toString()).toContain(
      `docker pull ${host}/acme/images/web:v1`,
    );
  });
});

describe('sign-in to a private registry', () => {
  let server: TestRegistry;
  let tokensFile: string;
  let token: string;
  let tokenId: string;
  const logged: string[] = [];

  beforeAll(async () => {
    const dir = newTempDir('ui-auth');
    tokensFile = join(dir, 'tokens.json');
    const config = parseConfig(`registries:\n  - name: acme/images\n`, {
      source: join(dir, 'registry.yaml'),
    });
    const created = await createToken(tokensFile, { registries: ['acme/images'], scopes: ['write'] });
    token = created.token;
    tokenId = created.record.id;
    const logger: Logger = {
      log: (level, msg, fields) => void logged.push(JSON.stringify({ level, msg, fields })),
    };
    server = await startRegistry({
      fsync: false,
      logger,
      authorizer: authorizerFor({ ...config, tokensFile }, (e) => console.error(e)),
      onError: (e) => logged.push(String(e)),
    });
    const auth = { Authorization: `Basic ${Buffer.from(`buildkite:${token}`).toString('base64')}` };
    const imageConfig = Buffer.from(
      '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}',
    );
    const upload = await send(server.url, 'POST', '/v2/acme/images/web/blobs/uploads/', { headers: auth });
    const digest = descriptorOf(OCI_CONFIG, imageConfig).digest;
    const blob = await send(server.url, 'PUT', `${upload.headers.get('location')}?digest=${digest}`, {
      headers: auth,
      body: imageConfig,
    });
    expect(blob.status).toBe(201);
    const manifest = imageManifest(descriptorOf(OCI_CONFIG, imageConfig), []);
    const put = await send(server.url, 'PUT', '/v2/acme/images/web/manifests/v1', {
      headers: { ...auth, 'Content-Type': OCI_MANIFEST },
      body: manifest,
    });
    expect(put.status).toBe(201);
  });
  afterAll(() => server.registry.close());

  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    send(server.url, 'POST', '/ui/-/sign-in', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      body: form(fields),
    });

  test('the icon needs no sign-in', async () => {
    expect((await send(server.url, 'GET', '/favicon.ico')).status).toBe(200);
  });

  test('anonymous visitors get the sign-in form with 401, and the private registry is not listed', async () => {
    const page = await send(server.url, 'GET', '/ui/acme/images/web');
    expect(page.status).toBe(401);
    expect(page.headers.get('www-authenticate')).toBeNull();
    expect(page.body.toString()).toContain('name="next" value="/ui/acme/images/web"');
    expect(page.body.toString()).toMatch(/<span class="mono">acme\/images<\/span>\s+is private/);
    expect((await send(server.url, 'GET', '/ui/')).body.toString()).not.toContain('href="/ui/acme/images"');
  });

  test('a cross-site post is refused without a cookie', async () => {
    const reply = await post({ token, next: '/ui/' }, { Origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
    expect(reply.headers.get('set-cookie')).toBeNull();
    const fetched = await post({ token, next: '/ui/' }, { 'Sec-Fetch-Site': 'cross-site' });
    expect(fetched.status).toBe(403);
  });

  test('pages answered with an error log their reason, not UNKNOWN', async () => {
    const reasons = (): unknown[] =>
      logged
        .filter((line) => line.startsWith('{'))
        .map(
          (line) =>
            (JSON.parse(line) as { fields: { route?: string; status?: number; reason?: string } }).fields,
        )
        .filter((f) => f.route === 'ui' && (f.status ?? 0) >= 400)
        .map((f) => [f.status, f.reason]);
    logged.length = 0;
    await send(server.url, 'GET', '/ui/acme/images/web'); // anonymous: the sign-in form
    await post({ token: 'bkpt_wrong-token-value', next: '/ui/' });
    await post({ token: '', next: '/ui/' });
    await send(server.url, 'GET', '/ui/-/assets/nope.css');
    await send(server.url, 'GET', '/ui/-/nothing-here');
    await send(server.url, 'DELETE', '/ui/');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reasons()).toEqual([
      [401, 'UNAUTHORIZED'],
      [401, 'UNAUTHORIZED'],
      [401, 'UNAUTHORIZED'],
      [404, 'NAME_UNKNOWN'],
      [404, 'NAME_UNKNOWN'],
      [405, 'UNSUPPORTED'],
    ]);
  });

  test('a wrong token is refused without quoting it', async () => {
    const reply = await post({ token: 'bkpt_wrong-token-value', next: '/ui/' });
    expect(reply.status).toBe(401);
    expect(reply.body.toString()).not.toContain('bkpt_wrong-token-value');
    expect(reply.headers.get('set-cookie')).toBeNull();
  });

  test.each([
    ['//evil.example/x', '/ui/'],
    ['https://evil.example/', '/ui/'],
    ['/ui/acme/images', '/ui/acme/images'],
    ['/\\evil.example', '/ui/'],
  ])('next %s goes to %s', async (next, location) => {
    const reply = await post({ token, next });
    expect(reply.status).toBe(303);
    expect(reply.headers.get('location')).toBe(location);
  });

  test('the session cookie opens the registry; Secure behind TLS; the token is in no log line', async () => {
    const reply = await post({ token, next: '/ui/acme/images' });
    const cookie = reply.headers.get('set-cookie')!;
    expect(cookie).toMatch(
      /^cp_session=[A-Za-z0-9_-]{43}; Path=\/ui; HttpOnly; SameSite=Strict; Max-Age=1800$/,
    );
    const session = cookie.split(';')[0]!;
    const page = await send(server.url, 'GET', '/ui/acme/images', { headers: { Cookie: session } });
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('href="/ui/acme/images/web"');
    expect(page.body.toString()).not.toContain(token);
    const secure = await post({ token, next: '/ui/' }, { 'X-Forwarded-Proto': 'https' });
    expect(secure.headers.get('set-cookie')).toMatch(/; Secure$/);
    expect(logged.join('\n')).not.toContain(token);
    expect(logged.some((line) => line.includes(`token ${tokenId}`))).toBe(true);
  });

  test('a revoked token ends the session at once; signing out clears the cookie', async () => {
    const session = (await post({ token, next: '/ui/' })).headers.get('set-cookie')!.split(';')[0]!;
    const out = await send(server.url, 'POST', '/ui/-/sign-out', { headers: { Cookie: session } });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/^cp_session=; .*Max-Age=0/);
    expect((await send(server.url, 'GET', '/ui/acme/images', { headers: { Cookie: session } })).status).toBe(
      401,
    );
    const again = (await post({ token, next: '/ui/' })).headers.get('set-cookie')!.split(';')[0]!;
    await revokeToken(tokensFile, tokenId);
    const refused = await send(server.url, 'GET', '/ui/acme/images', { headers: { Cookie: again } });
    expect(refused.status).toBe(401);
    expect(refused.body.toString()).toContain('was refused');
    expect(refused.headers.get('set-cookie')).toMatch(/^cp_session=; .*Max-Age=0/);
  });
});

/**
 * The pages as markup, from made-up data: every field an image carries is escaped, the login
 * step shows only for private registries, the Contents pager and platform choice link where they
 * should, and About links only http(s) URLs.
 */
import { describe, expect, test } from 'vitest';
import type { ContentsPage, ImageDetails } from '../../../../src/registry/packages/index.js';
import { imageBody } from '../../../../src/registry/ui/pages/image.js';
import type { ImagePage } from '../../../../src/registry/ui/pages/image-page.js';
import { registriesBody } from '../../../../src/registry/ui/pages/registries.js';
import { registryBody } from '../../../../src/registry/ui/pages/registry.js';

const EVIL = '<img src=x onerror=alert(1)>';
const SUMS = { md5: 'a'.repeat(32), sha1: 'b'.repeat(40), sha256: 'c'.repeat(64), sha512: 'd'.repeat(128) };
const TARGET = { host: 'registry.example.com', registry: 'acme/images', auth: true };

function details(over: Partial<ImageDetails> = {}): ImageDetails {
  return {
    registry: 'acme/images',
    visibility: 'private',
    name: 'web',
    repository: 'acme/images/web',
    tag: 'v1',
    tags: [
      {
        tag: 'v1',
        digest: `sha256:${'1'.repeat(64)}`,
        media_type: 'x',
        pushed_at: null,
        downloads: 0,
        size: 1,
      },
      {
        tag: EVIL.replace(/[^\w]/g, '_'),
        digest: `sha256:${'2'.repeat(64)}`,
        media_type: 'x',
        pushed_at: null,
        downloads: 0,
        size: 1,
      },
    ],
    digest: `sha256:${'1'.repeat(64)}`,
    media_type: 'application/vnd.oci.image.index.v1+json',
    artifact: false,
    artifact_type: null,
    manifest_size: 100,
    manifest_checksums: SUMS,
    platforms: [
      {
        digest: `sha256:${'3'.repeat(64)}`,
        media_type: 'm',
        size: 1,
        platform: { os: 'linux', architecture: 'amd64' },
        attestation: false,
      },
      {
        digest: `sha256:${'4'.repeat(64)}`,
        media_type: 'm',
        size: 1,
        platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
        attestation: false,
      },
      {
        digest: `sha256:${'5'.repeat(64)}`,
        media_type: 'm',
        size: 1,
        platform: { os: 'unknown', architecture: 'unknown' },
        attestation: true,
      },
    ],
    about: {
      title: EVIL,
      description: `"><script>alert(2)</script>`,
      url: 'javascript:alert(3)',
      source: 'https://example.com/src?a=1&b=2',
      documentation: 'https://example.com/"><b>',
      licenses: EVIL,
      all: {},
    },
    pushed_at: '2026-11-26T10:00:00.000Z',
    size: 1234,
    downloads: 7,
    dependencies: [
      {
        kind: 'platform',
        name: 'linux/amd64',
        digest: `sha256:${'3'.repeat(64)}`,
        repository: 'acme/images/web',
      },
      { kind: 'base', name: EVIL },
    ],
    total_files: 12,
    ...over,
  };
}

function contents(total: number, offset: number, count: number): ContentsPage {
  return {
    digest: `sha256:${'3'.repeat(64)}`,
    platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
    total,
    files: total - 1,
    directories: 1,
    bytes: 10,
    offset,
    entries: Array.from({ length: count }, (_, i) => ({
      path: `/data/${EVIL}${offset + i}`,
      type: 'file' as const,
      size: 1,
      mode: 0o644,
    })),
  };
}

function page(over: Partial<ImagePage> = {}): string {
  return imageBody({
    details: details(),
    target: TARGET,
    tab: 'installation',
    href: '/ui/acme/images/web',
    downloadHref: (format) => `/ui/-/download/acme/images/web?tag=v1&format=${format}`,
    totalFiles: 12,
    ...over,
  }).toString();
}

function expectInert(text: string): void {
  expect(text).not.toContain('<img');
  expect(text).not.toContain('<script');
  expect(text).not.toContain('href="javascript:');
  expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');
}

describe('image details page', () => {
  test('escapes what the image carries on every tab', () => {
    for (const tab of ['installation', 'details'] as const)
      expectInert(page({ tab, archives: { 'oci-archive': SUMS, 'docker-archive': SUMS } }));
    expectInert(page({ tab: 'contents', contents: contents(3, 0, 3), pageSize: 500 }));
    expect(page()).toContain('href="https://example.com/src?a=1&amp;b=2"');
    expect(page()).not.toContain('href="https://example.com/&quot;');
  });

  test('the login step shows for private registries only', () => {
    expect(page()).toContain('id="install-login"');
    expect(page({ details: details({ visibility: 'public' }) })).not.toContain('id="install-login"');
    expect(page()).toContain('docker pull registry.example.com/acme/images/web:v1');
  });

  test('an artifact shows pulls that work for it, not docker pull', () => {
    const text = page({
      details: details({ artifact: true, artifact_type: 'application/spdx+json', platforms: [] }),
    });
    expect(text).not.toContain('docker pull registry.example.com');
    expect(text).toContain('application/spdx+json');
    expect(text).toContain(
      'container-package pull registry.example.com/acme/images/web:v1 --output web-v1.tar --format oci-archive',
    );
    expect(text).toContain(
      'skopeo copy docker://registry.example.com/acme/images/web:v1 oci-archive:web.tar',
    );
    expect(text).toContain('id="install-login"');
  });

  test('by digest the pull names the digest and the chooser shows it', () => {
    const text = page({ details: details({ tag: null }) });
    expect(text).toContain(`docker pull registry.example.com/acme/images/web@sha256:${'1'.repeat(64)}`);
    expect(text).toContain(`href="/ui/acme/images/web?digest=sha256%3A${'1'.repeat(64)}&amp;tab=contents"`);
  });

  test('the Contents pager links the pages around this one, keeping tag and platform', () => {
    const middle = page({ tab: 'contents', contents: contents(1200, 500, 500), pageSize: 500 });
    expect(middle).toContain('501–1,000 of 1,200');
    expect(middle).toContain(
      'href="/ui/acme/images/web?tag=v1&amp;tab=contents&amp;platform=linux%2Farm64%2Fv8&amp;offset=0"',
    );
    expect(middle).toContain('&amp;offset=1000"');
    const last = page({ tab: 'contents', contents: contents(1200, 1000, 200), pageSize: 500 });
    expect(last).not.toContain('data-testid="pager-next"');
    const one = page({ tab: 'contents', contents: contents(3, 0, 3), pageSize: 500 });
    expect(one).not.toContain('data-testid="pager"');
  });

  test('the platform choice lists the platforms, not attestations, with the shown one selected', () => {
    const text = page({ tab: 'contents', contents: contents(3, 0, 3), pageSize: 500 });
    expect(text).toMatch(/<option value="linux\/amd64"\s*>linux\/amd64<\/option>/);
    expect(text).toMatch(/<option value="linux\/arm64\/v8"\s+selected\s*>linux\/arm64\/v8<\/option>/);
    expect(text).not.toContain('unknown/unknown');
  });

  test('a contents failure is a notice in the tab', () => {
    expect(page({ tab: 'contents', contentsError: 'layer is not a tar' })).toContain(
      'cannot be listed: layer is not a tar',
    );
  });

  test('an image without a docker-archive (an artifact) offers no such Download, and says why', () => {
    const why = 'sha256:abc is an artifact (application/spdx+json), not a container image';
    const installation = page({ archiveErrors: { 'docker-archive': why } });
    expect(installation).toContain('data-testid="download-oci"');
    expect(installation).not.toContain('data-testid="download-docker"');
    expect(page()).toContain('data-testid="download-docker"');
    const checksums = page({
      tab: 'details',
      archives: { 'oci-archive': SUMS },
      archiveErrors: { 'docker-archive': why },
    });
    expect(checksums).toContain('data-testid="archive-oci-archive-sha256"');
    expect(checksums).toContain(`No docker-archive Download of this image: ${why}`);
  });

  test('dependencies stored here link to the image at their digest', () => {
    expect(page()).toContain(`href="/ui/acme/images/web?digest=sha256%3A${'3'.repeat(64)}"`);
  });
});

describe('registry page', () => {
  test('lists images with escaped tags and the publish dialog; the dialog opens without script on ?publish', () => {
    const listing = {
      registry: 'acme/images',
      visibility: 'private' as const,
      packages: [
        {
          name: 'team/app',
          repository: 'acme/images/team/app',
          pushed_at: null,
          downloads: 3,
          size: 2048,
          tags: Array.from({ length: 7 }, (_, i) => ({
            tag: `t${i}`,
            digest: 'd',
            media_type: 'm',
            pushed_at: null,
            downloads: 0,
            size: 1,
          })),
        },
      ],
    };
    const closed = registryBody(listing, TARGET, false).toString();
    expect(closed).toContain('href="/ui/acme/images/team/app"');
    expect(closed).toContain('+2 more');
    expect(closed).toContain('2.0 KiB');
    expect(closed).not.toMatch(/<dialog[^>]* open/);
    expect(registryBody(listing, TARGET, true).toString()).toMatch(/<dialog[^>]* open/);
  });
});

describe('registries page with nothing to show', () => {
  test('an open registry suggests a first push to its own host', () => {
    const text = registriesBody([], { open: true, hiddenHint: false, host: '127.0.0.1:5000' }).toString();
    expect(text).toContain('<code>docker push 127.0.0.1:5000/acme/images/web:v1</code>');
    expect(text).not.toContain('HOST/');
  });

  test('configured registries, all private, do not suggest pushing to a made-up name', () => {
    const text = registriesBody([], { open: false, hiddenHint: true, host: '127.0.0.1:5000' }).toString();
    expect(text).toContain('No registry here that you may see without signing in.');
    expect(text).not.toContain('docker push');
  });
});

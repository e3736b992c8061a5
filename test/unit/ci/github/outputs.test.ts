import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { actionOutputs, imagesOutput, writeOutputs, writeSummary } from '../../../../src/ci/github/index.js';
import { renderPullInstructions, type PublishedImage } from '../../../../src/render/index.js';
import { parseFileCommands } from '../../../integration/action-runner.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const APP: PublishedImage = {
  source: 'docker:app:ci',
  name: 'app',
  digest: DIGEST,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  size: 1234,
  references: ['packages.buildkite.com/acme/images/app:42', 'packages.buildkite.com/acme/images/app:latest'],
  registry: { host: 'packages.buildkite.com', kind: 'buildkite', organization: 'acme', registry: 'images' },
};
const MULTI: PublishedImage = {
  ...APP,
  source: 'oci:out',
  name: 'team/web',
  digest: `sha256:${'b'.repeat(64)}`,
  platforms: ['linux/amd64', 'linux/arm64'],
  references: ['127.0.0.1:5000/team/web:v1'],
  registry: { host: '127.0.0.1:5000', kind: 'generic' },
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('imagesOutput', () => {
  test('one entry per image and registry, with tags and the pinned reference', () => {
    expect(imagesOutput([APP, MULTI])).toEqual([
      {
        name: 'app',
        source: 'docker:app:ci',
        repository: 'packages.buildkite.com/acme/images/app',
        digest: DIGEST,
        mediaType: APP.mediaType,
        size: 1234,
        tags: ['42', 'latest'],
        references: APP.references,
        pinned: `packages.buildkite.com/acme/images/app@${DIGEST}`,
      },
      {
        name: 'team/web',
        source: 'oci:out',
        repository: '127.0.0.1:5000/team/web',
        digest: MULTI.digest,
        mediaType: APP.mediaType,
        size: 1234,
        platforms: ['linux/amd64', 'linux/arm64'],
        tags: ['v1'],
        references: ['127.0.0.1:5000/team/web:v1'],
        pinned: `127.0.0.1:5000/team/web@${MULTI.digest}`,
      },
    ]);
  });
});

describe('actionOutputs', () => {
  test('digest of the first image, JSON images, the Markdown, the local registry', () => {
    const markdown = renderPullInstructions([APP, MULTI]);
    const outputs = actionOutputs([APP, MULTI], markdown, '127.0.0.1:5000');
    expect(outputs.digest).toBe(DIGEST);
    expect(JSON.parse(outputs.images)).toEqual(imagesOutput([APP, MULTI]));
    expect(outputs['pull-instructions']).toBe(markdown);
    expect(outputs['local-registry']).toBe('127.0.0.1:5000');
  });
  test('nothing pushed: empty digest and list', () => {
    expect(actionOutputs([], 'none', undefined)).toEqual({
      digest: '',
      images: '[]',
      'pull-instructions': 'none',
      'local-registry': '',
    });
  });
});

describe('writing', () => {
  const dir = (): string => mkdtempSync(join(tmpdir(), 'gh-out-'));

  test('outputs go to GITHUB_OUTPUT in the runner format, multi-line values intact', () => {
    const d = dir();
    try {
      writeFileSync(join(d, 'out'), '');
      vi.stubEnv('GITHUB_OUTPUT', join(d, 'out'));
      const outputs = actionOutputs([APP], renderPullInstructions([APP]), undefined);
      writeOutputs(outputs);
      expect(parseFileCommands(readFileSync(join(d, 'out'), 'utf8'))).toEqual(outputs);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  test('the summary is appended to GITHUB_STEP_SUMMARY as written', async () => {
    const d = dir();
    try {
      writeFileSync(join(d, 'summary.md'), 'earlier step\n');
      vi.stubEnv('GITHUB_STEP_SUMMARY', join(d, 'summary.md'));
      const markdown = renderPullInstructions([APP]);
      await writeSummary(markdown);
      await writeSummary('second');
      expect(readFileSync(join(d, 'summary.md'), 'utf8')).toBe(`earlier step\n${markdown}\nsecond\n`);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  test('outside a runner there is no summary, and no failure', async () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    await writeSummary('text', {});
    expect(lines.join('')).toContain('GITHUB_STEP_SUMMARY is not set');
  });
});

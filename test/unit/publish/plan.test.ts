import { describe, expect, it } from 'vitest';
import { planImages as planBuildkite } from '../../../src/ci/buildkite/plan-images.js';
import type { PluginConfig } from '../../../src/ci/buildkite/config.js';
import type { PlannedRegistry } from '../../../src/ci/buildkite/publish-plan.js';
import { planImages as planGitHub } from '../../../src/ci/github/plan-images.js';
import { resolveTarget } from '../../../src/publish/index.js';
import { planImageSet, renderTags } from '../../../src/publish/plan/index.js';
import { parseSource } from '../../../src/sources/spec.js';

const target = resolveTarget('acme/images');
const context = {
  buildNumber: '42',
  branch: 'main',
  commit: '0123456789abcdef0123456789abcdef01234567',
};

describe('the publish planner', () => {
  it('takes a name from a file source as from a reference', () => {
    const planned = planImageSet(
      [
        { source: 'oci:build/web-image', spec: parseSource('oci:build/web-image'), templates: [] },
        {
          source: 'docker:ghcr.io/acme/api:ci',
          spec: parseSource('docker:ghcr.io/acme/api:ci'),
          templates: ['v1'],
        },
      ],
      [target],
      context,
    );
    expect(planned.map((p) => [p.name, p.tags, p.references])).toEqual([
      ['web-image', ['42'], ['packages.buildkite.com/acme/images/web-image:42']],
      ['api', ['v1'], ['packages.buildkite.com/acme/images/api:v1']],
    ]);
  });

  it.each([
    [['docker:app:1', 'podman:app:2'], 'PUBLISH_DUPLICATE_NAME'],
    [['oci:.'], 'PUBLISH_NAME_REQUIRED'],
  ])('refuses %j with %s', (sources, code) => {
    const images = sources.map((source) => ({ source, spec: parseSource(source), templates: [] }));
    expect(() => planImageSet(images, [target], context)).toThrow(expect.objectContaining({ code }));
  });

  it('skips a template this build has no value for, and refuses when none is left', () => {
    expect(renderTags(['{{tag}}', 'latest', 'latest'], context)).toEqual({
      tags: ['latest'],
      skipped: ['{{tag}}'],
    });
    const image = { source: 'docker:app', spec: parseSource('docker:app'), templates: ['{{tag}}'] };
    expect(() => planImageSet([image], [target], context)).toThrow(
      expect.objectContaining({ code: 'PUBLISH_NO_TAG' }),
    );
  });
});

describe('both adapters plan alike', () => {
  const sources = [
    'oci:build/web-image',
    'oci-archive:out/app.tar',
    'docker-archive:x/saved.tar.gz',
    'docker:team/api:ci',
  ];
  it.each(sources)('%s gets the same name and tags', (source) => {
    const buildkite = planBuildkite(
      { images: [source], tags: ['{{build.number}}', 'latest'] } as unknown as PluginConfig,
      [{ target } as PlannedRegistry],
      context,
      undefined,
    );
    const github = planGitHub({ images: source, tags: '{{build.number}}\nlatest' }, [target], context);
    expect(github.map(({ name, tags }) => ({ name, tags }))).toEqual(
      buildkite.map(({ name, tags }) => ({ name, tags })),
    );
  });

  it('the action names oci:build/web-image "web-image", as the plugin does', () => {
    expect(planGitHub({ images: 'oci:build/web-image', tags: '' }, [target], context)[0]?.name).toBe(
      'web-image',
    );
  });
});

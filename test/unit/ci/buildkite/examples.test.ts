/**
 * Every example pipeline a user might copy is valid: the fixture list below, and every ```yaml
 * block in docs/buildkite-plugin.md and README.md that configures the container-package plugin
 * (or is an agent-hook config file, marked by a first line `# .buildkite/container-package.yml`).
 * Each is validated against the schema and planned for a typical build.
 */
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import {
  PLUGIN_SCHEMA,
  planPublish,
  validatePluginConfig,
  type BuildEnv,
} from '../../../../src/ci/buildkite/index.js';
import { pluginName } from './agent-env.js';

const BUILD: BuildEnv = {
  organization: 'acme',
  pipeline: 'web',
  branch: 'main',
  commit: '0123456789abcdef0123456789abcdef01234567',
  buildNumber: '7',
  jobId: 'job',
  stepKey: 'publish',
};

/** Pipelines as users write them. */
const FIXTURES: Record<string, string> = {
  'OIDC to Buildkite Packages': `
steps:
  - command: docker build -t app:ci .
    plugins:
      - ORG/container-package#v1.0.0:
          registry: acme/images
          images: [docker:app:ci]
`,
  'registry slug only, several tags': `
steps:
  - command: make image
    plugins:
      - container-package#v1.0.0:
          registry: images
          tags: ["{{build.number}}", "{{branch}}-{{commit.short}}", latest]
          images:
            - docker:app
            - source: podman:localhost/worker:dev
              name: worker
`,
  'plugins as a mapping, inside a group, with other plugins': `
steps:
  - group: build
    steps:
      - command: docker build -t app .
        plugins:
          docker-login#v3.0.0:
            username: me
          https://github.com/acme/container-package-buildkite-plugin.git#v1.0.0:
            registry: [acme/images, { url: "localhost:5000", auth: none }]
            images: [docker:app]
            push: always
            annotate: false
            meta-data: false
`,
  'tokens from the environment and a secret': `
steps:
  - command: docker build -t app:ci .
    plugins:
      - ORG/container-package#v1.0.0:
          registry:
            - url: acme/images
              secret: PACKAGES_WRITE_TOKEN
            - url: ghcr.io/acme
              token-env: GHCR_TOKEN
              username: bot
          images: [docker:app:ci]
          retries: 5
          compression: zstd
`,
  'local registry only': `
steps:
  - command: ./integration-tests.sh
    plugins:
      - ORG/container-package#v1.0.0:
          local-registry: { port: 5000, mirror: [docker.io, ghcr.io], export-as: REGISTRY }
`,
};

interface Found {
  readonly where: string;
  readonly config: unknown;
}

/** The configs of container-package plugins in a pipeline document, found anywhere in it. */
function pluginConfigs(document: unknown, where: string): Found[] {
  const found: Found[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'plugins') {
        const entries = Array.isArray(value) ? value : [value];
        for (const entry of entries) {
          if (typeof entry !== 'object' || entry === null) continue;
          for (const [location, config] of Object.entries(entry)) {
            if (pluginName(location) === 'container-package') found.push({ where, config: config ?? {} });
          }
        }
      } else {
        visit(value);
      }
    }
  };
  visit(document);
  return found;
}

/** `yaml` blocks of a Markdown file that configure the plugin. */
function fromMarkdown(file: string): Found[] {
  return blocksIn(readFileSync(new URL(`../../../../${file}`, import.meta.url), 'utf8'), file);
}

function blocksIn(text: string, file: string): Found[] {
  const blocks = [...text.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
  return blocks.flatMap((block, i) => {
    const where = `${file} yaml block ${i + 1}`;
    if (block.startsWith('# .buildkite/container-package.yml')) return [{ where, config: load(block) }];
    return pluginConfigs(load(block), where);
  });
}

function check({ where, config }: Found): void {
  const valid = validatePluginConfig(config, where);
  expect(() => planPublish(valid, BUILD), where).not.toThrow();
}

describe('example pipelines', () => {
  test.each(Object.entries(FIXTURES))('%s', (_name, yaml) => {
    const found = pluginConfigs(load(yaml), _name);
    expect(found).toHaveLength(1);
    check(found[0]!);
  });
});

describe('docs/buildkite-plugin.md', () => {
  const examples = fromMarkdown('docs/buildkite-plugin.md');

  test('has an example for each use it documents', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  test.each(examples.map((found) => [found.where, found] as const))('%s is valid', (_where, found) => {
    check(found);
  });

  test('lists every option of the schema in its options table', () => {
    const text = readFileSync(new URL('../../../../docs/buildkite-plugin.md', import.meta.url), 'utf8');
    for (const option of Object.keys(PLUGIN_SCHEMA.properties!)) expect(text).toContain(`| \`${option}\` |`);
  });
});

describe('README.md', () => {
  test.each(fromMarkdown('README.md').map((found) => [found.where, found] as const))(
    '%s is valid',
    (_where, found) => {
      check(found);
    },
  );

  test('a wrong example in Markdown is caught, with where it is', () => {
    const markdown = [
      'Intro.',
      '',
      '```yaml',
      'steps:',
      '  - plugins:',
      '      - ORG/container-package#v1:',
      '          registry: acme/images',
      '          imagez: [docker:app]',
      '```',
      '',
    ].join('\n');
    const found = blocksIn(markdown, 'README.md');
    expect(found).toEqual([
      { where: 'README.md yaml block 1', config: { registry: 'acme/images', imagez: ['docker:app'] } },
    ]);
    expect(() => check(found[0]!)).toThrow(/README.md yaml block 1.*\n.*unknown option `imagez`/);
  });
});

/**
 * The Publish dialog's CI snippets are valid where users paste them: the pipeline step passes
 * the plugin's schema and plans, the workflow step uses only action.yml's inputs and plans.
 */
import { load } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { planPublish, validatePluginConfig, type BuildEnv } from '../../../../src/ci/buildkite/index.js';
import { INPUT_NAMES, planAction } from '../../../../src/ci/github/index.js';
import {
  clientHost,
  loginProduct,
  loginStdin,
  pipelineStep,
  pullCommand,
  pushCommand,
  tagCommand,
  workflowSteps,
  type SnippetTarget,
} from '../../../../src/registry/ui/snippets.js';
import { BRANCH_RUN, inputsOf } from '../../ci/github/inputs-fixture.js';

const BUILD: BuildEnv = {
  organization: 'acme',
  pipeline: 'web',
  branch: 'main',
  commit: '0123456789abcdef0123456789abcdef01234567',
  buildNumber: '7',
  jobId: 'job',
  stepKey: 'publish',
};

const TARGETS: readonly SnippetTarget[] = [
  { host: 'registry.example.com', registry: 'acme/images', auth: true },
  { host: '127.0.0.1:5000', registry: 'team', auth: false },
  { host: 'localhost:5000', registry: '', auth: false },
];

describe.each(TARGETS)('snippets for $host/$registry', (target) => {
  const ref = target.registry === '' ? target.host : `${target.host}/${target.registry}`;

  test('the docker commands name this registry', () => {
    expect(loginStdin(target)).toBe(
      `printf '%s' "$REGISTRY_TOKEN" | docker login ${ref} -u buildkite --password-stdin`,
    );
    expect(loginProduct(target, 'registry-write-token')).toBe(
      `docker login ${ref} -u buildkite -p registry-write-token`,
    );
    expect(tagCommand(target)).toBe(`docker tag current-image-name:tag ${ref}/package-name:tag`);
    expect(pushCommand(target)).toBe(`docker push ${ref}/package-name:tag`);
    expect(pullCommand(target, 'web', { tag: 'v1' })).toBe(`docker pull ${ref}/web:v1`);
    expect(pullCommand(target, 'web', { digest: 'sha256:ab' })).toBe(`docker pull ${ref}/web@sha256:ab`);
  });

  test('the pipeline step passes the plugin schema and plans a push here', () => {
    const doc = load(pipelineStep(target)) as { steps: { plugins: Record<string, unknown>[] }[] };
    const config = Object.values(doc.steps[0]!.plugins[0]!)[0];
    const valid = validatePluginConfig(config, 'publish dialog');
    const plan = planPublish(valid, BUILD);
    expect(JSON.stringify(plan)).toContain(ref);
  });

  test('the workflow step uses only declared inputs and plans', () => {
    const doc = load(workflowSteps(target)) as { steps: { uses?: string; with?: Record<string, string> }[] };
    const step = doc.steps.find((s) => s.uses?.includes('container-package@'))!;
    const given = Object.fromEntries(
      Object.entries(step.with!).map(([k, v]) => [k, v.replace('${{ secrets.REGISTRY_TOKEN }}', 'bkpt_x')]),
    );
    for (const name of Object.keys(given)) expect(INPUT_NAMES as readonly string[]).toContain(name);
    const plan = planAction(inputsOf(given), BRANCH_RUN);
    expect(JSON.stringify(plan)).toContain(ref);
  });
});

describe('clientHost', () => {
  test.each([
    ['https://registry.example.com/', undefined, 'registry.example.com'],
    ['http://10.0.0.1:5000', '127.0.0.1:1', '10.0.0.1:5000'],
    [undefined, '127.0.0.1:5000', '127.0.0.1:5000'],
    [undefined, 'Registry.Example.com', 'registry.example.com'],
    [undefined, '[::1]:5000', '[::1]:5000'],
    [undefined, 'evil.com/<script>', 'localhost'],
    [undefined, 'a b', 'localhost'],
    [undefined, undefined, 'localhost'],
  ])('public url %s, Host %s -> %s', (publicUrl, host, expected) => {
    expect(clientHost(publicUrl, host)).toBe(expected);
  });
});

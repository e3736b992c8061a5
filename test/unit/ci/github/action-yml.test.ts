/**
 * action.yml declares exactly the inputs the code reads and the outputs it sets, with the same
 * defaults, and runs the committed bundles; every workflow example in docs/github-action.md uses
 * only declared inputs, and its inputs plan without error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { ACTION_DEFAULTS, INPUT_NAMES, OUTPUT_NAMES, planAction } from '../../../../src/ci/github/index.js';
import { ACTION_ROOT, readActionManifest } from '../../../integration/action-runner.js';
import { BRANCH_RUN, inputsOf } from './inputs-fixture.js';

const manifest = readActionManifest();

describe('action.yml', () => {
  test('declares exactly the inputs the action reads, each described and optional', () => {
    expect(Object.keys(manifest.inputs).sort()).toEqual([...INPUT_NAMES].sort());
    for (const [name, spec] of Object.entries(manifest.inputs)) {
      expect(spec.description.length, name).toBeGreaterThan(20);
      expect(spec.required ?? false, name).toBe(false);
    }
  });

  test('declares exactly the outputs the action sets', () => {
    expect(Object.keys(manifest.outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
  });

  test('has the defaults the plan applies', () => {
    const defaults = Object.fromEntries(
      Object.entries(manifest.inputs).flatMap(([name, spec]) =>
        spec.default === undefined ? [] : [[name, spec.default]],
      ),
    );
    expect(defaults).toEqual({
      compression: ACTION_DEFAULTS.compression,
      retries: String(ACTION_DEFAULTS.retries),
      push: String(ACTION_DEFAULTS.push),
      summary: String(ACTION_DEFAULTS.summary),
      'local-registry': String(ACTION_DEFAULTS.localRegistry),
    });
  });

  test('runs the committed bundles on node24', () => {
    expect(manifest.runs).toEqual({
      using: 'node24',
      main: 'dist/action/main.js',
      post: 'dist/action/post.js',
    });
    for (const bundle of [manifest.runs.main, manifest.runs.post!])
      expect(existsSync(join(ACTION_ROOT, bundle)), bundle).toBe(true);
  });
});

/** A step of a workflow example. */
interface Step {
  uses?: string;
  with?: Record<string, unknown>;
  [key: string]: unknown;
}

/** The steps in a YAML document: a workflow's jobs' steps, a list of steps, or one step. */
function stepsOf(doc: unknown): Step[] {
  if (Array.isArray(doc)) return doc.filter((s): s is Step => typeof s === 'object' && s !== null);
  if (typeof doc !== 'object' || doc === null) return [];
  const jobs = (doc as { jobs?: Record<string, { steps?: Step[] }> }).jobs;
  if (jobs !== undefined) return Object.values(jobs).flatMap((job) => job.steps ?? []);
  return 'uses' in doc ? [doc as Step] : [];
}

const usesAction = (step: Step): boolean =>
  step.uses === './' || /(^|\/)container-package@/.test(step.uses ?? '');

/** What GitHub would have replaced `${{ … }}` with, for the examples' expressions. */
const EXPRESSIONS: Record<string, string> = {
  'secrets.BUILDKITE_PACKAGES_TOKEN': 'bkua_example',
  'secrets.GITHUB_TOKEN': 'ghs_example',
  'github.actor': 'octocat',
  'github.repository_owner': 'acme',
  'github.ref_name': 'main',
};

function evaluate(value: unknown): string {
  return String(value).replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_all, expression: string) => {
    const known = EXPRESSIONS[expression];
    if (known === undefined) throw new Error(`no value for the expression ${expression} in an example`);
    return known;
  });
}

describe('docs/github-action.md', () => {
  const text = readFileSync(join(ACTION_ROOT, 'docs', 'github-action.md'), 'utf8');
  const docs = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => load(m[1]!));
  const steps = docs.flatMap((doc) =>
    stepsOf(doc)
      .filter(usesAction)
      .map((step) => ({ doc, step })),
  );

  test('has the examples the README promises', () => {
    expect(steps.length).toBeGreaterThanOrEqual(6);
    const withPermission = steps.filter(({ doc }) => JSON.stringify(doc).includes('"id-token":"write"'));
    expect(
      withPermission.some(
        ({ step }) => step.with?.token === undefined && step.with?.registry === 'acme/images',
      ),
    ).toBe(true);
    expect(steps.some(({ step }) => String(step.with?.token ?? '').includes('secrets.'))).toBe(true);
    const daemonless = steps.find(({ step }) =>
      String(step.with?.images ?? '').startsWith('oci-archive:image.tar'),
    );
    expect(JSON.stringify(daemonless?.doc)).toContain('type=oci,dest=image.tar');
  });

  test.each(steps.map(({ step }, i) => [i, step] as const))(
    'example step %i uses only declared inputs, and plans',
    (_i, step) => {
      const given = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, evaluate(v)]));
      for (const name of Object.keys(given)) expect(INPUT_NAMES as readonly string[]).toContain(name);
      expect(() => planAction(inputsOf(given), BRANCH_RUN)).not.toThrow();
    },
  );
});

describe('README.md workflow examples', () => {
  const text = readFileSync(join(ACTION_ROOT, 'README.md'), 'utf8');
  const docs = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => load(m[1]!));
  const steps = docs.flatMap((doc) => stepsOf(doc).filter(usesAction));

  test('the README shows the action', () => {
    expect(steps.length).toBeGreaterThanOrEqual(1);
  });

  test.each(steps.map((step, i) => [i, step] as const))(
    'README step %i uses only declared inputs, and plans',
    (_i, step) => {
      const given = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, evaluate(v)]));
      for (const name of Object.keys(given)) expect(INPUT_NAMES as readonly string[]).toContain(name);
      expect(() => planAction(inputsOf(given), BRANCH_RUN)).not.toThrow();
    },
  );
});

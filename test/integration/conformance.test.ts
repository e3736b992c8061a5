/**
 * The judge of the bundled registry: the TypeScript port of the OCI distribution-spec
 * conformance suite (`test/conformance/`), every workflow on.
 *
 * First it is calibrated against CNCF distribution 2.8, which the Go suite counts as failing 99
 * of 848 checks, in known places (referrers and OCI-Subject, out-of-order chunks and unsatisfiable
 * ranges not answered 416, sha512, tag list `last`, non-distributable layers, a malformed digest
 * answered 500): a port that finds nothing wrong there would judge nothing. Then it runs against
 * our registry, where any failure fails the test with the request, the response and the check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistry, type Registry } from '../../src/registry/index.js';
import { resolveConfig, type ConfigOverrides } from '../conformance/config.js';
import { runConformance, type ConformanceFailure, type ConformanceReport } from '../conformance/run.js';
import type { Results } from '../conformance/results.js';
import { Status } from '../conformance/results.js';
import {
  DISTRIBUTION_TOOLS,
  describeWithTools,
  newTempDir,
  startDistribution,
  type Distribution,
} from '../support/index.js';

const ROOT = 'OCI Conformance Test';
const quiet = () => undefined;

/** Every workflow of spec 1.1 on, against `url` over plain http. */
function configFor(url: string, overrides: ConfigOverrides = {}) {
  return resolveConfig({ ...overrides, registry: new URL(url).host, tls: 'disabled' });
}

/** The known failure categories of distribution 2.8 (FACTS.md), by step name and message. */
const DISTRIBUTION_GAPS: [category: string, match: (f: ConformanceFailure) => boolean][] = [
  ['sha512', (f) => f.spec.startsWith(`${ROOT}/sha512 blobs/`) || f.spec.startsWith(`${ROOT}/sha512/`)],
  ['out-of-order chunk not 416', (f) => /\/chunked out-of-order( and put chunk)?\//.test(f.spec)],
  ['unsatisfiable range not 416', (f) => /\/range requests\/range (500-0|5000-10000)$/.test(f.spec)],
  [
    'OCI-Subject missing',
    (f) => /\/push\/manifest-by-(digest|tag)$/.test(f.spec) && f.message.includes('"OCI-Subject"'),
  ],
  ['referrers API missing', (f) => f.spec.endsWith('/referrers')],
  ['tag list ignores last', (f) => f.spec.endsWith('/tag-list') && f.message.includes('when last set to')],
  ['non-distributable layers refused', (f) => f.spec.startsWith(`${ROOT}/non-distributable-layers/`)],
  [
    'malformed manifest digest answered 500',
    (f) => f.spec.startsWith(`${ROOT}/invalid-digest-format/manifest-`),
  ],
];

function categorise(report: ConformanceReport): Map<string, number> {
  const counts = new Map<string, number>();
  for (const failure of report.failures) {
    const category =
      DISTRIBUTION_GAPS.find(([, match]) => match(failure))?.[0] ?? `unexpected: ${failure.spec}`;
    counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  return counts;
}

function node(report: ConformanceReport, name: string): Results | undefined {
  const find = (n: Results): Results | undefined =>
    n.name === `${ROOT}/${name}` ? n : n.children.map(find).find((x) => x !== undefined);
  return find(report.results);
}

/** A failure as text precise enough to fix: the check, the error, and the HTTP exchanges. */
function describeFailure(f: ConformanceFailure): string {
  const output = f.output.length > 6000 ? `${f.output.slice(0, 6000)}\n[... output truncated]` : f.output;
  return `### ${f.spec} (${f.status})\n${f.message}\n${output}`;
}

describeWithTools(DISTRIBUTION_TOOLS, 'conformance port calibrated on CNCF distribution 2.8', () => {
  let distribution: Distribution;
  let report: ConformanceReport;

  beforeAll(async () => {
    distribution = await startDistribution({ logLevel: 'error' });
    report = await runConformance(configFor(distribution.url), { log: quiet });
  }, 300_000);

  afterAll(async () => {
    await distribution?.stop();
  });

  it('counts 848 checks and fails 99, as the Go suite does', () => {
    expect({ total: report.total, failed: report.failed, errors: report.errors }).toEqual({
      total: 848,
      failed: 99,
      errors: 0,
    });
  });

  it('fails only where distribution 2.8 is known to fall short of the spec', () => {
    const counts = Object.fromEntries(categorise(report));
    expect(Object.keys(counts).filter((c) => c.startsWith('unexpected'))).toEqual([]);
    expect(Object.keys(counts).sort()).toEqual(DISTRIBUTION_GAPS.map(([c]) => c).sort());
  });

  it.each([
    'ping',
    'sha256 blobs/post+put',
    'sha256 blobs/chunked single',
    'sha256 blobs/chunked multi',
    'sha256 blobs/stream',
    'sha256 blobs/mount',
    'sha256 blobs/empty',
    'image',
    'image-uncompressed',
    'large-manifest',
    'index',
    'nested-index',
    'artifact',
    'custom-fields',
    'bad-digest-image',
  ])('passes %s', (name) => {
    const step = node(report, name);
    expect(step, `no step named ${name}`).toBeDefined();
    expect(step!.status).toBe(Status.Pass);
  });
});

describeWithTools(DISTRIBUTION_TOOLS, 'conformance port logs in like the Go suite', () => {
  let distribution: Distribution;

  beforeAll(async () => {
    distribution = await startDistribution({
      logLevel: 'error',
      auth: { username: 'judge', password: 'hunter2' },
    });
  });

  afterAll(async () => {
    await distribution?.stop();
  });

  it('answers the 401 challenge with Basic credentials and passes the image checks', async () => {
    const config = configFor(distribution.url, {
      username: 'judge',
      password: 'hunter2',
      filterTest: `${ROOT}/image`,
    });
    const report = await runConformance(config, { log: quiet });
    expect(report.failures.map((f) => `${f.spec}: ${f.message}`)).toEqual([]);
    expect(node(report, 'image')?.status).toBe(Status.Pass);
    expect(report.passed).toBeGreaterThan(20);
  });

  it('fails the checks when the credentials are wrong', async () => {
    const config = configFor(distribution.url, {
      username: 'judge',
      password: 'wrong',
      filterTest: `${ROOT}/image`,
    });
    const report = await runConformance(config, { log: quiet });
    expect(report.passed).toBe(0);
    expect(report.failures[0]?.message).toContain('received 401');
  });
});

describe('bundled registry passes the distribution-spec conformance suite', () => {
  let registry: Registry;
  let report: ConformanceReport;

  beforeAll(async () => {
    registry = createRegistry({ storageDir: newTempDir('conformance'), fsync: false });
    const { url } = await registry.listen('127.0.0.1', 0);
    report = await runConformance(configFor(url), { log: quiet });
  }, 300_000);

  afterAll(async () => {
    await registry?.close();
  });

  it('runs every check the suite has', () => {
    expect(report.total).toBeGreaterThanOrEqual(848);
    expect(report.disabled).toBe(2);
  });

  it('fails no check', () => {
    const details = report.failures.map(describeFailure).join('\n\n');
    expect(
      report.failures.map((f) => `${f.spec}: ${f.message}`),
      details,
    ).toEqual([]);
    expect({ failed: report.failed, errors: report.errors }).toEqual({ failed: 0, errors: 0 });
  });

  it('supports every optional API the suite probes (nothing skipped)', () => {
    const skipped = Object.entries(report.apis).filter(([, status]) => status === 'Skip');
    expect(skipped).toEqual([]);
    expect(report.skipped).toBe(0);
  });
});

describe('bundled registry passes the suite with every optional API of spec 1.1+dev', () => {
  it.each([
    ['1.1+dev (upload cancel, digest headers required, tag parameters)', {}, true],
    ['1.1+dev with sparse manifests, references not required', { data: { sparse: true } }, false],
  ] as const)(
    '%s',
    async (_name, overrides, requireManifestReferences) => {
      const registry = createRegistry({
        storageDir: newTempDir('conformance-dev'),
        fsync: false,
        requireManifestReferences,
      });
      try {
        const { url } = await registry.listen('127.0.0.1', 0);
        const report = await runConformance(configFor(url, { version: '1.1+dev', ...overrides }), {
          log: quiet,
        });
        const details = report.failures.map(describeFailure).join('\n\n');
        expect(
          report.failures.map((f) => `${f.spec}: ${f.message}`),
          details,
        ).toEqual([]);
        expect({ skipped: report.skipped, disabled: report.disabled }).toEqual({ skipped: 0, disabled: 0 });
        expect(report.passed).toBe(report.total);
      } finally {
        await registry.close();
      }
    },
    120_000,
  );
});

/**
 * Runs the whole conformance suite (`TestAll` in `run.go`) against one registry and returns a
 * report: ping, the empty repository, the blob workflow for sha256 and sha512, then for each
 * data set push, tag list, HEAD, GET, referrers and delete, and last the manifest error cases.
 *
 * Counting follows the suite's JUnit report: every recorded check counts once by its status
 * (passed, failed, errored, skipped, disabled), so a delete with its "atomic" follow-up counts
 * twice and a push that falls back to another upload flavour counts each attempt.
 */
import { testBlobApis } from './blobs.js';
import { redactConfig, type ConformanceConfig } from './config.js';
import { testEmpty, testList, testPing, testReferrers } from './discovery.js';
import { join } from './errors.js';
import { testDelete } from './management.js';
import { testManifestErrors } from './manifest-errors.js';
import { testHead, testPull } from './pull.js';
import { testPush } from './push.js';
import { Status, statusName, type Results } from './results.js';
import { Runner, type Logger } from './runner.js';
import { generateData } from './setup.js';
import { ALL_APIS, apiName } from './state.js';
import type { ApiClient } from './api-client.js';
import { TestData } from './test-data.js';

/** One failed (or errored) check. */
export interface ConformanceFailure {
  /** Full step name, e.g. `OCI Conformance Test/sha256 blobs/range requests/range 500-0`. */
  spec: string;
  status: 'FAIL' | 'Error';
  message: string;
  /** The HTTP exchanges of the step (credentials masked). */
  output: string;
}

/** The outcome of a run. */
export interface ConformanceReport {
  /** Overall status: `Pass` only when nothing failed or errored. */
  status: string;
  total: number;
  passed: number;
  failed: number;
  /** Checks the suite could not run properly (its `Error` status). */
  errors: number;
  skipped: number;
  disabled: number;
  failures: ConformanceFailure[];
  /** Status of each API, by the suite's display name. */
  apis: Record<string, string>;
  /** Status of each data set, by display name. */
  data: Record<string, string>;
  config: ConformanceConfig;
  results: Results;
  start: Date;
  stop: Date;
}

/** Options of {@link runConformance}. */
export interface RunOptions {
  /** Log sink. Default: stderr at `config.logging` level. */
  log?: Logger;
  /** HTTP client. Default: one built from the config (closed at the end). */
  api?: ApiClient;
}

/** Runs every enabled check against the registry `config` names. Never throws for registry failures. */
export async function runConformance(
  config: ConformanceConfig,
  options: RunOptions = {},
): Promise<ConformanceReport> {
  const r = new Runner(config, options);
  try {
    const start = new Date();
    // Every error is already recorded on the step that produced it.
    await testAll(r);
    return buildReport(r, start, new Date());
  } finally {
    if (options.api === undefined) await r.api.close();
  }
}

/** The suite's `TestAll`. */
export async function testAll(r: Runner): Promise<Error | undefined> {
  const repo = r.config.repo1;
  const repo2 = r.config.repo2;
  generateData(r);
  const errs: (Error | undefined)[] = [];
  errs.push(await testPing(r, r.results));
  errs.push(await testEmpty(r, r.results, repo));
  const algos = r.config.data.sha512 ? (['sha256', 'sha512'] as const) : (['sha256'] as const);
  if (!r.config.data.sha512) {
    r.state.data.set('blobs-sha512', new TestData('Blobs sha512'));
    r.state.dataStatus.set('blobs-sha512', Status.Disabled);
  }
  for (const algo of algos) {
    errs.push(await testBlobApis(r, r.results, `blobs-${algo}`, `Blobs ${algo}`, algo, repo, repo2));
  }
  for (const tdName of r.dataTests) {
    if (r.state.dataStatus.get(tdName) === Status.Disabled) continue;
    errs.push(
      await r.childRun(tdName, r.results, async (res) =>
        join([
          await testPush(r, res, tdName, repo),
          await testList(r, res, tdName, repo),
          await testHead(r, res, tdName, repo),
          await testPull(r, res, tdName, repo),
          await testReferrers(r, res, tdName, repo),
          await testDelete(r, res, tdName, repo),
        ]),
      ),
    );
  }
  errs.push(await testManifestErrors(r, r.results, repo));
  r.results.stop = new Date();
  return join(errs);
}

function walk(node: Results): Results[] {
  return [node, ...node.children.flatMap(walk)];
}

function buildReport(r: Runner, start: Date, stop: Date): ConformanceReport {
  const res = r.results;
  const failures = walk(res).flatMap((node) =>
    node.failures.map(({ status, error }) => ({
      spec: node.name,
      status: status === Status.Error ? ('Error' as const) : ('FAIL' as const),
      message: error.message,
      output: node.output,
    })),
  );
  const apis = Object.fromEntries(
    ALL_APIS.map((api) => [apiName(api), statusName(r.state.apiStatus.get(api) ?? Status.Unknown)]),
  );
  const data = Object.fromEntries(
    [...r.state.data.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, td]) => [td.name, statusName(r.state.dataStatus.get(name) ?? Status.Unknown)]),
  );
  const count = (s: Status) => res.counts[s] ?? 0;
  return {
    status: statusName(res.status),
    total: res.total,
    passed: count(Status.Pass),
    failed: count(Status.Fail),
    errors: count(Status.Error),
    skipped: count(Status.Skip),
    disabled: count(Status.Disabled),
    failures,
    apis,
    data,
    config: redactConfig(r.config),
    results: res,
    start,
    stop,
  };
}

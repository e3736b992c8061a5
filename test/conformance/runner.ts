/**
 * The run engine (`runner` in `run.go`): runs named steps as children of a result node, records
 * each check as passed, failed or skipped on the node, on its data set and on the APIs it used,
 * and decides from the configuration which APIs are disabled.
 */
import { ApiClient } from './api-client.js';
import { registryUrl, type ConformanceConfig } from './config.js';
import { Kind, is, join, tagged } from './errors.js';
import { COUNTED_STATUSES, Results, Status, raise } from './results.js';
import { ALL_APIS, Api, State, apiName } from './state.js';
import { TestData, type Algorithm } from './test-data.js';

/** Log sink: level and message with fields. */
export type Logger = (
  level: 'debug' | 'info' | 'warn' | 'error',
  message: string,
  fields: Record<string, string>,
) => void;

const LEVELS = ['debug', 'info', 'warn', 'error'];

/** A logger writing lines of `level` and above to stderr (the suite's slog text handler). */
export function stderrLogger(level: string): Logger {
  const min = Math.max(0, LEVELS.indexOf(level.toLowerCase()));
  return (l, message, fields) => {
    if (LEVELS.indexOf(l) < min) return;
    const extra = Object.entries(fields).map(([k, v]) => ` ${k}=${JSON.stringify(v)}`);
    process.stderr.write(`level=${l.toUpperCase()} msg=${JSON.stringify(message)}${extra.join('')}\n`);
  };
}

/** A step body: runs checks under `res` and returns their error, if any. */
export type Step = (res: Results) => Promise<Error | undefined>;

/** State and helpers of one run. */
export class Runner {
  readonly config: ConformanceConfig;
  readonly api: ApiClient;
  readonly state = new State();
  readonly results = new Results('OCI Conformance Test');
  /** Names of the data sets to run, in order (`dataTests`). */
  readonly dataTests: string[] = [];
  /** Blob push APIs used so far, overall and per digest algorithm. */
  readonly blobApisTested = new Set<Api>();
  readonly blobApisTestedByAlgo = new Map<Algorithm, Set<Api>>();
  readonly log: Logger;
  /** `http(s)://host:port` of the registry. */
  readonly registry: string;

  constructor(config: ConformanceConfig, options: { api?: ApiClient; log?: Logger } = {}) {
    this.config = config;
    this.registry = registryUrl(config);
    this.api =
      options.api ??
      new ApiClient({
        username: config.username,
        password: config.password,
        cacheAuth: config.cacheAuth,
        insecure: config.tls === 'insecure',
      });
    this.log = options.log ?? stderrLogger(config.logging);
    for (const api of ALL_APIS) {
      if (is(this.apiRequire(api), Kind.Disabled)) this.state.apiStatus.set(api, Status.Disabled);
    }
  }

  /**
   * Creates data set `name` shown as `display`; when `enabled`, schedules it and fills it with
   * `build`, otherwise marks it disabled.
   */
  addDataSet(name: string, display: string, enabled: boolean, build: (td: TestData) => void): void {
    const td = new TestData(display);
    this.state.data.set(name, td);
    if (!enabled) {
      this.state.dataStatus.set(name, Status.Disabled);
      return;
    }
    this.state.dataStatus.set(name, Status.Unknown);
    this.dataTests.push(name);
    build(td);
  }

  /** The set of blob push APIs used with `algo`. */
  testedWith(algo: Algorithm): Set<Api> {
    let set = this.blobApisTestedByAlgo.get(algo);
    if (set === undefined) {
      set = new Set();
      this.blobApisTestedByAlgo.set(algo, set);
    }
    return set;
  }

  /**
   * Runs `fn` as the step `name` under `parent` (`ChildRun`). An error that is not a known
   * failure, skip or disabled API counts as an error of the engine. Counts roll up to `parent`.
   */
  async childRun(name: string, parent: Results, fn: Step): Promise<Error | undefined> {
    const res = new Results(name, parent);
    const filter = this.config.filterTest;
    if (filter !== '' && !filter.startsWith(res.name) && !res.name.startsWith(filter)) {
      return tagged(`test filter ${filter} excludes ${res.name}`, Kind.Disabled);
    }
    parent.children.push(res);
    let err: Error | undefined;
    try {
      err = await fn(res);
    } catch (error) {
      err = error instanceof Error ? error : new Error(String(error));
    }
    res.stop = new Date();
    if (err !== undefined && !is(err, Kind.Fail) && !is(err, Kind.Skip) && !is(err, Kind.Disabled)) {
      res.errs.push(err);
      res.failures.push({ status: Status.Error, error: err });
      res.status = raise(res.status, Status.Error);
      res.counts[Status.Error]! += 1;
    }
    for (const s of COUNTED_STATUSES) parent.counts[s]! += res.counts[s] ?? 0;
    parent.status = raise(parent.status, res.status);
    return err;
  }

  private record(res: Results, status: Status, tdName: string, apis: readonly Api[]): void {
    res.status = raise(res.status, status);
    res.counts[status]! += 1;
    if (tdName !== '') this.state.setData(tdName, status);
    for (const api of apis) this.state.setApi(api, status);
  }

  /** Records a skipped check; the error's sentinels may make it a failure or an error (`TestSkip`). */
  testSkip(res: Results, err: Error, tdName: string, ...apis: Api[]): void {
    const s = is(err, Kind.Error)
      ? Status.Error
      : is(err, Kind.Fail)
        ? Status.Fail
        : is(err, Kind.Disabled)
          ? Status.Disabled
          : Status.Skip;
    this.record(res, s, tdName, apis);
    if (s === Status.Fail || s === Status.Error) res.failures.push({ status: s, error: err });
    res.write(`${res.name}: skipping test:\n  ${err.message.replaceAll('\n', '\n  ')}\n`);
    this.log('info', 'skipping test', { name: res.name, error: err.message });
  }

  /** Records a failed check; an unsupported optional API makes it a skip (`TestFail`). */
  testFail(res: Results, err: Error, tdName: string, ...apis: Api[]): void {
    const s = is(err, Kind.Error)
      ? Status.Error
      : is(err, Kind.Disabled)
        ? Status.Disabled
        : is(err, Kind.Unsupported)
          ? Status.Skip
          : Status.Fail;
    this.record(res, s, tdName, apis);
    res.errs.push(err);
    if (s === Status.Fail || s === Status.Error) res.failures.push({ status: s, error: err });
    if (s === Status.Fail) {
      this.log('warn', 'failed test', { name: res.name, error: err.message });
      this.log('debug', 'failed test output', { name: res.name, output: res.output });
    }
  }

  /** Records a passed check (`TestPass`). */
  testPass(res: Results, tdName: string, ...apis: Api[]): void {
    this.record(res, Status.Pass, tdName, apis);
    this.log('info', 'passing test', { name: res.name });
  }

  /** An error tagged "disabled" naming each API the configuration turns off (`APIRequire`). */
  apiRequire(...apis: Api[]): Error | undefined {
    const c = this.config.apis;
    const disabled = (api: Api): boolean => {
      switch (api) {
        case Api.Ping:
          return !c.ping;
        case Api.TagList:
          return !c.tags.list;
        case Api.ManifestHeadTag:
        case Api.ManifestHeadDigest:
        case Api.ManifestGetTag:
        case Api.ManifestGetDigest:
        case Api.BlobHead:
        case Api.BlobGetFull:
        case Api.BlobGetRange:
          return !c.pull;
        case Api.ManifestPutTag:
        case Api.ManifestPutDigest:
        case Api.ManifestPutSubject:
        case Api.BlobPush:
        case Api.BlobPostOnly:
        case Api.BlobPostPut:
        case Api.BlobPatchChunked:
        case Api.BlobPatchStream:
        case Api.BlobMountSource:
          return !c.push;
        case Api.ManifestPutTagParam:
          return !c.push || !c.manifests.tagParam;
        case Api.BlobCancel:
          return !c.blobs.uploadCancel;
        case Api.BlobMountAnonymous:
          return !c.push || !c.blobs.mountAnonymous;
        case Api.TagDelete:
          return !c.tags.delete;
        case Api.TagDeleteAtomic:
          return !c.tags.delete || !c.tags.atomic;
        case Api.ManifestDelete:
          return !c.manifests.delete;
        case Api.ManifestDeleteAtomic:
          return !c.manifests.atomic;
        case Api.BlobDelete:
          return !c.blobs.delete;
        case Api.BlobDeleteAtomic:
          return !c.blobs.atomic;
        case Api.Referrers:
          return !c.referrer;
      }
    };
    return join(
      apis
        .filter(disabled)
        .map((api) => tagged(`api ${apiName(api)} is disabled in the configuration`, Kind.Disabled)),
    );
  }
}

/**
 * What a run learns about the registry (`state.go`): a status per API and per data set, raised by
 * every check that exercises them, plus the test data sets themselves.
 */
import { Status, raise } from './results.js';
import type { TestData } from './test-data.js';

/** The registry APIs the suite tracks, in the suite's order. */
export const Api = {
  TagList: 0,
  TagDelete: 1,
  TagDeleteAtomic: 2,
  BlobCancel: 3,
  /** Any blob push API. */
  BlobPush: 4,
  BlobPostOnly: 5,
  BlobPostPut: 6,
  BlobPatchChunked: 7,
  BlobPatchStream: 8,
  BlobMountSource: 9,
  BlobMountAnonymous: 10,
  BlobGetFull: 11,
  BlobGetRange: 12,
  BlobHead: 13,
  BlobDelete: 14,
  BlobDeleteAtomic: 15,
  ManifestPutDigest: 16,
  ManifestPutTag: 17,
  ManifestPutTagParam: 18,
  ManifestPutSubject: 19,
  ManifestGetDigest: 20,
  ManifestGetTag: 21,
  ManifestHeadDigest: 22,
  ManifestHeadTag: 23,
  ManifestDelete: 24,
  ManifestDeleteAtomic: 25,
  Referrers: 26,
  Ping: 27,
} as const;

/** One of {@link Api}. */
export type Api = (typeof Api)[keyof typeof Api];

/** Every API, in order (`stateAPIMax` iteration). */
export const ALL_APIS: readonly Api[] = Object.values(Api);

const API_NAMES: readonly string[] = [
  'Tag listing',
  'Tag delete',
  'Tag delete atomic',
  'Blob upload cancel',
  'Blob push',
  'Blob post only',
  'Blob post put',
  'Blob chunked',
  'Blob streaming',
  'Blob mount',
  'Blob anonymous mount',
  'Blob get',
  'Blob get range',
  'Blob head',
  'Blob delete',
  'Blob delete atomic',
  'Manifest put by digest',
  'Manifest put by tag',
  'Manifest put with tag params',
  'Manifest put with subject',
  'Manifest get by digest',
  'Manifest get by tag',
  'Manifest head by digest',
  'Manifest head by tag',
  'Manifest delete',
  'Manifest delete atomic',
  'Referrers',
  'Ping',
];

/** The suite's display name of an API (`stateAPIType.String`). */
export function apiName(api: Api): string {
  return API_NAMES[api] ?? 'Unknown';
}

/** Per-run state (`state`). */
export class State {
  readonly apiStatus = new Map<Api, Status>();
  readonly data = new Map<string, TestData>();
  readonly dataStatus = new Map<string, Status>();

  /** Raises the status of an API. */
  setApi(api: Api, status: Status): void {
    this.apiStatus.set(api, raise(this.apiStatus.get(api) ?? Status.Unknown, status));
  }

  /** Raises the status of a data set. */
  setData(name: string, status: Status): void {
    this.dataStatus.set(name, raise(this.dataStatus.get(name) ?? Status.Unknown, status));
  }

  /** The data set `name`; throws when the suite did not create it (a bug of the port). */
  td(name: string): TestData {
    const td = this.data.get(name);
    if (td === undefined) throw new Error(`conformance: no test data named ${name}`);
    return td;
  }
}

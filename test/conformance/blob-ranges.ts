/**
 * The range requests of the blob workflow (`rangeTests` in `run.go`) on a blob of `blob.length`
 * bytes (2048 in the suite): what each `Range` header must return.
 */
import { expectBody, expectHeader, expectStatus, withOr, type ApiOpt } from './api-options.js';

/** One range check: its step name, the `Range` value and the response checks. */
export interface RangeTest {
  name: string;
  range: string;
  expect: ApiOpt[];
}

/** 206 with `bytes`, its length, and `Content-Range: bytes start-end/<size or *>`. */
function partial(blob: Buffer, start: number, end: number): ApiOpt[] {
  return [
    expectBody(blob.subarray(start, end + 1)),
    expectStatus(206),
    expectHeader('Content-Length', String(end - start + 1)),
    withOr(
      [expectHeader('Content-Range', `bytes ${start}-${end}/${blob.length}`)],
      [expectHeader('Content-Range', `bytes ${start}-${end}/*`)],
    ),
  ];
}

/** The six range checks, in the suite's order. */
export function rangeTests(blob: Buffer): RangeTest[] {
  const last = blob.length - 1;
  return [
    { name: 'range 500-1499', range: 'bytes=500-1499', expect: partial(blob, 500, 1499) },
    { name: 'range 500-', range: 'bytes=500-', expect: partial(blob, 500, last) },
    { name: 'range -500', range: 'bytes=-500', expect: partial(blob, blob.length - 500, last) },
    { name: 'range 2000-5000', range: 'bytes=2000-5000', expect: partial(blob, 2000, last) },
    { name: 'range 500-0', range: 'bytes=500-0', expect: [expectStatus(416)] },
    { name: 'range 5000-10000', range: 'bytes=5000-10000', expect: [expectStatus(416)] },
  ];
}

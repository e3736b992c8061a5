import { describe, expect, test } from 'vitest';
import {
  parseContentRange,
  parseRange,
  uploadHeaders,
  uploadRange,
} from '../../../../src/registry/http/headers.js';

describe('parseRange against a 2048-byte blob', () => {
  test.each([
    ['bytes=500-1499', { start: 500, end: 1499 }],
    ['bytes=500-', { start: 500, end: 2047 }],
    ['bytes=-500', { start: 1548, end: 2047 }],
    ['bytes=-5000', { start: 0, end: 2047 }],
    ['bytes=2000-5000', { start: 2000, end: 2047 }],
    ['bytes=0-0', { start: 0, end: 0 }],
    ['BYTES= 10-20', { start: 10, end: 20 }],
  ])('%s → %o', (header, range) => {
    expect(parseRange(header, 2048)).toEqual(range);
  });

  test.each([
    'bytes=500-0',
    'bytes=2048-',
    'bytes=5000-10000',
    'bytes=-0',
    'bytes=-',
    'bytes=a-b',
    'bytes=5',
    'bytes=1-2-3',
  ])('%s is unsatisfiable', (header) => {
    expect(parseRange(header, 2048)).toBe('unsatisfiable');
  });

  test.each([undefined, 'items=0-1', 'bytes=0-1,5-6'])('%s is ignored (the whole blob)', (header) => {
    expect(parseRange(header, 2048)).toBeUndefined();
  });

  test('any range of an empty blob is unsatisfiable', () => {
    expect(parseRange('bytes=-1', 0)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable');
  });
});

describe('parseContentRange', () => {
  test.each([
    ['0-99', { start: 0, end: 99 }],
    ['100-199', { start: 100, end: 199 }],
    ['bytes 0-99/100', { start: 0, end: 99 }],
    ['bytes=0-99', { start: 0, end: 99 }],
    ['0-99/*', { start: 0, end: 99 }],
  ])('%s → %o', (header, range) => {
    expect(parseContentRange(header)).toEqual(range);
  });

  test.each(['', '99-0', '-5', '0-', 'abc', '0 - 5 - 6'])('%s is malformed', (header) => {
    expect(parseContentRange(header)).toBeUndefined();
  });
});

describe('upload headers', () => {
  test('Range is 0-<last byte>, and 0-0 for an empty session', () => {
    expect(uploadRange(0)).toBe('0-0');
    expect(uploadRange(1)).toBe('0-0');
    expect(uploadRange(42)).toBe('0-41');
  });

  test('Location, Docker-Upload-UUID and Range of a session', () => {
    const id = '0b8e4f1c-4f9e-4a55-9f57-8f1c2b3a4d5e';
    expect(uploadHeaders({ id, repository: 'a/b', size: 10, startedAt: new Date() })).toEqual({
      Location: `/v2/a/b/blobs/uploads/${id}`,
      'Docker-Upload-UUID': id,
      Range: '0-9',
    });
  });
});

/**
 * `push` with several `--to`: the source is opened and compressed once for every destination
 * (it was opened and compressed again per destination), and each destination gets its own name
 * and tags. Runs the CLI's push in-process with the sources module spied on.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { RegistryClient, anonymousCredentials } from '../../src/client/index.js';
import type * as Sources from '../../src/sources/index.js';
import { newTempDir } from '../support/index.js';
import { LayoutWriter, randomLayer } from '../unit/sources/fixtures.js';
import { type TestRegistry, startRegistry } from './registry-support.js';

const calls = vi.hoisted(() => ({ open: 0, compress: 0 }));
vi.mock('../../src/sources/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof Sources>();
  return {
    ...original,
    openLocalSource: (...args: Parameters<typeof original.openLocalSource>) => {
      calls.open++;
      return original.openLocalSource(...args);
    },
    compressImage: (...args: Parameters<typeof original.compressImage>) => {
      calls.compress++;
      return original.compressImage(...args);
    },
  };
});

let first: TestRegistry;
let second: TestRegistry;
let source: string;
beforeAll(async () => {
  [first, second] = await Promise.all([startRegistry({ fsync: false }), startRegistry({ fsync: false })]);
  const dir = newTempDir('layout');
  const w = new LayoutWriter(dir);
  w.writeIndexJson(
    [w.image({ layers: [await randomLayer(5, 2, 64 * 1024)], gzip: false }).descriptor],
    ['v1'],
  );
  source = `oci:${dir}:v1`;
});
afterAll(async () => {
  await first?.registry.close();
  await second?.registry.close();
});

it('opens and compresses the source once for every --to', async () => {
  const { runPush } = await import('../../src/cli/push-action.js');
  const host = (r: TestRegistry) => new URL(r.url).host;
  const lines: string[] = [];
  await runPush(
    {
      source,
      to: [`${host(first)}/team/app:v1`, `${host(second)}/other/web:v2`],
      tag: ['shared'],
      json: false,
      compression: 'gzip',
      concurrency: 2,
      retries: 0,
      insecure: [host(first), host(second)],
    },
    (line) => lines.push(line),
  );
  expect(calls).toEqual({ open: 1, compress: 1 });
  expect(lines.map((l) => l.slice(0, l.indexOf('@')))).toEqual([
    `${host(first)}/team/app:v1`,
    `${host(first)}/team/app:shared`,
    `${host(second)}/other/web:v2`,
    `${host(second)}/other/web:shared`,
  ]);
  const reader = new RegistryClient({
    credentials: anonymousCredentials,
    insecure: [host(first), host(second)],
  });
  try {
    const a = await reader.headManifest(`${host(first)}/team/app:v1`);
    const b = await reader.headManifest(`${host(second)}/other/web:shared`);
    expect(a?.digest).toBeDefined();
    expect(b?.digest).toBe(a?.digest);
  } finally {
    await reader.close();
  }
});

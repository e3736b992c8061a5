import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fromLayout, writeExampleLayout } from '../../../src/sources/index.js';
import { digestOfStream } from '../../../src/oci/index.js';

describe('writeExampleLayout', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'example-'));
    dirs.push(d);
    return d;
  };

  it('writes a layout our own reader accepts, every blob matching its descriptor', async () => {
    const written = await writeExampleLayout(dir(), { tag: 'v1' });
    const image = await fromLayout(written.dir, { select: { by: 'name', name: 'v1' } });
    expect(image.artifact.digest).toBe(written.digest);
    expect(image.artifact.kind).toBe('image');
    if (image.artifact.kind !== 'image') return;
    for (const blob of [image.artifact.config, ...image.artifact.layers]) {
      const { digest, size } = await digestOfStream(await blob.open());
      expect(digest).toBe(blob.descriptor.digest);
      expect(size).toBe(blob.descriptor.size);
    }
    expect(written.source).toBe(`oci:${written.dir}:v1`);
  });

  it('is deterministic for the same text and differs for another', async () => {
    const a = await writeExampleLayout(dir());
    const b = await writeExampleLayout(dir());
    const c = await writeExampleLayout(dir(), { text: 'other\n' });
    expect(a.digest).toBe(b.digest);
    expect(c.digest).not.toBe(a.digest);
  });
});

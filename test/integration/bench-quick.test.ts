/**
 * `npm run bench -- --quick` as a smoke test: the benchmark runs end to end against the real
 * peers (CNCF distribution, skopeo), prints one well-formed table and writes the same table as
 * Markdown and every sample as JSON. No timing is asserted: on a shared CI machine the figures
 * mean nothing, only that each one was measured. The test image generator is checked on its own:
 * its layers are real tars whose names are their digests.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { expect, it } from 'vitest';
import { generateImage } from '../../bench/lib/image.js';
import { RGW_TOOLS, describeWithTools, newTempDir, toolPath } from '../support/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BENCH = join(ROOT, 'bench', 'run.mjs');

/** Peak RSS figures need GNU time; without it the benchmark leaves them out. */
const RSS = existsSync('/usr/bin/time');
const HOOK_IDS = ['environment', 'post-checkout', 'pre-command', 'post-command', 'pre-exit'].flatMap((h) => [
  `hook.${h}.idle`,
  `hook.${h}.idle.cpu`,
  ...(RSS ? [`hook.${h}.idle.rss`] : []),
]);

/** Every figure a full run reports, in table order. */
const FIGURE_IDS = [
  'cli.start',
  'cli.start.cpu',
  ...(RSS ? ['cli.start.rss'] : []),
  ...HOOK_IDS,
  'client.repush.small.wall',
  'client.repush.small.cpu',
  ...(RSS ? ['client.repush.small.rss'] : []),
  'registry.push.wall',
  'registry.push.rate',
  'registry.push.cpu',
  'registry.pull.rate',
  'registry.pull.cpu',
  'manifest.head.rps',
  'manifest.head.p99',
  'manifest.head.cpu',
  'manifest.get.rps',
  'manifest.get.p99',
  'manifest.get.cpu',
  'client.push.gzip.wall',
  'client.push.gzip.cpu',
  'client.push.none.wall',
  'client.push.none.cpu',
  'client.repush.none.wall',
  'client.repush.gzip.wall',
  'registry.rss.peak',
  'registry.blob.upload',
  'registry.blob.download',
  'contents.compute',
  'contents.page.cached',
  'contents.page.deep',
  's3.push.rate',
  's3.push.cpu',
  's3.pull.rate',
  's3.pull.cpu',
  's3.manifest.head.rps',
  's3.manifest.head.p99',
  'workers.head.rps',
  'workers.head.cpu',
  'workers.head.p99',
  'workers.get.rps',
  'workers.get.cpu',
  'workers.get.p99',
];

interface JsonFigure {
  id: string;
  label: string;
  unit: string;
  ours: { median: number | null; samples: number[] };
  peer: { median: number | null; samples: number[] } | null;
  ratio: number | null;
  target: { text: string } | null;
  met: boolean | null;
}

function bench(args: string[], env: Record<string, string> = {}) {
  return execa(process.execPath, [BENCH, ...args], {
    cwd: ROOT,
    reject: false,
    env: { ...process.env, ...env },
    timeout: 240_000,
  });
}

it('prints usage with --help and refuses an unknown flag with a hint', async () => {
  const help = await bench(['--help']);
  expect(help.exitCode).toBe(0);
  expect(help.stdout).toContain('--quick');
  expect(help.stdout).toContain('--runs N');
  const bad = await bench(['--runs', 'many']);
  expect(bad.exitCode).toBe(2);
  expect(bad.stderr).toContain('--runs must be a whole number');
});

describeWithTools(['skopeo', 'docker-registry', 'tar', ...RGW_TOOLS], 'npm run bench -- --quick', () => {
  it('writes an OCI layout whose layers are tars named by their sha256', async () => {
    const dir = join(newTempDir('bench-image'), 'layout');
    const image = await generateImage({ dir, totalBytes: 300_001, layers: 3 });
    expect(image.layers).toHaveLength(3);
    for (const name of readdirSync(join(dir, 'blobs', 'sha256'))) {
      const bytes = readFileSync(join(dir, 'blobs', 'sha256', name));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(name);
    }
    const sizes = [100_000, 100_000, 100_001];
    for (const [i, layer] of image.layers.entries()) {
      const file = join(dir, 'blobs', 'sha256', layer.digest.slice('sha256:'.length));
      const listing = await execa(toolPath('tar'), ['-tvf', file]);
      expect(listing.stdout).toMatch(new RegExp(`\\s${sizes[i]}\\s.*layer-${i}\\.bin$`));
    }
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
    expect(index.manifests[0].digest).toBe(image.manifestDigest);
    const manifest = JSON.parse(
      readFileSync(join(dir, 'blobs', 'sha256', image.manifestDigest.slice(7)), 'utf8'),
    );
    const config = JSON.parse(
      readFileSync(join(dir, 'blobs', 'sha256', manifest.config.digest.slice(7)), 'utf8'),
    );
    expect(config.rootfs.diff_ids).toEqual(image.layers.map((l) => l.digest));
  });

  it('measures every figure and writes the table as Markdown and JSON', async () => {
    const out = join(newTempDir('bench-results'), 'results');
    const run = await bench(['--quick', '--out', out], { TMPDIR: newTempDir('bench-work') });
    expect(run.exitCode, run.stderr).toBe(0);

    const json = JSON.parse(readFileSync(join(out, 'latest.json'), 'utf8'));
    expect(json.mode).toBe('quick');
    const figures = json.figures as JsonFigure[];
    expect(figures.map((f) => f.id)).toEqual(FIGURE_IDS);
    for (const f of figures) {
      expect(f.ours.samples.length, f.id).toBeGreaterThan(0);
      for (const v of f.ours.samples) expect(Number.isFinite(v) && v >= 0, `${f.id}: ${v}`).toBe(true);
      // A tiny quick-mode transfer may cost the peer 0 clock ticks of CPU: then no ratio.
      const ratioKnown = f.peer === null || f.peer.median !== 0;
      if (f.peer !== null) {
        expect(f.peer.samples.length, f.id).toBeGreaterThan(0);
        if (ratioKnown) expect(f.ratio, f.id).toBeTypeOf('number');
      }
      if (f.target === null) expect(f.met, f.id).toBeNull();
      else if (ratioKnown) expect(f.met, f.id).toBeTypeOf('boolean');
    }
    // The pushes really happened: the registries served the layout's own manifest.
    expect((json.warnings as string[]).filter((w) => w.includes('pushed manifest'))).toEqual([]);

    // One table, printed and written: header, separator, one row of six cells per figure.
    const table = run.stdout.split('\n').filter((line) => line.startsWith('|'));
    expect(table[0]).toBe('| figure | ours | peer | ratio | target | met? |');
    expect(table[1]).toBe('| --- | --- | --- | --- | --- | --- |');
    expect(table).toHaveLength(2 + FIGURE_IDS.length);
    for (const [i, row] of table.slice(2).entries()) {
      const cells = row.split(' | ');
      expect(cells, row).toHaveLength(6);
      expect(cells[0]).toBe(`| ${figures[i]!.label}`);
      expect(cells[1], row).toMatch(/^\d[\d,.]* \S+$/);
    }
    const markdown = readFileSync(join(out, 'latest.md'), 'utf8');
    expect(markdown).toContain(table.join('\n'));
    expect(markdown).toContain('## Machine bounds');
    expect(run.stderr).toContain('[bench ');
  }, 300_000);
});

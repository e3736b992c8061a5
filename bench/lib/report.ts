/**
 * The results: one table (figure | ours | peer | ratio | target | met?) printed at the end and
 * written with its context as `latest.md`, and everything (every sample too) as `latest.json`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatRatio, formatValue, targetText, type FigureResult } from './figures.js';
import type { Machine } from './machine.js';
import type { BenchMode } from './options.js';

/** The whole run. */
export interface BenchReport {
  /** See {@link BenchMode}: only `full` results are worth committing. */
  readonly mode: BenchMode;
  readonly startedAt: string;
  readonly durationSeconds: number;
  /** The settings the run used (sizes, runs, connections...). */
  readonly settings: Record<string, string | number | boolean>;
  readonly machine: Machine;
  readonly figures: readonly FigureResult[];
  /** Things the reader should know (e.g. a stale build). */
  readonly warnings: readonly string[];
}

/** The columns of the table, in order. */
export const TABLE_COLUMNS = ['figure', 'ours', 'peer', 'ratio', 'target', 'met?'] as const;

/** The results table in Markdown (also readable as plain text). */
export function renderTable(figures: readonly FigureResult[]): string {
  const rows = figures.map((f) => [
    f.label,
    formatValue(f.oursMedian, f.unit),
    f.peer.length === 0 ? '—' : formatValue(f.peerMedian, f.unit),
    formatRatio(f.ratio),
    targetText(f) || '—',
    f.met === undefined ? '—' : f.met ? 'yes' : '**no**',
  ]);
  const lines = [TABLE_COLUMNS, TABLE_COLUMNS.map(() => '---'), ...rows].map(
    (cells) => `| ${cells.join(' | ')} |`,
  );
  return lines.join('\n') + '\n';
}

/** The Markdown document: settings, machine, table, who is compared with whom, and what bounds each miss. */
export function renderMarkdown(report: BenchReport): string {
  const { machine, settings } = report;
  const out = [
    `# container-package benchmark (${report.mode})`,
    '',
    `Run ${report.startedAt}, ${report.durationSeconds.toFixed(0)} s. ${machine.cpus} × ${machine.cpuModel}, ` +
      `Linux ${machine.kernel}, Node.js ${machine.node}, ${machine.skopeo}, ${machine.distribution}.`,
    `Load average ${machine.loadStart.join(' ')} at the start, ${machine.loadEnd.join(' ')} at the end (the machine is shared: CPU-seconds are steadier than wall times).`,
    '',
    `Settings: ${Object.entries(settings)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}. Each figure is the median of the runs; ratio = ours ÷ peer.`,
    '',
    renderTable(report.figures),
    '## Who is compared with whom',
    '',
    ...pairs(report.figures),
    '',
    '## Machine bounds',
    '',
    `- sha256 on one core: ${machine.sha256MiBs.toFixed(0)} MiB/s; zlib gzip level 6 on random bytes, one core: ${machine.gzipMiBs.toFixed(1)} MiB/s.`,
    `- \`node -e 0\` starts in ${machine.nodeStartMs.toFixed(0)} ms (the floor under any Node.js CLI start).`,
    `- A bare \`node:http\` server answering the manifest HEAD (no routing, auth, storage or log) spends ${machine.httpFloorMicros.toFixed(0)} µs of CPU per request at 64 connections (the floor under any Node.js registry; one core then serves at most ${Math.round(1e6 / machine.httpFloorMicros).toLocaleString('en-US')} req/s).`,
    '',
  ];
  const missed = report.figures.filter((f) => f.met === false);
  if (missed.length > 0) {
    out.push('## Missed targets: what bounds them', '');
    for (const f of missed)
      out.push(
        `- **${f.label}** (${formatValue(f.oursMedian, f.unit)}, target ${targetText(f)}): ${f.bound ?? 'not analysed'}`,
      );
    out.push('');
  }
  if (report.warnings.length > 0) out.push('## Warnings', '', ...report.warnings.map((w) => `- ${w}`), '');
  return out.join('\n');
}

/** Writes `latest.md` and `latest.json` into `dir` (created); resolves their paths. */
export async function writeResults(
  dir: string,
  report: BenchReport,
): Promise<{ markdown: string; json: string }> {
  await mkdir(dir, { recursive: true });
  const markdown = join(dir, 'latest.md');
  const json = join(dir, 'latest.json');
  await writeFile(markdown, renderMarkdown(report));
  await writeFile(json, JSON.stringify(toJson(report), null, 2) + '\n');
  return { markdown, json };
}

function toJson(report: BenchReport): unknown {
  return {
    ...report,
    figures: report.figures.map((f) => ({
      id: f.id,
      label: f.label,
      unit: f.unit,
      ours: { median: finite(f.oursMedian), samples: f.ours, ...(f.who && { what: f.who.ours }) },
      peer:
        f.peer.length === 0
          ? null
          : { median: finite(f.peerMedian), samples: f.peer, ...(f.who && { what: f.who.peer }) },
      ratio: finite(f.ratio),
      target: f.target === undefined ? null : { ...f.target, text: targetText(f) },
      met: f.met ?? null,
      ...(f.met === false && { bound: f.bound ?? null }),
    })),
  };
}

/** One line per (ours, peer) pair, naming the figures that compare them. */
function pairs(figures: readonly FigureResult[]): string[] {
  const byPair = new Map<string, string[]>();
  for (const f of figures) {
    if (f.who === undefined) continue;
    const key = `${f.who.ours} vs ${f.who.peer}`;
    byPair.set(key, [...(byPair.get(key) ?? []), f.label]);
  }
  return [...byPair].map(([pair, labels]) => `- ${pair}: ${labels.join('; ')}.`);
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

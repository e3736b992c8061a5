/** Byte sizes on the command line (`1GiB`, `512MiB`, `4M`, `1048576`) and in the report. */
import { BenchError } from './errors.js';

/** One mebibyte. */
export const MiB = 1024 * 1024;
/** One gibibyte. */
export const GiB = 1024 * MiB;

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: MiB,
  mb: MiB,
  mib: MiB,
  g: GiB,
  gb: GiB,
  gib: GiB,
};

/**
 * Parses a size: a number (decimals allowed) and an optional binary unit (`K`, `KiB`, `M`, `MiB`,
 * `G`, `GiB`; case-insensitive; `MB` also means MiB). The result is rounded down to whole bytes.
 *
 * @throws BenchError `BENCH_USAGE` naming `flag` when the text is not a positive size
 */
export function parseSize(text: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = match ? UNITS[match[2]!.toLowerCase()] : undefined;
  const bytes = match && unit !== undefined ? Math.floor(Number(match[1]) * unit) : NaN;
  if (!(bytes > 0)) {
    throw new BenchError('BENCH_USAGE', `${flag} ${JSON.stringify(text)} is not a size`, {
      hint: `write a number with an optional unit, e.g. ${flag} 512MiB or ${flag} 1GiB`,
    });
  }
  return bytes;
}

/** `1.0 GiB`, `8.0 MiB`, `512 KiB`, `100 B`: the largest unit that keeps the number ≥ 1. */
export function formatSize(bytes: number): string {
  if (bytes >= GiB) return `${(bytes / GiB).toFixed(1)} GiB`;
  if (bytes >= MiB) return `${(bytes / MiB).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} KiB`;
  return `${bytes} B`;
}

import type { ConfigReader } from './reader.js';
import { kind } from './reader.js';

const DURATION_UNITS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};
const SIZE_UNITS: Readonly<Record<string, number>> = {
  b: 1,
  kb: 1000,
  mb: 1000 ** 2,
  gb: 1000 ** 3,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

/**
 * A duration in milliseconds: `500ms`, `30s`, `5m`, `24h`, `7d`, combinations such as `1h30m`, or
 * a bare number of seconds. Undefined/null gives `fallback`.
 */
export function readDuration(reader: ConfigReader, value: unknown, path: string, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return Math.round(value * 1000);
  if (typeof value === 'string' && /^(\d+(ms|s|m|h|d))+$/.test(value.trim())) {
    let total = 0;
    for (const [, amount, unit] of value.trim().matchAll(/(\d+)(ms|s|m|h|d)/g))
      total += Number(amount) * DURATION_UNITS[unit!]!;
    return total;
  }
  return reader.fail(path, `expected a duration such as 30s, 5m or 24h, got ${kind(value)}`);
}

/** A size in bytes: an integer, or `16KiB`, `4MiB`, `1GiB` (or decimal `kB`, `MB`, `GB`). */
export function readSize(reader: ConfigReader, value: unknown, path: string, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  const match = typeof value === 'string' ? /^(\d+)\s*([a-z]+)?$/i.exec(value.trim()) : null;
  const unit = SIZE_UNITS[(match?.[2] ?? 'b').toLowerCase()];
  if (match === null || unit === undefined) {
    return reader.fail(path, `expected a size in bytes such as 4194304 or 4MiB, got ${kind(value)}`);
  }
  return Number(match[1]) * unit;
}

/** A listen address. `port` 0 picks a free port. */
export interface ListenAddress {
  readonly host: string;
  readonly port: number;
}

/**
 * Parses `HOST:PORT` (`127.0.0.1:5000`, `[::1]:5000`, `0.0.0.0:0`, `localhost:5000`).
 *
 * @returns the address, or a sentence saying what is wrong
 */
export function parseListen(value: string): ListenAddress | { error: string } {
  const match = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(value.trim());
  if (match === null)
    return { error: `expected HOST:PORT such as 127.0.0.1:5000, got ${JSON.stringify(value)}` };
  const port = Number(match[2]);
  if (port > 65_535) return { error: `port ${port} is out of range (0-65535)` };
  const host = match[1]!.startsWith('[') ? match[1]!.slice(1, -1) : match[1]!;
  return { host, port };
}

/** True for loopback hosts: `localhost`, `127.0.0.0/8`, `::1`. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    h === 'localhost' ||
    h === '::1' ||
    h === '0:0:0:0:0:0:0:1' ||
    /^127(\.\d{1,3}){3}$/.test(h) ||
    h === '::ffff:127.0.0.1'
  );
}

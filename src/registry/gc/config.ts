import { ConfigReader } from '../config/reader.js';
import { readDuration, readSize } from '../config/units.js';
import { GC_DEFAULTS } from './options.js';

/** The `gc` section of the registry config, defaults applied. */
export interface GcConfig {
  /** `gc.interval`: default 1 h; 0 turns periodic collection off. */
  readonly intervalMs: number;
  /** `gc.grace`: default 1 h. */
  readonly graceMs: number;
}

/** The `retention` section of the registry config, defaults applied. */
export interface RetentionConfig {
  /** `retention.max-size`: default 0, no cap. */
  readonly maxSizeBytes: number;
  /** `retention.check-interval`: default 1 m; 0 checks only after writes. */
  readonly checkIntervalMs: number;
}

/** Reads `gc: {interval, grace}`. */
export function readGc(r: ConfigReader, value: unknown): GcConfig {
  const gc = r.object(value, 'gc', ['interval', 'grace']);
  return {
    intervalMs: readDuration(r, gc.interval, 'gc.interval', GC_DEFAULTS.intervalMs),
    graceMs: readDuration(r, gc.grace, 'gc.grace', GC_DEFAULTS.graceMs),
  };
}

/** Reads `retention: {max-size, check-interval}`. */
export function readRetention(r: ConfigReader, value: unknown): RetentionConfig {
  const retention = r.object(value, 'retention', ['max-size', 'check-interval']);
  const maxSizeBytes = readSize(r, retention['max-size'], 'retention.max-size', GC_DEFAULTS.maxSizeBytes);
  const checkIntervalMs = readDuration(
    r,
    retention['check-interval'],
    'retention.check-interval',
    GC_DEFAULTS.checkIntervalMs,
  );
  return { maxSizeBytes, checkIntervalMs };
}

/**
 * A duration given on the command line (`--grace 10m`): the config's syntax (`500ms`, `30s`,
 * `5m`, `1h30m`, or seconds).
 *
 * @throws RegistryConfigError naming `flag` when `value` is not a duration
 */
export function parseDurationFlag(flag: string, value: string): number {
  const text = value.trim();
  return readDuration(new ConfigReader(undefined), /^\d+(\.\d+)?$/.test(text) ? Number(text) : text, flag, 0);
}

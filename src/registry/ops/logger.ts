import { LineBatcher, type LineSink } from './line-batcher.js';

/** Log levels, least to most severe. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const ORDER: Readonly<Record<LogLevel, number>> = { debug: 0, info: 1, warn: 2, error: 3 };

/**
 * Where the registry writes its log. Fields are plain JSON values; callers never pass secrets
 * (no Authorization headers, tokens or raw URLs with query strings).
 */
export interface Logger {
  log(level: LogLevel, message: string, fields?: Readonly<Record<string, unknown>>): void;
}

/** Drops everything: the default of `createRegistry`, so library users and tests stay quiet. */
export const silentLogger: Logger = { log: () => undefined };

/** True when `value` is a {@link LogLevel}. */
export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && value in ORDER;
}

/**
 * A logger writing one JSON object per line: `{"time","level","msg",...fields}`. Lines below
 * `minLevel` (default `info`) are dropped. Default output: stderr, leaving stdout to the CLI.
 */
export function jsonLogger(
  out: { write(line: string): unknown } = process.stderr,
  minLevel: LogLevel = 'info',
  now: () => Date = () => new Date(),
): Logger {
  return {
    log(level, message, fields = {}) {
      if (ORDER[level] < ORDER[minLevel]) return;
      out.write(line(now().toISOString(), level, message, fields));
    },
  };
}

/**
 * A {@link jsonLogger} whose lines are written in batches, one write per event-loop turn (see
 * {@link LineBatcher}): what the registry service logs with. `base` fields start every line.
 * `close()` writes what is left.
 */
export function batchedJsonLogger(
  out: LineSink = process.stderr,
  minLevel: LogLevel = 'info',
  base: Readonly<Record<string, unknown>> = {},
): Logger & { close(): void } {
  const batcher = new LineBatcher(out);
  const inner = jsonLogger(batcher, minLevel);
  // Fields on every line (`worker`), ahead of the line's own.
  const logger: Logger =
    Object.keys(base).length === 0
      ? inner
      : { log: (level, message, fields = {}) => inner.log(level, message, { ...base, ...fields }) };
  return { ...logger, close: () => batcher.close() };
}

/**
 * `{"time","level","msg",...fields}` and a newline. Built from the stringified fields rather than
 * a spread copy of them: this runs for every request the registry answers. Fields named like
 * the three fixed keys replace them, as in a spread.
 */
function line(
  time: string,
  level: LogLevel,
  message: string,
  fields: Readonly<Record<string, unknown>>,
): string {
  if ('time' in fields || 'level' in fields || 'msg' in fields) {
    return `${JSON.stringify({ time, level, msg: message, ...fields })}\n`;
  }
  const rest = JSON.stringify(fields);
  const head = `{"time":"${time}","level":"${level}","msg":${JSON.stringify(message)}`;
  return rest === '{}' ? `${head}}\n` : `${head},${rest.slice(1)}\n`;
}

/**
 * The benchmark's one error class. Codes are namespaced `BENCH_*`: `BENCH_USAGE` (a bad command
 * line), `BENCH_MISSING_TOOL`, `BENCH_STALE_BUILD`, `BENCH_COMMAND_FAILED` (a measured command
 * exited non-zero), `BENCH_DAEMON_START`, `BENCH_HTTP` (an unexpected registry answer) and
 * `BENCH_LOAD` (the load generator could not talk to a registry).
 */
import { ContainerPackageError, type ErrorDetails } from '../../src/errors.js';

/** A `BENCH_*` code. */
export type BenchErrorCode =
  | 'BENCH_USAGE'
  | 'BENCH_MISSING_TOOL'
  | 'BENCH_STALE_BUILD'
  | 'BENCH_COMMAND_FAILED'
  | 'BENCH_DAEMON_START'
  | 'BENCH_HTTP'
  | 'BENCH_LOAD';

/** Any failure of the benchmark itself (not a missed target: those are results). */
export class BenchError extends ContainerPackageError {
  constructor(code: BenchErrorCode, message: string, details: ErrorDetails = {}) {
    super(code, message, details);
    this.name = 'BenchError';
  }
}

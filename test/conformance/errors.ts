/**
 * Go error values, as the conformance suite uses them.
 *
 * The suite returns errors rather than throwing them, joins them (`errors.Join`) and tags them
 * with sentinel errors that carry no text (`fmt.Errorf("...%.0w", errAPITestFail)`); the status of
 * a check is then read back with `errors.Is`. {@link CheckError} models such a value: a message
 * plus the set of sentinels ({@link Kind}) it wraps.
 */
import { ContainerPackageError } from '../../src/errors.js';

/** The suite's sentinel errors (`errors.go`). */
export const Kind = {
  /** `errAPITestDisabled`: the API is disabled by the configuration. */
  Disabled: 'disabled',
  /** `errAPITestSkip`: the test was skipped. */
  Skip: 'skip',
  /** `errAPITestError`: the test engine itself failed. */
  Error: 'error',
  /** `errAPITestFail`: a known conformance failure. */
  Fail: 'fail',
  /** `errRegUnsupported`: the registry does not support the requested (optional) API. */
  Unsupported: 'unsupported',
} as const;

/** One of the sentinel kinds. */
export type Kind = (typeof Kind)[keyof typeof Kind];

/** A Go-style error value: a message and the sentinels it wraps. Never thrown by the suite itself. */
export class CheckError extends Error {
  readonly kinds: ReadonlySet<Kind>;

  constructor(message: string, kinds: Iterable<Kind> = []) {
    super(message);
    this.name = 'CheckError';
    this.kinds = new Set(kinds);
  }
}

/** A bad configuration value. Code `CONFORMANCE_INVALID_CONFIG`. */
export class ConformanceConfigError extends ContainerPackageError {
  constructor(message: string, hint?: string) {
    super('CONFORMANCE_INVALID_CONFIG', message, { hint });
    this.name = 'ConformanceConfigError';
  }
}

/** The sentinels `err` wraps (none for a plain `Error` or a non-error). */
export function kindsOf(err: unknown): ReadonlySet<Kind> {
  return err instanceof CheckError ? err.kinds : new Set();
}

/** `errors.Is(err, sentinel)`. */
export function is(err: unknown, kind: Kind): boolean {
  return kindsOf(err).has(kind);
}

/** The message of any thrown or returned value. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** `fmt.Errorf("message%.0w", sentinel...)`: a new error carrying `kinds` silently. */
export function tagged(message: string, ...kinds: Kind[]): CheckError {
  return new CheckError(message, kinds);
}

/** `fmt.Errorf("message%.0w", err)`: the message only, wrapping `inner` silently. */
export function silently(message: string, inner: unknown): CheckError {
  return new CheckError(message, kindsOf(inner));
}

/** `fmt.Errorf("prefix: %w", err)`. */
export function wrap(prefix: string, inner: unknown): CheckError {
  return new CheckError(`${prefix}: ${messageOf(inner)}`, kindsOf(inner));
}

/** `fmt.Errorf("%.0w%w", sentinel, err)`: `inner` with one more sentinel. */
export function mark(kind: Kind, inner: unknown): CheckError {
  return new CheckError(messageOf(inner), [...kindsOf(inner), kind]);
}

/**
 * `errors.Join`: undefined when `errs` holds no error, otherwise one error whose message is the
 * messages joined by newlines and which wraps every sentinel of every part.
 */
export function join(errs: readonly unknown[]): CheckError | undefined {
  const present = errs.filter((e) => e !== undefined && e !== null);
  if (present.length === 0) return undefined;
  return new CheckError(
    present.map(messageOf).join('\n'),
    present.flatMap((e) => [...kindsOf(e)]),
  );
}

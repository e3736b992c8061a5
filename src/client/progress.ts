/**
 * Progress of a push, reported as byte counts to an optional observer (never a reason to buffer).
 * Model: go-containerregistry `remote/progress.go`.
 */

/** What happened. */
export type ProgressEventType =
  'blob-start' | 'blob-progress' | 'blob-done' | 'blob-skipped' | 'blob-mounted' | 'manifest-done';

/** One progress report. Holds no credentials and no URLs. */
export interface ProgressEvent {
  readonly type: ProgressEventType;
  /** `registry/repository` the event is about. */
  readonly repository: string;
  readonly digest: string;
  /**
   * Bytes sent so far (`blob-progress`), or the full size for the final events. After a failed
   * request is retried the count starts again from the offset being re-sent, so it may go down.
   */
  readonly bytes: number;
  /** The blob's or manifest's size. */
  readonly total: number;
  /** For `blob-mounted`: the repository the blob was mounted from. */
  readonly from?: string;
  /** For `manifest-done`: the tag it was put under, when put by tag. */
  readonly tag?: string;
  /**
   * For the `blob-done` of a layer compressed as it uploaded: the digest its earlier events
   * carried (the uncompressed layer's; the compressed one, in `digest`, is known only now).
   */
  readonly replaces?: string;
}

/** Receives progress events; an observer that throws is ignored (it cannot break a push). */
export type ProgressObserver = (event: ProgressEvent) => void;

/** Calls `observer` with `event`, swallowing anything it throws. */
export function report(observer: ProgressObserver | undefined, event: ProgressEvent): void {
  if (observer === undefined) return;
  try {
    observer(event);
  } catch {
    // An observer's failure must not fail the push.
  }
}

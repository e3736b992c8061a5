/**
 * Running async work with a concurrency limit, failing fast. Shared by the push (blobs in
 * parallel) and the sources (layers compressed in parallel), which are layers that may not import
 * each other.
 */

/**
 * Calls `work` for every item, at most `limit` at a time (at least 1), and resolves with the
 * results in item order. On the first failure no new item is started, the `signal` handed to
 * running work is aborted, and once every started call has settled the first error is thrown:
 * nothing is left running behind the caller's back (temp files can then be removed safely). An
 * abort of the caller's `signal` stops it the same way (its reason is thrown when no call failed).
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, signal: AbortSignal, index: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  const failed = new AbortController();
  const combined = signal ? AbortSignal.any([signal, failed.signal]) : failed.signal;
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let firstError: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (firstError === undefined && !combined.aborted && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index]!, combined, index);
      } catch (error) {
        if (firstError === undefined) {
          firstError = { error };
          failed.abort(error);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (firstError !== undefined) throw firstError.error;
  signal?.throwIfAborted();
  return results;
}

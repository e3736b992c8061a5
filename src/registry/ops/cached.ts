/**
 * Wraps an expensive async computation so it runs at most once per `maxAgeMs`; callers in the
 * meantime get the last value (or share the computation in flight). A failure is not cached.
 */
export function cachedFor<T>(
  maxAgeMs: number,
  compute: () => Promise<T>,
  now: () => number = Date.now,
): () => Promise<T> {
  let last: { at: number; value: T } | undefined;
  let running: Promise<T> | undefined;
  return () => {
    if (last !== undefined && now() - last.at < maxAgeMs) return Promise.resolve(last.value);
    running ??= compute()
      .then((value) => {
        last = { at: now(), value };
        return value;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
}

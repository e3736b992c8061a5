/**
 * Runs `fn` over `items` with at most `limit` calls in flight, and returns the results in input
 * order. On the first failure no new call starts, `onFailure` runs (to abort the calls in
 * flight), and once every started call has settled the first error is thrown: nothing is left
 * running behind the caller's back (temp files can then be removed safely).
 *
 * @param limit at least 1
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
  onFailure: (error: unknown) => void = () => undefined,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index]!, index);
      } catch (error) {
        if (failure === undefined) {
          failure = { error };
          onFailure(error);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure !== undefined) throw failure.error;
  return results;
}

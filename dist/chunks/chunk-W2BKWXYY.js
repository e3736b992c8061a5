import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);

// src/map-limit.ts
async function mapLimit(items, limit, work, signal) {
  const failed = new AbortController();
  const combined = signal ? AbortSignal.any([signal, failed.signal]) : failed.signal;
  const results = new Array(items.length);
  let next = 0;
  let firstError;
  const worker = async () => {
    while (firstError === void 0 && !combined.aborted && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index], combined, index);
      } catch (error) {
        if (firstError === void 0) {
          firstError = { error };
          failed.abort(error);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (firstError !== void 0) throw firstError.error;
  signal?.throwIfAborted();
  return results;
}

export {
  mapLimit
};

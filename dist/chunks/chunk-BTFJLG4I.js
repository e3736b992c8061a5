import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);

// src/chunk-pool.ts
var loans = /* @__PURE__ */ new WeakMap();
var ChunkPool = class {
  size;
  #keep;
  #free = [];
  /**
   * @param size bytes per buffer
   * @param keep most released buffers kept for reuse (more are left to the GC). Default 8.
   */
  constructor(size, keep = 8) {
    this.size = size;
    this.#keep = keep;
  }
  /** A buffer of {@link size} bytes: one released before, else a new one. Its bytes are not zeroed. */
  take() {
    return this.#free.pop() ?? Buffer.allocUnsafeSlow(this.size);
  }
  /** Gives back a buffer taken and not lent (a read that returned nothing). */
  giveBack(buffer) {
    if (this.#free.length < this.#keep && buffer.length === this.size) this.#free.push(buffer);
  }
  /** Records that `chunk` (a view of `buffer`, which came from {@link take}) is pushed to a consumer. */
  lend(buffer, chunk) {
    loans.set(chunk, { pool: this, buffer });
  }
};
function releaseChunk(chunk) {
  if (typeof chunk !== "object" || chunk === null) return;
  const loan = loans.get(chunk);
  if (loan === void 0) return;
  loans.delete(chunk);
  loan.pool.giveBack(loan.buffer);
}
function pipeReleasing(source, target) {
  source.once("error", (error) => target.destroy(error));
  target.once("close", () => {
    if (!source.readableEnded) source.destroy();
  });
  source.on("data", (chunk) => {
    const more = target.write(chunk, (error) => {
      if (!error) releaseChunk(chunk);
    });
    if (!more) source.pause();
  });
  target.on("drain", () => source.resume());
  source.once("end", () => target.end());
}

export {
  ChunkPool,
  pipeReleasing
};

/**
 * Upper bounds (seconds) of the request latency histogram's buckets: from 1 ms (a manifest HEAD
 * answered from memory) to 5 minutes (a large blob). Prometheus computes p50 and p99 from these
 * with `histogram_quantile(0.99, sum by (le) (rate(registry_http_request_duration_seconds_bucket[5m])))`.
 */
export const LATENCY_BUCKETS: readonly number[] = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300,
];

/** A Prometheus histogram of one series: counts per bucket, sum and count. */
export class Histogram {
  readonly #bounds: readonly number[];
  readonly #counts: number[];
  #sum = 0;
  #count = 0;

  constructor(bounds: readonly number[] = LATENCY_BUCKETS) {
    this.#bounds = bounds;
    this.#counts = bounds.map(() => 0);
  }

  observe(value: number): void {
    this.#sum += value;
    this.#count += 1;
    const index = this.#bounds.findIndex((bound) => value <= bound);
    if (index >= 0) this.#counts[index]! += 1;
  }

  /**
   * The series' lines: cumulative `_bucket{…,le="…"}` lines ending with `le="+Inf"`, then
   * `_sum` and `_count`. `labels` is the rendered label list without braces (`route="blob"`).
   */
  lines(name: string, labels: string): string[] {
    const out: string[] = [];
    let cumulative = 0;
    this.#bounds.forEach((bound, i) => {
      cumulative += this.#counts[i]!;
      out.push(`${name}_bucket{${labels},le="${bound}"} ${cumulative}`);
    });
    out.push(`${name}_bucket{${labels},le="+Inf"} ${this.#count}`);
    out.push(`${name}_sum{${labels}} ${this.#sum.toFixed(6)}`);
    out.push(`${name}_count{${labels}} ${this.#count}`);
    return out;
  }

  /** The smallest bucket bound holding at least `q` (0..1) of the observations (a coarse quantile). */
  quantileBound(q: number): number {
    const target = q * this.#count;
    let cumulative = 0;
    for (let i = 0; i < this.#bounds.length; i += 1) {
      cumulative += this.#counts[i]!;
      if (cumulative >= target && this.#count > 0) return this.#bounds[i]!;
    }
    return Infinity;
  }
}

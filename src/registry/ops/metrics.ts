import { Histogram } from './histogram.js';
import { processMetricLines } from './process-metrics.js';

/** Storage figures for `/metrics`. */
export interface StorageUsage {
  readonly blobs: number;
  readonly bytes: number;
}

/** One finished request, as the metrics count it. */
export interface RequestSample {
  readonly route: string;
  readonly method: string;
  readonly status: number;
  readonly bytesIn: number;
  readonly bytesOut: number;
  readonly seconds: number;
}

/**
 * The registry's Prometheus metrics, kept in memory and rendered in the text exposition format
 * (version 0.0.4) by hand. Label values are route names, methods, statuses and the configured
 * mirror prefixes only: never repository names (unbounded) or anything a client sent verbatim.
 * Process metrics (`process_*`, `nodejs_*`) come last.
 */
export class Metrics {
  readonly #requests = new Map<string, number>();
  readonly #bytesIn = new Map<string, number>();
  readonly #bytesOut = new Map<string, number>();
  readonly #seconds = new Map<string, Histogram>();
  readonly #mirror = new Map<string, number>();
  #uploadsInFlight = 0;
  #storage: (() => Promise<StorageUsage | undefined>) | undefined;

  /** Sets where the storage figures come from (called on every scrape; cache inside). */
  setStorageSource(source: () => Promise<StorageUsage | undefined>): void {
    this.#storage = source;
  }

  /** Counts a finished request. */
  record(sample: RequestSample): void {
    const key = `${sample.route}\u0000${sample.method}\u0000${sample.status}`;
    this.#requests.set(key, (this.#requests.get(key) ?? 0) + 1);
    add(this.#bytesIn, sample.route, sample.bytesIn);
    add(this.#bytesOut, sample.route, sample.bytesOut);
    let time = this.#seconds.get(sample.route);
    if (time === undefined) this.#seconds.set(sample.route, (time = new Histogram()));
    time.observe(sample.seconds);
  }

  /**
   * Counts a pull served by a mirror: `hit` from the cache, `miss` fetched from the upstream,
   * `stale` a cached tag served because the upstream could not be asked. `mirror` is its prefix.
   */
  recordMirror(mirror: string, kind: 'manifest' | 'blob', result: 'hit' | 'miss' | 'stale'): void {
    const key = `${mirror}\u0000${kind}\u0000${result}`;
    this.#mirror.set(key, (this.#mirror.get(key) ?? 0) + 1);
  }

  /** The latency histogram of `route` (undefined before its first request). */
  latency(route: string): Histogram | undefined {
    return this.#seconds.get(route);
  }

  /** Marks an upload request as started; call the returned function once when it ends. */
  uploadStarted(): () => void {
    this.#uploadsInFlight += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.#uploadsInFlight -= 1;
    };
  }

  /** Upload requests being received right now. */
  get uploadsInFlight(): number {
    return this.#uploadsInFlight;
  }

  /** The metrics in Prometheus text format. */
  async render(): Promise<string> {
    const lines: string[] = [];
    const family = (name: string, type: string, help: string): void => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    };
    family('registry_http_requests_total', 'counter', 'HTTP requests answered, by route, method and status.');
    for (const [key, value] of [...this.#requests].sort()) {
      const [route, method, status] = key.split('\u0000');
      lines.push(
        `registry_http_requests_total{route="${route}",method="${method}",status="${status}"} ${value}`,
      );
    }
    family('registry_http_request_bytes_total', 'counter', 'Bytes received (headers included), by route.');
    for (const [route, value] of [...this.#bytesIn].sort())
      lines.push(`registry_http_request_bytes_total{route="${route}"} ${value}`);
    family('registry_http_response_bytes_total', 'counter', 'Bytes sent (headers included), by route.');
    for (const [route, value] of [...this.#bytesOut].sort())
      lines.push(`registry_http_response_bytes_total{route="${route}"} ${value}`);
    family(
      'registry_http_request_duration_seconds',
      'histogram',
      'Time from request to the end of the response, by route.',
    );
    for (const [route, histogram] of [...this.#seconds].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(...histogram.lines('registry_http_request_duration_seconds', `route="${route}"`));
    }
    family(
      'registry_mirror_requests_total',
      'counter',
      'Pulls served by a mirror, by mirror prefix, kind (manifest, blob) and result (hit, miss, stale).',
    );
    for (const [key, value] of [...this.#mirror].sort()) {
      const [mirror, kind, result] = key.split('\u0000');
      lines.push(
        `registry_mirror_requests_total{mirror="${escapeLabel(mirror!)}",kind="${kind}",result="${result}"} ${value}`,
      );
    }
    family('registry_uploads_in_flight', 'gauge', 'Blob upload requests being received now.');
    lines.push(`registry_uploads_in_flight ${this.#uploadsInFlight}`);
    const usage = await this.#storage?.().catch(() => undefined);
    if (usage !== undefined) {
      family(
        'registry_storage_bytes',
        'gauge',
        'Bytes of blob and manifest content in the store (refreshed at most once a minute).',
      );
      lines.push(`registry_storage_bytes ${usage.bytes}`);
      family(
        'registry_storage_blobs',
        'gauge',
        'Blobs and manifests in the store (refreshed at most once a minute).',
      );
      lines.push(`registry_storage_blobs ${usage.blobs}`);
    }
    lines.push(...(await processMetricLines()));
    return `${lines.join('\n')}\n`;
  }
}

/** A label value as the text format wants it: backslash, quote and newline escaped. */
function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function add(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

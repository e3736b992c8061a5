/**
 * Progress of a publish on the terminal: a live per-layer display on a TTY, plain lines in CI
 * logs (one per layer event, and a summary every few seconds), nothing at all with `--json`.
 */
import type { PublishEvent } from '../publish/index.js';
import { formatBytes } from '../render/index.js';

/** Where progress goes and how. */
export interface ProgressOptions {
  readonly stream: NodeJS.WriteStream;
  /** `live` (TTY), `plain` (logs) or `none`. Default: live on a TTY outside CI, else plain. */
  readonly mode?: 'live' | 'plain' | 'none';
  /** Seconds between summary lines in plain mode. Default 5. */
  readonly intervalSeconds?: number;
}

interface BlobState {
  digest: string;
  bytes: number;
  total: number;
  status: 'pushing' | 'pushed' | 'exists' | 'mounted';
}

/** Chooses the mode for `stream`: live on an interactive terminal unless CI is set. */
export function progressMode(
  stream: NodeJS.WriteStream,
  env: NodeJS.ProcessEnv = process.env,
): 'live' | 'plain' {
  return stream.isTTY && !env.CI && env.TERM !== 'dumb' ? 'live' : 'plain';
}

/** A progress display fed with publish events. Call `stop()` when done. */
export class Progress {
  readonly #stream: NodeJS.WriteStream;
  readonly #mode: 'live' | 'plain' | 'none';
  readonly #blobs = new Map<string, BlobState>();
  readonly #timer: NodeJS.Timeout | undefined;
  #drawn = 0;
  #target = '';

  constructor(options: ProgressOptions) {
    this.#stream = options.stream;
    this.#mode = options.mode ?? progressMode(options.stream);
    if (this.#mode === 'live') this.#timer = setInterval(() => this.#draw(), 100);
    else if (this.#mode === 'plain')
      this.#timer = setInterval(() => this.#summary(), (options.intervalSeconds ?? 5) * 1000);
    this.#timer?.unref();
  }

  /** Feeds one event. */
  readonly onEvent = (event: PublishEvent): void => {
    if (this.#mode === 'none') return;
    switch (event.type) {
      case 'image-start':
        this.#target = event.target;
        this.#blobs.clear();
        this.#line(`pushing ${event.source} to ${event.repository}`);
        return;
      case 'engine-line':
        this.#line(`  ${event.line}`);
        return;
      case 'image-done':
        // The block's final state stays on screen once, above this line: stop() draws nothing more.
        this.#draw();
        this.#drawn = 0;
        this.#blobs.clear();
        this.#line(
          `pushed ${event.image.references.join(', ')} (${event.image.digest}, ${formatBytes(event.image.size)})`,
        );
        return;
      case 'progress':
        this.#progress(event.event);
    }
  };

  /** Stops the timers and draws the final state (of a push that did not finish: a finished one is drawn). */
  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    if (this.#mode === 'live' && this.#blobs.size > 0) this.#draw();
  }

  #progress(event: Extract<PublishEvent, { type: 'progress' }>['event']): void {
    const short = event.digest.replace(/^sha(256|512):/, '').slice(0, 12);
    if (event.type === 'manifest-done') {
      this.#line(`  manifest ${short}${event.tag ? ` tagged ${event.tag}` : ''}`);
      return;
    }
    // A layer compressed as it uploaded is shown under its stored (compressed) digest once known,
    // the digest `inspect` and a re-push show.
    const earlier = event.replaces === undefined ? undefined : this.#blobs.get(event.replaces);
    if (event.replaces !== undefined) this.#blobs.delete(event.replaces);
    const state = earlier ??
      this.#blobs.get(event.digest) ?? {
        digest: short,
        bytes: 0,
        total: event.total,
        status: 'pushing' as const,
      };
    state.digest = short;
    state.bytes = event.bytes;
    state.total = event.total;
    const done: Record<string, BlobState['status'] | undefined> = {
      'blob-done': 'pushed',
      'blob-skipped': 'exists',
      'blob-mounted': 'mounted',
    };
    state.status = done[event.type] ?? 'pushing';
    this.#blobs.set(event.digest, state);
    if (this.#mode === 'plain' && event.type !== 'blob-progress') {
      const what =
        event.type === 'blob-start'
          ? 'uploading'
          : state.status === 'exists'
            ? 'already there'
            : state.status;
      this.#line(`  blob ${short} ${what} (${formatBytes(event.total)})`);
    }
  }

  #summary(): void {
    const pushing = [...this.#blobs.values()].filter((b) => b.status === 'pushing');
    if (pushing.length === 0) return;
    const sent = pushing.reduce((n, b) => n + b.bytes, 0);
    const total = pushing.reduce((n, b) => n + b.total, 0);
    this.#line(
      `  ${this.#target}: ${pushing.length} layer(s) uploading, ${formatBytes(sent)} of ${formatBytes(total)}`,
    );
  }

  #draw(): void {
    if (this.#mode !== 'live') return;
    const lines = [...this.#blobs.values()].map((b) => {
      const pct = b.total > 0 ? Math.floor((100 * Math.min(b.bytes, b.total)) / b.total) : 100;
      const width = 24;
      const filled = b.status === 'pushing' ? Math.round((pct / 100) * width) : width;
      const bar = '='.repeat(filled).padEnd(width, ' ');
      const label = b.status === 'pushing' ? `${formatBytes(b.bytes)}/${formatBytes(b.total)}` : b.status;
      return `  ${b.digest} [${bar}] ${label}`;
    });
    let out = this.#drawn > 0 ? `\x1b[${this.#drawn}A` : '';
    out += lines.map((l) => `\x1b[2K${l}\n`).join('');
    this.#drawn = lines.length;
    if (out) this.#stream.write(out);
  }

  #line(text: string): void {
    if (this.#mode === 'live' && this.#drawn > 0) {
      this.#stream.write(`\x1b[${this.#drawn}A\x1b[0J`);
      this.#drawn = 0;
    }
    this.#stream.write(`${text}\n`);
  }
}

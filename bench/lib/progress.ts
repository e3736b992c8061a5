/**
 * The progress line on stderr: which step runs and for how long, and the total elapsed time.
 * On a terminal one line is rewritten every second; otherwise (CI logs, tests) a line is printed
 * when a step starts, so logs stay readable.
 */

/** Options of {@link Progress}. */
export interface ProgressOptions {
  /** Default `process.stderr`. */
  readonly stream?: NodeJS.WriteStream;
  /** Print nothing at all. Default false. */
  readonly silent?: boolean;
}

/** Tracks the current step and draws the line. Call {@link Progress.stop} at the end. */
export class Progress {
  readonly #stream: NodeJS.WriteStream;
  readonly #silent: boolean;
  readonly #tty: boolean;
  readonly #started = performance.now();
  #stepStarted = performance.now();
  #label = 'starting';
  #detail = '';
  #timer: NodeJS.Timeout | undefined;

  constructor(options: ProgressOptions = {}) {
    this.#stream = options.stream ?? process.stderr;
    this.#silent = options.silent ?? false;
    this.#tty = this.#stream.isTTY === true;
    if (this.#tty && !this.#silent) {
      this.#timer = setInterval(() => this.#draw(), 1000);
      this.#timer.unref();
    }
  }

  /** Starts a new step, e.g. `registry push: ours, run 2/3`. */
  step(label: string): void {
    this.#label = label;
    this.#detail = '';
    this.#stepStarted = performance.now();
    if (this.#silent) return;
    if (this.#tty) this.#draw();
    else this.#stream.write(`[bench ${clock(performance.now() - this.#started)}] ${label}\n`);
  }

  /** Adds a detail to the current step on a terminal (e.g. bytes written so far). */
  detail(text: string): void {
    this.#detail = text;
  }

  /** Writes a message on its own line (the progress line is redrawn after it). */
  note(text: string): void {
    if (this.#silent) return;
    if (this.#tty) this.#stream.write('\r\u001b[K');
    this.#stream.write(`${text}\n`);
    if (this.#tty) this.#draw();
  }

  /** Clears the line and stops redrawing. Idempotent. */
  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    if (this.#tty && !this.#silent) this.#stream.write('\r\u001b[K');
  }

  /** Seconds since the progress started. */
  elapsedSeconds(): number {
    return (performance.now() - this.#started) / 1000;
  }

  #draw(): void {
    const now = performance.now();
    const detail = this.#detail === '' ? '' : ` — ${this.#detail}`;
    const line = `[bench ${clock(now - this.#started)}] ${this.#label} (${clock(now - this.#stepStarted)})${detail}`;
    const width = this.#stream.columns ?? 100;
    this.#stream.write(`\r\u001b[K${line.slice(0, Math.max(20, width - 1))}`);
  }
}

/** `m:ss` for a duration in milliseconds. */
function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

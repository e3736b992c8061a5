/**
 * A closed-loop HTTP/1.1 load generator on raw keep-alive sockets: each connection sends one
 * request, waits for the whole response, records its latency and sends the next, for a fixed
 * time. Raw sockets because the figure of interest (tens of thousands of small responses a
 * second) needs a client far cheaper than the server, and because HEAD answers carry a
 * Content-Length with no body — which this parser knows, where wrk and autocannon stall.
 * Supports Content-Length bodies only (registries send them for manifests); a chunked answer is
 * an error.
 */
import { connect, type Socket } from 'node:net';
import { BenchError } from './errors.js';
import { percentile } from './stats.js';

/** Options of {@link runLoad}. */
export interface LoadOptions {
  /** Full URL, `http://HOST:PORT/path`. */
  readonly url: string;
  readonly method: 'GET' | 'HEAD';
  /** Extra request headers. */
  readonly headers?: Record<string, string>;
  /** Concurrent keep-alive connections. */
  readonly connections: number;
  /** How long requests are counted, after the warm-up. */
  readonly durationMs: number;
  /** How long requests run before counting starts. Default 500 ms. */
  readonly warmupMs?: number;
  /** Called at the start of the counted period (e.g. to read the server's CPU time). */
  readonly onMeasureStart?: () => void;
}

/** What a run measured (counted period only). */
export interface LoadResult {
  /** Responses with a 2xx status. */
  readonly ok: number;
  /** Responses with another status. */
  readonly failed: number;
  /** Connections lost and reopened. */
  readonly reconnects: number;
  readonly seconds: number;
  /** 2xx responses per second. */
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** CPU seconds this process spent (a client near 1 CPU-s per second is saturated). */
  readonly clientCpuSeconds: number;
}

/**
 * Runs the load and resolves the figures.
 *
 * @throws BenchError `BENCH_LOAD` when the server cannot be reached, answers chunked, or no
 *   request succeeded
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const port = Number(url.port || 80);
  const headers = { Host: url.host, 'User-Agent': 'container-package-bench', ...options.headers };
  const request = Buffer.from(
    `${options.method} ${url.pathname}${url.search} HTTP/1.1\r\n` +
      Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('') +
      '\r\n',
    'latin1',
  );
  const state = {
    counting: false,
    stopping: false,
    ok: 0,
    failed: 0,
    reconnects: 0,
    fatal: undefined as Error | undefined,
  };
  const latencies: number[] = [];
  const record = (status: number, ms: number): void => {
    if (!state.counting) return;
    if (status >= 200 && status < 300) state.ok++;
    else state.failed++;
    latencies.push(ms);
  };
  const loops = Array.from({ length: options.connections }, () =>
    connectionLoop(port, url.hostname, request, options.method === 'HEAD', state, record),
  );
  await sleep(options.warmupMs ?? 500);
  options.onMeasureStart?.();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  state.counting = true;
  await sleep(options.durationMs);
  state.counting = false;
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  state.stopping = true;
  await Promise.all(loops);
  if (state.fatal) throw state.fatal;
  if (state.ok === 0) {
    throw new BenchError(
      'BENCH_LOAD',
      `no ${options.method} ${options.url} succeeded (${state.failed} failed)`,
    );
  }
  const sorted = Float64Array.from(latencies).sort();
  return {
    ok: state.ok,
    failed: state.failed,
    reconnects: state.reconnects,
    seconds,
    rps: state.ok / seconds,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted[sorted.length - 1] ?? NaN,
    clientCpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}

interface LoopState {
  stopping: boolean;
  reconnects: number;
  fatal: Error | undefined;
}

/** One connection: request, await response, repeat until stopping; reconnects when the server closes. */
async function connectionLoop(
  port: number,
  host: string,
  request: Buffer,
  head: boolean,
  state: LoopState,
  record: (status: number, ms: number) => void,
): Promise<void> {
  let failures = 0;
  while (!state.stopping && state.fatal === undefined) {
    try {
      await serve(await open(port, host), request, head, state, record);
      return;
    } catch (error) {
      if (error instanceof BenchError) state.fatal ??= error;
      else if (++failures > 20)
        state.fatal ??= new BenchError('BENCH_LOAD', `connection to ${host}:${port} keeps failing`, {
          cause: error,
        });
      else state.reconnects++;
    }
  }
}

function open(port: number, host: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host, noDelay: true });
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/** Sends requests on `socket` until stopping; rejects when the socket fails or closes early. */
function serve(
  socket: Socket,
  request: Buffer,
  head: boolean,
  state: LoopState,
  record: (status: number, ms: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let buffer: Buffer = Buffer.alloc(0);
    let sentAt = 0;
    const send = (): void => {
      if (state.stopping || state.fatal !== undefined) {
        socket.removeAllListeners();
        socket.destroy();
        resolve();
        return;
      }
      sentAt = performance.now();
      socket.write(request);
    };
    socket.on('data', (chunk: Buffer) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      for (;;) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const header = buffer.toString('latin1', 0, end);
        if (/\r\ntransfer-encoding:\s*chunked/i.test(header)) {
          socket.destroy();
          reject(
            new BenchError(
              'BENCH_LOAD',
              'the server answered with a chunked body; the load generator needs Content-Length',
            ),
          );
          return;
        }
        const length = head ? 0 : Number(/\r\ncontent-length:\s*(\d+)/i.exec(header)?.[1] ?? 0);
        const total = end + 4 + length;
        if (buffer.length < total) return;
        record(Number(header.slice(9, 12)), performance.now() - sentAt);
        buffer = buffer.subarray(total);
        if (buffer.length > 0) continue; // unexpected: the server sent more than one answer
        send();
        return;
      }
    });
    socket.once('error', reject);
    socket.once('close', () => reject(new Error('connection closed by the server')));
    send();
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

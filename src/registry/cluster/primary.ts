/**
 * The primary of `registry serve --workers N`: it does what one serving process does once for
 * all (checks the config, takes the storage lock, reads or draws the bearer signing key), forks N
 * workers that listen on one shared socket (node:cluster hands connections out round-robin), and
 * then only routes their messages: cache drops (a write through one worker is seen by the next
 * request to any worker), `/metrics` (every worker's, labelled), and restarts of a worker that
 * died. It serves no request itself.
 */
import cluster, { type Worker } from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { ContainerPackageError } from '../../errors.js';
import { readSigningKey } from '../auth/signing-key.js';
import { checkListenSafety, isOpen, type RegistryConfig } from '../config.js';
import { mirrorOptionsOf } from '../mirror/credentials.js';
import type { Logger } from '../ops/logger.js';
import { lockStorage } from '../service.js';
import type { CacheChange } from '../storage/coherence.js';
import {
  isProtocolMessage,
  WORKER_ENV,
  type PrimaryMessage,
  type WorkerError,
  type WorkerMessage,
} from './messages.js';
import { mergeExpositions } from './metrics-merge.js';

/** A worker that has not acknowledged a cache drop after this long is replaced (it is stuck). */
const DROP_ACK_TIMEOUT_MS = 5_000;
/** `/metrics` waits this long for each worker's text; one that does not answer is left out. */
const METRICS_TIMEOUT_MS = 2_000;
/** More than this many workers dying within {@link RESTART_WINDOW_MS} stops the registry. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;

/** Running workers. */
export interface WorkersService {
  /** `http://HOST:PORT` they listen on. */
  readonly url: string;
  /** Rejects (`REGISTRY_WORKER_FAILED`) when workers keep dying and the registry gave up. */
  readonly failed: Promise<never>;
  /** Stops every worker gracefully (each finishes its requests), then releases the lock. */
  close(): Promise<void>;
}

interface Slot {
  worker: Worker | undefined;
  listening: boolean;
  failure: WorkerError | undefined;
}

interface PendingDrop {
  readonly from: Worker;
  readonly id: number;
  readonly remaining: Set<Worker>;
  readonly timer: NodeJS.Timeout;
}

interface PendingMetrics {
  readonly from: Worker;
  readonly id: number;
  readonly texts: { worker: number; text: string }[];
  readonly remaining: Set<Worker>;
  readonly timer: NodeJS.Timeout;
}

/**
 * Starts `config.workers` workers and resolves once every one listens.
 *
 * @throws RegistryConfigError for an unsafe listen address or a mirror's unset credential variable
 * @throws StorageLockedError (`REGISTRY_STORAGE_LOCKED`) when another process serves that storage
 * @throws ContainerPackageError the first worker's start-up failure, with its code (a port in use:
 *   `REGISTRY_ADDRESS_IN_USE`), or `REGISTRY_WORKER_FAILED` when a worker died without saying why
 */
export async function startWorkers(config: RegistryConfig, logger: Logger): Promise<WorkersService> {
  checkListenSafety(config);
  mirrorOptionsOf(config.mirrors, process.env, config.source);
  const lock = await lockStorage(config);
  let service: WorkersService;
  try {
    // Without a shared key file the primary draws one key for all its workers.
    const signingKey = isOpen(config)
      ? undefined
      : config.tokenSigningKeyFile === undefined
        ? randomBytes(32)
        : await readSigningKey(config.tokenSigningKeyFile);
    service = await new Primary(config, logger, signingKey).start();
  } catch (error) {
    await lock?.release();
    throw error;
  }
  return {
    ...service,
    close: async () => {
      try {
        await service.close();
      } finally {
        await lock?.release();
      }
    },
  };
}

class Primary {
  readonly #config: RegistryConfig;
  readonly #logger: Logger;
  readonly #signingKey: Buffer | undefined;
  readonly #slots: Slot[];
  readonly #drops = new Map<number, PendingDrop>();
  readonly #collections = new Map<number, PendingMetrics>();
  #nextId = 1;
  #started = false;
  #closing = false;
  #restarts: number[] = [];
  #onStarted: { resolve: (url: string) => void; reject: (error: Error) => void } | undefined;
  #url = '';
  #fail: (error: Error) => void = () => undefined;
  #allExited: () => void = () => undefined;

  constructor(config: RegistryConfig, logger: Logger, signingKey: Buffer | undefined) {
    this.#config = config;
    this.#logger = logger;
    this.#signingKey = signingKey;
    this.#slots = Array.from({ length: config.workers }, () => ({
      worker: undefined,
      listening: false,
      failure: undefined,
    }));
  }

  async start(): Promise<WorkersService> {
    const started = new Promise<string>((resolve, reject) => (this.#onStarted = { resolve, reject }));
    for (let slot = 0; slot < this.#slots.length; slot += 1) this.#fork(slot);
    try {
      this.#url = await started;
    } catch (error) {
      await this.#stopAll();
      throw error;
    }
    this.#started = true;
    const failed = new Promise<never>((_, reject) => (this.#fail = reject));
    failed.catch(() => undefined);
    this.#logger.log('info', 'workers listening', {
      workers: this.#slots.length,
      pids: this.#slots.map((s) => s.worker?.process.pid),
    });
    return { url: this.#url, failed, close: () => this.#stopAll() };
  }

  #fork(slot: number): void {
    const worker = cluster.fork({ [WORKER_ENV]: String(slot) });
    const state = this.#slots[slot]!;
    state.worker = worker;
    state.listening = false;
    state.failure = undefined;
    worker.on('message', (message: unknown) => {
      if (isProtocolMessage(message)) this.#handle(slot, worker, message as WorkerMessage);
    });
    worker.on('exit', (code, signal) => this.#exited(slot, worker, code, signal));
    // An IPC send to a worker that just died fails: its exit is handled above.
    worker.on('error', () => undefined);
  }

  #send(worker: Worker, message: PrimaryMessage): void {
    if (worker.isConnected()) worker.send(message);
  }

  #live(): Worker[] {
    return this.#slots.flatMap((s) => (s.worker !== undefined && s.worker.isConnected() ? [s.worker] : []));
  }

  #handle(slot: number, worker: Worker, message: WorkerMessage): void {
    const state = this.#slots[slot]!;
    switch (message.cp) {
      case 'ready':
        return this.#send(worker, {
          cp: 'init',
          index: slot,
          ...(this.#signingKey === undefined ? {} : { signingKey: this.#signingKey.toString('base64') }),
        });
      case 'listening':
        state.listening = true;
        if (this.#started) {
          this.#logger.log('info', 'worker replaced', { worker: slot, pid: worker.process.pid });
        } else if (this.#slots.every((s) => s.listening)) {
          this.#onStarted?.resolve(message.url);
        }
        return;
      case 'failed':
        state.failure = message.error;
        return;
      case 'drop':
        return this.#drop(worker, message.id, message.change);
      case 'drop-ack':
        return this.#acknowledged(worker, message.id);
      case 'metrics':
        return this.#collect(worker, message.id);
      case 'metrics-text': {
        const pending = this.#collections.get(message.id);
        if (pending === undefined || !pending.remaining.delete(worker)) return;
        pending.texts.push({ worker: slot, text: message.text });
        if (pending.remaining.size === 0) this.#answerMetrics(message.id);
        return;
      }
    }
  }

  /** Tells every other worker to drop `change`; answers `from` once they all did. */
  #drop(from: Worker, id: number, change: CacheChange): void {
    const others = this.#live().filter((w) => w !== from);
    if (others.length === 0) return this.#send(from, { cp: 'dropped', id });
    const own = this.#nextId++;
    const timer = setTimeout(() => {
      const pending = this.#drops.get(own);
      if (pending === undefined) return;
      for (const stuck of pending.remaining) {
        // It cannot have dropped the entries, so it must not answer from them any more.
        this.#logger.log('error', 'worker did not acknowledge a cache drop: replacing it', {
          worker: this.#slotOf(stuck),
          pid: stuck.process.pid,
        });
        stuck.process.kill('SIGKILL');
      }
      this.#finishDrop(own);
    }, DROP_ACK_TIMEOUT_MS);
    timer.unref();
    this.#drops.set(own, { from, id, remaining: new Set(others), timer });
    for (const other of others) this.#send(other, { cp: 'drop', id: own, change });
  }

  #acknowledged(worker: Worker, own: number): void {
    const pending = this.#drops.get(own);
    if (pending === undefined) return;
    pending.remaining.delete(worker);
    if (pending.remaining.size === 0) this.#finishDrop(own);
  }

  #finishDrop(own: number): void {
    const pending = this.#drops.get(own);
    if (pending === undefined) return;
    this.#drops.delete(own);
    clearTimeout(pending.timer);
    this.#send(pending.from, { cp: 'dropped', id: pending.id });
  }

  /** Asks every worker for its metrics; answers `from` with all of them, labelled by worker. */
  #collect(from: Worker, id: number): void {
    const own = this.#nextId++;
    const workers = this.#live();
    const timer = setTimeout(() => this.#answerMetrics(own), METRICS_TIMEOUT_MS);
    timer.unref();
    this.#collections.set(own, { from, id, texts: [], remaining: new Set(workers), timer });
    for (const worker of workers) this.#send(worker, { cp: 'collect', id: own });
  }

  #answerMetrics(own: number): void {
    const pending = this.#collections.get(own);
    if (pending === undefined) return;
    this.#collections.delete(own);
    clearTimeout(pending.timer);
    const texts = [...pending.texts].sort((a, b) => a.worker - b.worker);
    this.#send(pending.from, { cp: 'metrics', id: pending.id, text: mergeExpositions(texts) });
  }

  #slotOf(worker: Worker): number {
    return this.#slots.findIndex((s) => s.worker === worker);
  }

  #exited(slot: number, worker: Worker, code: number | null, signal: string | null): void {
    const state = this.#slots[slot]!;
    if (state.worker === worker) state.worker = undefined;
    for (const [own, pending] of this.#drops) {
      if (pending.from === worker) {
        clearTimeout(pending.timer);
        this.#drops.delete(own);
      } else if (pending.remaining.delete(worker) && pending.remaining.size === 0) this.#finishDrop(own);
    }
    for (const [own, pending] of this.#collections) {
      if (pending.remaining.delete(worker) && pending.remaining.size === 0) this.#answerMetrics(own);
    }
    if (this.#closing) {
      if (this.#slots.every((s) => s.worker === undefined)) this.#allExited();
      return;
    }
    const how = signal === null ? `exited with status ${code ?? '?'}` : `was killed by ${signal}`;
    if (!this.#started) {
      const failure = state.failure;
      this.#onStarted?.reject(
        failure === undefined
          ? new ContainerPackageError(
              'REGISTRY_WORKER_FAILED',
              `registry worker ${slot} (PID ${worker.process.pid ?? '?'}) ${how} before it listened`,
              { hint: 'see its log lines above on stderr; try without --workers to see the error alone' },
            )
          : restore(failure),
      );
      return;
    }
    const now = Date.now();
    this.#restarts = [...this.#restarts.filter((at) => now - at < RESTART_WINDOW_MS), now];
    if (this.#restarts.length > MAX_RESTARTS) {
      this.#logger.log('error', 'workers keep dying: stopping', {
        worker: slot,
        restarts: this.#restarts.length,
      });
      this.#fail(
        new ContainerPackageError(
          'REGISTRY_WORKER_FAILED',
          `registry workers died ${this.#restarts.length} times within ${RESTART_WINDOW_MS / 1000} s (the last, worker ${slot}, ${how})`,
          {
            hint: 'see the workers’ error lines above on stderr; the registry stopped rather than restart them forever',
          },
        ),
      );
      return;
    }
    this.#logger.log('error', 'worker died: starting another', {
      worker: slot,
      pid: worker.process.pid,
      ...(signal === null ? { status: code } : { signal }),
    });
    this.#fork(slot);
  }

  /** Asks every worker to stop, waits for them (killing any that outlive the shutdown timeout). */
  async #stopAll(): Promise<void> {
    this.#closing = true;
    const live = this.#slots.filter((s) => s.worker !== undefined);
    if (live.length > 0) {
      const exited = new Promise<void>((resolve) => (this.#allExited = resolve));
      for (const state of live) this.#send(state.worker!, { cp: 'shutdown' });
      const force = setTimeout(() => {
        for (const state of this.#slots) state.worker?.process.kill('SIGKILL');
      }, this.#config.shutdownTimeoutMs + 5_000);
      force.unref();
      await exited;
      clearTimeout(force);
    }
  }
}

/** A worker's reported failure as an error of this process, code and hint kept. */
function restore(failure: WorkerError): Error {
  if (failure.code === undefined) return new Error(failure.message);
  return new ContainerPackageError(failure.code as ContainerPackageError['code'], failure.message, {
    ...(failure.hint === undefined ? {} : { hint: failure.hint }),
  });
}

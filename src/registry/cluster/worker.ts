/**
 * One worker of `registry serve --workers N`: a registry service like a single process's, except
 * that its primary holds the storage lock and the bearer signing key, the workers keep each
 * other's tag and link caches true through the primary (`coherence`), and `/metrics` answers for
 * all of them. See `primary.ts` for the other side.
 */
import type { RegistryConfig } from '../config.js';
import type { Metrics } from '../ops/metrics.js';
import { startRegistryService, type RegistryService } from '../service.js';
import type { CacheChange, CacheCoherence } from '../storage/coherence.js';
import {
  isProtocolMessage,
  WORKER_ENV,
  type PrimaryMessage,
  type WorkerError,
  type WorkerMessage,
} from './messages.js';

/**
 * How long a worker waits for the primary to answer a `drop` or `metrics`: past it, the primary is
 * taken as gone (it kills a worker that does not acknowledge a drop well before this).
 */
const ANSWER_TIMEOUT_MS = 30_000;

/**
 * Runs this process as a worker until the primary tells it to stop (or goes away), then exits.
 * `describe` turns a start-up failure into what the primary reports.
 */
export async function runWorker(
  config: RegistryConfig,
  describe: (error: unknown) => WorkerError,
): Promise<never> {
  const send = (message: WorkerMessage): void => {
    if (process.connected) process.send!(message);
  };
  const waiting = new Map<number, (message: PrimaryMessage) => void>();
  let nextId = 1;
  const ask = (message: (id: number) => WorkerMessage): Promise<PrimaryMessage | undefined> => {
    const id = nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        resolve(undefined);
      }, ANSWER_TIMEOUT_MS);
      timer.unref();
      waiting.set(id, (answer) => {
        clearTimeout(timer);
        waiting.delete(id);
        resolve(answer);
      });
      send(message(id));
    });
  };

  let drop: ((change: CacheChange) => void) | undefined;
  let metrics: Metrics | undefined;
  let service: RegistryService | undefined;
  let stopping: Promise<never> | undefined;
  const stop = (): Promise<never> =>
    (stopping ??= (async () => {
      await service?.close().catch(() => undefined);
      process.exit(0);
    })());

  let init: (message: Extract<PrimaryMessage, { cp: 'init' }>) => void = () => undefined;
  const initialized = new Promise<Extract<PrimaryMessage, { cp: 'init' }>>((resolve) => (init = resolve));
  process.on('message', (message: unknown) => {
    if (!isProtocolMessage(message)) return;
    const m = message as PrimaryMessage;
    switch (m.cp) {
      case 'init':
        return init(m);
      case 'drop':
        drop?.(m.change);
        return send({ cp: 'drop-ack', id: m.id });
      case 'collect':
        void (metrics?.render() ?? Promise.resolve('')).then(
          (text) => send({ cp: 'metrics-text', id: m.id, text }),
          () => send({ cp: 'metrics-text', id: m.id, text: '' }),
        );
        return;
      case 'dropped':
      case 'metrics':
        return waiting.get(m.id)?.(m);
      case 'shutdown':
        void stop();
        return;
    }
  });
  // The primary stops its workers itself (`shutdown`): Ctrl-C reaches the whole process group,
  // and SIGINT is left to the primary. SIGTERM to this worker alone stops it gracefully (the
  // primary starts another); the primary going away stops it too.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => void stop());
  process.on('disconnect', () => void stop());
  send({ cp: 'ready' });

  const { index, signingKey } = await initialized;
  const coherence: CacheCoherence = {
    announce: async (change) => {
      await ask((id) => ({ cp: 'drop', id, change }));
    },
    onChange: (listener) => {
      drop = listener;
    },
  };
  try {
    service = await startRegistryService(config, {
      worker: {
        index,
        signingKey: signingKey === undefined ? undefined : Buffer.from(signingKey, 'base64'),
        coherence,
        metricsText: async () => {
          const answer = await ask((id) => ({ cp: 'metrics', id }));
          if (answer?.cp === 'metrics') return answer.text;
          return (await metrics?.render()) ?? '';
        },
        onMetrics: (created) => {
          metrics = created;
        },
      },
    });
  } catch (error) {
    send({ cp: 'failed', error: describe(error) });
    // Let the message leave before the channel closes.
    await new Promise((resolve) => setTimeout(resolve, 50));
    process.exit(1);
  }
  send({ cp: 'listening', url: service.url });
  return new Promise<never>(() => undefined);
}

/** This process's worker slot, when it was forked as a worker of `registry serve --workers N`. */
export function workerSlot(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = env[WORKER_ENV];
  return value === undefined || !/^\d+$/.test(value) ? undefined : Number(value);
}

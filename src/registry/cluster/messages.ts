/**
 * What the primary and the workers of `registry serve --workers N` say to each other over the
 * cluster's IPC channel. Every message carries `cp` (its kind), so nothing else on the channel is
 * mistaken for one.
 */
import type { CacheChange } from '../storage/coherence.js';

/** A worker's start-up failure, as the primary reports it. */
export interface WorkerError {
  readonly code?: string;
  readonly message: string;
  readonly hint?: string;
}

/** Worker → primary. */
export type WorkerMessage =
  /** Its listener is in place: send `init`. */
  | { readonly cp: 'ready' }
  /** It serves. */
  | { readonly cp: 'listening'; readonly url: string }
  /** It could not start (it exits next). */
  | { readonly cp: 'failed'; readonly error: WorkerError }
  /** It changed these cache entries: tell the others, answer `dropped` once they all have. */
  | { readonly cp: 'drop'; readonly id: number; readonly change: CacheChange }
  /** It dropped what the primary's `drop` `id` named. */
  | { readonly cp: 'drop-ack'; readonly id: number }
  /** It answers `/metrics`: send every worker's text. */
  | { readonly cp: 'metrics'; readonly id: number }
  /** Its metrics, asked for by `collect` `id`. */
  | { readonly cp: 'metrics-text'; readonly id: number; readonly text: string };

/** Primary → worker. */
export type PrimaryMessage =
  | {
      readonly cp: 'init';
      readonly index: number;
      /** base64; absent for an open registry. */
      readonly signingKey?: string;
    }
  | { readonly cp: 'drop'; readonly id: number; readonly change: CacheChange }
  | { readonly cp: 'dropped'; readonly id: number }
  | { readonly cp: 'collect'; readonly id: number }
  | { readonly cp: 'metrics'; readonly id: number; readonly text: string }
  /** Stop: finish requests in flight and exit 0. */
  | { readonly cp: 'shutdown' };

/** The environment variable a worker finds its slot in. */
export const WORKER_ENV = 'CONTAINER_PACKAGE_REGISTRY_WORKER';

/** True for a message of this protocol. */
export function isProtocolMessage(value: unknown): value is { cp: string } {
  return typeof value === 'object' && value !== null && typeof (value as { cp?: unknown }).cp === 'string';
}

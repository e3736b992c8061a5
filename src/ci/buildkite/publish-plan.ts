/**
 * The normalised plan of a publishing job: what `plan.ts` makes of a validated configuration and
 * the build's facts, with every default applied. The types say nothing about Buildkite (the
 * annotation is a "summary", meta-data are "outputs") so that the GitHub Action can build the same
 * plan from its inputs; they are meant to move to the core once both adapters use them.
 */
import type { RegistryTarget } from '../../reference/index.js';
import type { PlannedImageSet } from '../../publish/plan/index.js';

/** Where a token comes from: an environment variable or the CI's secret store. Never the token. */
export type TokenSource =
  { readonly kind: 'env'; readonly name: string } | { readonly kind: 'secret'; readonly name: string };

/** How to log in to one registry. */
export type PlannedAuth =
  /** Mint a fresh OIDC token for `audience` right before each push (tokens live at most `lifetimeSeconds`). */
  | { readonly method: 'oidc'; readonly audience: string; readonly lifetimeSeconds: number }
  /** A token read at push time; `username` is `undefined` when the registry takes any. */
  | { readonly method: 'token'; readonly source: TokenSource; readonly username: string | undefined }
  /** Whatever the runner's docker config holds for the host (credential helpers, an earlier login). */
  | { readonly method: 'docker-config' }
  /** Anonymous. */
  | { readonly method: 'none' };

/** One registry to push to, and how to log in. */
export interface PlannedRegistry {
  readonly target: RegistryTarget;
  readonly auth: PlannedAuth;
}

/** Names of the outputs (Buildkite meta-data keys) that carry one image's results. */
export interface ImageOutputKeys {
  /** The manifest digest: `sha256:…`. */
  readonly digest: string;
  /** Every pushed reference, one per line. */
  readonly references: string;
}

/** One image to push, with the names of its outputs. */
export interface PlannedImage extends PlannedImageSet {
  /** Output names, when outputs are on. */
  readonly outputKeys: ImageOutputKeys | undefined;
}

/** Whether this job pushes. */
export interface PushDecision {
  readonly when: 'success' | 'always' | 'never';
  readonly push: boolean;
  /** One sentence for the log: why it does or does not push. */
  readonly reason: string;
}

/** The pull-instructions summary (Buildkite annotation, GitHub job summary). */
export interface SummaryPlan {
  /** Identifies this job's summary, so a retry replaces it instead of adding another. */
  readonly context: string;
  /** Style after a successful push; a failure is always shown as an error. */
  readonly successStyle: 'success' | 'info' | 'warning' | 'error';
  readonly priority: number | undefined;
}

/** The bundled registry started for the job. */
export interface LocalRegistryPlan {
  /** Port on 127.0.0.1; 0 picks a free one. */
  readonly port: number;
  /** Upstream registries it caches pulls from; empty for a plain registry. */
  readonly mirrors: readonly string[];
  /** Directory kept between jobs; `undefined` for a temp dir removed after the job. */
  readonly storage: string | undefined;
  /** Environment variable that receives `127.0.0.1:PORT`. */
  readonly exportAs: string;
}

/** Everything a publishing job does, decided before it does any of it. */
export interface PublishPlan {
  readonly registries: readonly PlannedRegistry[];
  readonly images: readonly PlannedImage[];
  readonly push: PushDecision;
  /** Retries of a failed request. */
  readonly retries: number;
  readonly compression: 'gzip' | 'zstd' | 'none';
  readonly summary: SummaryPlan | undefined;
  /** Prefix of the output names, when outputs are on. */
  readonly outputs: { readonly prefix: string } | undefined;
  readonly localRegistry: LocalRegistryPlan | undefined;
  /**
   * Registry prefixes (`packages.buildkite.com/acme/images`, `ghcr.io/acme`) this job logs in to
   * itself (OIDC or token): the job's docker config must drop what it holds for them, so a stale
   * credential is never used instead.
   */
  readonly credentialScopes: readonly string[];
}

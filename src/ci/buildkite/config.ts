/**
 * The plugin's configuration as the schema in `schema.ts` allows it: what `validatePluginConfig`
 * returns. Keys are the YAML keys. No defaults are filled here; `plan.ts` applies them.
 */
import type { ANNOTATION_STYLES, AUTH_METHODS, COMPRESSION_NAMES, PUSH_WHEN } from './schema.js';

/** `oidc`, `token-env`, `secret`, `docker-config` or `none`. */
export type AuthMethod = (typeof AUTH_METHODS)[number];
/** `success`, `always` or `never`. */
export type PushWhen = (typeof PUSH_WHEN)[number];
/** `success`, `info`, `warning` or `error`. */
export type AnnotationStyle = (typeof ANNOTATION_STYLES)[number];
/** `gzip`, `zstd` or `none`. */
export type CompressionName = (typeof COMPRESSION_NAMES)[number];

/** The login keys shared by the top level and a registry item. */
export interface AuthOptions {
  auth?: AuthMethod;
  'token-env'?: string;
  secret?: string;
  username?: string;
  audience?: string;
}

/** A registry item in its long form. */
export interface RegistryOptions extends AuthOptions {
  url: string;
}

/** An image item in its long form. */
export interface ImageOptions {
  source: string;
  name?: string;
  tags?: string[];
}

/** `annotate:` in its long form. */
export interface AnnotateOptions {
  context?: string;
  style?: AnnotationStyle;
  priority?: number;
}

/** `meta-data:` in its long form. */
export interface MetaDataOptions {
  prefix?: string;
}

/** `local-registry:` in its long form. */
export interface LocalRegistryOptions {
  port?: number;
  mirror?: string[];
  storage?: string;
  'export-as'?: string;
}

/** A configuration that passed `validatePluginConfig`. */
export interface PluginConfig extends AuthOptions {
  registry?: string | Array<string | RegistryOptions>;
  'packages-host'?: string;
  images?: Array<string | ImageOptions>;
  tags?: string[];
  push?: PushWhen;
  annotate?: boolean | AnnotateOptions;
  'meta-data'?: boolean | MetaDataOptions;
  retries?: number;
  compression?: CompressionName;
  'local-registry'?: boolean | LocalRegistryOptions;
}

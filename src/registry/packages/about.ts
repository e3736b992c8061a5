import type { About } from './types.js';

const PREFIX = 'org.opencontainers.image.';

const FIELDS: Readonly<Record<string, Exclude<keyof About, 'all'>>> = {
  title: 'title',
  version: 'version',
  description: 'description',
  url: 'url',
  source: 'source',
  documentation: 'documentation',
  licenses: 'licenses',
  vendor: 'vendor',
  authors: 'authors',
  created: 'created',
  revision: 'revision',
  'base.name': 'base_name',
  'base.digest': 'base_digest',
};

/** Longest value kept; longer ones are cut (a label is untrusted, possibly huge, text). */
const MAX_VALUE = 4096;

/**
 * The About panel: `org.opencontainers.image.*` keys from, in order of precedence, the index's
 * annotations, the image manifest's annotations and the image config's labels
 * (`config.Labels`). Non-string values are ignored; the values are untrusted text.
 */
export function aboutOf(sources: readonly (Readonly<Record<string, unknown>> | undefined)[]): About {
  const all: Record<string, string> = {};
  for (const source of sources) {
    for (const [key, value] of Object.entries(source ?? {})) {
      if (!key.startsWith(PREFIX) || typeof value !== 'string' || key in all) continue;
      all[key] = value.slice(0, MAX_VALUE);
    }
  }
  const about: Record<string, unknown> = {};
  for (const [suffix, field] of Object.entries(FIELDS)) {
    const value = all[PREFIX + suffix];
    if (value !== undefined && value !== '') about[field] = value;
  }
  return { ...(about as Omit<About, 'all'>), all };
}

/** The labels of an image config (`config.Labels`), or undefined. */
export function labelsOf(config: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const inner = config?.config;
  if (typeof inner !== 'object' || inner === null) return undefined;
  const labels = (inner as { Labels?: unknown }).Labels;
  return typeof labels === 'object' && labels !== null ? (labels as Record<string, unknown>) : undefined;
}

import { openGroupOf } from '../packages/groups.js';

/** What a `/ui/REST` path shows: a registry's page, or one image of it. */
export type Place =
  | { readonly kind: 'registry'; readonly registry: string }
  | { readonly kind: 'image'; readonly registry: string; readonly image: string }
  | { readonly kind: 'none' };

/**
 * Resolves the path after `/ui/`. With configured registries the first two components are
 * `{org}/{registry}` and the rest is the image. In open mode REST is a group's page when it names
 * a group that holds images (`groups`), else a repository placed in its group (`team/app` is image
 * `app` of group `team`); `''` is the page of the group of one-component names.
 */
export function placeOf(rest: string, configured: boolean, groups: readonly string[]): Place {
  if (configured) {
    const parts = rest.split('/');
    if (parts.length < 2) return { kind: 'none' };
    const registry = `${parts[0]}/${parts[1]}`;
    if (parts.length === 2) return { kind: 'registry', registry };
    return { kind: 'image', registry, image: parts.slice(2).join('/') };
  }
  if (rest === '' || groups.includes(rest)) return { kind: 'registry', registry: rest };
  const registry = openGroupOf(rest);
  return { kind: 'image', registry, image: registry === '' ? rest : rest.slice(registry.length + 1) };
}

import type { Authorizer } from '../auth/authorizer.js';
import type { Store } from '../storage/store.js';
import { openGroupOf, repositoriesIn } from './groups.js';
import type { RegistryListing } from './types.js';
import { canPull, type Viewer } from './viewer.js';

/**
 * The registries `viewer` may see with their image counts (repositories with a tag): the
 * configured ones it may pull from, or in open mode the groups of the repositories it may pull.
 */
export async function listRegistries(
  store: Store,
  authorizer: Authorizer,
  viewer: Viewer,
): Promise<RegistryListing[]> {
  const names = await nonEmpty(store, await store.listRepositories());
  if (authorizer.registries !== undefined) {
    const listings: RegistryListing[] = [];
    for (const r of authorizer.registries()) {
      if (!(await canPull(authorizer, viewer, r.name, 'registry'))) continue;
      const images = repositoriesIn(names, r.name, true).length;
      listings.push({ name: r.name, visibility: r.visibility, images, configured: true });
    }
    return listings;
  }
  const groups = new Map<string, number>();
  for (const name of names) {
    if (!(await canPull(authorizer, viewer, name, 'repository'))) continue;
    const group = openGroupOf(name);
    groups.set(group, (groups.get(group) ?? 0) + 1);
  }
  return [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, images]) => ({ name, visibility: 'public', images, configured: false }));
}

/** The repositories of `names` with at least one tag. */
async function nonEmpty(store: Store, names: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const name of names) {
    const tags = await store.listTags(name);
    if (tags !== undefined && tags.length > 0) found.push(name);
  }
  return found;
}

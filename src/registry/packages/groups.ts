/**
 * The open-mode group of a repository name (registries are not configured): the first two
 * components of names with three or more (`acme/images` for `acme/images/web`), the first of
 * names with two (`team` for `team/app`), and `''` for one-component names. Each name is then in
 * exactly one group, as an image named by the rest.
 */
export function openGroupOf(repository: string): string {
  const parts = repository.split('/');
  if (parts.length >= 3) return `${parts[0]}/${parts[1]}`;
  if (parts.length === 2) return parts[0]!;
  return '';
}

/** The repositories of `names` in registry (or open-mode group) `registry`. */
export function repositoriesIn(names: readonly string[], registry: string, configured: boolean): string[] {
  if (configured) return names.filter((name) => name.startsWith(`${registry}/`));
  return names.filter((name) => openGroupOf(name) === registry);
}

/** The repository of image `image` in `registry` (`''` is the group of one-component names). */
export function repositoryOf(registry: string, image: string): string {
  return registry === '' ? image : `${registry}/${image}`;
}

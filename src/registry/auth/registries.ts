import type { PolicyStatement } from './oidc/policy.js';
import { registryOfRepository } from './registry-name.js';

/** Who may pull from a registry without logging in. */
export type Visibility = 'private' | 'public';

/** One Buildkite Packages registry the bundled registry serves. */
export interface RegistryDefinition {
  /** `{org}/{registry}`. */
  readonly name: string;
  /** `public` lets anyone pull; `private` (the default) needs a token for everything. */
  readonly visibility: Visibility;
  /** Statements deciding what OIDC tokens may do; empty means OIDC tokens get nothing. */
  readonly oidcPolicy: readonly PolicyStatement[];
}

/** Where a repository name falls: in a configured registry, in an unknown one, or nowhere (too short). */
export type Placement =
  | { readonly kind: 'registry'; readonly registry: RegistryDefinition }
  | { readonly kind: 'unknown-registry'; readonly registry: string }
  | { readonly kind: 'too-short' };

/** The configured registries, looked up by name. */
export class RegistryDirectory {
  readonly #byName: ReadonlyMap<string, RegistryDefinition>;

  constructor(registries: readonly RegistryDefinition[]) {
    this.#byName = new Map(registries.map((r) => [r.name, r]));
  }

  /** Every registry, in configuration order. */
  get all(): RegistryDefinition[] {
    return [...this.#byName.values()];
  }

  /** The registry named `{org}/{registry}`, or undefined. */
  get(name: string): RegistryDefinition | undefined {
    return this.#byName.get(name);
  }

  /** Where repository `name` (`{org}/{registry}/{image}...`) belongs. */
  place(repository: string): Placement {
    const registry = registryOfRepository(repository);
    if (registry === undefined) return { kind: 'too-short' };
    const found = this.#byName.get(registry);
    return found === undefined
      ? { kind: 'unknown-registry', registry }
      : { kind: 'registry', registry: found };
  }
}

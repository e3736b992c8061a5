/** The registry client the read-only commands use: credentials from the docker config. */
import type { RegistryClient } from '../client/index.js';

/**
 * A client reading credentials from `dockerConfig` (default `$DOCKER_CONFIG` or `~/.docker`). The
 * client code is imported here, on first use, so commands that never talk to a registry start
 * without loading it.
 */
export async function readClient(flags: {
  insecure?: string[] | undefined;
  'docker-config'?: string | undefined;
}): Promise<RegistryClient> {
  const { dockerConfigCredentials, RegistryClient } = await import('../client/index.js');
  return new RegistryClient({
    insecure: flags.insecure ?? [],
    credentials: dockerConfigCredentials(flags['docker-config'] ? { configDir: flags['docker-config'] } : {}),
  });
}

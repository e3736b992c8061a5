/** The registry client the read-only commands use: credentials from the docker config. */
import { dockerConfigCredentials, RegistryClient } from '../client/index.js';

/** A client reading credentials from `dockerConfig` (default `$DOCKER_CONFIG` or `~/.docker`). */
export function readClient(flags: {
  insecure?: string[] | undefined;
  'docker-config'?: string | undefined;
}): RegistryClient {
  return new RegistryClient({
    insecure: flags.insecure ?? [],
    credentials: dockerConfigCredentials(flags['docker-config'] ? { configDir: flags['docker-config'] } : {}),
  });
}

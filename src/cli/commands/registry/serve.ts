import { Flags } from '@oclif/core';
import { BaseCommand } from '../../base-command.js';
import { resolveConfig, serveOverrides, serveRegistry } from '../../serve-registry.js';
import { configFlags } from './shared-flags.js';

/** `container-package registry serve`: run the bundled OCI registry until SIGTERM/SIGINT. */
export default class RegistryServeCommand extends BaseCommand {
  static override summary = 'Run the bundled OCI registry (a local stand-in for Buildkite Packages).';
  static override description = [
    "Serves the OCI distribution API with Buildkite Packages' layout, tokens and OIDC policies.",
    'Browsers get its web pages at http://HOST:PORT/ui/ (registries, images, Publish dialog, details).',
    'When ready it prints exactly one line to stdout: "registry listening on http://HOST:PORT".',
    'Logs (one JSON object per line) go to stderr. SIGTERM or SIGINT stops accepting connections,',
    'lets in-flight requests finish, and exits 0. Without --config the registry is open (anyone may',
    'push and pull) and refuses non-loopback addresses unless --insecure-listen is given.',
    'One registry per storage directory: a second one on it is refused, naming the PID that holds it',
    '(unless the config marks the directory shared: true, for registries on several hosts).',
    'With --workers N, N processes serve on the one address (manifest reads scale with cores); a',
    'write through one is seen by the next request to any other.',
  ].join(' ');

  static override examples = [
    '<%= config.bin %> registry serve',
    '<%= config.bin %> registry serve --listen 127.0.0.1:0 --storage /tmp/registry',
    '<%= config.bin %> registry serve --config registry.yaml',
    '<%= config.bin %> registry serve --workers auto --listen 0.0.0.0:5000 --config registry.yaml',
  ];

  static override flags = {
    listen: Flags.string({
      description:
        "address to listen on; port 0 picks a free port. Default: the config's listen, else 127.0.0.1:5000",
      helpValue: 'HOST:PORT',
    }),
    ...configFlags,
    'insecure-listen': Flags.boolean({
      description: 'allow an open registry (no registries configured) on a non-loopback address',
    }),
    workers: Flags.string({
      description:
        "processes serving on the one address: a number from 1 to 64, or auto (one per core). Default: the config's workers, else 1",
      helpValue: 'N|auto',
    }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(RegistryServeCommand);
    await serveRegistry(await resolveConfig(serveOverrides(flags)));
  }
}

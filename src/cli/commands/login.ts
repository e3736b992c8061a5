import { Args, Flags } from '@oclif/core';
import { ContainerPackageError } from '../../errors.js';
import { resolveTarget } from '../../publish/targets.js';
import { BUILDKITE_USERNAME } from '../../reference/buildkite-names.js';
import { BaseCommand } from '../base-command.js';
import { readStdinSecret, registryFlags } from '../shared.js';

/** `container-package login REGISTRY`: check credentials and store them in the docker config. */
export default class LoginCommand extends BaseCommand {
  static override summary = 'Log in to a registry; docker and podman see the login too.';
  static override description = [
    'REGISTRY is "{org}/{registry}" (Buildkite Packages), "{registry}" with --org, or host[:port][/path].',
    'With --packages-host (or $CONTAINER_PACKAGE_PACKAGES_HOST), "{org}/{registry}" names a registry',
    'on that host instead of packages.buildkite.com, and the OIDC audience follows it.',
    'The secret never goes on the command line: pipe it with --password-stdin, name an environment',
    'variable with --token-env, or mint a Buildkite OIDC token with --oidc (audience',
    '"https://{packages-host}/{org}/{registry}", lifetime 300 s). The check is docker login\'s:',
    'GET /v2/ with the credentials (after the token flow without a repository scope when the registry',
    'uses one); any answer but 200 fails and nothing is stored. Credentials are written to',
    "$DOCKER_CONFIG/config.json (mode 0600) in docker's format after the registry accepted them.",
  ].join(' ');

  static override examples = [
    'printf \'%s\' "$TOKEN" | <%= config.bin %> login acme/images --password-stdin',
    '<%= config.bin %> login acme/images --token-env BUILDKITE_PACKAGES_TOKEN',
    '<%= config.bin %> login acme/images --oidc',
    'printf \'%s\' "$PASS" | <%= config.bin %> login ghcr.io --username me --password-stdin',
  ];

  static override args = {
    registry: Args.string({ description: 'registry to log in to', required: true }),
  };

  static override flags = {
    ...registryFlags,
    username: Flags.string({
      char: 'u',
      description: 'user name [default: buildkite for Buildkite Packages]',
    }),
    'password-stdin': Flags.boolean({
      description: 'read the password or token from stdin',
      exclusive: ['token-env', 'oidc'],
    }),
    'token-env': Flags.string({
      description: 'read the token from this environment variable',
      exclusive: ['oidc'],
    }),
    oidc: Flags.boolean({ description: 'mint a Buildkite OIDC token with buildkite-agent' }),
    audience: Flags.string({ description: "OIDC audience [default: the registry's URL]" }),
    'no-verify': Flags.boolean({ description: 'store the credentials without checking them' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(LoginCommand);
    const target = resolveTarget(args.registry, {
      ...(flags.org && { organization: flags.org }),
      ...(flags.audience && { audience: flags.audience }),
      ...(flags['packages-host'] && { packagesHost: flags['packages-host'] }),
    });
    const username =
      flags.username ?? (target.kind === 'buildkite' || flags.oidc ? BUILDKITE_USERNAME : undefined);
    if (username === undefined) {
      throw new ContainerPackageError(
        'CLI_USERNAME_REQUIRED',
        `logging in to ${target.host} needs a user name`,
        {
          hint: 'pass --username (Buildkite Packages always uses "buildkite")',
        },
      );
    }
    const password = await this.secret(flags, target.audience ?? `https://${target.prefix}`);
    const { login } = await import('../../publish/index.js');
    const file = await login(
      target,
      { username, password },
      {
        ...(flags['docker-config'] && { configDir: flags['docker-config'] }),
        verify: !flags['no-verify'],
        client: { insecure: flags.insecure ?? [] },
      },
    );
    this.log(`Logged in to ${target.prefix} as ${username} (credentials in ${file})`);
  }

  private async secret(
    flags: { 'password-stdin': boolean; 'token-env'?: string | undefined; oidc: boolean },
    audience: string,
  ): Promise<string> {
    if (flags.oidc) {
      const { createAgent } = await import('../../ci/buildkite/agent.js');
      return createAgent().requestOidcToken({ audience, lifetimeSeconds: 300 });
    }
    if (flags['token-env'] !== undefined) {
      const value = process.env[flags['token-env']];
      if (!value) {
        throw new ContainerPackageError(
          'CLI_TOKEN_ENV_EMPTY',
          `environment variable ${flags['token-env']} is not set or empty`,
          {
            hint: 'export the token in that variable (or a Buildkite secret), or use --password-stdin',
          },
        );
      }
      return value;
    }
    if (flags['password-stdin']) return readStdinSecret('the password');
    throw new ContainerPackageError('CLI_NO_SECRET', 'say where the token comes from', {
      hint: 'use --password-stdin, --token-env VAR or --oidc; a token is never taken as an argument',
    });
  }
}

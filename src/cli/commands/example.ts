import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Flags } from '@oclif/core';
import { BUILDKITE_USERNAME } from '../../reference/buildkite-names.js';
import { BaseCommand } from '../base-command.js';
import { Progress } from '../progress.js';

/**
 * `container-package example`: the main job end to end on the embedded default, with no engine
 * and no network — what `npm start` runs.
 */
export default class ExampleCommand extends BaseCommand {
  static override summary = 'Run the whole job against a throwaway bundled registry (what `npm start` does).';
  static override description = [
    'Starts the bundled registry on a free loopback port with one private Buildkite-style registry',
    '(example/images) and a write token, writes a small example image as an OCI layout (no engine',
    'needed), logs in with the token (through the docker config, never argv), pushes the image under',
    'two tags, prints the pull instructions the build annotation would carry, and stops the registry.',
  ].join(' ');

  static override examples = ['<%= config.bin %> example', '<%= config.bin %> example --keep'];

  static override flags = {
    keep: Flags.boolean({
      description: 'leave the registry running and its files in place (prints how to stop it)',
    }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(ExampleCommand);
    const [
      { startLocalRegistry, stopLocalRegistryGracefully },
      { login, publish, resolveTarget },
      { createToken },
    ] = await Promise.all([
      import('../../exec/local-registry.js'),
      import('../../publish/index.js'),
      import('../../registry/index.js'),
    ]);
    const [{ renderPullInstructions }, { writeExampleLayout }] = await Promise.all([
      import('../../render/index.js'),
      import('../../sources/index.js'),
    ]);
    const dir = await mkdtemp(join(tmpdir(), 'container-package-example-'));
    const cli = fileURLToPath(new URL('../bin/container-package', import.meta.url));
    const storage = join(dir, 'registry');
    const tokensFile = join(dir, 'tokens.json');
    const config = join(dir, 'registry.yml');
    await writeFile(
      config,
      [
        'registries:',
        '  - name: example/images',
        '    visibility: private',
        `tokens-file: ${tokensFile}`,
        '',
      ].join('\n'),
    );
    const { token } = await createToken(tokensFile, {
      registries: ['example/images'],
      scopes: ['write'],
      description: 'container-package example',
    });
    this.log('1. Starting the bundled registry (private registry example/images)…');
    const registry = await startLocalRegistry({
      cli,
      port: 0,
      storage,
      logDir: dir,
      args: ['--config', config],
    });
    let stop = true;
    try {
      this.log(`   ${registry.url}`);
      this.log('2. Writing an example image as an OCI layout (no engine needed)…');
      const image = await writeExampleLayout(join(dir, 'image'), { tag: 'latest' });
      const target = resolveTarget(`${registry.address}/example/images`);
      const dockerConfig = join(dir, 'docker-config');
      this.log('3. Logging in with a write token (stored in a private docker config, 0600)…');
      await login(target, { username: BUILDKITE_USERNAME, password: token }, { configDir: dockerConfig });
      this.log('4. Pushing under two tags…');
      const progress = new Progress({ stream: process.stderr });
      const results = await publish({
        images: [{ source: image.source, name: 'hello', tags: ['1', 'latest'] }],
        registries: [{ ...target, visibility: 'private', username: BUILDKITE_USERNAME }],
        dockerConfig,
        onEvent: progress.onEvent,
      }).finally(() => progress.stop());
      this.log('5. Pull instructions (what the build annotation shows):\n');
      this.log(renderPullInstructions(results));
      if (flags.keep) {
        stop = false;
        this.log(`The registry keeps running (pid ${registry.pid}); stop it with: kill ${registry.pid}`);
        this.log(`DOCKER_CONFIG=${dockerConfig} docker pull ${results[0]!.references[0]}`);
      }
    } finally {
      if (stop) {
        await stopLocalRegistryGracefully(registry.pid);
        await rm(dir, { recursive: true, force: true });
        this.log('Stopped the registry and removed its files.');
      }
    }
  }
}

import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  DockerConfigError,
  MARKER_FILE,
  createIsolatedDockerConfig,
  removeIsolatedDockerConfig,
} from '../../../src/docker-config/index.js';
import { runTool } from '../../support/run.js';
import { newTempDir, writeFiles } from '../../support/temp-dir.js';
import { itWithTools } from '../../support/tools.js';

const BUILDER = {
  Name: 'ci-builder',
  Driver: 'docker-container',
  Nodes: [{ Name: 'ci-builder0', Endpoint: 'unix:///var/run/docker.sock' }],
};

/** An agent's ~/.docker with credentials, a buildx builder, a context, a CLI plugin and settings. */
function agentDockerDir(): string {
  const dir = writeFiles(newTempDir('agent-docker'), {
    'config.json': JSON.stringify({
      auths: {
        'packages.buildkite.com': { auth: 'c3RhbGU6dG9rZW4=' },
        'ghcr.io': { auth: 'Z2hjcjp0b2tlbg==' },
      },
      credHelpers: { '123456789012.dkr.ecr.us-east-1.amazonaws.com': 'ecr-login' },
      proxies: { default: { httpProxy: 'http://proxy:3128' } },
      currentContext: 'remote',
    }),
    'buildx/instances/ci-builder': JSON.stringify(BUILDER),
    'buildx/current': JSON.stringify({
      Key: 'unix:///var/run/docker.sock',
      Name: 'ci-builder',
      Global: false,
    }),
    'contexts/meta/0d0e/meta.json': JSON.stringify({
      Name: 'remote',
      Endpoints: { docker: { Host: 'tcp://10.1.2.3:2375' } },
    }),
    'cli-plugins/docker-hello': [
      '#!/bin/sh',
      'if [ "$1" = docker-cli-plugin-metadata ]; then',
      '  echo \'{"SchemaVersion":"0.1.0","Vendor":"test","Version":"1.0","ShortDescription":"says hello"}\'',
      '  exit 0',
      'fi',
      'echo "hello from the agent\'s plugin"',
      '',
    ].join('\n'),
  });
  chmodSync(join(dir, 'cli-plugins/docker-hello'), 0o755);
  return dir;
}

const mode = (path: string): number => statSync(path).mode & 0o777;

describe('createIsolatedDockerConfig', () => {
  test('makes a 0700 dir with a 0600 config.json that keeps what is not a credential for the job’s registries', () => {
    const source = agentDockerDir();
    const isolated = createIsolatedDockerConfig({
      source,
      registriesToDrop: ['packages.buildkite.com/acme/images'],
      tmpRoot: newTempDir('tmp'),
    });
    expect(mode(isolated.dir)).toBe(0o700);
    expect(mode(isolated.configPath)).toBe(0o600);
    expect(JSON.parse(readFileSync(isolated.configPath, 'utf8'))).toEqual({
      auths: { 'ghcr.io': { auth: 'Z2hjcjp0b2tlbg==' } },
      credHelpers: { '123456789012.dkr.ecr.us-east-1.amazonaws.com': 'ecr-login' },
      proxies: { default: { httpProxy: 'http://proxy:3128' } },
      currentContext: 'remote',
    });
    expect(isolated.report.dropped).toEqual(['packages.buildkite.com']);
    expect(isolated.source).toBe(source);
  });

  test('links the agent’s buildx, contexts and cli-plugins dirs, so buildx sees the agent’s builders', () => {
    const source = agentDockerDir();
    const { dir } = createIsolatedDockerConfig({ source, tmpRoot: newTempDir('tmp') });
    for (const name of ['buildx', 'contexts', 'cli-plugins']) {
      expect(lstatSync(join(dir, name)).isSymbolicLink()).toBe(true);
      expect(readlinkSync(join(dir, name))).toBe(join(source, name));
    }
    // buildx keeps its builders in $DOCKER_CONFIG/buildx/instances/<name>.
    expect(readdirSync(join(dir, 'buildx/instances'))).toEqual(['ci-builder']);
    expect(JSON.parse(readFileSync(join(dir, 'buildx/instances/ci-builder'), 'utf8'))).toEqual(BUILDER);
  });

  itWithTools('docker')('the docker CLI run with it sees the agent’s contexts and plugins', async () => {
    const source = agentDockerDir();
    await runTool('docker', [
      '--config',
      source,
      'context',
      'create',
      'staging',
      '--docker',
      'host=tcp://10.9.8.7:2375',
    ]);
    const { dir } = createIsolatedDockerConfig({ source, tmpRoot: newTempDir('tmp') });
    const env = { PATH: process.env.PATH, HOME: newTempDir('home'), DOCKER_CONFIG: dir };
    const contexts = await runTool('docker', ['context', 'ls', '--format', '{{.Name}}'], { env });
    expect(contexts.stdout.split('\n')).toContain('staging');
    const hello = await runTool('docker', ['hello'], { env });
    expect(hello.stdout).toBe("hello from the agent's plugin");
  });

  test('dispose removes the dir and only the links, never the agent’s dirs; twice is fine', () => {
    const source = agentDockerDir();
    const isolated = createIsolatedDockerConfig({ source, tmpRoot: newTempDir('tmp') });
    isolated.dispose();
    isolated.dispose();
    expect(existsSync(isolated.dir)).toBe(false);
    expect(readdirSync(join(source, 'buildx/instances'))).toEqual(['ci-builder']);
    expect(existsSync(join(source, 'cli-plugins/docker-hello'))).toBe(true);
  });

  test('a missing agent config gives an empty config and no links', () => {
    const { dir, configPath } = createIsolatedDockerConfig({
      source: join(newTempDir('none'), 'missing'),
      tmpRoot: newTempDir('tmp'),
    });
    expect(JSON.parse(readFileSync(configPath, 'utf8'))).toEqual({});
    expect(readdirSync(dir).sort()).toEqual([MARKER_FILE, 'config.json'].sort());
  });

  test('the source defaults to $DOCKER_CONFIG', () => {
    const source = agentDockerDir();
    expect(
      createIsolatedDockerConfig({ env: { DOCKER_CONFIG: source }, tmpRoot: newTempDir('tmp') }).source,
    ).toBe(source);
  });

  test('isolating a job’s config again starts from the agent’s original config, so configs never chain', () => {
    const source = agentDockerDir();
    const first = createIsolatedDockerConfig({
      source,
      registriesToDrop: ['ghcr.io'],
      tmpRoot: newTempDir('tmp'),
    });
    const second = createIsolatedDockerConfig({ source: first.dir, tmpRoot: newTempDir('tmp') });
    expect(second.source).toBe(source);
    expect(readlinkSync(join(second.dir, 'buildx'))).toBe(join(source, 'buildx'));
    expect(JSON.parse(readFileSync(second.configPath, 'utf8')).auths).toHaveProperty(['ghcr.io']);
  });

  test('an agent config that is not a JSON object is DOCKER_CONFIG_UNREADABLE, without quoting it', () => {
    const source = writeFiles(newTempDir('agent-docker'), {
      'config.json': '{"auths": {"x": {"auth": "c2VjcmV0',
    });
    const tmpRoot = newTempDir('tmp');
    let error: unknown;
    try {
      createIsolatedDockerConfig({ source, tmpRoot });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DockerConfigError);
    expect(error).toMatchObject({ code: 'DOCKER_CONFIG_UNREADABLE', path: join(source, 'config.json') });
    expect((error as Error).message).not.toContain('c2VjcmV0');
    expect(readdirSync(tmpRoot)).toEqual([]);
  });

  test('a tmpRoot that cannot be written is DOCKER_CONFIG_WRITE_FAILED', () => {
    expect(() =>
      createIsolatedDockerConfig({ source: agentDockerDir(), tmpRoot: join(newTempDir('tmp'), 'missing') }),
    ).toThrow(expect.objectContaining({ code: 'DOCKER_CONFIG_WRITE_FAILED' }));
  });
});

describe('removeIsolatedDockerConfig', () => {
  test('removes a job’s dir from another process’s point of view, and does nothing when it is gone', () => {
    const { dir } = createIsolatedDockerConfig({ source: agentDockerDir(), tmpRoot: newTempDir('tmp') });
    writeFileSync(
      join(dir, 'config.json'),
      '{"auths":{"packages.buildkite.com/acme/images":{"auth":"am9iOnRva2Vu"}}}',
    );
    removeIsolatedDockerConfig(dir);
    expect(existsSync(dir)).toBe(false);
    expect(() => removeIsolatedDockerConfig(dir)).not.toThrow();
  });

  test('refuses a dir it did not make (the agent’s own ~/.docker) and leaves it alone', () => {
    const source = agentDockerDir();
    mkdirSync(join(source, 'extra'));
    expect(() => removeIsolatedDockerConfig(source)).toThrow(
      expect.objectContaining({ code: 'DOCKER_CONFIG_NOT_OURS', path: source }),
    );
    expect(existsSync(join(source, 'config.json'))).toBe(true);
  });
});

import { describe, expect, test } from 'vitest';
import { isolatedConfig, type DockerConfigJson } from '../../../src/docker-config/index.js';

const agent: DockerConfigJson = {
  auths: {
    'packages.buildkite.com': { auth: 'c3RhbGU6dG9rZW4=' },
    'packages.buildkite.com/acme/images': { auth: 'b2xkOnRva2Vu' },
    'packages.buildkite.com/acme/base': { auth: 'YmFzZTpwdWxs' },
    'ghcr.io': { auth: 'Z2hjcjp0b2tlbg==' },
  },
  credHelpers: {
    'packages.buildkite.com': 'buildkite',
    '123456789012.dkr.ecr.us-east-1.amazonaws.com': 'ecr-login',
  },
  proxies: { default: { httpProxy: 'http://proxy:3128', noProxy: 'localhost' } },
  HttpHeaders: { 'User-Agent': 'agent' },
  currentContext: 'remote',
  cliPluginsExtraDirs: ['/opt/docker/plugins'],
  aliases: { builder: 'buildx' },
  features: { hooks: 'true' },
  psFormat: 'table {{.ID}}',
};

describe('isolatedConfig', () => {
  test('drops the credentials that concern the job’s registries and keeps everything else', () => {
    const { config, report } = isolatedConfig(agent, ['packages.buildkite.com/acme/images']);
    expect(config).toEqual({
      ...agent,
      auths: {
        'packages.buildkite.com/acme/base': { auth: 'YmFzZTpwdWxs' },
        'ghcr.io': { auth: 'Z2hjcjp0b2tlbg==' },
      },
      credHelpers: { '123456789012.dkr.ecr.us-east-1.amazonaws.com': 'ecr-login' },
    });
    expect(report).toEqual({
      dropped: ['packages.buildkite.com', 'packages.buildkite.com/acme/images'],
      credsStore: undefined,
    });
  });

  test('does not change the agent’s config object', () => {
    const copy = structuredClone(agent);
    isolatedConfig(agent, ['ghcr.io']);
    expect(agent).toEqual(copy);
  });

  test('turns credsStore into per-registry credHelpers, so a login in the job lands in the job’s file', () => {
    const withStore: DockerConfigJson = {
      credsStore: 'desktop',
      auths: { 'https://index.docker.io/v1/': {}, 'ghcr.io': {}, 'packages.buildkite.com': {} },
      credHelpers: { 'ghcr.io': 'gh' },
    };
    const { config, report } = isolatedConfig(withStore, ['packages.buildkite.com/acme/images']);
    expect(config).toEqual({
      auths: { 'https://index.docker.io/v1/': {}, 'ghcr.io': {} },
      credHelpers: { 'ghcr.io': 'gh', 'https://index.docker.io/v1/': 'desktop' },
    });
    expect(report).toEqual({ dropped: ['packages.buildkite.com'], credsStore: 'desktop' });
  });

  test('an empty config stays empty; with no scopes nothing is dropped', () => {
    expect(isolatedConfig({}, ['ghcr.io']).config).toEqual({});
    expect(isolatedConfig(agent, []).config).toEqual(agent);
  });

  test('ignores malformed auths and credHelpers instead of failing', () => {
    const odd = { auths: ['not', 'a', 'map'], credHelpers: 'nope' } as unknown as DockerConfigJson;
    expect(isolatedConfig(odd, ['ghcr.io']).config).toEqual(odd);
  });
});

/**
 * Credential helpers, run for real: a tiny `docker-credential-cptest` shell script on a PATH
 * made for the test, looked up through the docker config like docker does.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseHelperAnswer } from '../../../../src/client/credentials/helper.js';
import { dockerConfigCredentials } from '../../../../src/client/credentials/provider.js';
import { newTempDir } from '../../../support/temp-dir.js';

const SCRIPT = `#!/bin/sh
read server
echo "$1 $server" >> "$(dirname "$0")/calls.log"
case "$server" in
  reg.example) printf '{"ServerURL":"reg.example","Username":"robot","Secret":"SECRET-1"}' ;;
  https://index.docker.io/v1/) printf '{"ServerURL":"%s","Username":"<token>","Secret":"refresh-SECRET"}' "$server" ;;
  broken.example) echo 'not json' ;;
  fails.example) echo "keychain locked: token=SECRET-2" >&2; exit 3 ;;
  *) echo "credentials not found in native keychain"; exit 1 ;;
esac
`;

describe('credential helpers', () => {
  let env: NodeJS.ProcessEnv;
  let configDir: string;
  let bin: string;

  beforeAll(() => {
    bin = newTempDir('bin');
    writeFileSync(join(bin, 'docker-credential-cptest'), SCRIPT);
    chmodSync(join(bin, 'docker-credential-cptest'), 0o755);
    env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` };
    configDir = newTempDir('cfg');
    writeFileSync(
      join(configDir, 'config.json'),
      JSON.stringify({
        credHelpers: { 'reg.example': 'cptest', 'missing.example': 'nope' },
        credsStore: 'cptest',
      }),
    );
  });

  it('gets username and secret, and identity tokens for Docker Hub', async () => {
    const provider = dockerConfigCredentials({ configDir, env });
    expect(await provider('reg.example')).toEqual({ username: 'robot', password: 'SECRET-1' });
    expect(await provider('docker.io')).toEqual({ identityToken: 'refresh-SECRET' });
    expect(await provider('unknown.example')).toBeUndefined();
  });

  it('reports a failing helper with its redacted error, a missing one with a hint', async () => {
    const provider = dockerConfigCredentials({ configDir, env });
    const failed = await provider('fails.example').catch((e: unknown) => e);
    expect(failed).toMatchObject({
      code: 'CLIENT_CREDENTIALS_HELPER',
      message: expect.stringContaining('exit 3'),
    });
    expect((failed as Error).message).toContain('keychain locked');
    expect((failed as Error).message).not.toContain('SECRET-2');
    await expect(provider('broken.example')).rejects.toMatchObject({
      message: expect.stringContaining('did not answer JSON'),
    });
    await expect(provider('missing.example')).rejects.toMatchObject({
      code: 'CLIENT_CREDENTIALS_HELPER',
      hint: expect.stringContaining('docker-credential-nope'),
    });
  });

  it.each([
    ['{"Username":"u","Secret":"s"}', { username: 'u', password: 's' }],
    ['{"Username":"<token>","Secret":"t"}', { identityToken: 't' }],
    ['{"Username":"u","Secret":""}', undefined],
  ])('parses %s', (stdout, expected) => {
    expect(parseHelperAnswer(stdout, 'docker-credential-x', 'r')).toEqual(expected);
  });
});

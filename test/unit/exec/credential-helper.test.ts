import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { credentialHelperProgram, runCredentialHelper } from '../../../src/exec/credential-helper.js';
import { newTempDir } from '../../support/temp-dir.js';

describe('runCredentialHelper', () => {
  it('passes the action as argument and the input on stdin, and returns a failure instead of throwing', async () => {
    const bin = newTempDir('bin');
    writeFileSync(
      join(bin, 'docker-credential-echo'),
      `#!/bin/sh\ncat > "$(dirname "$0")/stdin"\necho "action=$1"\necho oops >&2\n[ "$1" = get ] || exit 4\n`,
    );
    chmodSync(join(bin, 'docker-credential-echo'), 0o755);
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` };
    expect(await runCredentialHelper('echo', 'get', 'reg.example', { env })).toEqual({
      exitCode: 0,
      stdout: 'action=get',
      stderr: 'oops',
    });
    expect(readFileSync(join(bin, 'stdin'), 'utf8')).toBe('reg.example');
    expect((await runCredentialHelper('echo', 'erase', 'x', { env })).exitCode).toBe(4);
  });

  it('throws EXEC_NOT_FOUND for a helper that is not installed, EXEC_TIMEOUT for a hung one', async () => {
    await expect(
      runCredentialHelper('definitely-not-installed', 'get', 'x', { env: { PATH: '/nonexistent' } }),
    ).rejects.toMatchObject({
      code: 'EXEC_NOT_FOUND',
      program: 'docker-credential-definitely-not-installed',
    });
    const bin = newTempDir('bin');
    writeFileSync(join(bin, 'docker-credential-slow'), '#!/bin/sh\nsleep 5\n');
    chmodSync(join(bin, 'docker-credential-slow'), 0o755);
    await expect(
      runCredentialHelper('slow', 'get', 'x', { env: { PATH: `${bin}:/usr/bin:/bin` }, timeoutMs: 200 }),
    ).rejects.toMatchObject({ code: 'EXEC_TIMEOUT' });
  });

  it.each(['../evil', 'a b', 'x/y', ''])('refuses the helper name %j', (name) => {
    expect(() => credentialHelperProgram(name)).toThrow(expect.objectContaining({ code: 'EXEC_NOT_FOUND' }));
  });
});

/**
 * Bearer tokens across registry replicas on one bucket: with `token-signing-key-file` a token
 * issued by one replica is accepted by another; a replica without the shared key refuses it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createToken } from '../../src/registry/auth/tokens/manage.js';
import { startRgw, type Rgw } from '../support/rgw.js';
import { newTempDir } from '../support/temp-dir.js';
import { RGW_TOOLS, describeWithTools } from '../support/tools.js';
import { killAllServes, requireBundle, startServe, type ServeProcess } from './registry-cli-support.js';
import { send } from './registry-support.js';

const basic = (password: string) => ({
  Authorization: `Basic ${Buffer.from(`buildkite:${password}`).toString('base64')}`,
});

describeWithTools(RGW_TOOLS, 'bearer tokens across replicas', () => {
  let rgw: Rgw;
  let a: ServeProcess;
  let b: ServeProcess;
  let loner: ServeProcess;
  let secret: string;

  beforeAll(async () => {
    requireBundle();
    rgw = await startRgw();
    Object.assign(process.env, rgw.env);
    const bucket = await rgw.newBucket();
    const dir = newTempDir('replicas-auth');
    const tokensFile = join(dir, 'tokens.json');
    secret = (await createToken(tokensFile, { registries: ['acme/app'], scopes: ['write'] })).token;
    writeFileSync(join(dir, 'signing.key'), 'x'.repeat(48), { mode: 0o600 });
    const config = (withKey: boolean) => {
      const file = join(dir, withKey ? 'shared.yaml' : 'loner.yaml');
      writeFileSync(
        file,
        [
          `storage: { s3: { bucket: ${bucket}, endpoint: "${rgw.endpoint}", force-path-style: true } }`,
          `tokens-file: ${JSON.stringify(tokensFile)}`,
          ...(withKey ? [`token-signing-key-file: ${JSON.stringify(join(dir, 'signing.key'))}`] : []),
          'registries: [{ name: acme/app }]',
          'gc: { interval: 0s }',
        ].join('\n'),
      );
      return ['--config', file, '--listen', '127.0.0.1:0'];
    };
    [a, b, loner] = await Promise.all([
      startServe(config(true)),
      startServe(config(true)),
      startServe(config(false)),
    ]);
  }, 300_000);

  afterAll(async () => {
    killAllServes();
    await rgw?.stop();
  });

  it('a token issued by one replica works on another with the same key, not on one without it', async () => {
    const issued = await send(a.url, 'GET', '/token?scope=repository:acme/app/web:pull,push', {
      headers: basic(secret),
    });
    expect(issued.status).toBe(200);
    const bearer = { Authorization: `Bearer ${issued.json<{ token: string }>().token}` };
    expect((await send(b.url, 'POST', '/v2/acme/app/web/blobs/uploads/', { headers: bearer })).status).toBe(
      202,
    );
    expect((await send(a.url, 'POST', '/v2/acme/app/web/blobs/uploads/', { headers: bearer })).status).toBe(
      202,
    );
    const refused = await send(loner.url, 'POST', '/v2/acme/app/web/blobs/uploads/', { headers: bearer });
    expect(refused.status).toBe(401);
    expect(refused.body.toString()).toContain('token-signing-key-file');
  });
});

/**
 * Bearer tokens across the workers of `registry serve --workers 2`: the primary gives every worker
 * the same signing key (drawn at start, or read from `token-signing-key-file`), so a token one
 * worker issued is accepted by the other. Each request goes on a connection of its own, which the
 * cluster hands to the workers in turn.
 */
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/registry/auth/tokens/manage.js';
import { newTempDir } from '../support/temp-dir.js';
import { killAllServes, requireBundle, startServe } from './registry-cli-support.js';

function fresh(base: string, method: string, path: string, headers: Record<string, string>): Promise<number> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method, path, headers, agent: false },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function tokenFrom(base: string, secret: string): Promise<string> {
  const response = await fetch(`${base}/token?scope=repository:acme/app/web:pull,push`, {
    headers: { Authorization: `Basic ${Buffer.from(`buildkite:${secret}`).toString('base64')}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

describe('bearer tokens across workers', () => {
  let dir: string;
  let secret: string;

  beforeAll(async () => {
    requireBundle();
    dir = newTempDir('workers-auth');
    secret = (await createToken(join(dir, 'tokens.json'), { registries: ['acme/app'], scopes: ['write'] }))
      .token;
    writeFileSync(join(dir, 'signing.key'), 'k'.repeat(48), { mode: 0o600 });
  });

  afterAll(() => killAllServes());

  for (const withKeyFile of [false, true]) {
    it(`a token issued by one worker is accepted by every worker (${withKeyFile ? 'token-signing-key-file' : 'a key the primary draws'})`, async () => {
      const config = join(dir, `registry-${String(withKeyFile)}.yaml`);
      writeFileSync(
        config,
        [
          `storage: ${JSON.stringify(join(dir, `storage-${String(withKeyFile)}`))}`,
          `tokens-file: ${JSON.stringify(join(dir, 'tokens.json'))}`,
          ...(withKeyFile ? [`token-signing-key-file: ${JSON.stringify(join(dir, 'signing.key'))}`] : []),
          'registries: [{ name: acme/app }]',
          'workers: 2',
        ].join('\n'),
      );
      const serve = await startServe(['--config', config, '--listen', '127.0.0.1:0']);
      const bearer = { Authorization: `Bearer ${await tokenFrom(serve.url, secret)}` };
      const statuses: number[] = [];
      for (let i = 0; i < 8; i += 1) {
        statuses.push(await fresh(serve.url, 'POST', '/v2/acme/app/web/blobs/uploads/', bearer));
      }
      expect(statuses).toEqual(Array(8).fill(202));
      // And a forged one is refused by every worker.
      const forged = { Authorization: `Bearer ${bearer.Authorization.slice(7, -4)}AAAA` };
      for (let i = 0; i < 4; i += 1) {
        expect(await fresh(serve.url, 'POST', '/v2/acme/app/web/blobs/uploads/', forged)).toBe(401);
      }
      serve.child.kill('SIGTERM');
      expect((await serve.exited).code).toBe(0);
    });
  }
});

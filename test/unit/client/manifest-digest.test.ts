import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { RegistryClient } from '../../../src/client/index.js';

const OTHER = `sha256:${'b'.repeat(64)}`;
let server: Server;
let host: string;
beforeAll(async () => {
  // A registry that stores the manifest but answers another digest for it.
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url === '/v2/') res.writeHead(200).end();
      else res.writeHead(201, { 'docker-content-digest': OTHER }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test('a different Docker-Content-Digest is reported as the registry answering another digest', async () => {
  const client = new RegistryClient({ insecure: [host] });
  try {
    const bytes = new TextEncoder().encode('{"schemaVersion":2}');
    const error = await client
      .putManifest(`${host}/team/app`, 'v1', bytes, 'application/vnd.oci.image.manifest.v1+json')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CLIENT_DIGEST_MISMATCH', actual: OTHER });
    const { message, hint } = error as { message: string; hint: string };
    expect(message).toContain('the registry answered a different digest');
    expect(message).toContain(OTHER);
    expect(message).toMatch(/sent sha256:[0-9a-f]{64}/);
    expect(hint).not.toMatch(/rebuild/);
  } finally {
    await client.close();
  }
});

test('a sha384 reference is valid, and the client says it cannot verify it', async () => {
  const client = new RegistryClient({ insecure: [host] });
  try {
    const error = await Promise.resolve()
      .then(() => client.getManifest(`${host}/team/app@sha384:${'c'.repeat(96)}`))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'OCI_UNSUPPORTED_ALGORITHM',
      message: expect.stringContaining('sha384'),
    });
  } finally {
    await client.close();
  }
});

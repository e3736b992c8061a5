import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Agent } from '../../../../src/client/transport/agent.js';

let server: Server;
let origin: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    res.setHeader('Content-Type', 'text/plain');
    res.end(`${req.method} ${req.url}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test("the Agent loaded from undici's lib/ files has the request API and talks HTTP", async () => {
  const agent = new Agent({ connections: 2 });
  try {
    expect(typeof agent.request).toBe('function');
    const response = await agent.request({ origin, path: '/v2/', method: 'GET' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain');
    expect(await response.body.text()).toBe('GET /v2/');
  } finally {
    await agent.close();
  }
});

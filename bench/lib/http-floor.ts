/**
 * The floor under any Node.js HTTP server on this machine: a bare `node:http` server that answers
 * a manifest HEAD with the headers a registry sends (no routing, auth, storage or logging), loaded
 * like the registries, and its CPU per request. The registry cannot go below it.
 */
import { spawn } from 'node:child_process';
import { cpuSeconds } from './proc.js';
import { runLoad } from './load.js';

const SERVER = `
const http = require('node:http');
const digest = 'sha256:' + 'a'.repeat(64);
const server = http.createServer({ keepAliveTimeout: 65000 }, (req, res) => {
  res.setHeader('Docker-Distribution-API-Version', 'registry/2.0');
  res.setHeader('X-Request-Id', '0b8e4f1c-4f9e-4a55-9f57-8f1c2b3a4d5e');
  res.setHeader('Docker-Content-Digest', digest);
  res.setHeader('ETag', '"' + digest + '"');
  res.setHeader('Content-Type', 'application/vnd.oci.image.manifest.v1+json');
  res.setHeader('Content-Length', 1024);
  res.end();
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

/** CPU µs per HEAD request of the bare server, at `connections` connections for `durationMs`. */
export async function httpFloorMicros(connections: number, durationMs: number): Promise<number> {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.stdout!.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    });
    let before = 0;
    const result = await runLoad({
      url: `http://127.0.0.1:${port}/v2/floor/manifests/latest`,
      method: 'HEAD',
      connections,
      durationMs,
      onMeasureStart: () => {
        before = cpuSeconds(child.pid!);
      },
    });
    return ((cpuSeconds(child.pid!) - before) / result.ok) * 1e6;
  } finally {
    child.kill();
  }
}

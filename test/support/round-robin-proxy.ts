/**
 * A round-robin HTTP load balancer for the replica tests: each request (not each connection)
 * goes to the next upstream in turn, Host header and bodies passed through, as a load balancer
 * without stickiness does.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running proxy. */
export interface RoundRobinProxy {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** How many requests each upstream got, by index. */
  readonly counts: number[];
  close(): Promise<void>;
}

/** Starts a proxy over `upstreams` (`http://host:port`). An upstream that is down answers 502. */
export async function startRoundRobinProxy(upstreams: readonly string[]): Promise<RoundRobinProxy> {
  let next = 0;
  const counts = upstreams.map(() => 0);
  const server: Server = createServer((req, res) => {
    const index = next++ % upstreams.length;
    counts[index]! += 1;
    const target = new URL(upstreams[index]!);
    const forward = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(`upstream ${target.host}: ${error.message}`);
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

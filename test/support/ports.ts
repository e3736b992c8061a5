/** Free loopback ports and readiness polls for TCP and HTTP servers. */
import { createConnection, createServer } from 'node:net';
import { waitFor, type WaitOptions } from './wait.js';

/**
 * Asks the kernel for a free TCP port on 127.0.0.1 (listen on port 0, read it, close).
 * Another process may take the port before the caller binds it; daemon helpers retry on
 * "address already in use".
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('listen on 127.0.0.1:0 gave no port');
  return address.port;
}

/** True when a TCP connection to `host:port` succeeds within `timeoutMs` (default 1 000 ms). */
export function canConnect(port: number, host = '127.0.0.1', timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Waits until `host:port` (default host 127.0.0.1) accepts TCP connections. */
export async function waitForPort(
  port: number,
  options: WaitOptions & { host?: string } = {},
): Promise<void> {
  const { host = '127.0.0.1', ...rest } = options;
  await waitFor(() => canConnect(port, host), { description: `TCP ${host}:${port}`, ...rest });
}

/** Options of {@link waitForHttp}. */
export interface WaitForHttpOptions extends WaitOptions {
  /** Status that means ready. Default: any 2xx. */
  status?: number;
  /** Extra request headers. */
  headers?: Record<string, string>;
}

/**
 * Waits until a GET of `url` answers with `status` (default: any 2xx). Connection errors and
 * other statuses count as "not yet"; each attempt is capped at 2 s.
 */
export async function waitForHttp(url: string, options: WaitForHttpOptions = {}): Promise<void> {
  const { status, headers, ...rest } = options;
  await waitFor(
    async () => {
      const response = await fetch(url, { headers, signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      return status === undefined ? response.ok : response.status === status;
    },
    { description: `HTTP ${status ?? '2xx'} from ${url}`, ...rest },
  );
}

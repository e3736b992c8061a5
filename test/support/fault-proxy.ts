/**
 * A fault-injecting HTTP reverse proxy on 127.0.0.1:0, put in front of a real registry. Requests
 * pass through unchanged (the `Host` header too, so the registry's `Location` URLs point back at
 * the proxy) unless a rule matches; then the proxy drops the connection (at once or after part of
 * the request body reached the registry), answers a status of its own (503, 429 with
 * `Retry-After`), stalls, or forwards the request late. Every request is logged with the fault applied to it.
 */
import {
  type IncomingMessage,
  type Server,
  type ServerResponse,
  createServer,
  request as httpRequest,
} from 'node:http';
import type { Socket } from 'node:net';

/** What a matching rule does to the request. */
export type FaultAction =
  /** Destroy the client's connection as soon as the request head arrives (nothing forwarded). */
  | { readonly kind: 'reset' }
  /** Forward the request, and destroy both connections once `afterBytes` of its body went through. */
  | { readonly kind: 'reset-mid-body'; readonly afterBytes: number }
  /** Read the request body, then answer this status (nothing forwarded). */
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly headers?: Record<string, string>;
      readonly body?: string;
    }
  /** Never answer (until the client gives up or the proxy closes). */
  | { readonly kind: 'stall' }
  /** Forward the request unchanged, `ms` milliseconds late (a slow link or a slow upload). */
  | { readonly kind: 'delay'; readonly ms: number };

/** When a rule applies. */
export interface FaultRule {
  /** HTTP method, exact (`PATCH`). Default: any. */
  readonly method?: string;
  /** Tested against the path with its query string. Default: any. */
  readonly path?: RegExp;
  /** Matching requests let through untouched before the fault starts. Default 0. */
  readonly skip?: number;
  /** How many matching requests get the fault. Default: all of them. */
  readonly times?: number;
  readonly action: FaultAction;
}

/** One request the proxy saw. */
export interface LoggedRequest {
  readonly method: string;
  /** Path with query string. */
  readonly path: string;
  /** The fault applied, if any. */
  readonly fault?: FaultAction['kind'];
}

/** A running proxy. */
export interface FaultProxy {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** `127.0.0.1:PORT`, for image references. */
  readonly host: string;
  readonly requests: LoggedRequest[];
  /** Adds a rule after the existing ones (the first matching rule with faults left applies). */
  addRule(rule: FaultRule): void;
  /** Removes every rule and clears the request log. */
  reset(): void;
  /** Closes the proxy and every connection it holds. */
  close(): Promise<void>;
}

interface LiveRule extends FaultRule {
  seen: number;
  applied: number;
}

/** Starts a proxy in front of `upstream` (`http://host:port`). */
export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream);
  const rules: LiveRule[] = [];
  const requests: LoggedRequest[] = [];
  const sockets = new Set<Socket>();

  const pick = (req: IncomingMessage): FaultAction | undefined => {
    for (const rule of rules) {
      if (rule.method !== undefined && rule.method !== req.method) continue;
      if (rule.path !== undefined && !rule.path.test(req.url ?? '')) continue;
      rule.seen++;
      if (rule.seen <= (rule.skip ?? 0)) return undefined;
      if (rule.times !== undefined && rule.applied >= rule.times) continue;
      rule.applied++;
      return rule.action;
    }
    return undefined;
  };

  const server: Server = createServer((req, res) => {
    const action = pick(req);
    requests.push({
      method: req.method ?? '',
      path: req.url ?? '',
      ...(action ? { fault: action.kind } : {}),
    });
    if (action?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (action?.kind === 'stall') return;
    if (action?.kind === 'delay') {
      setTimeout(() => forward(req, res, target, undefined), action.ms);
      return;
    }
    if (action?.kind === 'status') {
      req.resume();
      req.on('end', () => {
        res.writeHead(action.status, { 'content-type': 'application/json', ...action.headers });
        res.end(
          action.body ?? JSON.stringify({ errors: [{ code: 'UNAVAILABLE', message: 'injected fault' }] }),
        );
      });
      return;
    }
    forward(req, res, target, action?.kind === 'reset-mid-body' ? action.afterBytes : undefined);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fault proxy has no port');
  const host = `127.0.0.1:${address.port}`;
  return {
    url: `http://${host}`,
    host,
    requests,
    addRule: (rule) => rules.push({ ...rule, seen: 0, applied: 0 }),
    reset: () => {
      rules.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function forward(req: IncomingMessage, res: ServerResponse, target: URL, cutAfter: number | undefined): void {
  const upstream = httpRequest({
    host: target.hostname,
    port: target.port,
    method: req.method,
    path: req.url,
    headers: req.headers,
  });
  upstream.on('response', (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
    answer.pipe(res);
  });
  upstream.on('error', () => req.socket.destroy());
  // A client that goes away mid-request (an abort) takes the forwarded request with it, as a real proxy does.
  req.on('close', () => {
    if (!req.complete) upstream.destroy();
  });
  if (cutAfter === undefined) {
    req.pipe(upstream);
    return;
  }
  let sent = 0;
  req.on('data', (chunk: Buffer) => {
    if (sent >= cutAfter) return;
    const part = chunk.subarray(0, cutAfter - sent);
    sent += part.length;
    upstream.write(part);
    if (sent >= cutAfter) {
      // Let the partial body reach the registry, then cut both sides.
      setTimeout(() => {
        upstream.destroy();
        req.socket.destroy();
      }, 50);
    }
  });
  req.on('end', () => {
    if (sent < cutAfter) upstream.end();
  });
}

/**
 * A {@link RequestDispatcher} on Node.js's own HTTP client (node:http, node:https), for every
 * request of a push: pings, token requests, blob HEADs, manifests, upload sessions and the blob
 * uploads themselves. Node.js parses HTTP in C++ and has these modules in its start-up snapshot,
 * so a push never loads undici, never compiles its WebAssembly parser, and does not wait at exit
 * for V8 to finish optimizing it (about 40 ms of a 130 ms re-push; bench/README.md). A streamed
 * body is written chunk by chunk, and a chunk from a {@link ChunkPool} goes back to its pool once
 * the socket has written it, so a blob upload reuses a few buffers instead of allocating one per
 * chunk. Blob downloads go through undici (dispatchers.ts).
 *
 * Keep-alive sockets per origin (a socket left idle is unreferenced, so it never holds the
 * process), at most `connections` at once; the connect, response-headers and body-pause
 * timeouts undici has, failing with undici's error codes (`UND_ERR_HEADERS_TIMEOUT`…), so the
 * retry layer and error messages treat both pools alike.
 */
import type * as NodeHttp from 'node:http';
import type { Agent as HttpAgent, ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import type * as NodeHttps from 'node:https';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import { pipeReleasing } from '../../chunk-pool.js';
import type { DispatchOptions, DispatchResponse, RequestDispatcher, ResponseBody } from './dispatcher.js';

/** Settings of {@link NodeHttpDispatcher}. */
export interface NodeHttpDispatcherOptions {
  /** Most sockets open to one origin. */
  readonly connections: number;
  /** TCP (and TLS) connect timeout, ms. */
  readonly connectTimeoutMs: number;
}

/**
 * node:http and node:https through require(), when first needed: an ES import of them builds a
 * namespace of every export, and one of those getters loads Node's internal undici (see
 * scripts/build.mjs, `builtinsViaRequire`).
 */
const requireBuiltin = createRequire(import.meta.url);

/** Bytes `dump()` reads by default before it closes the connection instead. */
const DUMP_LIMIT = 128 * 1024;

type RequestFunction = (options: RequestOptions, callback?: (res: IncomingMessage) => void) => ClientRequest;

interface Scheme {
  readonly request: RequestFunction;
  readonly agent: HttpAgent;
}

/** Small requests over node:http / node:https (see the file comment). */
export class NodeHttpDispatcher implements RequestDispatcher {
  readonly #options: NodeHttpDispatcherOptions;
  #http: Scheme | undefined;
  #https: Scheme | undefined;
  #closed = false;

  constructor(options: NodeHttpDispatcherOptions) {
    this.#options = options;
  }

  async request(options: DispatchOptions): Promise<DispatchResponse> {
    if (this.#closed) throw new Error('the client is closed');
    options.signal?.throwIfAborted();
    const url = new URL(options.path, options.origin);
    const secure = url.protocol === 'https:';
    return send(
      secure ? this.#secure() : this.#plain(),
      url,
      secure,
      options,
      this.#options.connectTimeoutMs,
    );
  }

  /** Closes every socket, idle or not. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#http?.agent.destroy();
    this.#https?.agent.destroy();
  }

  #plain(): Scheme {
    if (this.#http === undefined) {
      const http = requireBuiltin('node:http') as typeof NodeHttp;
      this.#http = { request: http.request, agent: new http.Agent(this.#agentOptions()) };
    }
    return this.#http;
  }

  /** node:https loads TLS; only a command that talks to an https registry pays for it. */
  #secure(): Scheme {
    if (this.#https === undefined) {
      const https = requireBuiltin('node:https') as typeof NodeHttps;
      this.#https = { request: https.request, agent: new https.Agent(this.#agentOptions()) };
    }
    return this.#https;
  }

  #agentOptions() {
    return { keepAlive: true, maxSockets: this.#options.connections };
  }
}

function send(
  scheme: Scheme,
  url: URL,
  secure: boolean,
  options: DispatchOptions,
  connectTimeoutMs: number,
): Promise<DispatchResponse> {
  return new Promise<DispatchResponse>((resolve, reject) => {
    let request: ClientRequest;
    try {
      request = scheme.request({
        agent: scheme.agent,
        protocol: url.protocol,
        // A bracketed IPv6 literal is a URL's spelling, not a host name.
        hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: url.port,
        path: options.path,
        method: options.method,
        headers: options.headers,
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      reject(error);
      return;
    }
    // As undici's: the wait for the answer's headers starts once the request, body included, is sent.
    let headersTimer: NodeJS.Timeout | undefined;
    let answered = false;
    request.once('finish', () => {
      if (answered || request.destroyed) return; // a registry may answer before it read the body (401, 413)
      headersTimer = setTimeout(() => {
        request.destroy(
          timeout('UND_ERR_HEADERS_TIMEOUT', `no response headers within ${options.headersTimeout} ms`),
        );
      }, options.headersTimeout);
    });
    request.once('close', () => clearTimeout(headersTimer));
    request.once('socket', (socket: Socket) => {
      if (!socket.connecting) return;
      const connectTimer = setTimeout(() => {
        request.destroy(timeout('UND_ERR_CONNECT_TIMEOUT', `no connection within ${connectTimeoutMs} ms`));
      }, connectTimeoutMs);
      const connected = () => clearTimeout(connectTimer);
      socket.once(secure ? 'secureConnect' : 'connect', connected);
      socket.once('close', connected);
    });
    // After the answer, errors belong to the body stream; reject is a no-op by then.
    request.on('error', reject);
    request.once('response', (response) => {
      answered = true;
      clearTimeout(headersTimer);
      watchBody(response, options.bodyTimeout);
      resolve({
        statusCode: response.statusCode ?? 0,
        headers: headersOf(response),
        body: withDump(response),
      });
    });
    sendBody(request, options.body);
  });
}

function sendBody(request: ClientRequest, body: DispatchOptions['body']): void {
  if (body === undefined || typeof body === 'string' || body instanceof Uint8Array) {
    request.end(body);
    return;
  }
  // The body's own error (a blob that does not match its digest) fails the request, as undici's
  // does; a request that fails or is answered before the body is sent closes the body (the blob
  // file it reads). Either failure reaches the caller through the request's own 'error'. A chunk
  // lent by a ChunkPool goes back to its pool once the socket has written it.
  pipeReleasing(body, request);
}

/** Fails the body when the server pauses longer than `ms` between chunks (undici's `bodyTimeout`). */
function watchBody(response: IncomingMessage, ms: number): void {
  const socket = response.socket;
  if (socket === null || response.complete) return;
  const onTimeout = () =>
    response.destroy(timeout('UND_ERR_BODY_TIMEOUT', `the response body paused for ${ms} ms`));
  socket.setTimeout(ms);
  socket.on('timeout', onTimeout);
  const stop = () => {
    socket.setTimeout(0);
    socket.off('timeout', onTimeout);
  };
  response.once('end', stop);
  response.once('close', stop);
}

/** Every header, lower-case; a repeated one as an array (as undici answers them). */
function headersOf(response: IncomingMessage): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, values] of Object.entries(response.headersDistinct)) {
    if (values === undefined) continue;
    headers[name] = values.length === 1 ? (values[0] as string) : values;
  }
  return headers;
}

function withDump(response: IncomingMessage): ResponseBody {
  const dump = ({ limit = DUMP_LIMIT }: { limit?: number } = {}): Promise<void> =>
    new Promise<void>((resolve) => {
      if (response.readableEnded || response.destroyed) {
        resolve();
        return;
      }
      let seen = 0;
      const done = () => {
        response.off('data', count);
        resolve();
      };
      const count = (chunk: Buffer) => {
        seen += chunk.length;
        if (seen > limit) {
          response.destroy();
          done();
        }
      };
      response.on('data', count);
      response.once('end', done);
      response.once('close', done);
      response.once('error', done);
      response.resume();
    });
  return Object.assign(response, { dump });
}

function timeout(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

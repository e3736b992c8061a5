/**
 * The suite's HTTP helper (`api.Do` in `api.go`) on undici: builds one request from options,
 * sends it the way Go's `net/http` client does (redirects followed, `Content-Length: 0` on bodiless
 * writes, chunked bodies when the length is unknown, transparent gzip), retries once with
 * credentials after a 401 (Basic, or a Bearer token from the realm), then runs every response
 * check and returns their errors. It never throws for HTTP or network failures.
 */
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { Agent, request, type Dispatcher } from 'undici';
import { ResponseHeaders, type ApiOpt, type ApiRequest, type ApiResponse } from './api-options.js';
import { join } from './errors.js';
import { logRequest, logResponse } from './api-log.js';
import type { Results } from './results.js';

/** Options of {@link ApiClient}. */
export interface ApiClientOptions {
  /** Credentials for Basic auth and token requests. Default: anonymous. */
  username?: string;
  password?: string;
  /** Reuse the Authorization header per host, repository and pull/push. Default true. */
  cacheAuth?: boolean;
  /** Accept any TLS certificate (`tls: insecure`). Default false. */
  insecure?: boolean;
  /** Per-request timeout for headers and body, in ms. Default 120 000. */
  timeoutMs?: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 10;

/** The HTTP side of a run. One per run: it holds the auth cache and the connection pool. */
export class ApiClient {
  private readonly user: string;
  private readonly pass: string;
  private readonly authCache: Map<string, string> | undefined;
  private readonly dispatcher: Dispatcher;
  private readonly timeoutMs: number;

  constructor(options: ApiClientOptions = {}) {
    this.user = options.username ?? '';
    this.pass = options.password ?? '';
    const withAuth = this.user !== '' && this.pass !== '';
    this.authCache = withAuth && (options.cacheAuth ?? true) ? new Map() : undefined;
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.dispatcher = new Agent({
      connect: { rejectUnauthorized: !(options.insecure ?? false) },
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
    });
  }

  /** Closes the connection pool. */
  async close(): Promise<void> {
    await this.dispatcher.close();
  }

  /** Sends the request `opts` describe and returns the errors of their checks (`api.Do`). */
  async do(...opts: ApiOpt[]): Promise<Error | undefined> {
    const req: ApiRequest = { method: 'GET', url: undefined, headers: [], body: undefined, contentLength: 0 };
    let out: Results | undefined;
    const reqErr = join(opts.map((o) => o.req?.(req)));
    for (const o of opts) out = o.out ?? out;
    if (reqErr !== undefined) return reqErr;
    if (req.url === undefined) return new Error('http: nil Request.URL');
    const errs: (Error | undefined)[] = [];
    try {
      if (this.authCache !== undefined) {
        const key = authCacheKey(req.method, req.url);
        if (key instanceof Error) return key;
        const cached = this.authCache.get(key);
        if (cached !== undefined) setHeader(req, 'Authorization', cached);
      }
      let resp = await this.send(req, out);
      if (resp.status === 401) {
        const auth = await this.authHeader(resp);
        if (auth instanceof Error) errs.push(auth);
        else if (auth !== '') {
          setHeader(req, 'Authorization', auth);
          resp = await this.send(req, out);
        }
      }
      for (const o of opts) errs.push(o.resp?.(resp));
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
    return join(errs);
  }

  /** One request with redirects followed (`http.Client.Do`). */
  private async send(req: ApiRequest, out: Results | undefined): Promise<ApiResponse> {
    let method = req.method;
    let url = new URL(req.url!.href);
    let body = req.body;
    let contentLength = req.contentLength;
    let headers = req.headers;
    for (let hop = 0; ; hop++) {
      const resp = await this.roundTrip({ method, url, headers, body, contentLength }, out);
      const location = resp.headers.get('Location');
      if (!REDIRECTS.has(resp.status) || location === '') return resp;
      if (hop >= MAX_REDIRECTS)
        throw new Error(`${method} ${url.href}: stopped after ${MAX_REDIRECTS} redirects`);
      const next = new URL(location, url);
      if (resp.status <= 303 && method !== 'GET' && method !== 'HEAD') {
        method = 'GET';
        body = undefined;
        contentLength = 0;
      }
      if (next.host !== url.host)
        headers = headers.filter(([name]) => name.toLowerCase() !== 'authorization');
      url = next;
    }
  }

  private async roundTrip(req: ApiRequest & { url: URL }, out: Results | undefined): Promise<ApiResponse> {
    const has = (name: string) => req.headers.some(([n]) => n.toLowerCase() === name);
    const lines: [string, string][] = req.headers.filter(([n]) => n.toLowerCase() !== 'content-length');
    if (!has('user-agent'))
      lines.push(['User-Agent', 'Go-http-client/1.1 (distribution-spec conformance, TypeScript port)']);
    const gzip = req.method !== 'HEAD' && !has('range') && !has('accept-encoding');
    if (gzip) lines.push(['Accept-Encoding', 'gzip']);
    let body: Buffer | Readable | undefined;
    if (req.body !== undefined && req.contentLength > 0) {
      if (req.body.length !== req.contentLength) {
        throw new Error(`http: ContentLength=${req.contentLength} with Body length ${req.body.length}`);
      }
      body = req.body;
      lines.push(['Content-Length', String(req.contentLength)]);
    } else if (req.body !== undefined) {
      body = Readable.from(req.body.length === 0 ? [] : [req.body]);
    } else if (req.method !== 'GET' && req.method !== 'HEAD') {
      lines.push(['Content-Length', '0']);
    }
    if (out !== undefined) logRequest(out, req.method, req.url, lines, req.body);
    try {
      const res = await request(req.url, {
        method: req.method as Dispatcher.HttpMethod,
        headers: lines.flat(),
        body,
        dispatcher: this.dispatcher,
      });
      const headers = new ResponseHeaders(res.headers);
      let payload = Buffer.from(await res.body.arrayBuffer());
      if (gzip && headers.get('Content-Encoding').toLowerCase() === 'gzip') {
        payload = gunzipSync(payload);
        headers.delete('Content-Encoding');
        headers.delete('Content-Length');
      }
      const resp = { status: res.statusCode, headers, body: payload, method: req.method, url: req.url };
      if (out !== undefined) logResponse(out, resp);
      return resp;
    } catch (error) {
      if (out !== undefined)
        out.write(`${'-'.repeat(80)}\n~~~ Error ~~~\n${(error as Error).message}\n${'='.repeat(80)}\n`);
      throw error;
    }
  }

  /** The Authorization value answering a 401 (`getAuthHeader`), or an error. */
  private async authHeader(resp: ApiResponse): Promise<string | Error> {
    const key = authCacheKey(resp.method, resp.url);
    if (key instanceof Error) return key;
    const header = resp.headers.get('WWW-Authenticate');
    if (header === '')
      return new Error(`status code or header invalid for adding auth, status ${resp.status}, header `);
    const parsed = parseAuthHeader(header);
    let auth: string;
    if (parsed.type === 'basic') {
      auth = `Basic ${Buffer.from(`${this.user}:${this.pass}`).toString('base64')}`;
    } else if (parsed.type === 'bearer') {
      const realm = new URL(parsed.realm, resp.url);
      const params = new URLSearchParams({ service: parsed.service });
      if (parsed.scope !== '') params.set('scope', parsed.scope);
      realm.search = params.toString();
      const res = await request(realm, {
        headers: {
          accept: 'application/json',
          authorization: `Basic ${Buffer.from(`${this.user}:${this.pass}`).toString('base64')}`,
        },
        dispatcher: this.dispatcher,
      });
      const text = await res.body.text();
      if (res.statusCode !== 200) return new Error(`invalid status on auth request: ${res.statusCode}`);
      let info: { token?: string; access_token?: string };
      try {
        info = JSON.parse(text) as typeof info;
      } catch (error) {
        return new Error(`failed to parse auth response: ${(error as Error).message}`);
      }
      auth = `Bearer ${info.access_token || info.token || ''}`;
    } else {
      return new Error(`failed to parse auth header, type=${parsed.type}: ${header}`);
    }
    this.authCache?.set(key, auth);
    return auth;
  }
}

function setHeader(req: ApiRequest, name: string, value: string): void {
  req.headers = req.headers.filter(([n]) => n.toLowerCase() !== name.toLowerCase());
  req.headers.push([name, value]);
}

/** `parseAuthHeader`: the scheme and the realm, service and scope parameters. */
export function parseAuthHeader(header: string): {
  type: string;
  realm: string;
  service: string;
  scope: string;
} {
  // Like the suite's regexp, a greedy `.*` before the group: the last scheme word wins.
  const type = header.replace(/.*(bearer|basic).*/gi, '$1').toLowerCase();
  const parsed = { type, realm: '', service: '', scope: '' };
  if (type === 'bearer') {
    for (const [, key, value] of header.matchAll(/([a-zA-z]+)="(.+?)"/g)) {
      const k = (key ?? '').toLowerCase();
      if (k === 'realm' || k === 'service' || k === 'scope') parsed[k] = value ?? '';
    }
  }
  return parsed;
}

const REPO_PATH =
  /\/v2\/([a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*)(\/(?:blobs|manifests|tags|referrers)\/(?:[^/]+)|\/blobs\/uploads\/[^/]*)/;

/** `authCacheKey`: host, repository and pull/push, joined by colons. */
export function authCacheKey(method: string, url: URL): string | Error {
  let repo = '';
  if (url.pathname !== '/v2/') {
    const match = REPO_PATH.exec(url.pathname);
    if (match === null) return new Error('could not extract repo from path');
    repo = match[1] ?? '';
  }
  const kind =
    method === 'GET' || method === 'HEAD'
      ? 'pull'
      : ['POST', 'PATCH', 'PUT'].includes(method)
        ? 'push'
        : method;
  return [url.host, repo, kind].join(':');
}

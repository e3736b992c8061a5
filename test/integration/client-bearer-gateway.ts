/**
 * A docker-token-auth front for a registry without auth, for the client's bearer tests: `/token`
 * issues random tokens for the scopes asked (GET with Basic credentials or anonymously, or the
 * OAuth2 refresh-token POST form), and every `/v2/` request must carry a token whose scopes cover
 * it, else 401 with `WWW-Authenticate: Bearer realm=…,service=…,scope=…`. Allowed requests are
 * proxied to the registry unchanged (Host kept, so upload Locations point back here).
 */
import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer, request as httpRequest } from 'node:http';
import type { Socket } from 'node:net';

/** A token request the gateway received. */
export interface TokenRequestLog {
  readonly method: 'GET' | 'POST';
  readonly user: string | undefined;
  readonly scopes: string[];
  readonly service: string | null;
}

/** Settings of {@link startBearerGateway}. */
export interface BearerGatewayOptions {
  readonly username: string;
  readonly password: string;
  /** Refresh token accepted by the OAuth2 POST form. */
  readonly refreshToken: string;
  /** `expires_in` of issued tokens, seconds. Default 300. */
  readonly expiresIn?: number;
}

/** A running gateway. */
export interface BearerGateway {
  readonly url: string;
  readonly host: string;
  readonly tokenRequests: TokenRequestLog[];
  /** Every `/v2/` request: `METHOD path status`. */
  readonly requests: string[];
  /** Makes every token issued so far invalid. */
  revokeAll(): void;
  close(): Promise<void>;
}

const SERVICE = 'gateway-test';

/** Starts the gateway on 127.0.0.1:0 in front of `upstream` (`http://host:port`). */
export async function startBearerGateway(
  upstream: string,
  options: BearerGatewayOptions,
): Promise<BearerGateway> {
  const target = new URL(upstream);
  const tokens = new Map<string, { scopes: string[]; expires: number }>();
  const tokenRequests: TokenRequestLog[] = [];
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  let realm = '';

  const issue = (
    res: ServerResponse,
    scopes: string[],
    key: 'token' | 'access_token',
    authenticated: boolean,
  ): void => {
    const granted = authenticated ? scopes : scopes.map((s) => s.replace(/:[^:]*$/, ':pull'));
    const token = randomBytes(16).toString('hex');
    const expiresIn = options.expiresIn ?? 300;
    tokens.set(token, { scopes: granted, expires: Date.now() + expiresIn * 1000 });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ [key]: token, expires_in: expiresIn, issued_at: new Date().toISOString() }));
  };

  const tokenEndpoint = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
      tokenRequests.push({ method: 'POST', user: undefined, scopes, service: form.get('service') });
      if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== options.refreshToken) {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid_grant"}');
        return;
      }
      issue(res, scopes, 'access_token', true);
      return;
    }
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const [user, ...rest] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : [];
    const scopes = url.searchParams.getAll('scope');
    tokenRequests.push({ method: 'GET', user, scopes, service: url.searchParams.get('service') });
    if (basic !== undefined && (user !== options.username || rest.join(':') !== options.password)) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'bad username or password' }] }));
      return;
    }
    issue(res, scopes, 'token', basic !== undefined);
  };

  const server = createServer((req, res) => {
    if (req.url?.startsWith('/token')) {
      tokenEndpoint(req, res).catch(() => res.destroy());
      return;
    }
    const needed = requiredScopes(req);
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const grant = token === undefined ? undefined : tokens.get(token);
    const ok =
      grant !== undefined && grant.expires > Date.now() && needed.every((s) => covers(grant.scopes, s));
    requests.push(`${req.method} ${req.url} ${ok ? 'ok' : 401}`);
    if (!ok) {
      const scope = needed.length > 0 ? `,scope="${needed.join(' ')}"` : '';
      req.resume();
      res.writeHead(401, {
        'content-type': 'application/json',
        'www-authenticate': `Bearer realm="${realm}",service="${SERVICE}"${scope}${grant ? ',error="insufficient_scope"' : ''}`,
      });
      res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }));
      return;
    }
    const forward = httpRequest({
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: req.headers,
    });
    forward.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('gateway has no port');
  const host = `127.0.0.1:${address.port}`;
  realm = `http://${host}/token`;
  return {
    url: `http://${host}`,
    host,
    tokenRequests,
    requests,
    revokeAll: () => tokens.clear(),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The scopes a `/v2/` request needs: pull for reads, pull+push for writes, pull on a mount's source. */
function requiredScopes(req: IncomingMessage): string[] {
  const url = new URL(req.url ?? '/', 'http://x');
  const match = /^\/v2\/(.+?)\/(blobs|manifests|tags|referrers)\//.exec(url.pathname);
  if (!match) return [];
  const write = !['GET', 'HEAD'].includes(req.method ?? 'GET');
  const scopes = [`repository:${match[1]}:${write ? 'pull,push' : 'pull'}`];
  const from = url.searchParams.get('from');
  if (from) scopes.push(`repository:${from}:pull`);
  return scopes;
}

function covers(granted: readonly string[], needed: string): boolean {
  const [, name, actions] = /^repository:(.+):([^:]+)$/.exec(needed) ?? [];
  return (actions ?? '')
    .split(',')
    .every((action) =>
      granted.some(
        (g) =>
          g.startsWith(`repository:${name}:`) &&
          g.slice(`repository:${name}:`.length).split(',').includes(action),
      ),
    );
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

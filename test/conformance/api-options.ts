/**
 * The request and response options of the suite's HTTP helper (`apiDoOpt` in `api.go`): each
 * option edits the request, checks or reads the response, names the result node that records
 * the exchange, or carries a flag for the caller. Checks return an error instead of throwing.
 */
import { join, tagged } from './errors.js';
import type { Results } from './results.js';

/** A request being built (`http.Request`). */
export interface ApiRequest {
  method: string;
  url: URL | undefined;
  /** Header lines in order; a name may repeat. */
  headers: [string, string][];
  body: Buffer | undefined;
  /**
   * Declared body length (`ContentLength`). As in Go, 0 with a non-empty body means "unknown":
   * the body goes out with `Transfer-Encoding: chunked`.
   */
  contentLength: number;
}

/** Response headers, looked up case-insensitively. */
export class ResponseHeaders {
  private readonly map = new Map<string, string[]>();

  constructor(raw: Record<string, string | string[] | undefined> = {}) {
    for (const [name, value] of Object.entries(raw)) {
      if (value === undefined) continue;
      this.map.set(name.toLowerCase(), Array.isArray(value) ? [...value] : [value]);
    }
  }

  /** Every value of `name` (`Header.Values`). */
  values(name: string): string[] {
    return this.map.get(name.toLowerCase()) ?? [];
  }

  /** The first value of `name`, or "" (`Header.Get`). */
  get(name: string): string {
    return this.values(name)[0] ?? '';
  }

  delete(name: string): void {
    this.map.delete(name.toLowerCase());
  }

  entries(): [string, string[]][] {
    return [...this.map.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  }
}

/** A response with its whole body read. */
export interface ApiResponse {
  status: number;
  headers: ResponseHeaders;
  body: Buffer;
  /** The request that produced it (after redirects). */
  method: string;
  url: URL;
}

/** One option; any subset of the fields may be set. */
export interface ApiOpt {
  req?: (req: ApiRequest) => Error | undefined;
  resp?: (resp: ApiResponse) => Error | undefined;
  /** The result node whose output records the exchange. */
  out?: Results;
  flags?: Readonly<Record<string, boolean>>;
}

/** The union of the flags of `opts` (`GetFlags`). */
export function flagsOf(opts: readonly ApiOpt[]): Record<string, boolean> {
  return Object.assign({}, ...opts.map((o) => o.flags ?? {})) as Record<string, boolean>;
}

/** All request and response functions of `opts` as one option (`apiWithAnd`; flags are not kept). */
export function withAnd(opts: readonly ApiOpt[]): ApiOpt {
  const reqs = opts.flatMap((o) => (o.req === undefined ? [] : [o.req]));
  const resps = opts.flatMap((o) => (o.resp === undefined ? [] : [o.resp]));
  const out = opts.reduce<Results | undefined>((acc, o) => o.out ?? acc, undefined);
  return {
    ...(out === undefined ? {} : { out }),
    ...(reqs.length === 0 ? {} : { req: (r) => join(reqs.map((fn) => fn(r))) }),
    ...(resps.length === 0 ? {} : { resp: (r) => join(resps.map((fn) => fn(r))) }),
  };
}

/** Succeeds when every response check of any one list succeeds (`apiWithOr`; request functions are ignored). */
export function withOr(...lists: (readonly ApiOpt[])[]): ApiOpt {
  return {
    resp: (r) => {
      const misses: Error[] = [];
      for (const list of lists) {
        const errs = list.flatMap((o) => (o.resp === undefined ? [] : [o.resp(r)]));
        const err = join(errs);
        if (err === undefined) return undefined;
        misses.push(err);
      }
      const detail = join(misses);
      return tagged(
        `response did not match any condition: ${detail?.message ?? ''}`,
        ...(detail?.kinds ?? []),
      );
    },
  };
}

/** A flag for the caller (`ExpectBadDigest`, `PutLastChunk`, ...); never sent. */
export const withFlag = (flag: string): ApiOpt => ({ flags: { [flag]: true } });

/** The HTTP method (default GET). */
export const withMethod = (method: string): ApiOpt => ({ req: (r) => void (r.method = method) });

/** The request URL (required). */
export const withUrl = (url: URL): ApiOpt => ({ req: (r) => void (r.url = url) });

/** Adds a query parameter; the query is re-encoded the way Go's `url.Values.Encode` does. */
export const withUrlParam = (key: string, value: string): ApiOpt => ({
  req: (r) => {
    if (r.url === undefined) return new Error('URL must be set before adding a parameter');
    const params = queryOf(r.url);
    params.set(key, [...(params.get(key) ?? []), value]);
    r.url.search = encodeQuery(params);
    return undefined;
  },
});

/** The declared body length; 0 with a body means chunked, as in Go. */
export const withContentLength = (length: number): ApiOpt => ({
  req: (r) => void (r.contentLength = length),
});

/** Adds a header line (a name may repeat). */
export const withHeaderAdd = (name: string, value: string): ApiOpt => ({
  req: (r) => void r.headers.push([name, value]),
});

/** The request body. */
export const withBody = (body: Buffer): ApiOpt => ({ req: (r) => void (r.body = body) });

/** Records the exchange on result node `out`. */
export const saveOutput = (out: Results): ApiOpt => ({ out });

/** The body must equal `expected` byte for byte. */
export const expectBody = (expected: Buffer): ApiOpt => ({
  resp: (r) =>
    r.body.equals(expected)
      ? undefined
      : new Error(`body contents mismatch, expected ${showBody(expected)}, received ${showBody(r.body)}`),
});

/** Header `name` must hold `value` among its values, or just be present when `value` is "". */
export const expectHeader = (name: string, value: string): ApiOpt => ({
  resp: (r) => {
    const current = r.headers.values(name);
    if (value === '') return current.length === 0 ? new Error(`missing header "${name}"`) : undefined;
    return current.includes(value)
      ? undefined
      : new Error(
          `header value mismatch for "${name}", expected "${value}", received ${JSON.stringify(current)}`,
        );
  },
});

/** The status must be one of `codes`. */
export const expectStatus = (...codes: number[]): ApiOpt => ({
  resp: (r) =>
    codes.includes(r.status)
      ? undefined
      : new Error(`unexpected status code, expected one of [${codes.join(' ')}], received ${r.status}`),
});

/** Calls `set` with the first value of header `name` when it is present. */
export const returnHeader = (name: string, set: (value: string) => void): ApiOpt => ({
  resp: (r) => {
    const value = r.headers.get(name);
    if (value !== '') set(value);
    return undefined;
  },
});

/** Parses the body as JSON and hands it to `set`. */
export const returnJsonBody = (set: (value: unknown) => void): ApiOpt => ({
  resp: (r) => {
    try {
      set(JSON.parse(r.body.toString('utf8')));
      return undefined;
    } catch (error) {
      return r.body.length === 0 ? new Error('EOF') : (error as Error);
    }
  },
});

/** Hands the whole response to `set`. */
export const returnResponse = (set: (resp: ApiResponse) => void): ApiOpt => ({
  resp: (r) => void set(r),
});

/** Hands the status to `set`. */
export const returnStatus = (set: (status: number) => void): ApiOpt => ({
  resp: (r) => void set(r.status),
});

/** Go's `url.Values` of a URL's query. */
export function queryOf(url: URL): Map<string, string[]> {
  const params = new Map<string, string[]>();
  for (const [k, v] of url.searchParams) params.set(k, [...(params.get(k) ?? []), v]);
  return params;
}

/** `url.Values.Encode`: keys sorted, `QueryEscape` on keys and values. */
export function encodeQuery(params: Map<string, string[]>): string {
  return [...params.keys()]
    .sort()
    .flatMap((k) => (params.get(k) ?? []).map((v) => `${queryEscape(k)}=${queryEscape(v)}`))
    .join('&');
}

/** `qa := u.Query(); qa.Set(key, value); u.RawQuery = qa.Encode()`. */
export function setQueryParam(url: URL, key: string, value: string): void {
  const params = queryOf(url);
  params.set(key, [value]);
  url.search = encodeQuery(params);
}

/** Go's `url.QueryEscape`. */
export function queryEscape(s: string): string {
  return [...Buffer.from(s, 'utf8')]
    .map((b) => {
      const c = String.fromCharCode(b);
      if (/[A-Za-z0-9\-_.~]/.test(c)) return c;
      if (c === ' ') return '+';
      return `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/** A body for messages: JSON or text (truncated to 4096 bytes), or its size for binary content. */
export function showBody(body: Buffer): string {
  if (body.length === 0) return '--- Empty body ---';
  const text = body.toString('utf8');
  const printable = !text.includes('\uFFFD') && ![...text].some(isBinaryControl);
  if (!printable)
    return `--- Output of application/octet-stream not supported, ${body.length} bytes not shown ---`;
  if (body.length <= TRUNCATE_BODY) return text;
  return `${body.subarray(0, TRUNCATE_BODY).toString('utf8')}\n--- Truncated body from ${body.length} to ${TRUNCATE_BODY} bytes ---`;
}

/** C0 control characters other than tab, newline, vertical tab, form feed and carriage return. */
function isBinaryControl(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code < 0x20 && (code < 0x09 || code > 0x0d);
}

/** Bodies longer than this are truncated in logs and messages (`truncateBody`). */
export const TRUNCATE_BODY = 4096;

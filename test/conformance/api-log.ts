/**
 * The record of each HTTP exchange a check makes (`printRequest`/`printResponse` in `api.go`),
 * written to the check's result node so a failure shows what was sent and received. Credentials
 * and upload state tokens are masked (`redactWriter`).
 */
import { showBody, type ApiResponse } from './api-options.js';
import type { Results } from './results.js';

const REDACT =
  /("?\w*(?:authorization|token|state)\w*"?(?:=|:)\s*(?:\[)?\s*"?\s*(?:(?:bearer|basic)? )?)[^\s?&"\]]*/gi;

/** Masks credentials and tokens in `text`. */
export function redact(text: string): string {
  return text.replace(REDACT, '$1*****');
}

function headerBlock(entries: [string, string[]][]): string {
  return `Headers:\n${entries.map(([k, v]) => `  ${k.padStart(25)}: [${v.join(' ')}]\n`).join('')}`;
}

/** Records a request about to be sent. */
export function logRequest(
  out: Results,
  method: string,
  url: URL,
  headers: [string, string][],
  body: Buffer | undefined,
): void {
  const grouped = new Map<string, string[]>();
  for (const [k, v] of headers) grouped.set(k, [...(grouped.get(k) ?? []), v]);
  const entries = [...grouped.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  out.write(
    redact(
      `${'='.repeat(80)}\n~~~ REQUEST ~~~\nMethod: ${method}\nURL: ${url.href}\n${headerBlock(entries)}${showBody(body ?? Buffer.alloc(0))}\n`,
    ),
  );
}

/** Records the response to the last request. */
export function logResponse(out: Results, resp: ApiResponse): void {
  out.write(
    redact(
      `${'-'.repeat(80)}\n~~~ RESPONSE ~~~\nStatus: ${resp.status}\n${headerBlock(resp.headers.entries())}${showBody(resp.body)}\n${'='.repeat(80)}\n`,
    ),
  );
}

import type { IncomingMessage } from 'node:http';

/** What the registry learns about a request while serving it, for its log line and metrics. */
export interface RequestInfo {
  /** The endpoint, such as `manifest` or `token`: never the raw URL (which may carry secrets). */
  route?: string;
  /** Who made it, such as `token tok_1a2b3c4d5e6f` or `anonymous`: never a secret. */
  principal?: string;
  /** The repository it named, once validated (a name, never anything else from the URL). */
  repository?: string;
  /** Why it failed: the OCI error code answered (`MANIFEST_UNKNOWN`, `DENIED`…), never a message. */
  reason?: string;
}

const infos = new WeakMap<IncomingMessage, RequestInfo>();

/** Adds facts about `req`. */
export function noteRequest(req: IncomingMessage, info: RequestInfo): void {
  infos.set(req, { ...infos.get(req), ...info });
}

/** What is known about `req` so far. */
export function requestInfo(req: IncomingMessage): RequestInfo {
  return infos.get(req) ?? {};
}

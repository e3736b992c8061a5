/**
 * Helpers for the bundled registry's integration tests: start it on 127.0.0.1:0 over a temp
 * store, send requests with fetch (or raw node:http for paths fetch would normalise), and push
 * test content the way the conformance suite does.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { createRegistry, type Registry, type RegistryOptions } from '../../src/registry/index.js';
import { newTempDir } from '../support/temp-dir.js';

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
export const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip';
export const OCI_EMPTY = 'application/vnd.oci.empty.v1+json';

/** A running registry and its base URL. */
export interface TestRegistry {
  readonly registry: Registry;
  readonly url: string;
  readonly storageDir: string;
}

/** Starts a registry over a fresh temp store. Close it with `registry.close()`. */
export async function startRegistry(options: RegistryOptions = {}): Promise<TestRegistry> {
  const storageDir = options.storageDir ?? newTempDir('registry');
  const registry = createRegistry({ storageDir, ...options });
  const { url } = await registry.listen('127.0.0.1', 0);
  return { registry, url, storageDir };
}

/** Upload sessions still open in a bundled registry's store (the `_uploads` entries of every repository). */
export function openUploads(storageDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      if (entry.name === '_uploads') found.push(...readdirSync(join(dir, entry.name)));
      else walk(join(dir, entry.name));
    }
  };
  walk(storageDir);
  return found;
}

/** A response with its body read. */
export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Buffer;
  /** The body parsed as JSON (throws when it is not). */
  json<T = unknown>(): T;
  /** `errors[0].code` of an OCI error body, or undefined. */
  readonly errorCode: string | undefined;
}

/** Sends one request to `base + path` and reads the whole answer. */
export async function send(
  base: string,
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: Uint8Array | string } = {},
): Promise<Reply> {
  const response = await fetch(base + path, {
    method,
    headers: init.headers,
    body: init.body,
    redirect: 'manual',
    signal: AbortSignal.timeout(20_000),
  });
  const body = Buffer.from(await response.arrayBuffer());
  let errorCode: string | undefined;
  try {
    errorCode = (JSON.parse(body.toString('utf8')) as { errors?: { code?: string }[] }).errors?.[0]?.code;
  } catch {
    errorCode = undefined;
  }
  return {
    status: response.status,
    headers: response.headers,
    body,
    json: <T>() => JSON.parse(body.toString('utf8')) as T,
    errorCode,
  };
}

/** Sends a request with the path exactly as given (fetch would resolve `..` and `%2e`). */
export function sendRaw(
  base: string,
  method: string,
  path: string,
): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method, path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** `algorithm:hex` of `bytes`. */
export function digestOf(bytes: Uint8Array | string, algorithm: 'sha256' | 'sha512' = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

/** Deterministic pseudo-random bytes (a seeded xorshift), like the suite's `randomBlob`. */
export function randomBytes(size: number, seed = 1): Buffer {
  const out = Buffer.alloc(size);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = state & 0xff;
  }
  return out;
}

/** Pushes a blob with POST then PUT; returns its digest. Fails the test on any other status than 201. */
export async function pushBlob(
  base: string,
  repo: string,
  bytes: Uint8Array,
  algorithm: 'sha256' | 'sha512' = 'sha256',
) {
  const digest = digestOf(bytes, algorithm);
  const start = await send(base, 'POST', `/v2/${repo}/blobs/uploads/`);
  if (start.status !== 202) throw new Error(`POST upload: ${start.status} ${start.body.toString()}`);
  const location = start.headers.get('location')!;
  const put = await send(base, 'PUT', `${location}?digest=${digest}`, {
    headers: { 'Content-Type': 'application/octet-stream' },
    body: bytes,
  });
  if (put.status !== 201) throw new Error(`PUT upload: ${put.status} ${put.body.toString()}`);
  return digest;
}

/** A descriptor of `bytes`. */
export function descriptorOf(mediaType: string, bytes: Uint8Array, extra: Record<string, unknown> = {}) {
  return { mediaType, digest: digestOf(bytes), size: bytes.length, ...extra };
}

/** An image manifest's bytes (indented like the suite's `json.MarshalIndent`). */
export function imageManifest(config: object, layers: object[], extra: Record<string, unknown> = {}): Buffer {
  return Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config, layers, ...extra }, null, '\t'),
  );
}

/** Pushes a config blob and one layer, then the manifest under `reference`; returns the manifest and its digest. */
export async function pushImage(base: string, repo: string, reference: string, seed = 1) {
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      author: `seed-${seed}`,
      rootfs: { type: 'layers', diff_ids: [] },
    }),
  );
  const layer = randomBytes(300, seed);
  await pushBlob(base, repo, config);
  await pushBlob(base, repo, layer);
  const manifest = imageManifest(descriptorOf(OCI_CONFIG, config), [descriptorOf(OCI_LAYER, layer)]);
  const put = await send(base, 'PUT', `/v2/${repo}/manifests/${reference}`, {
    headers: { 'Content-Type': OCI_MANIFEST },
    body: manifest,
  });
  if (put.status !== 201) throw new Error(`PUT manifest: ${put.status} ${put.body.toString()}`);
  return { manifest, digest: digestOf(manifest), config, layer };
}

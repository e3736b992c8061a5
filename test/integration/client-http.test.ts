/**
 * Registry behaviours CNCF distribution 2.8 does not have, served by small node:http servers on
 * loopback: paged tag lists (`Link: <…>; rel="next"`), the referrers API with filters, blob
 * downloads redirected to storage on another origin (no credentials sent there), corrupted blob
 * downloads, and a registry whose upload Location points at another host.
 */
import { createHash } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient, staticCredentials } from '../../src/client/index.js';
import { MediaType } from '../../src/oci/media-types.js';
import { memoryBlob, readAll, seededBytes } from './client-fixtures.js';

type Handler = (req: IncomingMessage, res: ServerResponse, origin: string) => void;

async function serve(
  handler: Handler,
): Promise<{ server: Server; origin: string; host: string; seen: IncomingMessage[] }> {
  const seen: IncomingMessage[] = [];
  let origin = '';
  const server = createServer((req, res) => {
    seen.push(req);
    handler(req, res, origin);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${address.port}`;
  return { server, origin, host: `127.0.0.1:${address.port}`, seen };
}

const blobBytes = seededBytes('redirected', 70_000);
const blobDigest = `sha256:${createHash('sha256').update(blobBytes).digest('hex')}`;
const TAGS = ['a', 'b', 'c', 'd', 'e'];

describe('registry client against hand-written registries', () => {
  let storage: Awaited<ReturnType<typeof serve>>;
  let registry: Awaited<ReturnType<typeof serve>>;
  let client: RegistryClient;

  beforeAll(async () => {
    storage = await serve((req, res) => {
      res.writeHead(200, { 'content-length': String(blobBytes.length) });
      res.end(blobBytes);
    });
    registry = await serve((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.headers.authorization !== `Basic ${Buffer.from('u:SECRET').toString('base64')}`) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="test"' }).end();
        return;
      }
      if (url.pathname === '/v2/') return void res.writeHead(200).end('{}');
      if (url.pathname === '/v2/paged/tags/list') {
        const n = Number(url.searchParams.get('n') ?? '2');
        const last = url.searchParams.get('last');
        const start = last === null ? 0 : TAGS.indexOf(last) + 1;
        const page = TAGS.slice(start, start + n);
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (start + n < TAGS.length)
          headers.link = `</v2/paged/tags/list?n=${n}&last=${page.at(-1)}>; rel="next"`;
        res.writeHead(200, headers).end(JSON.stringify({ name: 'paged', tags: page }));
        return;
      }
      if (url.pathname === '/v2/evil/tags/list') {
        res.writeHead(200, { link: '<http://169.254.169.254/latest>; rel="next"' }).end('{"tags":["x"]}');
        return;
      }
      if (url.pathname.startsWith('/v2/paged/referrers/')) {
        const manifests = [
          {
            mediaType: MediaType.ociManifest,
            digest: blobDigest,
            size: 10,
            artifactType: 'application/sbom',
          },
        ];
        res.writeHead(200, { 'content-type': MediaType.ociIndex, 'oci-filters-applied': 'artifactType' });
        res.end(JSON.stringify({ schemaVersion: 2, mediaType: MediaType.ociIndex, manifests }));
        return;
      }
      if (url.pathname === `/v2/paged/blobs/${blobDigest}`) {
        res.writeHead(307, { location: `${storage.origin}/bucket/object?X-Amz-Signature=sig` }).end();
        return;
      }
      if (url.pathname === `/v2/corrupt/blobs/${blobDigest}`) {
        const bad = Buffer.from(blobBytes);
        bad[100] = bad[100]! ^ 1;
        res.writeHead(200, { 'content-length': String(bad.length) }).end(bad);
        return;
      }
      if (url.pathname.endsWith('/blobs/uploads/') && req.method === 'POST') {
        res.writeHead(202, { location: 'http://uploads.elsewhere.example/upload/1' }).end();
        return;
      }
      if (req.method === 'HEAD') return void res.writeHead(404).end();
      res.writeHead(404).end();
    });
    client = new RegistryClient({
      credentials: staticCredentials({ [registry.host]: { username: 'u', password: 'SECRET' } }),
    });
  });

  afterAll(async () => {
    await client?.close();
    registry?.server.close();
    storage?.server.close();
  });

  it('follows Link pages of the tag list', async () => {
    expect(await client.listTags(`${registry.host}/paged`, { pageSize: 2 })).toEqual(TAGS);
    const pages = registry.seen.filter((r) => r.url?.startsWith('/v2/paged/tags/list')).map((r) => r.url);
    expect(pages).toEqual([
      '/v2/paged/tags/list?n=2',
      '/v2/paged/tags/list?n=2&last=b',
      '/v2/paged/tags/list?n=2&last=d',
    ]);
  });

  it('refuses a Link that leaves the registry', async () => {
    await expect(client.listTags(`${registry.host}/evil`)).rejects.toMatchObject({
      code: 'CLIENT_BAD_LOCATION',
    });
  });

  it('reads referrers with the filters the registry applied', async () => {
    const referrers = await client.referrers(`${registry.host}/paged`, blobDigest, {
      artifactType: 'application/sbom',
    });
    expect(referrers).toEqual({
      supported: true,
      manifests: [expect.objectContaining({ artifactType: 'application/sbom' })],
      filtersApplied: ['artifactType'],
    });
    expect(registry.seen.at(-1)?.url).toContain('artifactType=application%2Fsbom');
  });

  it('follows a blob redirect to storage without sending credentials there', async () => {
    const stream = await client.getBlob(`${registry.host}/paged`, blobDigest, { size: blobBytes.length });
    expect((await readAll(stream)).equals(blobBytes)).toBe(true);
    expect(storage.seen.at(-1)?.headers.authorization).toBeUndefined();
    expect(storage.seen.at(-1)?.url).toBe('/bucket/object?X-Amz-Signature=sig');
  });

  it('fails the download stream when the served bytes do not match', async () => {
    const stream = await client.getBlob(`${registry.host}/corrupt`, blobDigest);
    await expect(readAll(stream)).rejects.toMatchObject({ code: 'CLIENT_DIGEST_MISMATCH' });
  });

  it('refuses to upload to a Location on another host', async () => {
    const blob = memoryBlob(seededBytes('elsewhere', 1000), MediaType.ociLayerGzip);
    const error = await client.pushBlob(`${registry.host}/paged`, blob).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'CLIENT_BAD_LOCATION',
      message: expect.stringContaining('uploads.elsewhere.example'),
    });
    expect(blob.opens).toBe(0);
    expect(`${(error as Error).message} ${(error as { hint?: string }).hint}`).not.toContain('SECRET');
  });
});

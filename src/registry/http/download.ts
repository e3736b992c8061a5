import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { archiveStream } from '../../oci/index.js';
import { apiError } from '../errors.js';
import { storeOpener } from '../packages/archive.js';
import { ChecksumsHasher } from '../packages/checksums.js';
import type { ArchiveFormat } from '../packages/types.js';
import { viewerOf } from '../packages/viewer.js';
import type { RequestContext } from './context.js';

const FORMATS: readonly ArchiveFormat[] = ['oci-archive', 'docker-archive'];

/**
 * `GET /api/v1/registries/{org}/{registry}/packages/{image}/download?tag=T|digest=D&format=F`:
 * the image as an archive built on the fly from the store, deterministic, with its exact
 * `Content-Length`. Authorized like a pull; a complete GET counts as a download under the tag
 * or digest asked for, and gives the archive's checksums to the cache when they are not there.
 */
export async function handleDownload(ctx: RequestContext, registry: string, image: string): Promise<void> {
  const format = (ctx.query.get('format') ?? 'oci-archive') as ArchiveFormat;
  if (!FORMATS.includes(format)) {
    throw apiError('UNSUPPORTED', {
      status: 400,
      message: `unknown format ${JSON.stringify(format.slice(0, 50))}: use oci-archive or docker-archive`,
    });
  }
  const tag = ctx.query.get('tag') ?? undefined;
  const digest = ctx.query.get('digest') ?? undefined;
  if (tag !== undefined && digest !== undefined) {
    throw apiError('UNSUPPORTED', { status: 400, message: 'give tag or digest, not both' });
  }
  const { packages, stats, onError } = ctx.options;
  const { store } = ctx;
  const planned = await packages.planDownload(
    viewerOf(ctx.req),
    registry,
    image,
    { ...(tag === undefined ? {} : { tag }), ...(digest === undefined ? {} : { digest }) },
    format,
    ctx.query.get('platform') ?? undefined,
  );
  const { archive, resolved, repository } = planned;
  const { res } = ctx;
  res.statusCode = 200;
  res.setHeader('Content-Type', 'application/x-tar');
  res.setHeader('Content-Length', archive.plan.length);
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="${fileName(repository, resolved.tag, archive.digest, format)}"`,
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Docker-Content-Digest', archive.digest);
  if (ctx.method === 'HEAD') {
    res.end();
    return;
  }
  const known = await packages.cachedChecksums(archive);
  const hasher = known === undefined ? new ChecksumsHasher() : undefined;
  const tee = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hasher?.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(archiveStream(archive.plan, storeOpener(store, repository)), tee, res);
  stats.recordDownload(repository, resolved.info.digest, resolved.tag ?? resolved.info.digest);
  // After the response ended, never before: a client that has every byte closes at once, and a
  // response held open for this write would count as cut short. A shutdown may cut the write
  // short: it is atomic, and the checksums are computed again when next asked for.
  if (hasher !== undefined) {
    await packages.rememberChecksums(archive, hasher.digest()).catch((error: unknown) => {
      onError(error, { method: ctx.method, url: (ctx.req.url ?? '').split('?')[0] ?? '' });
    });
  }
}

/** `web-v1.oci.tar`, `web-sha256-abcdef012345.docker.tar`: only safe characters. */
export function fileName(
  repository: string,
  tag: string | null,
  digest: string,
  format: ArchiveFormat,
): string {
  const base = repository
    .split('/')
    .at(-1)!
    .replace(/[^A-Za-z0-9._-]/g, '_');
  const version = tag ?? digest.replace(':', '-').slice(0, 19);
  return `${base}-${version.replace(/[^A-Za-z0-9._-]/g, '_')}.${format === 'oci-archive' ? 'oci' : 'docker'}.tar`;
}

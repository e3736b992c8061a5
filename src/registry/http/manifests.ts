import { apiError } from '../errors.js';
import { checkManifest, type CheckedManifest } from '../manifest-check.js';
import { isSafeTag, parseDigestParam, parseManifestReference, parseTagParam } from '../names.js';
import { digestOf } from '../storage/hashing.js';
import type { ReferrerDescriptor, StoredManifest } from '../storage/store.js';
import { readBody } from './body.js';
import type { RequestContext } from './context.js';
import { header, manifestLocation } from './headers.js';
import { sendEmpty } from './reply.js';
import { Slots } from './slots.js';

/**
 * Manifest puts checking their references at once, per process. Each holds a parsed manifest's
 * descriptors and its reference checks; the rest wait (their bodies already read and bounded).
 */
const VALIDATIONS = new Slots(4);

/** Reference checks (`stat`s) in flight per manifest put. */
const CHECKS_PER_MANIFEST = 16;

/** `GET`/`HEAD`/`PUT`/`DELETE /v2/<name>/manifests/<reference>`, by tag or by digest. */
export async function handleManifest(ctx: RequestContext, name: string, reference: string): Promise<void> {
  if (ctx.method === 'PUT') return putManifest(ctx, name, reference);
  const ref = readableReference(reference);
  if (ctx.method === 'DELETE') {
    const deleted =
      ref === undefined
        ? false
        : ref.includes(':')
          ? await ctx.store.deleteManifest(name, ref)
          : await ctx.store.deleteTag(name, ref);
    if (!deleted) throw unknown(reference);
    sendEmpty(ctx.res, 202);
    return;
  }
  if (ref === undefined) throw unknown(reference);
  const found =
    ctx.method === 'HEAD' ? await ctx.store.statManifest(name, ref) : await ctx.store.getManifest(name, ref);
  if (found === undefined) throw unknown(reference);
  const { res } = ctx;
  res.setHeader('Docker-Content-Digest', found.digest);
  res.setHeader('ETag', `"${found.digest}"`);
  if (header(ctx.req.headers, 'if-none-match') === `"${found.digest}"`) {
    sendEmpty(res, 304);
    return;
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', found.mediaType);
  res.setHeader('Content-Length', found.size);
  if (ctx.method === 'GET') ctx.options.stats.recordDownload(name, found.digest, ref);
  res.end('bytes' in found && ctx.method !== 'HEAD' ? (found as StoredManifest).bytes : undefined);
}

/**
 * A reference to look up: a valid digest, a valid tag, or undefined for a tag that cannot exist
 * (so reads answer 404). A malformed digest is a 400 `DIGEST_INVALID`.
 */
function readableReference(reference: string): string | undefined {
  if (reference.includes(':')) return parseDigestParam(reference).value;
  return isSafeTag(reference) ? reference : undefined;
}

function unknown(reference: string) {
  return apiError('MANIFEST_UNKNOWN', {
    message: `manifest unknown: ${JSON.stringify(reference.slice(0, 200))} is not in this repository`,
    detail: { reference: reference.slice(0, 200) },
  });
}

async function putManifest(ctx: RequestContext, name: string, reference: string): Promise<void> {
  const ref = parseManifestReference(reference);
  const extraTags = ctx.query.getAll('tag');
  for (const tag of extraTags) parseTagParam(tag);
  const bytes = await readBody(ctx.req, ctx.options.maxManifestBytes);
  const digest = digestOf(bytes, ref.kind === 'digest' ? ref.digest.algorithm : 'sha256');
  if (ref.kind === 'digest' && ref.digest.value !== digest) {
    throw apiError('DIGEST_INVALID', {
      message: `manifest content has digest ${digest}, not ${ref.digest.value}`,
      detail: { expected: ref.digest.value, actual: digest },
    });
  }
  const tags = ref.kind === 'tag' ? [ref.tag, ...extraTags] : extraTags;
  let subject: string | undefined;
  await VALIDATIONS.run(async () => {
    const checked = checkManifest(bytes, header(ctx.req.headers, 'content-type'));
    subject = checked.subject?.digest;
    // The lease keeps online GC off the referenced content between the check and the put.
    const referenced = [...checked.blobs, ...checked.manifests].map((d) => d.digest);
    await ctx.options.caching.gc.lease(referenced, async () => {
      if (ctx.options.requireManifestReferences) await requireReferences(ctx, name, checked);
      await ctx.store.putManifest(name, {
        bytes,
        digest,
        mediaType: checked.mediaType,
        tags,
        referrer:
          subject === undefined
            ? undefined
            : { subject, descriptor: referrerDescriptor(checked, digest, bytes.length) },
      });
    });
  });
  ctx.options.stats.recordPush(name, digest, tags);
  const headers: Record<string, string> = {
    Location: manifestLocation(name, digest),
    'Docker-Content-Digest': digest,
  };
  if (subject !== undefined) headers['OCI-Subject'] = subject;
  if (extraTags.length > 0) headers['OCI-Tag'] = extraTags.join(', ');
  sendEmpty(ctx.res, 201, headers);
}

/**
 * Fails with `MANIFEST_BLOB_UNKNOWN` naming the first config, layer or child manifest not in
 * `name`. Checks at most {@link CHECKS_PER_MANIFEST} at a time and stops at the first missing.
 */
async function requireReferences(ctx: RequestContext, name: string, checked: CheckedManifest): Promise<void> {
  const all = [
    ...checked.blobs.map((d) => ({ d, what: 'blob' as const })),
    ...checked.manifests.map((d) => ({ d, what: 'manifest' as const })),
  ];
  let next = 0;
  let firstMissing = all.length;
  const worker = async (): Promise<void> => {
    while (firstMissing === all.length && next < all.length) {
      const index = next++;
      const { d, what } = all[index]!;
      const found =
        what === 'blob'
          ? await ctx.store.statBlob(name, d.digest)
          : await ctx.store.statManifest(name, d.digest);
      if (found === undefined) firstMissing = Math.min(firstMissing, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CHECKS_PER_MANIFEST, all.length) }, worker));
  if (firstMissing === all.length) return;
  const { d: first, what } = all[firstMissing]!;
  throw apiError('MANIFEST_BLOB_UNKNOWN', {
    message: `manifest references ${what} ${first.digest}, which is not in repository ${name}; push it first`,
    detail: { digest: first.digest },
  });
}

function referrerDescriptor(checked: CheckedManifest, digest: string, size: number): ReferrerDescriptor {
  return {
    mediaType: checked.mediaType,
    digest,
    size,
    ...(checked.artifactType === undefined ? {} : { artifactType: checked.artifactType }),
    ...(checked.annotations === undefined ? {} : { annotations: checked.annotations }),
  };
}

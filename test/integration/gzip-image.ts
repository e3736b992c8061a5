import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import {
  OCI_CONFIG,
  OCI_LAYER,
  OCI_MANIFEST,
  descriptorOf,
  digestOf,
  imageManifest,
  pushBlob,
  send,
} from './registry-support.js';

/**
 * Pushes an image whose one layer is a real gzipped tar holding `/platform.txt` (skopeo
 * recompresses a layer that claims gzip and is not, which changes the digest).
 */
export async function pushGzipImage(base: string, repo: string, tag: string, architecture: string) {
  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on('data', (c) => chunks.push(c as Buffer));
  const ended = new Promise((resolve) => tar.on('end', () => resolve(undefined)));
  tar.entry({ name: 'platform.txt', mtime: new Date(0) }, architecture);
  tar.finalize();
  await ended;
  const raw = Buffer.concat(chunks);
  const layer = gzipSync(raw);
  const config = Buffer.from(
    JSON.stringify({
      architecture,
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [`sha256:${createHash('sha256').update(raw).digest('hex')}`] },
    }),
  );
  await pushBlob(base, repo, config);
  await pushBlob(base, repo, layer);
  const manifest = imageManifest(descriptorOf(OCI_CONFIG, config), [descriptorOf(OCI_LAYER, layer)]);
  const put = await send(base, 'PUT', `/v2/${repo}/manifests/${tag}`, {
    headers: { 'Content-Type': OCI_MANIFEST },
    body: manifest,
  });
  if (put.status !== 201) throw new Error(`PUT manifest: ${put.status} ${put.body.toString()}`);
  return { manifest, digest: digestOf(manifest), config, layer };
}

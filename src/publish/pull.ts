/**
 * `pull`: an image from a registry into a file (an OCI or docker archive, the same deterministic
 * bytes as the bundled registry's Download) or an OCI image layout directory.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fetchArtifact, type RegistryClient } from '../client/index.js';
import { ContainerPackageError } from '../errors.js';
import { OciFormatError } from '../oci/errors.js';
import type { ImageArtifact } from '../oci/image.js';
import { archiveOfArtifact, archiveStream, planArchive, type ArchiveFormat } from '../oci/index.js';
import type { Reference } from '../reference/index.js';

/** What `pull` writes: an archive file, or an OCI image layout directory (`oci`). */
export type PullFormat = ArchiveFormat | 'oci';

/** Options of {@link pullImage}. */
export interface PullOptions {
  /** The file (archives) or directory (`oci`) to write. */
  readonly output: string;
  /** Default `oci-archive`. */
  readonly format?: PullFormat;
  /** docker-archive of an index: the platform (`linux/arm64`). Default: the first image. */
  readonly platform?: string;
  readonly signal?: AbortSignal;
}

/** What {@link pullImage} wrote. */
export interface PullResult {
  readonly reference: string;
  /** The manifest written (for docker-archive of an index: the platform image's). */
  readonly digest: string;
  readonly format: PullFormat;
  readonly output: string;
  /** Bytes written. */
  readonly size: number;
}

/**
 * Pulls `ref` into `options.output`. An archive is written to a temp file beside it and renamed
 * into place once complete (every blob verified against its digest on the way), so a failed pull
 * leaves nothing behind. A layout directory must not exist or be empty.
 */
export async function pullImage(
  client: RegistryClient,
  ref: Reference,
  options: PullOptions,
): Promise<PullResult> {
  const format = options.format ?? 'oci-archive';
  if (options.platform !== undefined && format !== 'docker-archive') {
    throw new ContainerPackageError(
      'CLI_USAGE',
      `--platform picks one image for --format docker-archive; ${format} keeps every platform of an index`,
      { hint: 'drop --platform, or add --format docker-archive' },
    );
  }
  await checkOutput(options.output, format);
  const call = options.signal ? { signal: options.signal } : {};
  const artifact = await fetchArtifact(client, ref, call);
  if (options.platform !== undefined && artifact.kind === 'image')
    await checkPlatform(artifact, options.platform);
  const name = `${ref.registry}/${ref.repository}`;
  const { input, open } = archiveOfArtifact(
    artifact,
    format === 'oci' ? 'oci-archive' : format,
    {
      ...(ref.tag === undefined || ref.digest !== undefined ? {} : { refName: ref.tag }),
      ...(ref.tag === undefined ? {} : { repoTags: [`${name}:${ref.tag}`] }),
    },
    options.platform,
  );
  const plan = planArchive(input);
  const reference = `${name}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
  if (format === 'oci') {
    const size = await writeLayout(options.output, plan, open);
    return { reference, digest: input.root.digest, format, output: options.output, size };
  }
  await mkdir(dirname(options.output), { recursive: true });
  const temp = `${options.output}.${randomUUID()}.tmp`;
  try {
    await pipeline(archiveStream(plan, open), createWriteStream(temp, { mode: 0o644 }), call);
    await rename(temp, options.output);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return { reference, digest: input.root.digest, format, output: options.output, size: plan.length };
}

/**
 * A single-platform image asked for with `--platform`: refused unless it is that platform (as
 * `docker pull --platform` does), rather than writing another platform's image silently.
 */
async function checkPlatform(image: ImageArtifact, platform: string): Promise<void> {
  if (image.config.descriptor.size > 8 * 1024 * 1024) return;
  const chunks: Buffer[] = [];
  for await (const chunk of await image.config.open()) chunks.push(chunk as Buffer);
  let config: { os?: unknown; architecture?: unknown; variant?: unknown } | undefined;
  try {
    config = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof config;
  } catch {
    return; // no image config: the archive refuses the artifact itself
  }
  const parts = [config?.os, config?.architecture, config?.variant];
  if (typeof parts[0] !== 'string' || typeof parts[1] !== 'string') return;
  const name = parts.filter((p): p is string => typeof p === 'string' && p !== '').join('/');
  if (name === platform || name.startsWith(`${platform}/`)) return;
  throw new OciFormatError(
    'OCI_PLATFORM_NOT_FOUND',
    `no image for platform ${platform}: this is a single-platform image for ${name}`,
    { hint: `drop --platform, or pull a tag that has ${platform}` },
  );
}

/** Refuses, before anything is downloaded, an output of the wrong kind: a directory for an archive, a file for a layout. */
async function checkOutput(output: string, format: PullFormat): Promise<void> {
  const found = await stat(output).catch(() => undefined);
  if (found === undefined) return;
  if (format === 'oci' && !found.isDirectory()) {
    throw new ContainerPackageError('CLI_OUTPUT_EXISTS', `${output} exists and is not a directory`, {
      hint: 'give --output a new or empty directory for --format oci',
    });
  }
  if (format !== 'oci' && found.isDirectory()) {
    throw new ContainerPackageError(
      'CLI_OUTPUT_EXISTS',
      `${output} is a directory; ${format} writes a file`,
      {
        hint: `give --output a file path such as ${join(output, 'image.tar')}, or use --format oci for a layout directory`,
      },
    );
  }
}

async function writeLayout(
  dir: string,
  plan: ReturnType<typeof planArchive>,
  open: Parameters<typeof archiveStream>[1],
): Promise<number> {
  const existing = await readdir(dir).catch(() => undefined);
  if (existing !== undefined && existing.length > 0) {
    throw new ContainerPackageError('CLI_OUTPUT_EXISTS', `${dir} is not empty`, {
      hint: 'give --output a new or empty directory for --format oci',
    });
  }
  const temp = `${dir}.${randomUUID()}.tmp`;
  try {
    const size = await writeEntries(temp, plan, open);
    if (existing !== undefined) await rmdir(dir);
    await rename(temp, dir);
    return size;
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

async function writeEntries(
  dir: string,
  plan: ReturnType<typeof planArchive>,
  open: Parameters<typeof archiveStream>[1],
): Promise<number> {
  let size = 0;
  await mkdir(dir, { recursive: true });
  for (const entry of plan.entries) {
    const path = join(dir, entry.name);
    if (entry.kind === 'directory') {
      await mkdir(path, { recursive: true });
    } else if (entry.kind === 'bytes') {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, entry.data);
      size += entry.data.length;
    } else {
      await mkdir(dirname(path), { recursive: true });
      await pipeline(await open(entry.blob), createWriteStream(path, { mode: 0o644 }));
      size += entry.blob.size;
    }
  }
  return size;
}

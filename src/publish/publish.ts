/**
 * The main job, CI-neutral: push every image to every registry under every tag and report what
 * was pushed, pinned by digest. The Buildkite plugin, the GitHub Action and the CLI's `push` all
 * call this; they only read their inputs and write their outputs.
 *
 * Per registry, credentials are asked for right before its pushes (an OIDC token lives at most
 * 5 minutes, so one minted in pre-command may have expired by post-command), and again before
 * any request or engine push they would not outlive (`fresh-credentials.ts`).
 *
 * Layers that need compressing (plain tars from an OCI layout or archive) are uploaded to the
 * first registry while they are compressed (`layer-upload.ts`); the push that follows finds them.
 */
import {
  dockerConfigCredentials,
  fetchArtifact,
  RegistryClient,
  storeCredentials,
  type ClientOptions,
  type CredentialProvider,
  keyMatches,
  type LoginCredentials,
  type ProgressEvent,
} from '../client/index.js';
import type { PublishedImage } from '../render/index.js';
import {
  BlobInfoCache,
  compressImage,
  isLocalSource,
  openLocalSource,
  parseSource,
  type Compression,
  type LoadedImage,
  type SourceSpec,
} from '../sources/index.js';
import { pushFromEngine } from '../sources/engine/index.js';
import type { Artifact } from '../oci/image.js';
import { formatReference } from '../reference/index.js';
import { artifactPlatforms, artifactSize } from './describe.js';
import { FreshCredentials, type ExpiringLogin } from './fresh-credentials.js';
import { streamLayersTo, type StreamedLayers } from './layer-upload.js';
import { targetReference, type RegistryTarget } from './targets.js';

/** One image to publish. */
export interface ImageRequest {
  /** `docker:app:ci`, `podman:…`, `oci:DIR[:TAG]`, `oci-archive:FILE`, `docker-archive:FILE[:REF]`, or a registry reference. */
  readonly source: string;
  /** Image name under each registry prefix: `app`, `team/app`. */
  readonly name: string;
  /** Tags, already rendered and valid. At least one. */
  readonly tags: readonly string[];
  /**
   * Where this image goes when each place has its own name and tags (`push --to A --to B`):
   * replaces `registries` × (`name`, `tags`) for this image. The source is still opened and
   * compressed once for all of them.
   */
  readonly destinations?: readonly ImageDestination[];
}

/** One place an image goes: a registry, the name under it, the tags. */
export interface ImageDestination {
  readonly target: RegistryTarget;
  readonly name: string;
  readonly tags: readonly string[];
}

/** What happened while publishing, for progress displays. Holds no credentials. */
export type PublishEvent =
  /** `target`: the registry's prefix (as configured); `repository`: where the image goes (`PREFIX/NAME`). */
  | {
      readonly type: 'image-start';
      readonly source: string;
      readonly target: string;
      readonly repository: string;
    }
  | {
      readonly type: 'progress';
      readonly source: string;
      readonly target: string;
      readonly event: ProgressEvent;
    }
  | { readonly type: 'engine-line'; readonly source: string; readonly target: string; readonly line: string }
  | { readonly type: 'image-done'; readonly image: PublishedImage };

/** Options of {@link publish}. */
export interface PublishRequest {
  readonly images: readonly ImageRequest[];
  readonly registries: readonly RegistryTarget[];
  /**
   * Credentials for a registry, asked for right before pushing to it. `undefined`: use what the
   * docker config holds (`dockerConfig`), as `docker push` would.
   */
  readonly credentials?: (target: RegistryTarget) => Promise<LoginCredentials | undefined>;
  /** The docker config dir the engines and the client read credentials from. Default `$DOCKER_CONFIG` or `~/.docker`. */
  readonly dockerConfig?: string;
  /**
   * Compression of uncompressed layers (docker-archive inputs). Default gzip. They are uploaded to
   * the first registry while they are compressed, `client.concurrency` layers at a time.
   */
  readonly compression?: Compression;
  /**
   * Where compression results are remembered, so a re-push does not compress again what the
   * registry already holds, and where blobs were pushed, so a push to another repository of the
   * same registry mounts them. Default: the user's cache dir; `false` turns it off.
   */
  readonly blobInfoCache?: BlobInfoCache | false;
  /** Engine push attempts after the first. Default 3. */
  readonly engineRetries?: number;
  /** Environment for the engine CLIs (DOCKER_HOST, CONTAINERS_* …). Default this process's. */
  readonly engineEnv?: NodeJS.ProcessEnv;
  /** Client options (concurrency, retries, insecure hosts…). `credentials` is set per registry. */
  readonly client?: Omit<ClientOptions, 'credentials'>;
  /** Buildkite organization for bare `{registry}/...` source references. */
  readonly organization?: string;
  readonly onEvent?: (event: PublishEvent) => void;
  readonly signal?: AbortSignal;
}

/**
 * Publishes every image to every registry; resolves one {@link PublishedImage} per image and
 * registry, in order. Stops at the first failure (what was pushed before it stays pushed).
 */
export async function publish(request: PublishRequest): Promise<PublishedImage[]> {
  const results: PublishedImage[] = [];
  const specs = request.images.map((image) =>
    parseSource(image.source, request.organization ? { buildkiteOrganization: request.organization } : {}),
  );
  const cache =
    request.blobInfoCache === false ? undefined : (request.blobInfoCache ?? (await BlobInfoCache.open()));
  try {
    await publishEach(request, specs, cache, results);
  } finally {
    await cache?.save();
  }
  return results;
}

async function publishEach(
  request: PublishRequest,
  specs: readonly SourceSpec[],
  cache: BlobInfoCache | undefined,
  results: PublishedImage[],
): Promise<void> {
  for (const [i, image] of request.images.entries()) {
    const spec = specs[i]!;
    let loaded: LoadedImage | undefined;
    const destinations =
      image.destinations ??
      request.registries.map((target) => ({ target, name: image.name, tags: image.tags }));
    try {
      for (const { target, name, tags } of destinations) {
        const each: ImageRequest = { source: image.source, name, tags };
        emit(request, {
          type: 'image-start',
          source: image.source,
          target: target.prefix,
          repository: `${target.prefix}/${name}`,
        });
        let published: PublishedImage;
        try {
          // Minted right before this registry's pushes, and again whenever less than a minute is left.
          const source = request.credentials;
          const credentials = source && new FreshCredentials(() => source(target));
          await credentials?.renew();
          if (spec.kind === 'docker' || spec.kind === 'podman') {
            published = await publishFromEngine(request, each, spec.kind, spec, target, credentials);
          } else {
            const client = clientFor(request, target, credentials, cache);
            try {
              // The first target receives the layers while they are compressed (see layer-upload.ts).
              const streamed = loaded === undefined ? streamTo(request, each, target, client) : undefined;
              loaded ??= await load(request, spec, streamed, destinations.length > 1, cache);
              published = await publishArtifact(request, each, loaded.artifact, target, client, streamed);
            } finally {
              await client.close();
            }
          }
        } catch (error) {
          throw attachContext(error, image.source, target);
        }
        results.push(published);
        emit(request, { type: 'image-done', image: published });
      }
    } finally {
      await loaded?.dispose();
    }
  }
}

/** Where a publish failed: set on the error thrown by {@link publish} (when it is an object). */
export interface PublishFailureContext {
  readonly publishSource?: string;
  readonly publishTarget?: RegistryTarget;
}

function attachContext(error: unknown, source: string, target: RegistryTarget): unknown {
  if (typeof error === 'object' && error !== null && !('publishSource' in error)) {
    Object.defineProperties(error, {
      publishSource: { value: source, enumerable: false },
      publishTarget: { value: target, enumerable: false },
    });
  }
  return error;
}

function emit(request: PublishRequest, event: PublishEvent): void {
  try {
    request.onEvent?.(event);
  } catch {
    // A display's failure must not fail the push.
  }
}

function clientFor(
  request: PublishRequest,
  target: RegistryTarget | undefined,
  credentials: FreshCredentials | undefined,
  cache?: BlobInfoCache,
): RegistryClient {
  const fromConfig = dockerConfigCredentials(request.dockerConfig ? { configDir: request.dockerConfig } : {});
  const provider: CredentialProvider = async (registry) => {
    if (target === undefined || credentials === undefined || !keyMatches(target.host, registry)) {
      return fromConfig(registry);
    }
    return (await credentials.get()) ?? fromConfig(registry);
  };
  // The cache's blob locations let a push to a new repository mount what an earlier one pushed.
  return new RegistryClient({
    ...request.client,
    credentials: provider,
    ...(cache && { blobLocations: cache }),
  });
}

/** Uploads compressed layers to `image`'s repository on `target` as they are made. */
function streamTo(
  request: PublishRequest,
  image: ImageRequest,
  target: RegistryTarget,
  client: RegistryClient,
): StreamedLayers {
  const { registry, repository } = targetReference(target, image.name);
  return streamLayersTo(client, { registry, repository }, (event) =>
    emit(request, { type: 'progress', source: image.source, target: target.prefix, event }),
  );
}

async function load(
  request: PublishRequest,
  spec: SourceSpec,
  streamed: StreamedLayers | undefined,
  several: boolean,
  cache: BlobInfoCache | undefined,
): Promise<LoadedImage> {
  const options = request.signal ? { signal: request.signal } : {};
  if (isLocalSource(spec)) {
    const image = await openLocalSource(spec, options);
    try {
      const compressed = await compressImage(image, {
        compression: request.compression ?? 'gzip',
        ...options,
        ...(cache && { cache }),
        // Further registries read the layers back from temporary files rather than compress again.
        ...(streamed && {
          upload: streamed.upload,
          keepUploaded: several,
          concurrency: streamed.concurrency,
        }),
      });
      return compressed;
    } catch (error) {
      await image.dispose();
      throw error;
    }
  }
  if (spec.kind !== 'registry') throw new TypeError(`not an artifact source: ${spec.kind}`);
  const client = clientFor(request, undefined, undefined);
  const artifact = await fetchArtifact(client, spec.reference, options);
  return { artifact, origin: formatReference(spec.reference), dispose: () => client.close() };
}

async function publishArtifact(
  request: PublishRequest,
  image: ImageRequest,
  artifact: Artifact,
  target: RegistryTarget,
  client: RegistryClient,
  streamed: StreamedLayers | undefined,
): Promise<PublishedImage> {
  const repository = targetReference(target, image.name);
  const result = await client.push(
    artifact,
    [{ repository: formatReference(repository), tags: image.tags }],
    {
      onProgress: (event) => {
        if (event.type === 'blob-skipped' && streamed?.uploaded.has(event.digest)) return;
        emit(request, { type: 'progress', source: image.source, target: target.prefix, event });
      },
      ...(request.signal && { signal: request.signal }),
    },
  );
  // The client reports `ref:tag@digest`; results carry the tagged references and the digest apart.
  const tagged = result.references.map((r) => r.slice(0, r.lastIndexOf('@')));
  return describe(image, target, artifact, result.digest, result.mediaType, tagged);
}

async function publishFromEngine(
  request: PublishRequest,
  image: ImageRequest,
  engine: 'docker' | 'podman',
  spec: Extract<SourceSpec, { kind: 'docker' | 'podman' }>,
  target: RegistryTarget,
  credentials: FreshCredentials | undefined,
): Promise<PublishedImage> {
  const configDir = request.dockerConfig;
  // The engine reads the docker config at each `push`: renew what is stored there before each
  // one, so every tag is pushed with a token that outlives it.
  let stored: ExpiringLogin | undefined;
  const store = async (): Promise<void> => {
    const current = await credentials?.get();
    if (current === undefined || current === stored) return;
    await storeCredentials(target.host, current, configDir ? { configDir } : {});
    stored = current;
  };
  const targets = image.tags.map((tag) => targetReference(target, image.name, tag));
  const pushed = await pushFromEngine({
    engine,
    source: spec.reference,
    targets,
    ...(configDir && { dockerConfig: configDir }),
    ...(request.engineRetries !== undefined && { retries: request.engineRetries }),
    ...(request.engineEnv && { env: request.engineEnv }),
    ...(request.signal && { signal: request.signal }),
    onLine: (line) =>
      emit(request, { type: 'engine-line', source: image.source, target: target.prefix, line }),
    beforePush: store,
  });
  // Read back what the engine pushed: proves the digest is in the registry, and gives sizes.
  const client = clientFor(request, target, credentials);
  try {
    const ref = { ...targets[0]!, digest: pushed.digest };
    const artifact = await fetchArtifact(client, ref, request.signal ? { signal: request.signal } : {});
    const references = pushed.pushed.map((p) => p.reference);
    return describe(image, target, artifact, pushed.digest, artifact.mediaType, references);
  } finally {
    await client.close();
  }
}

function describe(
  image: ImageRequest,
  target: RegistryTarget,
  artifact: Artifact,
  digest: string,
  mediaType: string,
  references: readonly string[],
): PublishedImage {
  const platforms = artifactPlatforms(artifact);
  return {
    source: image.source,
    name: image.name,
    digest,
    mediaType,
    size: artifactSize(artifact),
    ...(platforms && { platforms }),
    references,
    registry: {
      host: target.host,
      kind: target.kind,
      visibility: target.visibility ?? 'unknown',
      ...(target.organization !== undefined && { organization: target.organization }),
      ...(target.registry !== undefined && { registry: target.registry }),
      ...(target.username !== undefined && { username: target.username }),
    },
  };
}

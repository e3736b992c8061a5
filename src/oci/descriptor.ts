/** An OCI content descriptor: what a manifest says about a blob or a child manifest. */
export interface Descriptor {
  readonly mediaType: string;
  /** `algorithm:hex`, e.g. `sha256:…`. */
  readonly digest: string;
  /** Size in bytes. */
  readonly size: number;
  readonly urls?: readonly string[];
  readonly annotations?: Readonly<Record<string, string>>;
  readonly artifactType?: string;
  /** Only in an index: which platform a child manifest is for. */
  readonly platform?: Platform;
  /** Only for the empty descriptor and small blobs: the content itself, base64. */
  readonly data?: string;
}

/** The platform of an image in an index. */
export interface Platform {
  readonly architecture: string;
  readonly os: string;
  readonly 'os.version'?: string;
  readonly 'os.features'?: readonly string[];
  readonly variant?: string;
  readonly features?: readonly string[];
}

/** `os/architecture[/variant]`, as docker prints platforms (`linux/arm64/v8`). */
export function formatPlatform(platform: Platform): string {
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}

/** True when the descriptor is a non-distributable layer (has `urls`): registries need not hold it. */
export function isForeign(descriptor: Descriptor): boolean {
  return (
    (descriptor.urls?.length ?? 0) > 0 ||
    descriptor.mediaType.includes('nondistributable') ||
    descriptor.mediaType.includes('.foreign.')
  );
}

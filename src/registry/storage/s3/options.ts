/** Options of the S3 storage driver (`storage: s3:` in the registry's YAML; see docs/registry.md). */
export interface S3DriverOptions {
  /** The bucket; it must exist. */
  readonly bucket: string;
  /** Endpoint URL of an S3-compatible service; AWS when undefined. */
  readonly endpoint?: string;
  /** Default `AWS_REGION`, else `us-east-1`. */
  readonly region?: string;
  /** Key prefix of everything the registry stores (`fleet/`); default none. */
  readonly prefix?: string;
  /** Path-style URLs (`endpoint/bucket/key`), as most S3-compatible services want. Default false. */
  readonly forcePathStyle?: boolean;
  /** Server-side encryption of every object written. Default: the bucket's default. */
  readonly serverSideEncryption?: 'AES256' | 'aws:kms';
  /** The KMS key for `aws:kms`; default: the account's AWS-managed key. */
  readonly kmsKeyId?: string;
  /** Answer blob GETs with a redirect to a presigned URL valid this long (ms); 0 or undefined: serve them. */
  readonly redirectExpiryMs?: number;
  /** Bytes an upload gathers before storing a piece (at least 5 MiB, the S3 part minimum). Default 8 MiB. */
  readonly partSize?: number;
}

/** S3's smallest multipart part (all but the last). */
export const MIN_PART_SIZE = 5 * 1024 * 1024;

/** The default piece size of uploads. */
export const DEFAULT_PART_SIZE = 8 * 1024 * 1024;

/** Normalises a prefix: no leading `/`, one trailing `/` unless empty. */
export function normalisePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? '').replace(/^\/+/, '').replace(/\/+$/, '');
  return trimmed === '' ? '' : `${trimmed}/`;
}

import { ContainerPackageError } from '../../../errors.js';

/** What an S3 SDK error looks like, as far as the driver reads it. */
interface SdkError {
  readonly name?: string;
  readonly message?: string;
  readonly code?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

/** The HTTP status of an SDK error, if it got one. */
export function statusOf(error: unknown): number | undefined {
  return (error as SdkError | undefined)?.$metadata?.httpStatusCode;
}

/** True for "no such key" answers (GetObject's NoSuchKey, HeadObject's bare 404). */
export function isNotFound(error: unknown): boolean {
  const name = (error as SdkError | undefined)?.name;
  return name === 'NoSuchKey' || name === 'NotFound' || (statusOf(error) === 404 && name !== 'NoSuchBucket');
}

/** True when a conditional write found its condition false (412). */
export function isPreconditionFailed(error: unknown): boolean {
  return statusOf(error) === 412 || (error as SdkError | undefined)?.name === 'PreconditionFailed';
}

/**
 * A failed S3 call, naming the operation, bucket and key, with a hint that says what to fix.
 * Code `REGISTRY_STORAGE_S3`.
 */
export class S3StorageError extends ContainerPackageError {
  readonly bucket: string;
  readonly key: string;
  readonly status: number | undefined;

  constructor(operation: string, bucket: string, key: string, cause: unknown) {
    const sdk = cause as SdkError;
    const status = statusOf(cause);
    const what = `${sdk?.name ?? 'Error'}${status === undefined ? '' : ` (HTTP ${status})`}`;
    super(
      'REGISTRY_STORAGE_S3',
      `S3 ${operation} of s3://${bucket}/${key} failed: ${what}: ${sdk?.message ?? String(cause)}`,
      { hint: hintFor(sdk, status, bucket, key, operation), cause },
    );
    this.name = 'S3StorageError';
    this.bucket = bucket;
    this.key = key;
    this.status = status;
  }
}

function hintFor(
  error: SdkError | undefined,
  status: number | undefined,
  bucket: string,
  key: string,
  operation: string,
): string {
  const name = error?.name ?? '';
  if (name === 'NoSuchBucket' || (operation === 'HeadBucket' && status === 404)) {
    return `create the bucket ${bucket}, or set storage.s3.bucket (and endpoint/region) to one that exists`;
  }
  if (name === 'CredentialsProviderError' || /credential/i.test(error?.message ?? '')) {
    return 'give the registry AWS credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or an instance/task role (never in the YAML)';
  }
  if (
    name === 'AccessDenied' ||
    name === 'InvalidAccessKeyId' ||
    name === 'SignatureDoesNotMatch' ||
    status === 403
  ) {
    return `check the credentials, and that their IAM policy allows s3:GetObject, s3:PutObject, s3:DeleteObject, s3:ListBucket and s3:AbortMultipartUpload on arn:aws:s3:::${bucket} and arn:aws:s3:::${bucket}/${key.split('/')[0]}* (docs/registry.md has the policy)`;
  }
  if (name === 'PermanentRedirect' || name === 'AuthorizationHeaderMalformed' || status === 301) {
    return `the bucket ${bucket} is in another region: set storage.s3.region to it`;
  }
  if (status === undefined) {
    return 'check storage.s3.endpoint and that the S3 service is reachable from this host';
  }
  if (status >= 500 || status === 429) return 'the S3 service failed or is throttling: try again';
  return `see the S3 error above for s3://${bucket}/${key}`;
}

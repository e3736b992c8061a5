/**
 * Ceph's RADOS Gateway: a real S3 service on free loopback ports for the S3 storage driver's
 * tests, started by the project's own `scripts/rgw-up.sh` (one mon, one memstore OSD, one gateway;
 * about 5 s) under the test file's temp dir and stopped by `scripts/rgw-down.sh` (by recorded PIDs).
 */
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './ports.js';
import { runTool } from './run.js';
import { newTempDir } from './temp-dir.js';

const SCRIPTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts');

/** A running gateway. */
export interface Rgw {
  /** `http://127.0.0.1:PORT`. */
  readonly endpoint: string;
  readonly region: string;
  /** The S3 credentials, as the SDK's default chain reads them from the environment. */
  readonly env: { AWS_ACCESS_KEY_ID: string; AWS_SECRET_ACCESS_KEY: string; AWS_REGION: string };
  /** A client with those credentials (path style, checksums only when required). */
  readonly client: S3Client;
  /** Creates a bucket with a fresh name and returns the name. */
  newBucket(): Promise<string>;
  /** Stops the cluster (gateway, OSD, monitor). Idempotent. */
  stop(): Promise<void>;
}

let buckets = 0;

/** Starts a gateway; call `stop()` in `afterAll`. */
export async function startRgw(): Promise<Rgw> {
  const dir = newTempDir('rgw');
  const accessKey = randomBytes(10).toString('hex').toUpperCase();
  const secretKey = randomBytes(20).toString('hex');
  const s3Port = await freePort();
  const monPort = await freePort();
  const env = {
    PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin',
    S3_PORT: String(s3Port),
    MON_PORT: String(monPort),
    S3_ACCESS_KEY_ID: accessKey,
    S3_SECRET_ACCESS_KEY: secretKey,
  };
  await runTool(join(SCRIPTS, 'rgw-up.sh'), [dir], { env, timeoutMs: 180_000 });
  const endpoint = `http://127.0.0.1:${s3Port}`;
  const credentials = {
    AWS_ACCESS_KEY_ID: accessKey,
    AWS_SECRET_ACCESS_KEY: secretKey,
    AWS_REGION: 'us-east-1',
  };
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: accessKey, secretAccessKey: secretKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  let stopped: Promise<void> | undefined;
  return {
    endpoint,
    region: 'us-east-1',
    env: credentials,
    client,
    async newBucket() {
      buckets += 1;
      const name = `test-${process.pid}-${buckets}`;
      await client.send(new CreateBucketCommand({ Bucket: name }));
      return name;
    },
    stop() {
      stopped ??= (async () => {
        client.destroy();
        await runTool(join(SCRIPTS, 'rgw-down.sh'), [dir], {
          env: { PATH: env.PATH, DOWN_KILL: '1' },
          reject: false,
          timeoutMs: 60_000,
        });
      })();
      return stopped;
    },
  };
}

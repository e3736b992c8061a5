/**
 * Registry figures on S3 (issue 14, item 6): the same push, pull and manifest load as the
 * `registry` step, with both registries storing in a bucket of a real S3 service (Ceph's RADOS
 * Gateway, started by `scripts/rgw-up.sh` on free ports): ours through its S3 driver,
 * distribution 2.8 through its own, both redirecting blob GETs to presigned S3 URLs (distribution's
 * default; `redirect: true` for ours). A fresh bucket per registry and run. Manifest HEAD on S3
 * reads the tag and link from the bucket on every request (`cache-ttl` 0): its p99 is the cost
 * of the revalidation that replicas need.
 */
import {
  AbortMultipartUploadCommand,
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BenchError } from '../lib/errors.js';
import type { Figure } from '../lib/figures.js';
import { ROOT, findTool } from '../lib/paths.js';
import { freePort, type BenchS3, type RegistryKind } from '../lib/registries.js';
import { GiB, MiB, formatSize } from '../lib/size.js';
import { REGISTRY_WHO, alternate, withRegistry, type StepContext } from './context.js';
import { emptySamples, measure, type RegistrySamples } from './registry.js';

const run = promisify(execFile);
const WHO = { ours: `${REGISTRY_WHO.ours} (S3 driver)`, peer: `${REGISTRY_WHO.peer} (S3 driver)` };
const CEPH = ['ceph-mon', 'ceph-osd', 'radosgw', 'radosgw-admin', 'monmaptool', 'curl'];

/** Runs the S3 measurements; none (with a warning) when Ceph is not installed. */
export async function s3Step(ctx: StepContext): Promise<Figure[]> {
  const missing = CEPH.filter((tool) => findTool(tool) === undefined);
  if (missing.length > 0) {
    ctx.warnings.push(
      `s3 step skipped: ${missing.join(', ')} missing (scripts/install-test-deps.sh installs Ceph)`,
    );
    return [];
  }
  const dir = join(ctx.work, 'rgw');
  const accessKeyId = randomBytes(10).toString('hex').toUpperCase();
  const secretAccessKey = randomBytes(20).toString('hex');
  const s3Port = await freePort();
  const env = {
    PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin',
    S3_PORT: String(s3Port),
    MON_PORT: String(await freePort()),
    S3_ACCESS_KEY_ID: accessKeyId,
    S3_SECRET_ACCESS_KEY: secretAccessKey,
    // memstore keeps what is written in RAM and stalls every write once it is 95% full. Each
    // bucket is emptied after its run, but distribution's S3 driver holds a blob twice while
    // it commits (the upload, then the copy to its final key): room for that and slack.
    OSD_BYTES: String(Math.max(4 * GiB, 3 * ctx.image.bytes + GiB)),
  };
  ctx.progress.step('starting Ceph RADOS Gateway (S3)');
  await run(join(ROOT, 'scripts', 'rgw-up.sh'), [dir], { env });
  const endpoint = `http://127.0.0.1:${s3Port}`;
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId, secretAccessKey },
    // A bucket operation on a stalled gateway fails instead of holding the bench forever.
    requestHandler: { requestTimeout: 60_000, throwOnRequestTimeout: true },
    maxAttempts: 1,
  });
  try {
    const samples: Record<RegistryKind, RegistrySamples> = {
      ours: emptySamples(),
      distribution: emptySamples(),
    };
    const { runs } = ctx.options;
    for (let i = 1; i <= runs; i++) {
      for (const kind of alternate<RegistryKind>(i, 'ours', 'distribution')) {
        const bucket = `bench-${kind}-${i}`;
        await client.send(new CreateBucketCommand({ Bucket: bucket }));
        const s3: BenchS3 = { endpoint, bucket, accessKeyId, secretAccessKey };
        const work = join(ctx.work, `s3-${kind}-${i}`);
        // A run that fails (a transfer stuck past its timeout) costs its samples, not the
        // bench: the figures take the other runs, and the report says what was lost.
        const partial = emptySamples();
        try {
          await withRegistry(
            ctx,
            kind,
            work,
            (registry) => measure(ctx, registry, work, `${kind} on S3, run ${i}/${runs}`, partial),
            s3,
          );
        } catch (error) {
          ctx.warnings.push(`s3: ${kind}, run ${i}/${runs} left out: ${firstLine(error)}`);
          continue;
        } finally {
          await dropBucket(client, bucket, join(dir, 'ceph.conf')).catch((error: unknown) => {
            ctx.warnings.push(`s3: could not empty bucket ${bucket}: ${firstLine(error)}`);
          });
        }
        addSamples(samples[kind], partial);
      }
    }
    for (const kind of ['ours', 'distribution'] as const) {
      if (samples[kind].pushWall.length === 0)
        throw new BenchError(
          'BENCH_COMMAND_FAILED',
          `s3: every run of ${kind} failed (see the warnings above)`,
        );
    }
    return figures(ctx, samples);
  } finally {
    client.destroy();
    await run(join(ROOT, 'scripts', 'rgw-down.sh'), [dir, '--purge'], {
      env: { PATH: env.PATH, DOWN_KILL: '1' },
    }).catch(() => undefined);
  }
}

/**
 * Deletes a run's bucket and everything in it, then has Ceph's garbage collector free the
 * deleted objects' data now rather than hours later (its default), so that the runs of a bench
 * never fill the OSD: a full OSD stalls every write, which looks like a hung push.
 */
async function dropBucket(client: S3Client, bucket: string, cephConf: string): Promise<void> {
  for (;;) {
    const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
    const keys = (listed.Contents ?? []).map((o) => ({ Key: o.Key! }));
    if (keys.length === 0) break;
    const deleted = await client.send(
      new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys } }),
    );
    // A key the gateway refuses to delete would be listed again and again.
    const refused = deleted.Errors ?? [];
    if (refused.length > 0)
      throw new Error(
        `${refused.length} objects not deleted, e.g. ${refused[0]!.Key}: ${refused[0]!.Message}`,
      );
  }
  const uploads = await client.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
  for (const upload of uploads.Uploads ?? [])
    await client.send(
      new AbortMultipartUploadCommand({ Bucket: bucket, Key: upload.Key, UploadId: upload.UploadId }),
    );
  await client.send(new DeleteBucketCommand({ Bucket: bucket }));
  await run('radosgw-admin', ['-c', cephConf, 'gc', 'process', '--include-all'], {
    timeout: 120_000,
  });
}

function addSamples(into: RegistrySamples, from: RegistrySamples): void {
  for (const key of Object.keys(into) as (keyof RegistrySamples)[])
    (into[key] as unknown[]).push(...(from[key] as unknown[]));
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

function figures(ctx: StepContext, samples: Record<RegistryKind, RegistrySamples>): Figure[] {
  const { image } = ctx;
  const size = formatSize(image.bytes);
  const mibs = (walls: number[]): number[] => walls.map((w) => image.bytes / MiB / w);
  const perGiB = (cpus: number[]): number[] => cpus.map((c) => c / (image.bytes / GiB));
  const { ours, distribution: peer } = samples;
  const who = WHO;
  return [
    {
      id: 's3.push.rate',
      label: `S3: push ${size}, throughput`,
      unit: 'MiB/s',
      ours: mibs(ours.pushWall),
      peer: mibs(peer.pushWall),
      who,
    },
    {
      id: 's3.push.cpu',
      label: 'S3: registry CPU per GiB pushed',
      unit: 'CPU-s/GiB',
      ours: perGiB(ours.pushCpu),
      peer: perGiB(peer.pushCpu),
      who,
    },
    {
      id: 's3.pull.rate',
      label: `S3: pull ${size}, throughput`,
      unit: 'MiB/s',
      ours: mibs(ours.pullWall),
      peer: mibs(peer.pullWall),
      who,
    },
    {
      id: 's3.pull.cpu',
      label: 'S3: registry CPU per GiB pulled',
      unit: 'CPU-s/GiB',
      ours: perGiB(ours.pullCpu),
      peer: perGiB(peer.pullCpu),
      who,
    },
    {
      id: 's3.manifest.head.rps',
      label: `S3: manifest HEAD at ${ctx.options.connections} connections (tag and link read from the bucket)`,
      unit: 'req/s',
      ours: ours.head.map((r) => r.rps),
      peer: peer.head.map((r) => r.rps),
      who,
    },
    {
      id: 's3.manifest.head.p99',
      label: 'S3: manifest HEAD p99 latency (the revalidation replicas need)',
      unit: 'ms',
      ours: ours.head.map((r) => r.p99Ms),
      peer: peer.head.map((r) => r.p99Ms),
      who,
    },
  ];
}

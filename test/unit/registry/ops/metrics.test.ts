import { describe, expect, test } from 'vitest';
import { cachedFor } from '../../../../src/registry/ops/cached.js';
import { jsonLogger } from '../../../../src/registry/ops/logger.js';
import { Metrics } from '../../../../src/registry/ops/metrics.js';

const BOUNDS = [
  '0.001',
  '0.0025',
  '0.005',
  '0.01',
  '0.025',
  '0.05',
  '0.1',
  '0.25',
  '0.5',
  '1',
  '2.5',
  '5',
  '10',
  '30',
  '60',
  '300',
];
const buckets = (route: string, cumulative: number[], total: number) => [
  ...BOUNDS.map(
    (le, i) => `registry_http_request_duration_seconds_bucket{route="${route}",le="${le}"} ${cumulative[i]}`,
  ),
  `registry_http_request_duration_seconds_bucket{route="${route}",le="+Inf"} ${total}`,
];

describe('Metrics', () => {
  test('renders counters, byte totals, durations, uploads in flight and storage in Prometheus text format', async () => {
    const metrics = new Metrics();
    metrics.record({
      route: 'manifest',
      method: 'GET',
      status: 200,
      bytesIn: 100,
      bytesOut: 900,
      seconds: 0.5,
    });
    metrics.record({
      route: 'manifest',
      method: 'GET',
      status: 200,
      bytesIn: 100,
      bytesOut: 900,
      seconds: 0.25,
    });
    metrics.record({
      route: 'blob',
      method: 'HEAD',
      status: 404,
      bytesIn: 80,
      bytesOut: 120,
      seconds: 0.001,
    });
    const done = metrics.uploadStarted();
    metrics.uploadStarted();
    done();
    done(); // only once
    metrics.setStorageSource(() => Promise.resolve({ blobs: 3, bytes: 4096 }));
    metrics.recordMirror('docker.io', 'manifest', 'hit');
    metrics.recordMirror('docker.io', 'manifest', 'hit');
    metrics.recordMirror('docker.io', 'manifest', 'stale');
    metrics.recordMirror('docker.io', 'blob', 'miss');
    const text = await metrics.render();
    const processStart = text.indexOf('# HELP process_cpu_user_seconds_total');
    expect(processStart).toBeGreaterThan(0);
    expect(text.slice(0, processStart)).toBe(
      [
        '# HELP registry_http_requests_total HTTP requests answered, by route, method and status.',
        '# TYPE registry_http_requests_total counter',
        'registry_http_requests_total{route="blob",method="HEAD",status="404"} 1',
        'registry_http_requests_total{route="manifest",method="GET",status="200"} 2',
        '# HELP registry_http_request_bytes_total Bytes received (headers included), by route.',
        '# TYPE registry_http_request_bytes_total counter',
        'registry_http_request_bytes_total{route="blob"} 80',
        'registry_http_request_bytes_total{route="manifest"} 200',
        '# HELP registry_http_response_bytes_total Bytes sent (headers included), by route.',
        '# TYPE registry_http_response_bytes_total counter',
        'registry_http_response_bytes_total{route="blob"} 120',
        'registry_http_response_bytes_total{route="manifest"} 1800',
        '# HELP registry_http_request_duration_seconds Time from request to the end of the response, by route.',
        '# TYPE registry_http_request_duration_seconds histogram',
        ...buckets('blob', Array<number>(16).fill(1), 1),
        'registry_http_request_duration_seconds_sum{route="blob"} 0.001000',
        'registry_http_request_duration_seconds_count{route="blob"} 1',
        ...buckets('manifest', [0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 2, 2, 2, 2, 2, 2], 2),
        'registry_http_request_duration_seconds_sum{route="manifest"} 0.750000',
        'registry_http_request_duration_seconds_count{route="manifest"} 2',
        '# HELP registry_mirror_requests_total Pulls served by a mirror, by mirror prefix, kind (manifest, blob) and result (hit, miss, stale).',
        '# TYPE registry_mirror_requests_total counter',
        'registry_mirror_requests_total{mirror="docker.io",kind="blob",result="miss"} 1',
        'registry_mirror_requests_total{mirror="docker.io",kind="manifest",result="hit"} 2',
        'registry_mirror_requests_total{mirror="docker.io",kind="manifest",result="stale"} 1',
        '# HELP registry_uploads_in_flight Blob upload requests being received now.',
        '# TYPE registry_uploads_in_flight gauge',
        'registry_uploads_in_flight 1',
        '# HELP registry_storage_bytes Bytes of blob and manifest content in the store (refreshed at most once a minute).',
        '# TYPE registry_storage_bytes gauge',
        'registry_storage_bytes 4096',
        '# HELP registry_storage_blobs Blobs and manifests in the store (refreshed at most once a minute).',
        '# TYPE registry_storage_blobs gauge',
        'registry_storage_blobs 3',
        '',
      ].join('\n'),
    );
    expect(metrics.latency('manifest')!.quantileBound(0.5)).toBe(0.25);
    expect(metrics.latency('manifest')!.quantileBound(0.99)).toBe(0.5);
    const processLines = text.slice(processStart);
    for (const name of [
      'process_cpu_seconds_total',
      'process_start_time_seconds',
      'process_resident_memory_bytes',
      'nodejs_heap_size_used_bytes',
      'process_open_fds',
      'process_max_fds',
    ]) {
      expect(processLines).toMatch(new RegExp(`^${name} \\d+(\\.\\d+)?(e[+-]?\\d+)?$`, 'm'));
    }
    expect(Number(/^process_resident_memory_bytes (\d+)$/m.exec(processLines)![1])).toBeGreaterThan(1 << 20);
    expect(Number(/^process_open_fds (\d+)$/m.exec(processLines)![1])).toBeGreaterThan(2);
  });

  test('a failing storage source leaves the storage gauges out instead of failing the scrape', async () => {
    const metrics = new Metrics();
    metrics.setStorageSource(() => Promise.reject(new Error('disk gone')));
    expect(await metrics.render()).not.toContain('registry_storage_bytes');
  });
});

describe('cachedFor', () => {
  test('computes at most once per period and shares a computation in flight', async () => {
    let now = 0;
    let calls = 0;
    const get = cachedFor(
      1000,
      () => Promise.resolve(++calls),
      () => now,
    );
    expect(await Promise.all([get(), get()])).toEqual([1, 1]);
    now = 999;
    expect(await get()).toBe(1);
    now = 1000;
    expect(await get()).toBe(2);
  });
});

describe('jsonLogger', () => {
  test('one JSON object per line, below the minimum level dropped', () => {
    const lines: string[] = [];
    const logger = jsonLogger(
      { write: (l: string) => lines.push(l) },
      'info',
      () => new Date('2026-01-02T03:04:05Z'),
    );
    logger.log('debug', 'noise');
    logger.log('warn', 'careful', { request_id: 'r1' });
    expect(lines).toEqual([
      '{"time":"2026-01-02T03:04:05.000Z","level":"warn","msg":"careful","request_id":"r1"}\n',
    ]);
  });

  test('no fields, fields that need escaping, and fields named like the fixed keys', () => {
    const lines: string[] = [];
    const logger = jsonLogger({ write: (l: string) => lines.push(l) }, 'info', () => new Date(0));
    logger.log('info', 'plain');
    logger.log('info', 'say "hi"\n', { principal: 'a"b\\c', nested: { n: 1 }, list: [1, 'x'] });
    logger.log('error', 'boom', { msg: 'override', level: 'custom' });
    expect(lines.every((l) => l.endsWith('}\n'))).toBe(true);
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      { time: '1970-01-01T00:00:00.000Z', level: 'info', msg: 'plain' },
      {
        time: '1970-01-01T00:00:00.000Z',
        level: 'info',
        msg: 'say "hi"\n',
        principal: 'a"b\\c',
        nested: { n: 1 },
        list: [1, 'x'],
      },
      { time: '1970-01-01T00:00:00.000Z', level: 'custom', msg: 'override' },
    ]);
  });
});

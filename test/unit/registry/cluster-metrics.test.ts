import { describe, expect, test } from 'vitest';
import { mergeExpositions } from '../../../src/registry/cluster/metrics-merge.js';

describe('mergeExpositions', () => {
  test('labels every sample with its worker and writes each family once', () => {
    const text = (n: number) =>
      [
        '# HELP registry_http_requests_total HTTP requests answered.',
        '# TYPE registry_http_requests_total counter',
        `registry_http_requests_total{route="manifest",method="HEAD",status="200"} ${n}`,
        '# HELP registry_uploads_in_flight Uploads now.',
        '# TYPE registry_uploads_in_flight gauge',
        `registry_uploads_in_flight ${n}`,
        '# HELP registry_mirror_requests_total Pulls.',
        '# TYPE registry_mirror_requests_total counter',
        `registry_mirror_requests_total{mirror="docker.io",kind="blob",result="hit"} ${n}`,
        '',
      ].join('\n');
    expect(
      mergeExpositions([
        { worker: 0, text: text(3) },
        { worker: 1, text: text(5) },
      ]),
    ).toBe(
      [
        '# HELP registry_http_requests_total HTTP requests answered.',
        '# TYPE registry_http_requests_total counter',
        'registry_http_requests_total{worker="0",route="manifest",method="HEAD",status="200"} 3',
        'registry_http_requests_total{worker="1",route="manifest",method="HEAD",status="200"} 5',
        '# HELP registry_uploads_in_flight Uploads now.',
        '# TYPE registry_uploads_in_flight gauge',
        'registry_uploads_in_flight{worker="0"} 3',
        'registry_uploads_in_flight{worker="1"} 5',
        '# HELP registry_mirror_requests_total Pulls.',
        '# TYPE registry_mirror_requests_total counter',
        'registry_mirror_requests_total{worker="0",mirror="docker.io",kind="blob",result="hit"} 3',
        'registry_mirror_requests_total{worker="1",mirror="docker.io",kind="blob",result="hit"} 5',
        '',
      ].join('\n'),
    );
  });

  test('an empty label set and histogram samples keep their shape', () => {
    const merged = mergeExpositions([
      { worker: 2, text: 'x{} 1\n# TYPE h histogram\nh_bucket{le="0.1"} 4\nh_sum 0.2\n' },
    ]);
    expect(merged).toBe(
      'x{worker="2"} 1\n# TYPE h histogram\nh_bucket{worker="2",le="0.1"} 4\nh_sum{worker="2"} 0.2\n',
    );
  });
});

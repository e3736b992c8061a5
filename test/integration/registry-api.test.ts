/**
 * The bundled registry driven over HTTP through the blob workflows of the OCI distribution-spec
 * conformance suite (Pull / Push / Content Management, and the newer suite's blob API tests:
 * post only, post+put, chunked, stream, mount, cancel, range requests, sha512, bad digests).
 * Test names follow the suite's. Manifests, tags and referrers are in registry-api-manifests.test.ts.
 */
import { get as httpGet } from 'node:http';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import {
  digestOf,
  pushBlob,
  randomBytes,
  send,
  sendRaw,
  startRegistry,
  type TestRegistry,
} from './registry-support.js';

let reg: TestRegistry;
let base: string;
const repo = 'conformance/repo1';
const repo2 = 'conformance/repo2';
const octet = { 'Content-Type': 'application/octet-stream' };

beforeAll(async () => {
  reg = await startRegistry();
  base = reg.url;
});
afterAll(async () => {
  await reg.registry.close();
});

describe('ping', () => {
  test('GET /v2/ answers 200 {} with the API version header', async () => {
    const reply = await send(base, 'GET', '/v2/');
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({});
    expect(reply.headers.get('docker-distribution-api-version')).toBe('registry/2.0');
  });

  test('every response, errors included, carries Docker-Distribution-API-Version', async () => {
    const reply = await send(base, 'GET', `/v2/${repo}/blobs/${digestOf('nothing')}`);
    expect(reply.status).toBe(404);
    expect(reply.headers.get('docker-distribution-api-version')).toBe('registry/2.0');
  });
});

describe('Pull blobs', () => {
  const config = Buffer.from(
    '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}',
  );
  let digest: string;
  beforeAll(async () => {
    digest = await pushBlob(base, repo, config);
  });

  test('HEAD request to nonexistent blob should result in 404 response', async () => {
    const reply = await send(base, 'HEAD', `/v2/${repo}/blobs/${digestOf('hello world')}`);
    expect(reply.status).toBe(404);
    expect(reply.body.length).toBe(0);
  });

  test('HEAD request to existing blob should yield 200', async () => {
    const reply = await send(base, 'HEAD', `/v2/${repo}/blobs/${digest}`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('docker-content-digest')).toBe(digest);
    expect(reply.headers.get('content-length')).toBe(String(config.length));
    expect(reply.body.length).toBe(0);
  });

  test('GET nonexistent blob should result in 404 response with BLOB_UNKNOWN', async () => {
    const reply = await send(base, 'GET', `/v2/${repo}/blobs/${digestOf('hello world')}`);
    expect(reply.status).toBe(404);
    expect(reply.errorCode).toBe('BLOB_UNKNOWN');
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
  });

  test('GET request to existing blob URL should yield 200 with the exact bytes', async () => {
    const reply = await send(base, 'GET', `/v2/${repo}/blobs/${digest}`);
    expect(reply.status).toBe(200);
    expect(reply.body.equals(config)).toBe(true);
    expect(reply.headers.get('docker-content-digest')).toBe(digest);
  });

  test('a blob pushed to one repository is not readable in another', async () => {
    const reply = await send(base, 'GET', `/v2/other/repo/blobs/${digest}`);
    expect(reply.status).toBe(404);
  });

  test('GET with a malformed digest is 400 DIGEST_INVALID', async () => {
    const reply = await send(base, 'GET', `/v2/${repo}/blobs/sha256:nothex`);
    expect(reply.status).toBe(400);
    expect(reply.errorCode).toBe('DIGEST_INVALID');
  });
});

describe('large blob downloads (several 1 MiB reads through reused buffers)', () => {
  const blob = randomBytes(3 * 1024 * 1024 + 4321, 11);
  let digest: string;
  beforeAll(async () => {
    digest = await pushBlob(base, repo, blob);
  });

  test('GET returns every byte', async () => {
    const reply = await send(base, 'GET', `/v2/${repo}/blobs/${digest}`);
    expect(reply.status).toBe(200);
    expect(reply.body.equals(blob)).toBe(true);
  });

  test('a range across read boundaries returns exactly those bytes', async () => {
    const [start, end] = [1024 * 1024 - 10, 2 * 1024 * 1024 + 10];
    const reply = await send(base, 'GET', `/v2/${repo}/blobs/${digest}`, {
      headers: { Range: `bytes=${start}-${end}` },
    });
    expect(reply.status).toBe(206);
    expect(reply.body.equals(blob.subarray(start, end + 1))).toBe(true);
  });

  test("parallel downloads do not see each other's bytes", async () => {
    const replies = await Promise.all(
      Array.from({ length: 6 }, () => send(base, 'GET', `/v2/${repo}/blobs/${digest}`)),
    );
    for (const reply of replies) expect(reply.body.equals(blob)).toBe(true);
  });

  test('a client that hangs up mid-download leaves the registry serving, and is no server error', async () => {
    const errors: unknown[] = [];
    const own = await startRegistry({ onError: (error) => errors.push(error) });
    onTestFinished(() => own.registry.close());
    // Larger than loopback socket buffers hold, so the registry is still writing at the hang-up.
    const big = randomBytes(16 * 1024 * 1024, 12);
    const bigDigest = await pushBlob(own.url, repo, big);
    const url = new URL(`/v2/${repo}/blobs/${bigDigest}`, own.url);
    const received = await new Promise<number>((resolve, reject) => {
      const req = httpGet(url, (res) => {
        res.once('data', (chunk: Buffer) => {
          req.destroy();
          resolve(chunk.length);
        });
      });
      req.on('error', (error) => {
        if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
      });
    });
    expect(received).toBeGreaterThan(0);
    // The registry learns of the hang-up at its next socket write or the socket's close.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const reply = await send(own.url, 'GET', `/v2/${repo}/blobs/${bigDigest}`);
    expect(reply.body.equals(big)).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('range requests', () => {
  const blob = randomBytes(2048, 7);
  let digest: string;
  beforeAll(async () => {
    digest = await pushBlob(base, repo, blob);
  });

  test.each([
    ['bytes=500-1499', 500, 1499],
    ['bytes=500-', 500, 2047],
    ['bytes=-500', 1548, 2047],
    ['bytes=2000-5000', 2000, 2047],
  ])('range %s answers 206 with bytes %i-%i', async (range, start, end) => {
    const reply = await send(base, 'GET', `/v2/${repo}/blobs/${digest}`, { headers: { Range: range } });
    expect(reply.status).toBe(206);
    expect(reply.headers.get('content-range')).toBe(`bytes ${start}-${end}/2048`);
    expect(reply.headers.get('content-length')).toBe(String(end - start + 1));
    expect(reply.body.equals(blob.subarray(start, end + 1))).toBe(true);
  });

  test.each(['bytes=500-0', 'bytes=5000-10000', 'bytes=-0', 'bytes=x-y'])(
    'range %s answers 416 with a body that matches its Content-Length',
    async (range) => {
      const reply = await send(base, 'GET', `/v2/${repo}/blobs/${digest}`, { headers: { Range: range } });
      expect(reply.status).toBe(416);
      expect(reply.headers.get('content-range')).toBe('bytes */2048');
      expect(reply.headers.get('content-length')).toBe(String(reply.body.length));
      expect(reply.errorCode).toBe('RANGE_INVALID');
    },
  );

  test('a range in another unit is ignored: the whole blob, 200', async () => {
    const reply = await send(base, 'GET', `/v2/${repo}/blobs/${digest}`, { headers: { Range: 'items=0-1' } });
    expect(reply.status).toBe(200);
    expect(reply.body.length).toBe(2048);
  });
});

describe('Blob Upload Streamed', () => {
  const blob = randomBytes(42, 3);

  test('POST, PATCH with blob in body yields 202, PUT with digest yields 201', async () => {
    const start = await send(base, 'POST', `/v2/${repo}/blobs/uploads/`);
    expect(start.status).toBe(202);
    const location = start.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^/v2/${repo}/blobs/uploads/[0-9a-f-]{36}$`));
    expect(start.headers.get('docker-upload-uuid')).toBe(location.split('/').at(-1));
    expect(start.headers.get('range')).toBe('0-0');
    const patch = await send(base, 'PATCH', location, { headers: octet, body: blob });
    expect(patch.status).toBe(202);
    expect(patch.headers.get('range')).toBe('0-41');
    const put = await send(base, 'PUT', `${patch.headers.get('location')}?digest=${digestOf(blob)}`, {
      headers: { ...octet, 'Content-Length': '0' },
    });
    expect(put.status).toBe(201);
    expect(put.headers.get('location')).toBe(`/v2/${repo}/blobs/${digestOf(blob)}`);
    expect(put.headers.get('docker-content-digest')).toBe(digestOf(blob));
    const get = await send(base, 'GET', put.headers.get('location')!);
    expect(get.body.equals(blob)).toBe(true);
  });
});

describe('Blob Upload Monolithic', () => {
  test('POST request with digest and blob should yield a 201', async () => {
    const blob = randomBytes(512, 11);
    const reply = await send(base, 'POST', `/v2/${repo}/blobs/uploads/?digest=${digestOf(blob)}`, {
      headers: octet,
      body: blob,
    });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('location')).toBe(`/v2/${repo}/blobs/${digestOf(blob)}`);
    expect(reply.headers.get('docker-content-digest')).toBe(digestOf(blob));
    expect((await send(base, 'GET', `/v2/${repo}/blobs/${digestOf(blob)}`)).body.equals(blob)).toBe(true);
  });

  test('PUT upload of a blob should yield a 201 Response', async () => {
    const blob = randomBytes(512, 12);
    expect(await pushBlob(base, repo, blob)).toBe(digestOf(blob));
    expect((await send(base, 'HEAD', `/v2/${repo}/blobs/${digestOf(blob)}`)).status).toBe(200);
  });

  test('an empty blob can be pushed and pulled', async () => {
    const empty = Buffer.alloc(0);
    await pushBlob(base, repo, empty);
    const head = await send(base, 'HEAD', `/v2/${repo}/blobs/${digestOf(empty)}`);
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('0');
    const get = await send(base, 'GET', `/v2/${repo}/blobs/${digestOf(empty)}`);
    expect(get.status).toBe(200);
    expect(get.body.length).toBe(0);
  });
});

describe('Blob Upload Chunked', () => {
  const blob = randomBytes(42, 5);
  const chunk1 = blob.subarray(0, 22);
  const chunk2 = blob.subarray(22);
  let location: string;

  test('Out-of-order blob upload should return 416', async () => {
    const start = await send(base, 'POST', `/v2/${repo}/blobs/uploads/`, {
      headers: { 'Content-Length': '0' },
    });
    const reply = await send(base, 'PATCH', start.headers.get('location')!, {
      headers: { ...octet, 'Content-Range': '22-41' },
      body: chunk2,
    });
    expect(reply.status).toBe(416);
    expect(reply.headers.get('range')).toBe('0-0');
  });

  test('PATCH request with first chunk should return 202', async () => {
    const start = await send(base, 'POST', `/v2/${repo}/blobs/uploads/`, {
      headers: { 'Content-Length': '0' },
    });
    location = start.headers.get('location')!;
    const reply = await send(base, 'PATCH', location, {
      headers: { ...octet, 'Content-Range': '0-21' },
      body: chunk1,
    });
    expect(reply.status).toBe(202);
    expect(reply.headers.get('range')).toBe('0-21');
  });

  test('Retry previous blob chunk should return 416', async () => {
    const reply = await send(base, 'PATCH', location, {
      headers: { ...octet, 'Content-Range': '0-21' },
      body: chunk1,
    });
    expect(reply.status).toBe(416);
    expect(reply.headers.get('range')).toBe('0-21');
  });

  test('Get on stale blob upload should return 204 with a range and location', async () => {
    const reply = await send(base, 'GET', location);
    expect(reply.status).toBe(204);
    expect(reply.headers.get('location')).toBe(location);
    expect(reply.headers.get('range')).toBe('0-21');
  });

  test('PATCH request with second chunk should return 202', async () => {
    const reply = await send(base, 'PATCH', location, {
      headers: { ...octet, 'Content-Range': '22-41' },
      body: chunk2,
    });
    expect(reply.status).toBe(202);
    expect(reply.headers.get('range')).toBe('0-41');
  });

  test('PUT request with digest should return 201', async () => {
    const reply = await send(base, 'PUT', `${location}?digest=${digestOf(blob)}`, {
      headers: { 'Content-Length': '0' },
    });
    expect(reply.status).toBe(201);
    expect((await send(base, 'GET', `/v2/${repo}/blobs/${digestOf(blob)}`)).body.equals(blob)).toBe(true);
  });

  test('chunked multi and put chunk: the last chunk travels in the PUT', async () => {
    const big = randomBytes(3 * 1024 - 5, 21);
    const start = await send(base, 'POST', `/v2/${repo}/blobs/uploads/`);
    let at = start.headers.get('location')!;
    for (const [from, to] of [
      [0, 1023],
      [1024, 2047],
    ] as const) {
      const reply = await send(base, 'PATCH', at, {
        headers: { ...octet, 'Content-Range': `${from}-${to}` },
        body: big.subarray(from, to + 1),
      });
      expect(reply.status).toBe(202);
      at = reply.headers.get('location')!;
    }
    const outOfOrder = await send(base, 'PUT', `${at}?digest=${digestOf(big)}`, {
      headers: { ...octet, 'Content-Range': `0-${big.length - 2049}` },
      body: big.subarray(0, big.length - 2048),
    });
    expect(outOfOrder.status).toBe(416);
    const put = await send(base, 'PUT', `${at}?digest=${digestOf(big)}`, {
      headers: { ...octet, 'Content-Range': `2048-${big.length - 1}` },
      body: big.subarray(2048),
    });
    expect(put.status).toBe(201);
    expect(put.headers.get('docker-content-digest')).toBe(digestOf(big));
  });

  test('a chunk whose body is shorter than its Content-Range is refused and discarded', async () => {
    const start = await send(base, 'POST', `/v2/${repo}/blobs/uploads/`);
    const at = start.headers.get('location')!;
    const reply = await send(base, 'PATCH', at, {
      headers: { ...octet, 'Content-Range': '0-99' },
      body: Buffer.alloc(10),
    });
    expect(reply.status).toBe(400);
    expect(reply.errorCode).toBe('SIZE_INVALID');
    expect((await send(base, 'GET', at)).headers.get('range')).toBe('0-0');
  });
});

describe('sha512 blobs', () => {
  test('post only with ?digest=sha512:…', async () => {
    const blob = randomBytes(512, 31);
    const digest = digestOf(blob, 'sha512');
    const reply = await send(base, 'POST', `/v2/${repo}/blobs/uploads/?digest=${digest}`, {
      headers: octet,
      body: blob,
    });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('docker-content-digest')).toBe(digest);
    const get = await send(base, 'GET', `/v2/${repo}/blobs/${digest}`);
    expect(get.body.equals(blob)).toBe(true);
  });

  test('chunked upload finished with a sha512 digest', async () => {
    const blob = randomBytes(3000, 32);
    const digest = digestOf(blob, 'sha512');
    const start = await send(base, 'POST', `/v2/${repo}/blobs/uploads/`);
    const patch = await send(base, 'PATCH', start.headers.get('location')!, {
      headers: { ...octet, 'Content-Range': '0-1499' },
      body: blob.subarray(0, 1500),
    });
    const put = await send(base, 'PUT', `${patch.headers.get('location')}?digest=${digest}`, {
      headers: { ...octet, 'Content-Range': '1500-2999' },
      body: blob.subarray(1500),
    });
    expect(put.status).toBe(201);
    expect((await send(base, 'HEAD', `/v2/${repo}/blobs/${digest}`)).headers.get('content-length')).toBe(
      '3000',
    );
  });
});

describe('bad digests', () => {
  const blob = randomBytes(600, 41);
  const wrong = digestOf(Buffer.concat([blob, Buffer.from('oh no')]));

  test('bad digest post only: 400 DIGEST_INVALID and nothing stored', async () => {
    const reply = await send(base, 'POST', `/v2/${repo}/blobs/uploads/?digest=${wrong}`, {
      headers: octet,
      body: blob,
    });
    expect(reply.status).toBe(400);
    expect(reply.errorCode).toBe('DIGEST_INVALID');
    expect((await send(base, 'HEAD', `/v2/${repo}/blobs/${wrong}`)).status).toBe(404);
  });

  test('bad digest post+put: 400 DIGEST_INVALID and the session is gone', async () => {
    const start = await send(base, 'POST', `/v2/${repo}/blobs/uploads/`);
    const at = start.headers.get('location')!;
    const reply = await send(base, 'PUT', `${at}?digest=${wrong}`, { headers: octet, body: blob });
    expect(reply.status).toBe(400);
    expect(reply.errorCode).toBe('DIGEST_INVALID');
    expect((await send(base, 'GET', at)).status).toBe(404);
    expect((await send(base, 'HEAD', `/v2/${repo}/blobs/${digestOf(blob)}`)).status).toBe(404);
  });

  test('PUT without ?digest= is 400 DIGEST_INVALID', async () => {
    const start = await send(base, 'POST', `/v2/${repo}/blobs/uploads/`);
    const reply = await send(base, 'PUT', start.headers.get('location')!, { headers: octet, body: blob });
    expect(reply.status).toBe(400);
    expect(reply.errorCode).toBe('DIGEST_INVALID');
  });
});

describe('post cancel', () => {
  test('DELETE on an upload answers 204 and the session is gone', async () => {
    const start = await send(base, 'POST', `/v2/${repo}/blobs/uploads/`);
    const at = start.headers.get('location')!;
    expect((await send(base, 'DELETE', at)).status).toBe(204);
    const after = await send(base, 'GET', at);
    expect(after.status).toBe(404);
    expect(after.errorCode).toBe('BLOB_UPLOAD_UNKNOWN');
    expect((await send(base, 'DELETE', at)).status).toBe(404);
  });

  test('an upload id that is not a UUID is BLOB_UPLOAD_UNKNOWN', async () => {
    const reply = await send(base, 'PATCH', `/v2/${repo}/blobs/uploads/not-a-session`, { body: 'x' });
    expect(reply.status).toBe(404);
    expect(reply.errorCode).toBe('BLOB_UPLOAD_UNKNOWN');
  });
});

describe('Cross-Repository Blob Mount', () => {
  test('Cross-mounting of a blob without the from argument should yield session id', async () => {
    const reply = await send(base, 'POST', `/v2/${repo2}/blobs/uploads/?mount=${digestOf('hello world')}`);
    expect(reply.status).toBe(202);
    expect(reply.headers.get('location')).toMatch(new RegExp(`^/v2/${repo2}/blobs/uploads/`));
  });

  test("POST request to mount another repository's blob should return 201", async () => {
    const blob = randomBytes(512, 51);
    const digest = await pushBlob(base, repo, blob);
    const reply = await send(base, 'POST', `/v2/${repo2}/blobs/uploads/?mount=${digest}&from=${repo}`);
    expect(reply.status).toBe(201);
    expect(reply.headers.get('location')).toBe(`/v2/${repo2}/blobs/${digest}`);
    expect(reply.headers.get('docker-content-digest')).toBe(digest);
    expect((await send(base, 'GET', reply.headers.get('location')!)).body.equals(blob)).toBe(true);
  });

  test('mount missing: a blob that is not in from gives a normal upload session (202)', async () => {
    const blob = randomBytes(512, 52);
    await pushBlob(base, 'elsewhere', blob);
    const reply = await send(
      base,
      'POST',
      `/v2/${repo}/blobs/uploads/?mount=${digestOf(blob)}&from=${repo2}`,
    );
    expect(reply.status).toBe(202);
    expect((await send(base, 'HEAD', `/v2/${repo}/blobs/${digestOf(blob)}`)).status).toBe(404);
  });

  test('mount anonymous: without from, a blob stored anywhere is mounted (201)', async () => {
    const blob = randomBytes(512, 53);
    const digest = await pushBlob(base, repo2, blob);
    const reply = await send(base, 'POST', `/v2/${repo}/blobs/uploads/?mount=${digest}`);
    expect(reply.status).toBe(201);
    expect((await send(base, 'HEAD', `/v2/${repo}/blobs/${digest}`)).status).toBe(200);
  });

  test('with automaticCrossMount off, a mount without from starts an upload (202)', async () => {
    const strict = await startRegistry({ automaticCrossMount: false, fsync: false });
    try {
      const digest = await pushBlob(strict.url, 'a', randomBytes(64, 54));
      const reply = await send(strict.url, 'POST', `/v2/b/blobs/uploads/?mount=${digest}`);
      expect(reply.status).toBe(202);
    } finally {
      await strict.registry.close();
    }
  });
});

describe('Blob delete', () => {
  test('DELETE request to blob URL should yield 202 response, then 404', async () => {
    const digest = await pushBlob(base, repo, randomBytes(100, 61));
    expect((await send(base, 'DELETE', `/v2/${repo}/blobs/${digest}`)).status).toBe(202);
    expect((await send(base, 'HEAD', `/v2/${repo}/blobs/${digest}`)).status).toBe(404);
    const again = await send(base, 'DELETE', `/v2/${repo}/blobs/${digest}`);
    expect(again.status).toBe(404);
    expect(again.errorCode).toBe('BLOB_UNKNOWN');
  });

  test('deleting from one repository leaves a mounted copy readable in another', async () => {
    const digest = await pushBlob(base, repo, randomBytes(100, 62));
    await send(base, 'POST', `/v2/${repo2}/blobs/uploads/?mount=${digest}&from=${repo}`);
    await send(base, 'DELETE', `/v2/${repo}/blobs/${digest}`);
    expect((await send(base, 'HEAD', `/v2/${repo2}/blobs/${digest}`)).status).toBe(200);
  });
});

describe('repository names are validated before they touch the file system', () => {
  const digest = digestOf('x');
  test.each([
    ['..', `/v2/../blobs/${digest}`],
    ['../escape', `/v2/../../etc/blobs/${digest}`],
    ['%2e%2e', `/v2/%2e%2e/x/blobs/${digest}`],
    ['%2f', `/v2/a%2fb/blobs/${digest}`],
    ['absolute path', `/v2//etc/passwd/blobs/${digest}`],
    ['uppercase', `/v2/Upper/blobs/${digest}`],
    ['empty component', `/v2/a//b/blobs/${digest}`],
    ['256 characters', `/v2/${'a'.repeat(256)}/blobs/${digest}`],
    ['tag list', `/v2/a/../../b/tags/list`],
  ])('%s → 400 NAME_INVALID', async (_label, path) => {
    const reply = await sendRaw(base, 'GET', path);
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ errors: [{ code: 'NAME_INVALID' }] });
  });

  test('a 255-character name is accepted', async () => {
    const name = 'a'.repeat(255);
    expect((await sendRaw(base, 'GET', `/v2/${name}/blobs/${digest}`)).status).toBe(404);
  });
});

describe('routing', () => {
  test('an unknown endpoint is 404', async () => {
    expect((await send(base, 'GET', '/v2/a/unknown/thing')).status).toBe(404);
    expect((await send(base, 'GET', '/elsewhere')).status).toBe(404);
  });

  test('a method an endpoint does not answer is 405 UNSUPPORTED with Allow', async () => {
    const reply = await send(base, 'POST', `/v2/${repo}/tags/list`);
    expect(reply.status).toBe(405);
    expect(reply.errorCode).toBe('UNSUPPORTED');
    expect(reply.headers.get('allow')).toBe('GET');
  });
});

/**
 * The retry layer over a scripted inner transport (the transport function is our own seam; the
 * real undici stack is exercised in test/integration/client-faults.test.ts).
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { NetworkError } from '../../../../src/client/errors.js';
import { type RetryEvent, withRetry } from '../../../../src/client/transport/retry.js';
import type { HttpRequest, HttpResponse, Transport } from '../../../../src/client/transport/types.js';

type Step = number | { status: number; headers?: Record<string, string>; body?: string } | Error;

function scripted(steps: Step[]): { transport: Transport; calls: HttpRequest[] } {
  const calls: HttpRequest[] = [];
  const transport: Transport = async (request) => {
    calls.push(request);
    const step = steps[Math.min(calls.length - 1, steps.length - 1)]!;
    if (step instanceof Error) throw step;
    const { status, headers = {}, body = '' } = typeof step === 'number' ? { status: step } : step;
    const stream = Object.assign(Readable.from([Buffer.from(body)]), { dump: async () => undefined });
    return {
      status,
      headers,
      body: stream as unknown as HttpResponse['body'],
      url: request.url,
      method: request.method,
    };
  };
  return { transport, calls };
}

const options = { retries: 3, baseMs: 1, maxMs: 4, maxRetryAfterMs: 20 };
const get: HttpRequest = { method: 'GET', url: new URL('https://r.example/v2/a/manifests/x?_state=secret') };
const reset = (): NetworkError =>
  new NetworkError('CLIENT_NETWORK_ERROR', 'ECONNRESET', 'GET', 'https://r.example/v2/');

describe('withRetry', () => {
  it('retries temporary statuses and returns the first good answer', async () => {
    const events: RetryEvent[] = [];
    const { transport, calls } = scripted([503, 502, 200]);
    const response = await withRetry(transport, { ...options, onRetry: (e) => events.push(e) })(get);
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(3);
    expect(events.map((e) => [e.attempt, e.reason])).toEqual([
      [1, 'HTTP 503'],
      [2, 'HTTP 502'],
    ]);
    expect(events[0]!.url).toBe('https://r.example/v2/a/manifests/x?_state=REDACTED');
    expect(events.every((e) => e.delayMs >= 0 && e.delayMs <= options.maxMs)).toBe(true);
  });

  it('waits what Retry-After asks, capped', async () => {
    const events: RetryEvent[] = [];
    const { transport } = scripted([
      { status: 429, headers: { 'retry-after': '0' } },
      { status: 429, headers: { 'retry-after': '30' } },
      201,
    ]);
    await withRetry(transport, { ...options, onRetry: (e) => events.push(e) })(get);
    expect(events.map((e) => e.delayMs)).toEqual([0, 20]);
  });

  it('gives up with CLIENT_RETRIES_EXHAUSTED carrying the last answer', async () => {
    const { transport, calls } = scripted([
      { status: 503, body: '{"errors":[{"code":"UNAVAILABLE","message":"maintenance"}]}' },
    ]);
    const error = await withRetry(transport, options)(get).catch((e: unknown) => e);
    expect(calls).toHaveLength(4);
    expect(error).toMatchObject({
      code: 'CLIENT_RETRIES_EXHAUSTED',
      attempts: 4,
      message:
        'gave up after 4 attempts: GET https://r.example/v2/a/manifests/x?_state=REDACTED: HTTP 503 Service Unavailable: UNAVAILABLE: maintenance',
      cause: expect.objectContaining({ status: 503 }),
    });
  });

  it('retries temporary network failures, and marks refusals final when it gives up', async () => {
    const ok = scripted([reset(), reset(), 200]);
    expect((await withRetry(ok.transport, options)(get)).status).toBe(200);
    const refused = scripted([
      new NetworkError('CLIENT_UNAVAILABLE', 'ECONNREFUSED', 'GET', 'http://127.0.0.1:1/v2/'),
    ]);
    const error = await withRetry(refused.transport, options)(get).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CLIENT_UNAVAILABLE', attempts: 4 });
    expect((error as NetworkError).isTemporary()).toBe(false);
    expect(refused.calls).toHaveLength(4);
  });

  it.each([
    ['a stream body', { ...get, method: 'PATCH', body: Readable.from([Buffer.from('x')]) }],
    ['retry: false', { ...get, method: 'PUT', body: () => Readable.from([]), retry: false }],
  ])('sends %s once', async (_name, request) => {
    const { transport, calls } = scripted([503]);
    expect((await withRetry(transport, options)(request)).status).toBe(503);
    expect(calls).toHaveLength(1);
  });

  it('replays byte and opener bodies', async () => {
    const { transport, calls } = scripted([500, 201]);
    await withRetry(transport, options)({ ...get, method: 'PUT', body: new Uint8Array([1]) });
    expect(calls).toHaveLength(2);
  });

  it('does not retry permanent answers or errors', async () => {
    const notFound = scripted([404]);
    expect((await withRetry(notFound.transport, options)(get)).status).toBe(404);
    expect(notFound.calls).toHaveLength(1);
    const broken = scripted([new TypeError('bug')]);
    await expect(withRetry(broken.transport, options)(get)).rejects.toThrow('bug');
    expect(broken.calls).toHaveLength(1);
  });

  it('stops waiting when the request is aborted', async () => {
    const controller = new AbortController();
    const { transport } = scripted([503]);
    const pending = withRetry(transport, { ...options, baseMs: 60_000, maxMs: 60_000 })({
      ...get,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error('cancelled')), 20);
    await expect(pending).rejects.toThrow('cancelled');
  });
});

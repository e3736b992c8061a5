import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Progress, progressMode } from '../../../src/cli/progress.js';
import type { PublishEvent } from '../../../src/publish/index.js';

function sink(isTTY: boolean) {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  (stream as { isTTY: boolean }).isTTY = isTTY;
  return { stream, text: () => text };
}

const D = `sha256:${'ab'.repeat(32)}`;
const events: PublishEvent[] = [
  { type: 'image-start', source: 'oci:dir', target: 'host/team', repository: 'host/team/app' },
  {
    type: 'progress',
    source: 'oci:dir',
    target: 'host/team',
    event: { type: 'blob-start', repository: 'host/team/app', digest: D, bytes: 0, total: 2048 },
  },
  {
    type: 'progress',
    source: 'oci:dir',
    target: 'host/team',
    event: { type: 'blob-progress', repository: 'host/team/app', digest: D, bytes: 1024, total: 2048 },
  },
  {
    type: 'progress',
    source: 'oci:dir',
    target: 'host/team',
    event: { type: 'blob-done', repository: 'host/team/app', digest: D, bytes: 2048, total: 2048 },
  },
  {
    type: 'progress',
    source: 'oci:dir',
    target: 'host/team',
    event: {
      type: 'manifest-done',
      repository: 'host/team/app',
      digest: D,
      bytes: 300,
      total: 300,
      tag: 'v1',
    },
  },
];

describe('Progress', () => {
  it('prints plain lines per blob event in logs, without progress noise', () => {
    const out = sink(false);
    const progress = new Progress({ stream: out.stream, mode: 'plain' });
    events.forEach(progress.onEvent);
    progress.stop();
    const lines = out.text().trim().split('\n');
    expect(lines).toEqual([
      'pushing oci:dir to host/team/app',
      `  blob ${'ab'.repeat(6)} uploading (2 KiB)`,
      `  blob ${'ab'.repeat(6)} pushed (2 KiB)`,
      `  manifest ${'ab'.repeat(6)} tagged v1`,
    ]);
    expect(out.text()).not.toContain('\x1b[');
  });

  it('draws bars with cursor movement on a terminal', () => {
    const out = sink(true);
    const progress = new Progress({ stream: out.stream, mode: 'live' });
    events.slice(0, 3).forEach(progress.onEvent);
    progress.stop();
    expect(out.text()).toContain('[============            ] 1 KiB/2 KiB');
    expect(out.text()).toContain('\x1b[2K');
  });

  it('draws the final block once on a terminal, not again when stopped', () => {
    const out = sink(true);
    const progress = new Progress({ stream: out.stream, mode: 'live' });
    events.forEach(progress.onEvent);
    progress.onEvent({
      type: 'image-done',
      image: {
        source: 'oci:dir',
        name: 'app',
        digest: D,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        size: 2348,
        references: ['host/team/app:v1'],
        registry: { host: 'host', kind: 'generic', visibility: 'unknown' },
      },
    });
    progress.stop();
    const finalRows = out
      .text()
      .split('\n')
      .filter((line) => line.includes(`${'ab'.repeat(6)} [`) && line.includes('pushed'));
    expect(finalRows).toHaveLength(1);
  });

  it('shows a layer compressed as it uploaded under its stored digest, as inspect does', () => {
    const plain = `sha256:${'11'.repeat(32)}`;
    const stored = `sha256:${'22'.repeat(32)}`;
    const progressEvent = (event: Extract<PublishEvent, { type: 'progress' }>['event']): PublishEvent => ({
      type: 'progress',
      source: 'oci:dir',
      target: 'host/team',
      event,
    });
    for (const mode of ['plain', 'live'] as const) {
      const out = sink(mode === 'live');
      const progress = new Progress({ stream: out.stream, mode });
      progress.onEvent(events[0]!);
      progress.onEvent(
        progressEvent({
          type: 'blob-start',
          repository: 'host/team/app',
          digest: plain,
          bytes: 0,
          total: 4096,
        }),
      );
      progress.onEvent(
        progressEvent({
          type: 'blob-done',
          repository: 'host/team/app',
          digest: stored,
          bytes: 900,
          total: 900,
          replaces: plain,
        }),
      );
      progress.stop();
      const last = out.text().trimEnd().split('\n').at(-1)!;
      expect(last).toContain('22'.repeat(6));
      expect(last).not.toContain('11'.repeat(6));
    }
  });

  it('prints nothing in none mode (--json)', () => {
    const out = sink(true);
    const progress = new Progress({ stream: out.stream, mode: 'none' });
    events.forEach(progress.onEvent);
    progress.stop();
    expect(out.text()).toBe('');
  });

  it.each([
    [true, {}, 'live'],
    [true, { CI: 'true' }, 'plain'],
    [true, { TERM: 'dumb' }, 'plain'],
    [false, {}, 'plain'],
  ] as const)('progressMode(tty=%s, %j) is %s', (isTTY, env, want) => {
    expect(progressMode(sink(isTTY).stream, env)).toBe(want);
  });
});

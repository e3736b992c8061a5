/**
 * pushFromEngine against a stand-in `docker` on PATH (a shell script that answers like the
 * Docker CLI and records every call), so what reaches the progress lines and what is cleaned up
 * can be checked without a daemon. test/integration/engine-push.test.ts runs the real one.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { parseReference } from '../../../../src/reference/index.js';
import { pushFromEngine } from '../../../../src/sources/engine/index.js';

const DIGEST = `sha256:${'c'.repeat(64)}`;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'engine-push-test-'));
  const script = `#!/bin/sh
case "$1 $2" in
  "image rm") sleep 0.3 ;;
esac
echo "$*" >> "${dir}/calls"
case "$1 $2" in
  "image inspect")
    case "$4" in
      *RepoDigests*) echo '["127.0.0.1:5000/team/app@${DIGEST}"]' ;;
      *) echo "sha256:${'d'.repeat(64)}" ;;
    esac ;;
  "push "*)
    if [ -n "$SLOW_PUSH" ]; then echo "pushing"; exec sleep 5; fi
    echo "The push refers to repository [$2]"
    echo "v1: digest: ${DIGEST} size: 528" ;;
esac
exit 0
`;
  writeFileSync(join(dir, 'docker'), script);
  chmodSync(join(dir, 'docker'), 0o755);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const env = () => ({ PATH: `${dir}:${process.env.PATH ?? ''}` });
const calls = () => readFileSync(join(dir, 'calls'), 'utf8').trim().split('\n');

it("keeps docker image inspect's JSON answer out of the progress lines", async () => {
  const lines: string[] = [];
  const result = await pushFromEngine({
    engine: 'docker',
    source: parseReference('app:ci', { defaultTag: true }),
    targets: [parseReference('127.0.0.1:5000/team/app:v1')],
    env: env(),
    onLine: (line) => lines.push(line),
  });
  expect(result.digest).toBe(DIGEST);
  expect(lines.some((line) => line.includes('digest:'))).toBe(true);
  expect(lines.filter((line) => line.startsWith('['))).toEqual([]);
});

it('removes the temporary tag when the push is cancelled', async () => {
  const controller = new AbortController();
  const push = pushFromEngine({
    engine: 'docker',
    source: parseReference('app:ci', { defaultTag: true }),
    targets: [parseReference('127.0.0.1:5000/team/app:v1')],
    env: { ...env(), SLOW_PUSH: '1' },
    signal: controller.signal,
    onLine: (line) => {
      if (line === 'pushing') controller.abort();
    },
  });
  await expect(push).rejects.toThrow();
  expect(calls()).toContain('image rm 127.0.0.1:5000/team/app:v1');
});

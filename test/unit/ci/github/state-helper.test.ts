import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { STATE_NAMES, readStepState, saveStepState } from '../../../../src/ci/github/index.js';
import { parseFileCommands } from '../../../integration/action-runner.js';

let dir: string;
let stateFile: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gh-state-'));
  stateFile = join(dir, 'state');
  writeFileSync(stateFile, '');
  vi.stubEnv('GITHUB_STATE', stateFile);
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

/** What the runner does between main and post: GITHUB_STATE entries become STATE_<name>. */
function handOverToPost(): void {
  vi.stubEnv('GITHUB_STATE', '');
  for (const [name, value] of Object.entries(parseFileCommands(readFileSync(stateFile, 'utf8'))))
    vi.stubEnv(`STATE_${name}`, value);
}

describe('step state', () => {
  test('what main saves in GITHUB_STATE reaches post, later saves replacing earlier ones', () => {
    saveStepState({ localRegistry: { pid: 4242, address: '127.0.0.1:5001', storage: '/tmp/r' } });
    saveStepState({ dockerConfig: '/tmp/first', loggedIn: [] });
    saveStepState({ dockerConfig: '/tmp/docker-config', loggedIn: ['packages.buildkite.com/acme/images'] });
    const written = readFileSync(stateFile, 'utf8');
    expect(written).toMatch(/^docker-config<<ghadelimiter_[0-9a-f-]+\n\/tmp\/first\n/m);
    handOverToPost();
    expect(readStepState()).toEqual({
      dockerConfig: '/tmp/docker-config',
      loggedIn: ['packages.buildkite.com/acme/images'],
      localRegistry: { pid: 4242, address: '127.0.0.1:5001', storage: '/tmp/r' },
    });
  });

  test('post after a main that saved nothing reads an empty state', () => {
    handOverToPost();
    expect(readStepState()).toEqual({});
  });

  test.each([
    [{ [STATE_NAMES.loggedIn]: 'not json' }, {}],
    [{ [STATE_NAMES.loggedIn]: '["a", 3]' }, { loggedIn: ['a'] }],
    [{ [STATE_NAMES.localRegistry]: 'null' }, {}],
    [{ [STATE_NAMES.localRegistry]: '{"pid":-1,"address":"a","storage":"s"}' }, {}],
    [{ [STATE_NAMES.localRegistry]: '{"pid":12,"address":"a"}' }, {}],
    [{ [STATE_NAMES.localRegistry]: '{"pid":"12","address":"a","storage":"s"}' }, {}],
  ])('tolerates damaged state %j', (state, expected) => {
    for (const [name, value] of Object.entries(state)) vi.stubEnv(`STATE_${name}`, value);
    expect(readStepState()).toEqual(expected);
  });
});

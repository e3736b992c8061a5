/**
 * `src/client/transport/agent.ts` loads undici's `Agent` from its lib/ files and wires the
 * request API onto the Dispatcher prototype itself, as undici's index does. That depends on
 * undici's internals, so undici is pinned to one exact version, and these tests fail when the
 * pinned or installed undici no longer has the internals the patch relies on.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';

const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };

test('undici is pinned to one exact version, the one installed', () => {
  const pinned = manifest.dependencies['undici'];
  expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
  const installed = (require('undici/package.json') as { version: string }).version;
  expect(installed).toBe(pinned);
});

test("undici's public index is wired from the very lib/ modules agent.ts loads", () => {
  const undici = require('undici') as {
    Agent: unknown;
    Dispatcher: { prototype: Record<string, unknown> };
  };
  const agent = require('undici/lib/dispatcher/agent.js') as unknown;
  const dispatcher = require('undici/lib/dispatcher/dispatcher.js') as { prototype: object };
  const request = require('undici/lib/api/api-request.js') as unknown;
  // The class agent.ts exports is undici's public Agent...
  expect(agent).toBe(undici.Agent);
  // ...and the index puts exactly this request() on exactly this prototype, as agent.ts does.
  expect(dispatcher).toBe(undici.Dispatcher);
  expect(undici.Dispatcher.prototype['request']).toBe(request);
});

/**
 * undici's `Agent` and the request API the transport uses, loaded without the rest of the
 * package. `import { Agent } from 'undici'` evaluates all of undici (fetch, WebSocket, caches,
 * mock agents...), about 20 ms of every CLI start for code the client never runs; these are the
 * two modules its index wires together the same way (`Object.assign(Dispatcher.prototype, api)`).
 * Types come from the package's public declarations. undici is pinned to one exact version in
 * package.json; tests check that an Agent built here answers `request()`
 * (test/unit/client/transport/agent.test.ts) and that undici's index wires these very modules
 * (undici-pin.test.ts), so an upgrade that moves them fails the tests, not a user's push.
 */
import type { Agent as AgentType } from 'undici';
// @ts-expect-error undici ships no declarations for its lib/ files
import AgentModule from 'undici/lib/dispatcher/agent.js';
// @ts-expect-error as above
import request from 'undici/lib/api/api-request.js';
// @ts-expect-error as above
import DispatcherModule from 'undici/lib/dispatcher/dispatcher.js';

const dispatcherPrototype = (DispatcherModule as { prototype: object }).prototype;
if (!('request' in dispatcherPrototype)) Object.assign(dispatcherPrototype, { request });

/** undici's `Agent` (the public class, with `request()`). */
export const Agent = AgentModule as typeof AgentType;

/**
 * The fast paths the hooks and pipelines run most (`push`, `buildkite-hook`), bundled as one
 * CommonJS script, dist/fast-script.cjs, that `script-runner.ts` runs with a V8 code cache
 * written after a run. Loading one script from its cache costs less than linking the two dozen ES
 * modules of the same code, and a cache written after the run also holds the functions the run
 * called, which Node.js's compile cache (written when a module is compiled) leaves out; see
 * bench/README.md. The parts a plain push or hook rarely runs (undici, execa, tar-stream, oclif's
 * error handler, the registry) are not in it: they load through `lazy.ts` from the ES modules.
 */
export { pushFast } from './push.js';
export { hookFast } from './hook.js';

/**
 * `push`'s arguments and flags, apart from the oclif command so the launcher's fast path
 * (src/cli/fast/push.ts) parses with exactly the same definitions, loading only oclif's parser.
 */
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { COMPRESSIONS } from '../sources/compress-options.js';
import { registryFlags } from './shared.js';

/** `push SOURCE`. */
export const PUSH_ARGS = {
  source: Args.string({ description: 'image source', required: true }),
};

/** `push`'s flags. */
export const PUSH_FLAGS = {
  ...registryFlags,
  // Non-greedy: `push --to REF SOURCE` reads SOURCE as the argument, not as a second --to.
  to: Flags.string({
    description: 'destination reference; repeatable',
    required: true,
    multiple: true,
    multipleNonGreedy: true,
  }),
  tag: Flags.string({
    char: 't',
    description: 'tag for every destination; repeatable',
    multiple: true,
    multipleNonGreedy: true,
  }),
  json: Flags.boolean({ description: 'print the result as JSON and nothing else' }),
  compression: Flags.string({
    description: 'compression of uncompressed layers',
    options: [...COMPRESSIONS],
    default: 'gzip',
  }),
  concurrency: Flags.integer({ description: 'blobs uploaded in parallel', min: 1, default: 4 }),
  retries: Flags.integer({
    description: 'retries of a failed request (5xx, 429, resets)',
    min: 0,
    default: 5,
  }),
};

import type * as Zlib from 'node:zlib';

/**
 * `node:zlib`, loaded when a stream is first (de)compressed rather than when the module that
 * may do so loads: loading it takes about 5 ms, which a push of an uncompressed layout, a warm
 * re-push and every hook would otherwise pay for nothing.
 */
export function zlib(): typeof Zlib {
  return process.getBuiltinModule('node:zlib');
}

/** tar-stream, loaded where a tar is read or written: a push from an OCI layout does without it. */
import type * as TarStreamModule from 'tar-stream';
import { commonJsExports } from '../common-js.js';

/** The tar-stream module. */
export async function loadTarStream(): Promise<typeof TarStreamModule> {
  return commonJsExports(await import('tar-stream'));
}

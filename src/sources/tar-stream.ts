/** tar-stream, loaded where a tar is read or written: a push from an OCI layout does without it. */
import type { extract, pack } from 'tar-stream';

/** The parts of tar-stream the project uses. */
export interface TarStream {
  readonly extract: typeof extract;
  readonly pack: typeof pack;
}

/** The tar-stream module. */
export async function loadTarStream(): Promise<TarStream> {
  const namespace: TarStream & { default?: TarStream } = await import('tar-stream');
  // Node.js names a CommonJS module's exports on the namespace; in esbuild's split bundles (dist/)
  // they come as the default export only.
  return typeof namespace.extract === 'function' ? namespace : (namespace.default as TarStream);
}

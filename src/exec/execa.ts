/**
 * execa, loaded on first use: most runs start no process (a push from a layout or an archive, a
 * config without a credential helper).
 */
import type * as Execa from 'execa';

/**
 * Loads execa. One loader for its three callers, and the one src/cli/fast/lazy.ts answers
 * dist/fast-script.cjs's `import('execa')` with.
 */
export function loadExeca(): Promise<typeof Execa> {
  return import('execa');
}

/**
 * On a fresh machine no containers tool has run as root yet, so /var/lib/containers does not
 * exist, and binding a test's (or the bench's) own directory over it failed with `mount:
 * /var/lib/containers: mount point does not exist`. Simulated here for real: an empty tmpfs over
 * /var/lib in a private mount namespace, in which the test harness's and the bench's isolation
 * must still work.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { isolatedCommand } from '../../bench/lib/skopeo.js';
import { runTool } from '../support/run.js';
import { isolated, type CommandLine } from '../support/system-paths.js';
import { newTempDir } from '../support/temp-dir.js';
import { ROOT, itWithTools, toolPath } from '../support/tools.js';

/** `inner` run where /var/lib is an empty tmpfs, as on a machine where nothing made /var/lib/containers. */
function onFreshMachine(inner: CommandLine): CommandLine {
  return {
    command: toolPath('unshare'),
    args: [
      '--mount',
      '--propagation',
      'private',
      '--',
      'sh',
      '-c',
      'mount -t tmpfs fresh /var/lib && test ! -e /var/lib/containers && exec "$0" "$@"',
      inner.command,
      ...inner.args,
    ],
  };
}

const probe = { command: 'sh', args: ['-c', 'touch /var/lib/containers/probe'] };

itWithTools(
  'unshare',
  'mount',
  ROOT,
)('the harness isolation works without /var/lib/containers', async () => {
  const dir = newTempDir('fresh');
  const line = onFreshMachine(isolated(toolPath('unshare'), dir, probe));
  const result = await runTool(line.command, line.args, { reject: false, timeoutMs: 10_000 });
  expect(result.failed ? result.stderr : '').toBe('');
  expect(existsSync(join(dir, 'probe'))).toBe(true);
});

itWithTools(
  'unshare',
  'mount',
  ROOT,
)('the bench isolation works without /var/lib/containers', async () => {
  const dir = newTempDir('fresh');
  const [command, args] = isolatedCommand(toolPath('unshare'), dir, [probe.command, ...probe.args]);
  const line = onFreshMachine({ command, args });
  const result = await runTool(line.command, line.args, { reject: false, timeoutMs: 10_000 });
  expect(result.failed ? result.stderr : '').toBe('');
  expect(existsSync(join(dir, 'probe'))).toBe(true);
});

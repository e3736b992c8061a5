/** What `container-package buildkite-hook NAME` does, for the oclif command and the fast path. */

/** The plugin's hooks, in the order the agent runs them (equal to `HOOK_NAMES` in src/ci/buildkite/hooks). */
export const HOOKS = ['environment', 'post-checkout', 'pre-command', 'post-command', 'pre-exit'] as const;
export type HookName = (typeof HOOKS)[number];

/** True when `name` is one of {@link HOOKS}. */
export function isHookName(name: string | undefined): name is HookName {
  return (HOOKS as readonly (string | undefined)[]).includes(name);
}

/**
 * Runs `hook` with the job's environment. Only shell `export`/`unset` lines go to `out` (the
 * bash hook evaluates them); everything else goes to stderr, which the agent shows in the job
 * log. `cli` is the launcher's path (`bin/container-package`), which the hooks pass on to the
 * processes they start.
 */
export async function runHook(hook: HookName, cli: string, out: (line: string) => void): Promise<void> {
  // The runner and the renderer, not the hooks' index: that would load every hook's dependencies.
  const [{ runHook: runBuildkiteHook }, { renderExports }] = await Promise.all([
    import('../ci/buildkite/hooks/run.js'),
    import('../ci/buildkite/hooks/shell.js'),
  ]);
  const exports = await runBuildkiteHook(hook, process.env, cli, (line) => process.stderr.write(`${line}\n`));
  if (hook !== 'post-command') out(renderExports(exports));
}

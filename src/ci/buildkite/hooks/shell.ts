/**
 * The hooks' output to their bash shims: `export NAME='value'` / `unset NAME` lines on stdout,
 * which the shim evaluates so the variables reach later hooks and the command (hooks are
 * sourced by the agent). Values are single-quoted; nothing else is ever printed to stdout.
 */

/** A variable to set (string) or unset (undefined). */
export type ShellExports = Readonly<Record<string, string | undefined>>;

/** Quotes a value for POSIX shells. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** `export A='1'` / `unset B` lines, one per variable, names checked. */
export function renderExports(exports: ShellExports): string {
  return Object.entries(exports)
    .map(([name, value]) => {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new TypeError(`not a shell variable name: ${name}`);
      return value === undefined ? `unset ${name}` : `export ${name}=${shellQuote(value)}`;
    })
    .join('\n');
}

/**
 * A mistyped command (`container-package pushh`): oclif would print ` ›   Error: command pushh
 * not found`, wrapped and without a code. Found before oclif runs, it is a `CLI_USAGE` failure
 * (exit 2) printed like every other, naming the nearest command.
 */
import { ContainerPackageError } from '../errors.js';

/** The command line's unknown command, as an error; undefined when it names a command or topic. */
export function unknownCommand(
  args: readonly string[],
  ids: readonly string[],
): ContainerPackageError | undefined {
  const commands = ids.map((id) => id.split(':'));
  const startsWith = (c: readonly string[], words: readonly string[]): boolean =>
    words.length <= c.length && words.every((w, i) => c[i] === w);
  const words: string[] = [];
  for (const arg of args) {
    // A flag (`--help`, `-v`) is oclif's; after a whole command come its arguments.
    if (arg.startsWith('-')) return undefined;
    if (words.length > 0 && commands.some((c) => c.length === words.length && startsWith(c, words)))
      return undefined;
    const next = [...words, arg];
    if (!commands.some((c) => startsWith(c, next))) return refusal(next.join(' '), commands, words);
    words.push(arg);
  }
  return undefined;
}

function refusal(
  typed: string,
  commands: readonly string[][],
  prefix: readonly string[],
): ContainerPackageError {
  const candidates = commands
    .filter((c) => c.length > prefix.length && prefix.every((w, i) => c[i] === w))
    .map((c) => c.slice(0, prefix.length + 1).join(' '));
  const last = typed.split(' ').at(-1)!;
  const nearest = [...new Set(candidates)]
    .map((c) => ({ c, d: distance(last, c.split(' ').at(-1)!) }))
    .filter((x) => x.d <= 2)
    .sort((a, b) => a.d - b.d)[0]?.c;
  const help = ['container-package', 'help', ...prefix].join(' ');
  return new ContainerPackageError('CLI_USAGE', `unknown command "${typed}"`, {
    hint: `${nearest === undefined ? '' : `did you mean "${nearest}"? `}\`${help}\` lists the commands`,
  });
}

/** Levenshtein distance, for the suggestion. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[b.length]!;
}

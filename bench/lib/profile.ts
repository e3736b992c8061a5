/**
 * `--profile`: our registry and our CLI run with V8's CPU profiler (`node --cpu-prof`), one
 * `.cpuprofile` per process (open them in Chrome DevTools or speedscope), and `profiles.md` lists
 * the functions with the most self time in each, to start the search for what bounds a figure.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Node.js flags that profile a process into `dir` as `NAME.cpuprofile`; none when `dir` is undefined. */
export function profileArgs(dir: string | undefined, name: string): string[] {
  if (dir === undefined) return [];
  return [
    '--cpu-prof',
    `--cpu-prof-dir=${dir}`,
    `--cpu-prof-name=${name.replace(/[^\w.-]+/g, '-')}.cpuprofile`,
  ];
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Writes `dir/profiles.md`: for each profile, its sampled time and the `top` functions by self
 * time (share of samples, function, file:line). Resolves the file's path, or undefined when `dir`
 * holds no profile.
 */
export async function summarizeProfiles(dir: string, top = 12): Promise<string | undefined> {
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((n) => n.endsWith('.cpuprofile'))
    .sort();
  if (names.length === 0) return undefined;
  const out = ['# CPU profiles (self time)', ''];
  for (const name of names) {
    const profile = JSON.parse(await readFile(join(dir, name), 'utf8')) as CpuProfile;
    const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
    const self = new Map<string, number>();
    let total = 0;
    profile.samples.forEach((id, i) => {
      const frame = frames.get(id);
      const delta = profile.timeDeltas[i] ?? 0;
      total += delta;
      if (frame === undefined) return;
      const file = frame.url.split('/').slice(-2).join('/');
      const key =
        `${frame.functionName || '(anonymous)'} ${file === '' ? '' : `${file}:${frame.lineNumber + 1}`}`.trim();
      self.set(key, (self.get(key) ?? 0) + delta);
    });
    out.push(
      `## ${name} (${(total / 1e6).toFixed(2)} s sampled)`,
      '',
      '| self | function |',
      '| --- | --- |',
    );
    for (const [key, time] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      out.push(`| ${((time / total) * 100).toFixed(1)}% | \`${key}\` |`);
    }
    out.push('');
  }
  const path = join(dir, 'profiles.md');
  await writeFile(path, out.join('\n'));
  return path;
}

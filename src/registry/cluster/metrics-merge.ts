/**
 * One Prometheus text exposition of several workers' metrics: each sample gets a `worker` label,
 * and each metric family is written once (its `# HELP` and `# TYPE`, then every worker's samples),
 * as the text format requires. Families appear in the order the first worker wrote them.
 */
export function mergeExpositions(
  texts: readonly { readonly worker: number; readonly text: string }[],
): string {
  const families = new Map<string, { header: string[]; samples: string[] }>();
  for (const { worker, text } of texts) {
    let current: { header: string[]; samples: string[] } | undefined;
    for (const line of text.split('\n')) {
      if (line === '') continue;
      const comment = /^# (HELP|TYPE) (\S+)/.exec(line);
      if (comment !== null) {
        const name = comment[2]!;
        let family = families.get(name);
        if (family === undefined) families.set(name, (family = { header: [], samples: [] }));
        if (!family.header.some((seen) => seen.startsWith(`# ${comment[1]!} `))) family.header.push(line);
        current = family;
        continue;
      }
      if (line.startsWith('#')) continue;
      const sample = withWorker(line, worker);
      if (current === undefined) {
        // A sample before any header: a family of its own, named by the sample.
        const name = /^[^{\s]+/.exec(line)?.[0] ?? line;
        let family = families.get(name);
        if (family === undefined) families.set(name, (family = { header: [], samples: [] }));
        family.samples.push(sample);
      } else current.samples.push(sample);
    }
  }
  const lines: string[] = [];
  for (const family of families.values()) lines.push(...family.header, ...family.samples);
  return `${lines.join('\n')}\n`;
}

/** `name{a="b"} 1` → `name{worker="0",a="b"} 1`; `name 1` → `name{worker="0"} 1`. */
function withWorker(line: string, worker: number): string {
  const label = `worker="${worker}"`;
  const brace = line.indexOf('{');
  const space = line.indexOf(' ');
  if (brace !== -1 && (space === -1 || brace < space)) {
    const empty = line[brace + 1] === '}';
    return `${line.slice(0, brace + 1)}${label}${empty ? '' : ','}${line.slice(brace + 1)}`;
  }
  if (space === -1) return line;
  return `${line.slice(0, space)}{${label}}${line.slice(space)}`;
}

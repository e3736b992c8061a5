/** What `container-package push` does once its input is parsed, for the oclif command and the fast path. */
import { ContainerPackageError } from '../errors.js';
import type { PublishedImage } from '../render/index.js';
import { parseTag } from '../reference/index.js';
import type { Compression } from '../sources/compress-options.js';
import { interruptible } from './interrupt.js';
import { Progress } from './progress.js';
import { parseDestination } from './destination.js';
import { jsonOutput } from '../render/json.js';

/** `push`'s parsed input (see flag-specs.ts for the flags' meaning and defaults). */
export interface PushInput {
  readonly source: string;
  readonly to: readonly string[];
  readonly tag?: readonly string[] | undefined;
  readonly json: boolean;
  readonly compression: string;
  readonly concurrency: number;
  readonly retries: number;
  readonly insecure?: readonly string[] | undefined;
  readonly 'docker-config'?: string | undefined;
  readonly org?: string | undefined;
  readonly 'packages-host'?: string | undefined;
}

/**
 * Pushes `input.source` to every `--to` destination (plus the `--tag`s; `latest` when none), with
 * progress on stderr, and prints the result to `log`: one `reference@digest` line per reference,
 * or the JSON of the result(s) with `--json`. The source is opened (and compressed) once for all
 * destinations. Ctrl-C or SIGTERM stops it cleanly (see interrupt.ts).
 *
 * @throws ContainerPackageError `CLI_NOTHING_PUSHED`, `CLI_INTERRUPTED`; whatever the publish throws
 */
export async function runPush(input: PushInput, log: (line: string) => void): Promise<void> {
  const { publish } = await import('../publish/index.js');
  const extraTags = (input.tag ?? []).map((t) => parseTag(t));
  const destinations = input.to.map((to) => {
    const destination = parseDestination(to, input.org, input['packages-host']);
    const tags = [...new Set([...(destination.tag ? [destination.tag] : []), ...extraTags])];
    if (tags.length === 0) tags.push('latest');
    return { target: destination.target, name: destination.name, tags };
  });
  const first = destinations[0];
  if (first === undefined) throw new ContainerPackageError('CLI_NOTHING_PUSHED', 'nothing was pushed');
  const progress = new Progress({ stream: process.stderr, ...(input.json && { mode: 'none' as const }) });
  let results: PublishedImage[];
  try {
    results = await interruptible((signal) =>
      publish({
        images: [{ source: input.source, name: first.name, tags: first.tags, destinations }],
        registries: destinations.map((d) => d.target),
        ...(input['docker-config'] && { dockerConfig: input['docker-config'] }),
        ...(input.org && { organization: input.org }),
        compression: input.compression as Compression,
        client: {
          insecure: [...(input.insecure ?? [])],
          concurrency: input.concurrency,
          retries: input.retries,
        },
        onEvent: progress.onEvent,
        signal,
      }),
    );
  } finally {
    progress.stop();
  }
  if (results.length === 0) throw new ContainerPackageError('CLI_NOTHING_PUSHED', 'nothing was pushed');
  if (input.json) {
    log(jsonOutput(results.length === 1 ? results[0] : results));
    return;
  }
  for (const result of results) {
    for (const reference of result.references) log(`${reference}@${result.digest}`);
  }
}

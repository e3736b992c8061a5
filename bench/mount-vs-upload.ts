/**
 * `npm run bench -- mount-vs-upload [--mib 64] [--runs 3] [--json]`: a cross-repository mount
 * against a full upload under the token flow (issue 15). Starts our registry (`registry serve
 * --config`, a separate process) with auth on and a write token, and with the project's client
 * (Basic credentials, then the bearer tokens the registry's challenges ask for) pushes a random
 * blob of `--mib` MiB to a fresh repository (an upload) and then to another repository, which
 * the client mounts from the first. Reports each push's time and what the client did.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { RegistryClient, staticCredentials } from '../src/client/index.js';
import { digestOf } from '../src/registry/storage/hashing.js';
import { createToken } from '../src/registry/auth/tokens/manage.js';
import { startRegistry } from './lib/registries.js';

interface MountOptions {
  mib: number;
  runs: number;
  json: boolean;
}

function parse(argv: readonly string[]): MountOptions {
  const options: MountOptions = { mib: 64, runs: 3, json: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--json') options.json = true;
    else if (arg === '--mib' || arg === '--runs') {
      const value = Number(argv[++i]);
      if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${arg}: expected a positive integer`);
      options[arg === '--mib' ? 'mib' : 'runs'] = value;
    } else throw new Error(`unknown argument ${arg}; use --mib N, --runs N, --json`);
  }
  return options;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Runs the comparison; resolves the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const options = parse(argv);
  const work = mkdtempSync(join(tmpdir(), 'cp-mount-'));
  const dir = join(work, 'ours');
  mkdirSync(dir, { recursive: true });
  const tokensFile = join(work, 'tokens.json');
  const config = join(work, 'registry.yml');
  writeFileSync(
    config,
    [
      `storage: ${JSON.stringify(join(dir, 'storage'))}`,
      `tokens-file: ${JSON.stringify(tokensFile)}`,
      'registries:',
      '  - name: bench/private',
      '',
    ].join('\n'),
  );
  const token = await createToken(tokensFile, { registries: ['bench/private'], scopes: ['write'] });
  const registry = await startRegistry('ours', dir, [], undefined, ['--config', config]);
  const client = new RegistryClient({
    credentials: staticCredentials({ [registry.host]: { username: 'buildkite', password: token.token } }),
  });
  const uploads: number[] = [];
  const mounts: number[] = [];
  const outcomes: string[] = [];
  try {
    for (let run = 0; run < options.runs; run += 1) {
      const bytes = randomBytes(options.mib * 1024 * 1024);
      const blob = {
        descriptor: {
          mediaType: 'application/octet-stream',
          digest: digestOf(bytes, 'sha256'),
          size: bytes.length,
        },
        open: () => Promise.resolve(Readable.from([bytes])),
      };
      let started = performance.now();
      outcomes.push(await client.pushBlob(`${registry.host}/bench/private/source-${run}`, blob));
      uploads.push(performance.now() - started);
      started = performance.now();
      outcomes.push(await client.pushBlob(`${registry.host}/bench/private/target-${run}`, blob));
      mounts.push(performance.now() - started);
    }
    const result = {
      mib: options.mib,
      runs: options.runs,
      outcomes,
      uploadMs: Math.round(median(uploads)),
      mountMs: Math.round(median(mounts)),
    };
    if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      process.stdout.write(
        [
          `blob: ${options.mib} MiB, ${options.runs} run(s), token flow (Basic → bearer)`,
          `outcomes (upload, second repository): ${outcomes.join(' ')}`,
          `median upload ${result.uploadMs} ms; second repository ${result.mountMs} ms`,
          '',
        ].join('\n'),
      );
    }
    return outcomes.every((o, i) => o === (i % 2 === 0 ? 'uploaded' : 'mounted')) ? 0 : 1;
  } finally {
    await client.close();
    await registry.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

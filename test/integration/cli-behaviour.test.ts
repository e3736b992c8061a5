/**
 * How the bundled CLI fails: exit codes from the table, a JSON error object under --json,
 * unwrapped messages on a stderr that is not a terminal, and a clear error for a port in use.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/container-package');
let dir: string;

function cli(...args: string[]) {
  return execa(process.execPath, [bin, ...args], {
    reject: false,
    env: { NO_COLOR: '1', HOME: dir, XDG_CACHE_HOME: dir },
    timeout: 30_000,
  });
}

beforeAll(() => {
  if (!existsSync(path.join(root, 'dist/cli.js')))
    throw new Error('dist/cli.js is missing: run `npm run build`');
  dir = mkdtempSync(path.join(tmpdir(), 'cli-behaviour-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('failures', () => {
  it('refuses a mistyped transport with exit 2 and a JSON error object on stdout', async () => {
    const { stdout, stderr, exitCode } = await cli(
      'push',
      'oci-arhive:image.tar',
      '--to',
      '127.0.0.1:9/app:v1',
      '--json',
    );
    expect(exitCode).toBe(2);
    expect(JSON.parse(stdout)).toEqual({
      error: {
        code: 'SRC_UNKNOWN_TRANSPORT',
        message: expect.stringContaining('unknown transport "oci-arhive:"'),
        hint: expect.stringContaining('did you mean "oci-archive:image.tar"'),
        exit_code: 2,
      },
    });
    expect(stderr).not.toContain('ENOTFOUND');
  });

  it.each([
    [['push', '--to', '127.0.0.1:9/app:v1', '--tag', 'v2', 'oci:/nonexistent-layout']],
    [
      [
        'push',
        '--insecure',
        'registry.internal:5000',
        '--to',
        '127.0.0.1:9/app:v1',
        'oci:/nonexistent-layout',
      ],
    ],
  ])('takes the source after repeatable flags (%j), not as one more of their values', async (args) => {
    const { stdout, exitCode } = await cli(...args, '--json');
    expect(JSON.parse(stdout)).toMatchObject({ error: { code: 'SRC_NOT_FOUND', exit_code: 4 } });
    expect(exitCode).toBe(4);
  });

  it('prints the JSON error object for the oclif commands too', async () => {
    const { stdout, exitCode } = await cli('reference', 'Team/App', '--json');
    expect(exitCode).toBe(2);
    expect(JSON.parse(stdout)).toMatchObject({ error: { code: 'REF_UPPERCASE_REPOSITORY', exit_code: 2 } });
  });

  it('keeps a long message on one line, without " ›", when stderr is not a terminal', async () => {
    const long = `oci-arhive:${'very-long-directory-name/'.repeat(6)}image.tar`;
    const { stderr, exitCode } = await cli('push', long, '--to', '127.0.0.1:9/app:v1');
    expect(exitCode).toBe(2);
    expect(stderr).not.toContain('›');
    const line = stderr.split('\n').find((l) => l.startsWith('Error: '));
    expect(line).toContain(JSON.stringify(long));
    expect(stderr).toMatch(/^Code: SRC_UNKNOWN_TRANSPORT$/m);
  });

  it.each([
    [['inspect', '127.0.0.1:9/app:v1', '--jsn'], 'Nonexistent flag: --jsn', 'inspect --help'],
    [['inspect', '--json'], 'Missing 1 required arg', 'inspect --help'],
    [
      ['push', 'oci:x', '--to', '127.0.0.1:9/a:v1', '--concurrency', '0', '--json'],
      'Parsing --concurrency: Expected',
      'push --help',
    ],
    [
      ['pull', '127.0.0.1:9/a:v1', '-o', 'x.tar', '--format', 'zip', '--json'],
      'Expected --format=zip',
      'pull --help',
    ],
    [
      ['registry', 'token', 'create', '--registry'],
      'Flag --registry expects a value',
      'registry token create --help',
    ],
    [['pushh', 'x'], 'unknown command "pushh"', 'did you mean "push"?'],
    [
      ['registry', 'tokn', 'list', '--json'],
      'unknown command "registry tokn"',
      'did you mean "registry token"?',
    ],
  ])('a bad command line %j is CLI_USAGE, exit 2, printed unwrapped', async (args, message, hint) => {
    const { stdout, stderr, exitCode } = await cli(...args);
    expect(exitCode).toBe(2);
    expect(stderr).not.toContain('›');
    expect(stderr).toMatch(/^Code: CLI_USAGE$/m);
    expect(stderr.split('\n').find((l) => l.startsWith('Error: '))).toContain(message);
    expect(stderr.split('\n').find((l) => l.startsWith('Hint: '))).toContain(hint);
    if (args.includes('--json'))
      expect(JSON.parse(stdout)).toMatchObject({ error: { code: 'CLI_USAGE', exit_code: 2 } });
    else expect(stdout).toBe('');
  });

  it('ends quietly with 0 when the reader closes stdout early (| head), not exit 13 with a warning', async () => {
    const { stdout, exitCode } = await execa(
      'bash',
      [
        '-c',
        '"$0" "$1" push --help 2>"$2" | true; echo "${PIPESTATUS[0]}"',
        process.execPath,
        bin,
        path.join(dir, 'err'),
      ],
      { reject: false, env: { NO_COLOR: '1', HOME: dir, XDG_CACHE_HOME: dir } },
    );
    expect(exitCode).toBe(0);
    expect(stdout.trim()).toBe('0');
    expect(readFileSync(path.join(dir, 'err'), 'utf8')).toBe('');
  });

  it('a storage path that is a file is a clear config error (exit 2), not a raw EEXIST', async () => {
    const file = path.join(dir, 'a-file');
    writeFileSync(file, '');
    const { stderr, exitCode } = await cli('registry', 'serve', '--listen', '127.0.0.1:0', '--storage', file);
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/^Code: REGISTRY_CONFIG_INVALID$/m);
    expect(stderr).toContain(`cannot use ${file} as the storage directory: it (or a parent) is a file`);
    expect(stderr).not.toContain('EEXIST');
  });

  it('exits 2 for an invalid registry config file', async () => {
    const config = path.join(dir, 'bad.yaml');
    writeFileSync(config, 'listen: [not, an, address]\nunknownKey: 1\n');
    const { stderr, exitCode } = await cli('registry', 'serve', '--config', config);
    expect(stderr).toMatch(/Code: REGISTRY_CONFIG_INVALID/);
    expect(exitCode).toBe(2);
  });

  describe('a port in use', () => {
    let server: Server;
    let port: number;
    beforeAll(async () => {
      server = createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as { port: number }).port;
    });
    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
    });

    it('is a clear error, not a raw EADDRINUSE', async () => {
      const { stderr, exitCode } = await cli(
        'registry',
        'serve',
        '--listen',
        `127.0.0.1:${port}`,
        '--storage',
        path.join(dir, 'store'),
      );
      expect(exitCode).toBe(1);
      expect(stderr).toContain(`cannot listen on 127.0.0.1:${port}: the port is already in use`);
      expect(stderr).toMatch(/Code: REGISTRY_ADDRESS_IN_USE/);
      expect(stderr).not.toMatch(/^\s*(Error: )?listen EADDRINUSE/m);
    });
  });
});

describe('help', () => {
  const wide = (...args: string[]) =>
    execa(process.execPath, [bin, ...args], {
      reject: false,
      env: { NO_COLOR: '1', HOME: dir, OCLIF_COLUMNS: '400' },
    });

  it.each([['help'], ['--help'], ['-h']])('%s lists the commands', async (arg) => {
    const { stdout, exitCode } = await cli(arg);
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^COMMANDS$/m);
    expect(stdout).toMatch(/^\s+push\s/m);
  });

  it('help COMMAND shows that command', async () => {
    const { stdout, exitCode } = await cli('help', 'registry', 'token', 'create');
    expect(exitCode).toBe(0);
    expect(stdout).toContain('$ container-package registry token create');
  });

  it.each([['version'], ['-v'], ['--version']])('%s prints the version', async (arg) => {
    const { stdout, exitCode } = await cli(arg);
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^container-package\/\d+\.\d+\.\d+ /);
  });

  it.each([
    [['registry'], 'Run and maintain the bundled OCI registry: serve, gc, fsck and tokens'],
    [['registry', 'token'], "Create, list and revoke the bundled registry's tokens"],
  ])("the %j topic has its own summary, not a subcommand's", async (topic, summary) => {
    const { stdout } = await wide(...topic, '--help');
    expect(stdout.split('\n')[0]).toBe(`${summary}.`);
  });

  it('reference --help names no flag that does not exist', async () => {
    const { stdout } = await wide('reference', '--help');
    expect(stdout).not.toContain('--buildkite-org');
  });

  it('copy --help names its arguments as it calls them', async () => {
    const { stdout } = await wide('copy', '--help');
    expect(stdout).toContain('SOURCE');
    expect(stdout).not.toMatch(/\bSRC\b|\bDST\b/);
  });

  it.each([['copy'], ['inspect'], ['login'], ['registry', 'serve'], ['registry', 'gc'], ['tag']])(
    '%s --help has no hard line break inside its description',
    async (...command) => {
      const { stdout } = await wide(...command.flat(), '--help');
      const description = stdout.split('\nDESCRIPTION\n')[1]?.split('\n\n')[0] ?? '';
      expect(description.trim()).not.toBe('');
      expect(description.trim().split('\n')).toHaveLength(1);
    },
  );
});

describe('login --oidc without buildkite-agent', () => {
  it('is a failure (1), not "not found" (4)', async () => {
    const { stderr, exitCode } = await execa(
      process.execPath,
      [bin, 'login', 'acme/images', '--oidc', '--docker-config', path.join(dir, 'docker')],
      { reject: false, env: { NO_COLOR: '1', HOME: dir, PATH: path.dirname(process.execPath) } },
    );
    expect(stderr).toMatch(/Code: CI_AGENT_NOT_FOUND/);
    expect(exitCode).toBe(1);
  });
});

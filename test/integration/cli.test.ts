import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/container-package');

/** Runs the committed launcher + bundle exactly as a user (or a hook) would. */
function cli(...args: string[]) {
  return execa(process.execPath, [bin, ...args], { reject: false, env: { NO_COLOR: '1' } });
}

describe('bin/container-package (bundled CLI)', () => {
  beforeAll(() => {
    if (!existsSync(path.join(root, 'dist/cli.js'))) {
      throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it for you)');
    }
  });

  it('prints its version', async () => {
    const { stdout, exitCode } = await cli('--version');
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^container-package\/\d+\.\d+\.\d+ /);
  });

  it('lists its commands in --help', async () => {
    const { stdout, exitCode } = await cli('--help');
    expect(exitCode).toBe(0);
    expect(stdout).toContain('reference');
    expect(stdout).toContain('tag');
  });

  it('normalises a reference like docker', async () => {
    const { stdout, exitCode } = await cli('reference', 'alpine');
    expect(exitCode).toBe(0);
    expect(stdout.trim()).toBe('docker.io/library/alpine');
  });

  it('prints JSON with --json', async () => {
    const { stdout } = await cli('reference', 'localhost:5000/team/app:v1', '--json');
    expect(JSON.parse(stdout)).toMatchObject({
      registry: 'localhost:5000',
      repository: 'team/app',
      tag: 'v1',
      digest: null,
      familiar: 'localhost:5000/team/app:v1',
    });
  });

  it('exits 2 and names the bad part of an invalid reference', async () => {
    const { stderr, exitCode } = await cli('reference', 'Team/App:v1');
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/Team\/App/);
    expect(stderr.toLowerCase()).toContain('lowercase');
  });

  it('renders tag templates into valid tags', async () => {
    const { stdout, exitCode } = await cli(
      'tag',
      '{{branch}}-{{build.number}}',
      'sha-{{commit.short}}',
      '--branch',
      'feature/Foo',
      '--build-number',
      '42',
      '--commit',
      '0123456789abcdef0123456789abcdef01234567',
    );
    expect(exitCode).toBe(0);
    const tags = stdout.trim().split('\n');
    expect(tags).toHaveLength(2);
    expect(tags[0]).toMatch(/^feature-foo-42$/i);
    expect(tags[1]).toBe('sha-0123456');
  });

  it('a placeholder without a value names the flag that gives it, not a library option', async () => {
    const { stderr, exitCode } = await cli('tag', '{{branch}}-{{build.number}}', '--build-number', '42');
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/^Code: REF_TEMPLATE_MISSING_VALUE$/m);
    expect(stderr).toMatch(/^Hint: give it with --branch, or drop \{\{branch\}\} from the template$/m);
    expect(stderr).not.toContain("missing: 'skip'");
    const noFlag = await cli('tag', 'x-{{job.id}}');
    expect(noFlag.stderr).toContain('the CLI has no flag for {{job.id}}');
  });

  it('refuses an old Node.js with a clear message', async () => {
    const { stderr, exitCode } = await execa(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `Object.defineProperty(process.versions, 'node', {value: '20.1.0'}); await import(${JSON.stringify(bin)})`,
      ],
      { reject: false, input: '' },
    );
    expect(exitCode).toBe(1);
    expect(stderr).toContain('needs Node.js 22.19 or newer');
  });
});

/**
 * The pinned Node.js runtime of the hooks (lib/node-runtime.env): its version follows the `node`
 * devDependency (so a V8 startup snapshot built in development runs on it), and
 * scripts/update-node-runtime.sh rewrites it from a release's SHASUMS256.txt.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, test } from 'vitest';
import { newTempDir, PLUGIN_DIR } from '../../support/index.js';

const PIN = join(PLUGIN_DIR, 'lib', 'node-runtime.env');

function values(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => /^[A-Z0-9_]+=/.test(line))
      .map((line) => line.split('=') as [string, string]),
  );
}

/** A copy of the script and the pin file in a temp tree, so the test rewrites the copy. */
function tree(): { root: string; script: string; pin: string } {
  const root = newTempDir('pin-tree');
  mkdirSync(join(root, 'scripts'));
  mkdirSync(join(root, 'lib'));
  copyFileSync(
    join(PLUGIN_DIR, 'scripts', 'update-node-runtime.sh'),
    join(root, 'scripts', 'update-node-runtime.sh'),
  );
  copyFileSync(PIN, join(root, 'lib', 'node-runtime.env'));
  return {
    root,
    script: join(root, 'scripts', 'update-node-runtime.sh'),
    pin: join(root, 'lib', 'node-runtime.env'),
  };
}

const sum = (c: string) => c.repeat(64);
const SHASUMS = [
  `${sum('1')}  node-v99.1.2-darwin-arm64.tar.gz`,
  `${sum('2')}  node-v99.1.2-linux-arm64.tar.gz`,
  `${sum('3')}  node-v99.1.2-linux-arm64.tar.xz`,
  `${sum('4')}  node-v99.1.2-linux-x64.tar.gz`,
  `${sum('5')}  node-v99.1.2-linux-x64.tar.xz`,
  `${sum('6')}  node-v99.1.2.tar.gz`,
  '',
].join('\n');

describe('the pinned Node.js runtime', () => {
  test('is the version of the node devDependency, with a sum for each architecture', () => {
    const pin = values(readFileSync(PIN, 'utf8'));
    const installed = JSON.parse(
      readFileSync(join(PLUGIN_DIR, 'node_modules', 'node', 'package.json'), 'utf8'),
    );
    expect(pin.NODE_VERSION).toBe(installed.version);
    expect(pin.NODE_VERSION).toBe(process.versions.node);
    expect(pin.NODE_SHA256_LINUX_X64).toMatch(/^[0-9a-f]{64}$/);
    expect(pin.NODE_SHA256_LINUX_ARM64).toMatch(/^[0-9a-f]{64}$/);
  });

  test('update-node-runtime.sh takes the linux tar.gz sums from a local SHASUMS256.txt', async () => {
    const { root, script, pin } = tree();
    const header = readFileSync(pin, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('#'));
    writeFileSync(join(root, 'SHASUMS256.txt'), SHASUMS);
    const run = await execa(script, ['v99.1.2', join(root, 'SHASUMS256.txt')]);
    expect(run.stderr).toContain('pinned Node.js 99.1.2');
    const text = readFileSync(pin, 'utf8');
    expect(values(text)).toEqual({
      NODE_VERSION: '99.1.2',
      NODE_SHA256_LINUX_X64: sum('4'),
      NODE_SHA256_LINUX_ARM64: sum('2'),
    });
    expect(text.split('\n').filter((l) => l.startsWith('#'))).toEqual(header);
  });

  test.each([
    [
      'a release without an arm64 build',
      ['99.1.2'],
      SHASUMS.replace(/^.*linux-arm64\.tar\.gz\n/m, ''),
      1,
      'no SHA-256 for node-v99.1.2-linux-arm64.tar.gz',
    ],
    ['another release', ['99.1.3'], SHASUMS, 1, 'no SHA-256 for node-v99.1.3-linux-x64.tar.gz'],
    ['a version that is not one', ['latest'], SHASUMS, 2, 'usage'],
  ])(
    'update-node-runtime.sh refuses %s and leaves the pin alone',
    async (_what, args, sums, code, message) => {
      const { root, script, pin } = tree();
      const before = readFileSync(pin, 'utf8');
      writeFileSync(join(root, 'SHASUMS256.txt'), sums);
      const run = await execa(script, [...args, join(root, 'SHASUMS256.txt')], { reject: false });
      expect(run.exitCode).toBe(code);
      expect(run.stderr).toContain(message);
      expect(readFileSync(pin, 'utf8')).toBe(before);
    },
  );
});

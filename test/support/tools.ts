/**
 * Finding the real container tools on PATH, and gating tests on them: missing tools skip tests
 * with a loud notice on a developer's machine, and fail them in CI (`CI=true`), where a skipped
 * integration test would hide a broken setup.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, it } from 'vitest';
import { MissingToolError } from './errors.js';

/** The command that installs every tool the integration tests use. */
export const INSTALL_COMMAND = 'sudo scripts/install-test-deps.sh';

/** Pseudo-tool: the tests must run as root (dockerd, rootful podman). */
export const ROOT = 'root';

/** Tools needed to start a Docker Engine with `startDockerd` (dockerd.ts). */
export const DOCKER_ENGINE_TOOLS = ['dockerd', 'containerd', 'docker', ROOT] as const;
/** Tools needed to start a CNCF distribution registry with `startDistribution`, auth included. */
export const DISTRIBUTION_TOOLS = ['docker-registry', 'htpasswd'] as const;
/** Tools needed to start Ceph's RADOS Gateway (S3) with `startRgw` (rgw.ts). */
export const RGW_TOOLS = [
  'ceph-mon',
  'ceph-osd',
  'radosgw',
  'radosgw-admin',
  'ceph',
  'monmaptool',
  'curl',
] as const;

/** Debian package providing each tool, for the notice. */
const PACKAGES: Record<string, string> = {
  dockerd: 'docker.io',
  docker: 'docker.io',
  containerd: 'containerd',
  runc: 'runc',
  'docker-registry': 'docker-registry',
  htpasswd: 'apache2-utils',
  podman: 'podman',
  buildah: 'buildah',
  skopeo: 'skopeo',
  umoci: 'umoci',
  chromium: 'chromium',
  'ceph-mon': 'ceph-mon',
  'ceph-osd': 'ceph-osd',
  radosgw: 'radosgw',
  'radosgw-admin': 'radosgw',
  ceph: 'ceph-common',
  monmaptool: 'ceph-base',
  curl: 'curl',
};

/**
 * Absolute path of the first executable `name` on `pathEnv` (default `process.env.PATH`), found
 * by reading the directories (no shell). A name containing `/` is checked as a path.
 */
export function findTool(name: string, pathEnv = process.env.PATH ?? ''): string | undefined {
  const candidates = name.includes('/')
    ? [name]
    : pathEnv
        .split(delimiter)
        .filter(Boolean)
        .map((d) => join(d, name));
  return candidates.find(isExecutableFile);
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Like {@link findTool} but throws {@link MissingToolError} when the tool is absent. */
export function toolPath(name: string): string {
  const path = findTool(name);
  if (path === undefined) throw new MissingToolError([name], installHint([name]));
  return path;
}

/** The names among `names` that are unavailable (`root` counts as missing when not root). */
export function missingTools(names: readonly string[]): string[] {
  return names.filter((name) => (name === ROOT ? process.getuid?.() !== 0 : findTool(name) === undefined));
}

function installHint(missing: readonly string[]): string {
  const tools = missing.filter((name) => name !== ROOT);
  const parts: string[] = [];
  if (tools.length > 0) {
    const pkgs = [...new Set(tools.map((t) => PACKAGES[t] ?? t))].join(' ');
    parts.push(`install them with \`${INSTALL_COMMAND}\` (Debian packages: ${pkgs})`);
  }
  if (missing.includes(ROOT)) parts.push('run the integration tests as root');
  return parts.join('; ');
}

function boxed(lines: readonly string[]): string {
  const width = Math.max(...lines.map((l) => l.length));
  const bar = '!'.repeat(width + 4);
  return [bar, ...lines.map((l) => `! ${l.padEnd(width)} !`), bar].join('\n');
}

/**
 * Checks that `names` are available. Returns true when they all are. Otherwise, when
 * `process.env.CI === 'true'` it throws {@link MissingToolError}; locally it prints a boxed
 * warning naming the missing tools and the install command, and returns false.
 *
 * @param context What will be skipped, for the notice (default: the test file).
 */
export function requireTools(names: readonly string[], context = 'tests in this file'): boolean {
  const missing = missingTools(names);
  if (missing.length === 0) return true;
  const hint = installHint(missing);
  if (process.env.CI === 'true') throw new MissingToolError(missing, hint);
  console.warn(
    '\n' +
      boxed([
        `SKIPPING ${context}`,
        `missing: ${missing.join(', ')}`,
        hint,
        'In CI (CI=true) these tests fail instead of skipping.',
      ]) +
      '\n',
  );
  return false;
}

/** `it` when every tool in `names` is available, otherwise `it.skip` (see {@link requireTools}). */
export function itWithTools(...names: string[]): typeof it.skip {
  return requireTools(names, `tests needing ${names.join(', ')}`) ? it : it.skip;
}

/**
 * A `describe` block that is skipped, hooks included, when a tool in `names` is missing (with a
 * loud notice), and that fails the file in CI. Prefer it over {@link itWithTools} when
 * `beforeAll` starts daemons.
 */
export function describeWithTools(names: readonly string[], title: string, fn: () => void): void {
  const ok = requireTools(names, `"${title}"`);
  describe.skipIf(!ok)(title, fn);
}

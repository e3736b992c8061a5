/**
 * `container-package pull` (the bundled CLI) against the bundled registry: the oci-archive is
 * byte for byte the registry's Download; a docker-archive of an index takes the platform asked
 * for; `--format oci` writes a layout skopeo reads with the same digest; errors exit with the
 * documented codes and leave no file behind.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path, { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContainerTools } from '../support/containers.js';
import { manifestDigest } from '../support/registry-http.js';
import { newTempDir } from '../support/temp-dir.js';
import { itWithTools } from '../support/tools.js';
import { pushGzipImage } from './gzip-image.js';
import {
  OCI_EMPTY,
  OCI_INDEX,
  OCI_MANIFEST,
  descriptorOf,
  digestOf,
  imageManifest,
  pushBlob,
  send,
  startRegistry,
  type TestRegistry,
} from './registry-support.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/container-package');

function cli(...args: string[]) {
  return execa(process.execPath, [bin, ...args], {
    reject: false,
    env: { NO_COLOR: '1', DOCKER_CONFIG: newTempDir('docker-config') },
  });
}

describe('container-package pull', () => {
  let reg: TestRegistry;
  let host: string;
  let amd: Awaited<ReturnType<typeof pushGzipImage>>;
  let arm: Awaited<ReturnType<typeof pushGzipImage>>;
  let index: Buffer;

  beforeAll(async () => {
    if (!existsSync(path.join(root, 'dist/cli.js')))
      throw new Error('dist/cli.js is missing: run `npm run build`');
    reg = await startRegistry({ fsync: false });
    host = new URL(reg.url).host;
    amd = await pushGzipImage(reg.url, 'acme/images/app', 'amd', 'amd64');
    arm = await pushGzipImage(reg.url, 'acme/images/app', 'arm', 'arm64');
    index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: [
          {
            mediaType: OCI_MANIFEST,
            digest: amd.digest,
            size: amd.manifest.length,
            platform: { os: 'linux', architecture: 'amd64' },
          },
          {
            mediaType: OCI_MANIFEST,
            digest: arm.digest,
            size: arm.manifest.length,
            platform: { os: 'linux', architecture: 'arm64' },
          },
        ],
      }),
    );
    await send(reg.url, 'PUT', '/v2/acme/images/app/manifests/v1', {
      headers: { 'Content-Type': OCI_INDEX },
      body: index,
    });
  });

  afterAll(async () => {
    await reg?.registry.close();
  });

  it('writes an oci-archive byte for byte equal to the registry Download', async () => {
    const out = join(newTempDir('pull'), 'app.tar');
    const result = await cli('pull', `${host}/acme/images/app:v1`, '--output', out, '--json');
    expect(result.exitCode, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      digest: digestOf(index),
      format: 'oci-archive',
      output: out,
    });
    const download = await send(
      reg.url,
      'GET',
      '/api/v1/registries/acme/images/packages/app/download?tag=v1',
    );
    expect(readFileSync(out).equals(download.body)).toBe(true);
  });

  it('takes one platform of an index into a docker-archive', async () => {
    const out = join(newTempDir('pull'), 'arm.tar');
    const result = await cli(
      'pull',
      `${host}/acme/images/app:v1`,
      '-o',
      out,
      '--format',
      'docker-archive',
      '--platform',
      'linux/arm64',
      '--json',
    );
    expect(result.exitCode, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).digest).toBe(arm.digest);
    const missing = await cli(
      'pull',
      `${host}/acme/images/app:v1`,
      '-o',
      join(newTempDir('pull'), 'x.tar'),
      '--format',
      'docker-archive',
      '--platform',
      'windows/amd64',
    );
    expect(missing.exitCode).toBe(4);
    expect(missing.stderr).toContain('linux/amd64, linux/arm64');
  });

  it('refuses --platform that a single-platform image is not, and --platform without docker-archive', async () => {
    const dir = newTempDir('pull');
    const other = await cli(
      'pull',
      `${host}/acme/images/app:amd`,
      '-o',
      join(dir, 'x.tar'),
      '--format',
      'docker-archive',
      '--platform',
      'linux/arm64',
      '--json',
    );
    expect(other.exitCode).toBe(4);
    expect(JSON.parse(other.stdout).error).toMatchObject({
      code: 'OCI_PLATFORM_NOT_FOUND',
      message: expect.stringContaining('linux/amd64'),
    });
    const same = await cli(
      'pull',
      `${host}/acme/images/app:amd`,
      '-o',
      join(dir, 'amd.tar'),
      '--format',
      'docker-archive',
      '--platform',
      'linux/amd64',
      '--json',
    );
    expect(same.exitCode, same.stderr).toBe(0);
    expect(JSON.parse(same.stdout).digest).toBe(amd.digest);
    const oci = await cli(
      'pull',
      `${host}/acme/images/app:v1`,
      '-o',
      join(dir, 'y.tar'),
      '--platform',
      'linux/arm64',
    );
    expect(oci.exitCode).toBe(2);
    expect(oci.stderr).toMatch(/^Code: CLI_USAGE$/m);
    expect(readdirSync(dir)).toEqual(['amd.tar']);
  });

  it('writes an OCI layout with --format oci', async () => {
    const out = join(newTempDir('pull'), 'layout');
    const result = await cli('pull', `${host}/acme/images/app:amd`, '-o', out, '--format', 'oci');
    expect(result.exitCode, result.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['blobs', 'index.json', 'oci-layout']);
    expect(readFileSync(join(out, 'blobs', 'sha256', amd.digest.slice(7))).equals(amd.manifest)).toBe(true);
  });

  itWithTools('skopeo')('skopeo reads the --format oci layout with the same digest', async () => {
    const out = join(newTempDir('pull'), 'layout');
    expect((await cli('pull', `${host}/acme/images/app:amd`, '-o', out, '--format', 'oci')).exitCode).toBe(0);
    const tools = createContainerTools({ insecureRegistries: [host] });
    await tools.skopeo([
      'copy',
      '--dest-tls-verify=false',
      `oci:${out}`,
      `docker://${host}/acme/images/back:amd`,
    ]);
    expect(await manifestDigest(reg.url, 'acme/images/back', 'amd')).toBe(amd.digest);
  });

  it('refuses a docker-archive of an artifact (exit 2, nothing written) and pulls its oci-archive', async () => {
    const empty = Buffer.from('{}');
    const sbom = Buffer.from('{"spdxVersion":"SPDX-2.3"}');
    await pushBlob(reg.url, 'acme/images/app', empty);
    await pushBlob(reg.url, 'acme/images/app', sbom);
    const manifest = imageManifest(
      descriptorOf(OCI_EMPTY, empty),
      [descriptorOf('application/spdx+json', sbom)],
      {
        artifactType: 'application/spdx+json',
      },
    );
    await send(reg.url, 'PUT', '/v2/acme/images/app/manifests/sbom', {
      headers: { 'Content-Type': OCI_MANIFEST },
      body: manifest,
    });
    const dir = newTempDir('pull');
    const ref = `${host}/acme/images/app:sbom`;
    const refused = await cli('pull', ref, '-o', join(dir, 'x.tar'), '--format', 'docker-archive', '--json');
    expect(refused.exitCode, refused.stderr).toBe(2);
    expect(JSON.parse(refused.stdout).error).toMatchObject({ code: 'OCI_NOT_AN_IMAGE' });
    expect(refused.stderr).toContain('application/spdx+json');
    expect(refused.stderr).toContain('oci-archive');
    expect(readdirSync(dir)).toEqual([]);
    const pulled = await cli('pull', ref, '-o', join(dir, 'sbom.tar'));
    expect(pulled.exitCode, pulled.stderr).toBe(0);
  });

  it('refuses an output of the wrong kind before downloading: a directory for an archive, a file for oci', async () => {
    const dir = newTempDir('pull');
    const archive = await cli('pull', `${host}/acme/images/app:amd`, '-o', dir, '--json');
    expect(archive.exitCode, archive.stderr).toBe(2);
    expect(JSON.parse(archive.stdout).error).toMatchObject({ code: 'CLI_OUTPUT_EXISTS' });
    expect(archive.stderr).toContain('is a directory');
    const file = join(dir, 'file');
    writeFileSync(file, 'keep');
    const layout = await cli('pull', `${host}/acme/images/app:amd`, '-o', file, '--format', 'oci');
    expect(layout.exitCode, layout.stderr).toBe(2);
    expect(layout.stderr).toMatch(/^Code: CLI_OUTPUT_EXISTS$/m);
    expect(readFileSync(file, 'utf8')).toBe('keep');
    expect(readdirSync(dir)).toEqual(['file']);
  });

  it('prints a failure that is not one of ours (an output under a file) as Error/Code lines', async () => {
    const dir = newTempDir('pull');
    const file = join(dir, 'file');
    writeFileSync(file, 'keep');
    const result = await cli('pull', `${host}/acme/images/app:amd`, '-o', join(file, 'x.tar'));
    expect(result.exitCode).toBe(1);
    // Not oclif's indented "    Error: …" without a Code line.
    expect(result.stderr).toMatch(/^Error: \S.*\nCode: E[A-Z]+$/);
    expect(readFileSync(file, 'utf8')).toBe('keep');
  });

  it('an unknown tag exits 4 and writes nothing', async () => {
    const dir = newTempDir('pull');
    const result = await cli('pull', `${host}/acme/images/app:nope`, '-o', join(dir, 'x.tar'));
    expect(result.exitCode).toBe(4);
    expect(readdirSync(dir)).toEqual([]);
  });
});

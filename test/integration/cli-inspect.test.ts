/**
 * `container-package inspect --files` (the bundled CLI) against the bundled registry: a layer that
 * is no tar archive (damaged, truncated, or with the wrong media type) is a coded error naming the
 * layer, printed as every failure is, not a bare "Unexpected end of data" from the tar parser.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTempDir } from '../support/temp-dir.js';
import {
  OCI_CONFIG,
  OCI_LAYER,
  OCI_MANIFEST,
  descriptorOf,
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

/** One 512-byte ustar header for a 3-byte file, and its data unpadded: no end-of-archive blocks. */
function truncatedTar(): Buffer {
  const header = Buffer.alloc(512);
  header.write('hello.txt', 0);
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write('00000000003\0', 124);
  header.write('00000000000\0', 136);
  header.write('        ', 148);
  header.write('0', 156);
  header.write('ustar\0', 257);
  header.write('00', 263);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return Buffer.concat([header, Buffer.from('hi\n')]);
}

describe('container-package inspect --files', () => {
  let reg: TestRegistry;
  let host: string;
  let layerDigest: string;

  beforeAll(async () => {
    if (!existsSync(path.join(root, 'dist/cli.js')))
      throw new Error('dist/cli.js is missing: run `npm run build`');
    reg = await startRegistry({ fsync: false });
    host = new URL(reg.url).host;
    const config = Buffer.from(
      JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers' } }),
    );
    const layer = gzipSync(truncatedTar());
    await pushBlob(reg.url, 'team/app', config);
    layerDigest = await pushBlob(reg.url, 'team/app', layer);
    const put = await send(reg.url, 'PUT', '/v2/team/app/manifests/v1', {
      headers: { 'Content-Type': OCI_MANIFEST },
      body: imageManifest(descriptorOf(OCI_CONFIG, config), [descriptorOf(OCI_LAYER, layer)]),
    });
    expect(put.status).toBe(201);
  });

  afterAll(async () => {
    await reg?.registry.close();
  });

  it('names the layer that is no tar archive, with a code and a hint (--json)', async () => {
    const { stdout, exitCode } = await cli('inspect', `${host}/team/app:v1`, '--files', '--json');
    expect(exitCode).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      error: {
        code: 'OCI_INVALID_LAYER',
        message: expect.stringContaining(layerDigest),
        hint: expect.stringContaining('without --files'),
        exit_code: 1,
      },
    });
  });

  it('prints the Error/Code/Hint lines on stderr', async () => {
    const { stdout, stderr, exitCode } = await cli('inspect', `${host}/team/app:v1`, '--files');
    expect(exitCode).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Error: cannot count the files of layer sha256:[0-9a-f]{64} /);
    expect(stderr).toContain('\nCode: OCI_INVALID_LAYER\n');
  });

  it('still inspects the image without --files', async () => {
    const { stdout, exitCode } = await cli('inspect', `${host}/team/app:v1`, '--json');
    expect(exitCode).toBe(0);
    expect(JSON.parse(stdout).images[0].layers[0].digest).toBe(layerDigest);
  });
});

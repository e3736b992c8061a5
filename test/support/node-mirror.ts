/**
 * A stand-in for https://nodejs.org/dist on loopback, for the hooks' Node.js runtime install:
 * release tarballs laid out like the official ones (`node-vV-linux-ARCH/bin/node`), built from
 * the Node.js running the tests, served at `/vV/node-vV-linux-ARCH.tar.gz`. Counts requests, and
 * can answer 404 (a mirror without the file) or stall half-way through a download.
 */
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  createReadStream,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { execa } from 'execa';
import { newTempDir } from './temp-dir.js';

/** A release tarball built in the test. */
export interface NodeRelease {
  readonly version: string;
  /** `x64` or `arm64`: what the hooks ask for on this machine. */
  readonly arch: string;
  /** The tarball's file name, `node-vV-linux-ARCH.tar.gz`. */
  readonly name: string;
  readonly file: string;
  readonly sha256: string;
}

/**
 * Packs the running Node.js as `node-v{process.versions.node}-linux-{arch}.tar.gz`; or, given
 * `version` and `script`, a release whose `bin/node` is that shell script.
 */
export async function buildNodeRelease(fake?: { version: string; script: string }): Promise<NodeRelease> {
  const version = fake?.version ?? process.versions.node;
  const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
  const top = `node-v${version}-linux-${arch}`;
  const dir = newTempDir('node-release');
  mkdirSync(join(dir, top, 'bin'), { recursive: true });
  if (fake) {
    writeFileSync(join(dir, top, 'bin', 'node'), `#!/bin/sh\n${fake.script}\n`);
    chmodSync(join(dir, top, 'bin', 'node'), 0o755);
  } else {
    copyFileSync(process.execPath, join(dir, top, 'bin', 'node'));
  }
  const name = `${top}.tar.gz`;
  const file = join(dir, name);
  // gzip -1: the test needs a real gzip tarball, not a small one.
  await execa('tar', ['-C', dir, '--use-compress-program=gzip -1', '-cf', file, top]);
  const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
  return { version, arch, name, file, sha256 };
}

/** A running mirror. */
export interface NodeMirror {
  /** Base URL, `http://127.0.0.1:PORT/dist` (what CONTAINER_PACKAGE_NODE_MIRROR takes). */
  readonly url: string;
  /** Paths requested so far. */
  readonly requests: string[];
  /** Answer 404 for everything from now on. */
  missing: boolean;
  /** Send the headers and the first MiB of a tarball, then nothing more (until stopped). */
  stall: boolean;
  stop(): Promise<void>;
}

/** Serves each release under `/dist/vV/NAME` on 127.0.0.1 (a free port). */
export async function startNodeMirror(...releases: NodeRelease[]): Promise<NodeMirror> {
  const requests: string[] = [];
  const files = new Map(releases.map((r) => [`/dist/v${r.version}/${r.name}`, r.file]));
  const state = { missing: false, stall: false };
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const file = files.get(req.url ?? '');
    if (state.missing || file === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': String(statSync(file).size) });
    if (state.stall) createReadStream(file, { end: 1024 * 1024 - 1 }).pipe(res, { end: false });
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/dist`,
    requests,
    get missing() {
      return state.missing;
    },
    set missing(value: boolean) {
      state.missing = value;
    },
    get stall() {
      return state.stall;
    },
    set stall(value: boolean) {
      state.stall = value;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

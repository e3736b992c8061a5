/**
 * What bounds each figure, written into the results when its target is missed: the rates of this
 * machine measured in the same run, and what profiling the registry and the CLI found (issue 7;
 * `--profile` reproduces the profiles). Experiments quoted here were run on a copy of the
 * sources, on the 2-core development machine, and then reverted.
 */
import type { Machine } from '../lib/machine.js';

const mibs = (rate: number): string => `${rate.toFixed(0)} MiB/s`;

/** Registry push, wall time. */
export function pushWallBound(m: Machine): string {
  return (
    `skopeo sends several layers at once and verifies digests as it reads; the registry receives, hashes ` +
    `(sha256 ${mibs(m.sha256MiBs)} on one core) and writes each blob on one event loop, sharing ${m.cpus} cores with skopeo.`
  );
}

/** Registry CPU per GiB pushed. */
export function pushCpuBound(m: Machine): string {
  return (
    `hashing alone costs ${(1024 / m.sha256MiBs).toFixed(2)} CPU-s/GiB here. Profiles: the upload pipeline ` +
    `(request → Transform → fs.WriteStream) runs with Node's default 16 KiB highWaterMark, so it pauses and resumes ` +
    `the socket and issues one write per chunk; V8 runs ~50 mark-compacts per GiB moved ("GC in old space requested" ` +
    `by the external memory of the per-read Buffers), about 1 CPU-s/GiB; libuv write+fsync ~1.3 CPU-s/GiB of system time. ` +
    `A bare Node server that receives, hashes, writes and fsyncs a streamed body costs ~6 CPU-s/GiB with 16 KiB ` +
    `buffers and ~3.1-3.4 with 1 MiB ones: 0.6× distribution is at the floor of one Node process.`
  );
}

/** Registry pull throughput. */
export function pullBound(oursCpuPerGiB: number, peerCpuPerGiB: number): string {
  return (
    `skopeo bounds the pull (it hashes and writes every blob); the registry spends ${oursCpuPerGiB.toFixed(2)} ` +
    `CPU-s/GiB serving it against distribution's ${peerCpuPerGiB.toFixed(2)}: every 1 MiB read allocates a new Buffer, ` +
    `which V8 collects with mark-compacts, on the cores it shares with skopeo.`
  );
}

/** Manifest HEAD/GET rate and latency. */
export function manifestBound(m: Machine, cpuMicros: number, clientCpuPerSecond: number): string {
  return (
    `the registry spends ${cpuMicros.toFixed(0)} µs of CPU per request, which caps one core near ` +
    `${Math.round(1e6 / cpuMicros).toLocaleString('en-US')} req/s; a bare \`node:http\` server answering the same ` +
    `HEAD spends ${m.httpFloorMicros.toFixed(0)} µs here (see "Machine bounds"): Node's HTTP stack and the one ` +
    `socket write per response are most of the cost. The rest is routing, the authorizer, the in-memory tag lookup, ` +
    `metrics and the access log (written in one batch per event-loop turn). The registry is one event loop, and the ` +
    `load generator shares the ${m.cpus} cores: it used ${clientCpuPerSecond.toFixed(2)} CPU-s per second` +
    (clientCpuPerSecond > 0.85 ? ' (saturated: the figure is partly bound by the client).' : '.')
  );
}

/** CLI start. */
export function cliStartBound(m: Machine, bundleMiB: string): string {
  return (
    `a bare \`node -e 0\` takes ${m.nodeStartMs.toFixed(0)} ms here. Profile of \`--version\`: compiling the ` +
    `${bundleMiB} MiB ESM bundle is ~25% (Node's compile cache, \`module.enableCompileCache()\`, cut 210-250 ms to ` +
    `165-200 ms in a local experiment), initialising every bundled dependency (oclif, undici, the publish and registry ` +
    `code) ~15-20%, although \`--version\` needs none of them.`
  );
}

/** Client push, gzip, cold. */
export function gzipBound(m: Machine): string {
  return (
    `zlib gzip level 6 compresses random bytes at ${m.gzipMiBs.toFixed(1)} MiB/s per core here ` +
    `(${(1024 / m.gzipMiBs / m.cpus).toFixed(0)} s per GiB on all ${m.cpus} cores), and the layers are all compressed ` +
    `to temp files before the first upload starts. skopeo's pgzip (klauspost/compress) stores incompressible blocks ` +
    `instead. Level 0 (stored deflate, valid gzip) runs at ~600 MiB/s: with it a 512 MiB push took 9.7 s instead of ` +
    `18.9 s in a local experiment.`
  );
}

/** Client push, uncompressed, cold. */
export function uncompressedBound(m: Machine): string {
  return (
    `the client hashes every layer on its main thread (sha256 ${mibs(m.sha256MiBs)} per core; ~25% of its profile) ` +
    `while the registry hashes and writes it: on ${m.cpus} cores the two share the CPU with nothing left to overlap.`
  );
}

/** Client re-push, warm, uncompressed. */
export const WARM_UNCOMPRESSED_BOUND =
  'the CLI start (see "CLI start") is most of it; the rest is one HEAD per blob and the manifest PUT.';

/** Client re-push, warm, gzip. */
export function warmGzipBound(m: Machine): string {
  return (
    'the client compresses every layer again to learn its gzip digest before it can ask whether the registry has ' +
    'it; skopeo remembers uncompressed → compressed digests in its blob-info cache and only HEADs. ' +
    gzipBound(m)
  );
}

/** Registry peak RSS. */
export function rssBound(idleMiB: number, peakMiB: number): string {
  return (
    `our registry idles at ${idleMiB.toFixed(0)} MiB right after start (a bare Node.js ~42 MiB; the rest is the ` +
    `whole CLI bundle, loaded for \`registry serve\`). The other ${(peakMiB - idleMiB).toFixed(0)} MiB are stream ` +
    `Buffers waiting for V8's next GC (the request's 64 KiB reads while receiving, the 1 MiB file reads while ` +
    `serving). A 1 MiB semi-space (\`--max-semi-space-size=1\`) cut the upload peak from 156 to 106 MiB in a local experiment.`
  );
}

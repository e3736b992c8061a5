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
    `hashing alone costs ${(1024 / m.sha256MiBs).toFixed(2)} CPU-s/GiB here. The registry gathers each upload's ` +
    `socket reads into 1 MiB buffers (one hash update and one file write per MiB), but every read still arrives as a ` +
    `new Buffer from Node's HTTP parser (16-64 KiB each), which V8 frees only at a GC, and with Node 24's io_uring ` +
    `the copy into the page cache runs on the event-loop thread (~25% of the upload profile, \`writeBuffer\`), ` +
    `where distribution's Go runtime spreads receiving, hashing and writing over threads. A bare Node server that ` +
    `receives, hashes and writes a streamed body costs ~3 CPU-s/GiB here: 0.6× distribution is at that floor.`
  );
}

/** Registry pull throughput. */
export function pullBound(oursCpuPerGiB: number, peerCpuPerGiB: number): string {
  return (
    `skopeo bounds the pull (it hashes and writes every blob, on the same cores); the registry spends ` +
    `${oursCpuPerGiB.toFixed(2)} CPU-s/GiB serving it against distribution's ${peerCpuPerGiB.toFixed(2)} (1 MiB ` +
    `reads into two reused buffers, one socket write each), so the registry is not what limits the rate.`
  );
}

/** Manifest HEAD/GET rate and latency. */
export function manifestBound(m: Machine, cpuMicros: number, clientCpuPerSecond: number): string {
  return (
    `the registry spends ${cpuMicros.toFixed(0)} µs of CPU per request, which caps one core near ` +
    `${Math.round(1e6 / cpuMicros).toLocaleString('en-US')} req/s. A bare \`node:http\` server answering the same ` +
    `HEAD spends ${m.httpFloorMicros.toFixed(0)} µs here (see "Machine bounds"); the rest is the registry's own work ` +
    `per request. A profile of a HEAD run (\`--profile\`): the socket write of the response ~33% (the floor has it ` +
    `too), the request observer (request id, metrics, access-log line, batched per event-loop turn) ~10%, routing, ` +
    `name checks and the authorizer ~12%, headers ~5%, the tag and manifest lookup (in memory) ~5%, GC ~7% (V8's ` +
    `young generation is kept small for the streaming-RSS target). The registry is one event loop, and the ` +
    `load generator shares the ${m.cpus} cores: it used ${clientCpuPerSecond.toFixed(2)} CPU-s per second` +
    (clientCpuPerSecond > 0.85 ? ' (saturated: the figure is partly bound by the client).' : '.')
  );
}

/** CLI start. */
export function cliStartBound(m: Machine, bundleMiB: string): string {
  return (
    `a bare \`node -e 0\` takes ${m.nodeStartMs.toFixed(0)} ms here. \`--version\` loads only oclif and the ` +
    `command classes (dist/cli.js, ${bundleMiB} MiB; each command imports its code from dist/chunks/ when it runs), ` +
    `with Node's compile cache on.`
  );
}

/** Client push, gzip, cold. */
export function gzipBound(m: Machine): string {
  return (
    `each layer is compressed straight into its upload, as skopeo does: one streamed PATCH per layer, hashed on the ` +
    `way, several layers at once, no temp file. The test layers are random bytes, which a 1 MiB sample shows do not ` +
    `compress, so they are written as stored gzip (level 0, valid gzip); zlib level 6 would run at ` +
    `${m.gzipMiBs.toFixed(1)} MiB/s per core here. What is left is the client hashing every byte twice (the layer ` +
    `against its digest, then the compressed bytes for theirs: sha256 ${mibs(m.sha256MiBs)} per core) plus the CRC ` +
    `of stored gzip, while the registry receives, hashes and writes it, on ${m.cpus} shared cores. With zlib's ` +
    `default 16 KiB output buffer (now 1 MiB) the same 1 GiB push cost about 10 client and 6.5 registry CPU-s ` +
    `instead of 6 and 4.5, in a local experiment.`
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
export function warmBound(m: Machine): string {
  return (
    `a bare \`node -e 0\` takes ${m.nodeStartMs.toFixed(0)} ms here. A warm re-push loads neither oclif (the ` +
    "launcher's fast path parses push's flags itself) nor undici (no blob body moves); over Node's own start it " +
    'reads the push path as one script (dist/fast-script.cjs, about 0.5 MB) with a V8 code cache written after an ' +
    'earlier run (about 15 ms on the development machine), then the built-ins it uses (node:crypto, node:http, streams: about 17 ms; ' +
    "they are not in Node's start-up snapshot). The work itself (the layout's index, manifest and config, a " +
    'ping, one HEAD per blob, the manifest PUT) is a few ms. A script that makes the same requests with node:http ' +
    'and nothing else takes about 2.5x skopeo on the development machine (bench/README.md, "Where the warm re-push ' +
    'stands against its floor" and "Where the 1 GiB warm re-push goes"). skopeo is one Go binary.'
  );
}

/** A plugin hook with nothing to do; `floorMs` is this run's `node -e 0`. */
export function idleHookBound(floorMs: number): string {
  return (
    `a bare \`node -e 0\` takes ${floorMs.toFixed(0)} ms here, so the target leaves ${Math.max(0, 100 - floorMs).toFixed(0)} ms ` +
    'for everything else. Over that start the hook spends: bash sourcing lib/hooks.bash (the hook that makes the ' +
    "job's state directory also asks the Node.js on PATH its version, a second process start; the job's later " +
    'hooks read the answer it left there), then the CLI reading the hook path as one ' +
    'script from its code cache (dist/fast-script.cjs), loading the built-ins it uses (streams for stdout, ' +
    "fs/promises) and setting up or reading the job's state. On the development machine, when `node -e 0` took " +
    '20 ms, each idle hook took 69–78 ms.'
  );
}

/** Client re-push, warm, gzip. */
export function warmGzipBound(m: Machine): string {
  return (
    `${warmBound(m)} With gzip, the blob-info cache (uncompressed → compressed digest, as skopeo's) spares ` +
    'compressing again, and reading the layers at all: the re-push makes the same requests as uncompressed.'
  );
}

/** Registry peak RSS. */
export function rssBound(idleMiB: number, peakMiB: number): string {
  return (
    `our registry idles at ${idleMiB.toFixed(0)} MiB right after start: a bare Node.js is ~42 MiB here (the node ` +
    `binary's own pages are 46 MiB of RSS in /proc/PID/smaps), the built-ins it needs (http, fs, crypto, streams) ` +
    `~10 MiB, its code the rest (\`registry serve\` runs without oclif or the client). The other ` +
    `${(peakMiB - idleMiB).toFixed(0)} MiB are upload Buffers waiting for V8's next collection: Node's HTTP parser hands ` +
    `over each socket read as a new Buffer, freed only by a GC (the launcher keeps the young generation small, ` +
    `\`--semi-space-growth-factor=1\`, which cut this part from ~85 to ~45 MiB, and an upload asks for a ` +
    `young-generation collection every 2 MiB received, which cut it to ~17 MiB). Downloads allocate nothing per chunk.`
  );
}

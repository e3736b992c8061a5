/**
 * Runs a measured command: wall time from spawn to exit, and the CPU seconds it and every
 * process it waited for used (bash's `times` builtin, printed by a wrapper after the command,
 * so no /usr/bin/time is needed). Output is captured for error messages and results.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchError } from './errors.js';

/** Options of {@link runTimed}. */
export interface RunOptions {
  /** The complete environment. Default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Killed (SIGKILL, with every process it started) after this long. Default 10 minutes. */
  readonly timeoutMs?: number;
  /** Resolve with a non-zero exit instead of throwing. Default false. */
  readonly allowFailure?: boolean;
  /**
   * Also measure the peak RSS (GNU time's `%M`: the largest of the command and the processes it
   * waited for). Default false; `peakRssMiB` is NaN without it or without `/usr/bin/time`.
   */
  readonly peakRss?: boolean;
}

/** What a run took. */
export interface TimedRun {
  readonly wallSeconds: number;
  /** User + system CPU seconds of the command and its waited-for descendants. */
  readonly cpuSeconds: number;
  /** Peak resident set size in MiB, when asked for ({@link RunOptions.peakRss}); NaN otherwise. */
  readonly peakRssMiB: number;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

const WRAPPER = '"$@"; status=$?; times > "$CP_BENCH_TIMES"; exit $status';
/** GNU time, for peak RSS; looked up once. */
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
/** True when runs can measure peak RSS (GNU time is installed); steps leave those figures out otherwise. */
export const PEAK_RSS = GNU_TIME !== undefined;
const KEEP = 64 * 1024;

/**
 * Runs `command args...` under `bash -c` and measures it.
 *
 * @throws BenchError `BENCH_COMMAND_FAILED` when it exits non-zero (unless `allowFailure`) or times
 *   out; the message ends with the tail of its stderr.
 */
export async function runTimed(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<TimedRun> {
  const dir = mkdtempSync(join(tmpdir(), 'cp-bench-times-'));
  const timesFile = join(dir, 'times');
  const rssFile = join(dir, 'rss');
  const env = { ...(options.env ?? process.env), CP_BENCH_TIMES: timesFile };
  const rss = options.peakRss === true && GNU_TIME !== undefined;
  const argv = rss ? [GNU_TIME, '-f', '%M', '-o', rssFile, command, ...args] : [command, ...args];
  const started = performance.now();
  try {
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
      // Its own process group, so a timeout kills the command too and not only its bash: a
      // command left running would hold the output pipes open and the run would never end.
      const child = spawn('bash', ['-c', WRAPPER, 'bench', ...argv], {
        env,
        cwd: options.cwd,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout = (stdout + chunk.toString()).slice(-KEEP)));
      child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-KEEP)));
      const timeoutMs = options.timeoutMs ?? 600_000;
      const timer = setTimeout(() => {
        stderr += `\n(bench: timed out after ${timeoutMs / 1000} s and killed)`;
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }, timeoutMs);
      child.once('error', reject);
      child.once('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
      });
    });
    const wallSeconds = (performance.now() - started) / 1000;
    if (result.code !== 0 && !options.allowFailure) {
      throw new BenchError(
        'BENCH_COMMAND_FAILED',
        `${command} ${args.join(' ')} exited ${result.code}:\n${tail(result.stderr || result.stdout)}`,
      );
    }
    const { stdout, stderr } = result;
    const peakRssMiB = rss ? peakKiB(rssFile) / 1024 : NaN;
    return {
      wallSeconds,
      cpuSeconds: childCpu(timesFile),
      peakRssMiB,
      exitCode: result.code,
      stdout,
      stderr,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The children line of `times` output (`0m1.250s 0m0.310s`) as seconds; NaN if absent. */
function childCpu(file: string): number {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return NaN;
  }
  const line = text.trim().split('\n')[1] ?? '';
  const parts = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return parts.length === 2 ? parts[0]! + parts[1]! : NaN;
}

/** GNU time's `%M` (KiB): the last line of its output file (a failed command adds a line first); NaN if absent. */
function peakKiB(file: string): number {
  try {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    return Number(lines[lines.length - 1]);
  } catch {
    return NaN;
  }
}

function tail(text: string, lines = 15): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * What Linux's /proc says about a running process: CPU time used (user + system, all threads)
 * and peak resident set size. Used on the registries, which run as separate processes so that
 * their figures hold nothing of the benchmark's own work.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

let ticks: number | undefined;

/** Clock ticks per second (`getconf CLK_TCK`; 100 when getconf is missing). */
function clockTicks(): number {
  if (ticks === undefined) {
    try {
      ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticks = 100;
    }
  }
  return ticks;
}

/**
 * CPU seconds (utime + stime from `/proc/PID/stat`) process `pid` has used so far, all threads
 * included; resolution one clock tick (10 ms). NaN when the process is gone.
 */
export function cpuSeconds(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch {
    return NaN;
  }
  // Field 2 (the command name) may hold spaces and parentheses: split after its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
  return (Number(fields[11]) + Number(fields[12])) / clockTicks();
}

/** Peak resident set size (`VmHWM` of `/proc/PID/status`) in MiB. NaN when the process is gone. */
export function peakRssMiB(pid: number): number {
  return statusKiB(pid, 'VmHWM') / 1024;
}

/** Current resident set size (`VmRSS`) in MiB. NaN when the process is gone. */
export function rssMiB(pid: number): number {
  return statusKiB(pid, 'VmRSS') / 1024;
}

/**
 * Resets the process's peak RSS to its current RSS (`echo 5 > /proc/PID/clear_refs`, Linux 4.0+),
 * so that a later {@link peakRssMiB} covers only what happened after. Returns false when the
 * kernel or permissions refuse; the peak then counts from the process's start.
 */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

function statusKiB(pid: number, field: string): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'latin1');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) : NaN;
  } catch {
    return NaN;
  }
}

/** PIDs whose parent is `pid` (`/proc/PID/task/PID/children`; empty when the kernel has no such file). */
export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'latin1')
      .trim()
      .split(/\s+/)
      .filter((p) => p !== '')
      .map(Number);
  } catch {
    return [];
  }
}

/** CPU seconds of `pid` and of its children that are running now (a cluster's workers). */
export function treeCpuSeconds(pid: number): number {
  return [pid, ...childPids(pid)].reduce((sum, p) => sum + (cpuSeconds(p) || 0), 0);
}

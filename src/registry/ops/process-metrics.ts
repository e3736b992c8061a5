import { readdir, readFile } from 'node:fs/promises';

/**
 * The process metrics Prometheus client libraries export under their standard names
 * (`process_*`, `nodejs_*`), so the usual dashboards work: CPU seconds, resident memory, V8 heap,
 * open and maximum file descriptors, start time. Linux figures (`/proc/self`) are left out where
 * `/proc` is missing.
 */
export async function processMetricLines(): Promise<string[]> {
  const lines: string[] = [];
  const gauge = (name: string, type: string, help: string, value: number): void => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${value}`);
  };
  const cpu = process.cpuUsage();
  gauge('process_cpu_user_seconds_total', 'counter', 'User CPU time spent in seconds.', cpu.user / 1e6);
  gauge('process_cpu_system_seconds_total', 'counter', 'System CPU time spent in seconds.', cpu.system / 1e6);
  gauge(
    'process_cpu_seconds_total',
    'counter',
    'Total user and system CPU time spent in seconds.',
    (cpu.user + cpu.system) / 1e6,
  );
  gauge(
    'process_start_time_seconds',
    'gauge',
    'Start time of the process since unix epoch in seconds.',
    Math.round(Date.now() / 1000 - process.uptime()),
  );
  const memory = process.memoryUsage();
  gauge('process_resident_memory_bytes', 'gauge', 'Resident memory size in bytes.', memory.rss);
  gauge(
    'nodejs_heap_size_total_bytes',
    'gauge',
    'Process heap size from Node.js in bytes.',
    memory.heapTotal,
  );
  gauge(
    'nodejs_heap_size_used_bytes',
    'gauge',
    'Process heap size used from Node.js in bytes.',
    memory.heapUsed,
  );
  gauge(
    'nodejs_external_memory_bytes',
    'gauge',
    'Node.js external memory size in bytes (buffers).',
    memory.external,
  );
  const fds = await readdir('/proc/self/fd').catch(() => undefined);
  // The directory read itself holds one descriptor.
  if (fds !== undefined)
    gauge('process_open_fds', 'gauge', 'Number of open file descriptors.', fds.length - 1);
  const limits = await readFile('/proc/self/limits', 'utf8').catch(() => '');
  const max = /^Max open files\s+(\d+)/m.exec(limits)?.[1];
  if (max !== undefined)
    gauge('process_max_fds', 'gauge', 'Maximum number of open file descriptors.', Number(max));
  return lines;
}

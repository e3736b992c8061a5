/** The integration test harness: real daemons and tools, hermetic and cleaned up. */
export * from './clean-env.js';
export * from './containers.js';
export * from './distribution.js';
export * from './dockerd.js';
export * from './errors.js';
export * from './htpasswd.js';
export * from './mounts.js';
export * from './pids.js';
export * from './ports.js';
export * from './process-registry.js';
export * from './processes.js';
export * from './registry-http.js';
export * from './run.js';
export * from './system-paths.js';
export * from './temp-dir.js';
export * from './tools.js';
export * from './wait.js';

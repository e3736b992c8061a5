import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/setup.ts'],
    clearMocks: true,
    restoreMocks: true,
    // Integration tests start real daemons; unit tests stay well under a second each.
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Two cores: keep real-client integration tests from fighting over them.
    maxWorkers: 2,
    reporters: ['default'],
  },
});

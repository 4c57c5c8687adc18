import { defineConfig } from 'vitest/config';

/**
 * Browser tests (`pnpm test:e2e`): the built dashboard, served by the real API on demo data,
 * driven through Debian's Chromium. One file at a time, one Panorama for all (global setup).
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});

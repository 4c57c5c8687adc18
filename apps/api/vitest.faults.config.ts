import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * The fault tests (`pnpm test:faults`): real server processes on real PostgreSQL, with faults
 * injected. One file at a time, so that no test's load skews another's latencies.
 */
export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS build for Pothos and Apollo; the tests must use the same one.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['faults/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});

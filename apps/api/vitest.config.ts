import { createRequire } from 'node:module';
import { configDefaults, defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS build for Pothos and Apollo; the tests must use the same one.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    // The fault tests run apart: `pnpm test:faults` (vitest.faults.config.ts).
    exclude: [...configDefaults.exclude, 'faults/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

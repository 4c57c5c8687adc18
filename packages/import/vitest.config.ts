import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // A fresh database (migrations, reference data) takes a few seconds on a busy machine.
    hookTimeout: 60_000,
  },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** The API (apps/api) in development; the built dashboard is served by the API itself. */
const apiOrigin = 'http://localhost:4000';
const apiProxy = {
  '/graphql': apiOrigin,
  '/healthz': apiOrigin,
  '/readyz': apiOrigin,
  '/api': apiOrigin,
};

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: apiProxy,
  },
  preview: {
    port: 4173,
    proxy: apiProxy,
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
    // Some DOM tests render the whole dashboard several times (2–3 s here): room for a busy machine.
    testTimeout: 15_000,
  },
});

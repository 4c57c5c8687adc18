/**
 * Loaded (`--import`, with `--expose-gc`) into the server processes the fault tests start, never
 * into a real one: on SIGUSR2 it collects garbage, then writes the memory still in use as one
 * line on standard error, so that a test can compare the live heap before and after.
 */
process.on('SIGUSR2', () => {
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, external, arrayBuffers, rss } = process.memoryUsage();
  process.stderr.write(`[memory-probe] ${JSON.stringify({ heapUsed, external, arrayBuffers, rss })}\n`);
});

import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Loaded (`--import`, with `--expose-gc`) into the server processes the fault tests start, never
 * into a real one: on SIGUSR2 it collects garbage, then writes the memory still in use as one
 * line on standard error, so that a test can compare the live heap before and after. V8 frees
 * the memory of dead ArrayBuffers (Node's Buffers) on a background thread after a collection:
 * the probe collects twice, with a pause for that thread, before it reads the figures.
 */
process.on('SIGUSR2', async () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let round = 0; round < 2; round++) {
    gc?.();
    await sleep(100);
  }
  const { heapUsed, external, arrayBuffers, rss } = process.memoryUsage();
  process.stderr.write(`[memory-probe] ${JSON.stringify({ heapUsed, external, arrayBuffers, rss })}\n`);
});

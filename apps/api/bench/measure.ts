import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { ApiProcess } from './api-process';

export interface Latency {
  median: number;
  p95: number;
}

export function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

/** Median and p95 of `runs` runs of `task`, one at a time, after one run to warm up. */
export async function timeRuns(runs: number, task: () => Promise<unknown>): Promise<Latency> {
  await task();
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await task();
    samples.push(performance.now() - start);
  }
  return { median: quantile(samples, 0.5), p95: quantile(samples, 0.95) };
}

/** POSTs a query as the dashboard does; resolves with what the response cache did, throws on any error. */
export async function askGraphql(url: string, token: string, query: string): Promise<string | null> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: { message: string }[] };
  if (!response.ok || body.errors) {
    throw new Error(`HTTP ${response.status}: ${body.errors?.[0]?.message ?? 'no message'}`);
  }
  return response.headers.get('x-panorama-cache');
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** The API process's largest resident memory seen during the run (sampled every 250 ms), in MB. */
  maxRssMb: number;
}

/** `connections` clients sending `query` back to back for `seconds`, against a running API process. */
export async function loadTest(
  api: ApiProcess,
  token: string,
  query: string,
  { connections, seconds }: { connections: number; seconds: number },
): Promise<LoadResult> {
  let maxRssMb = api.rssMb();
  const sampler = setInterval(() => {
    maxRssMb = Math.max(maxRssMb, api.rssMb());
  }, 250);
  try {
    const result = await autocannon({
      url: `${api.url}/graphql`,
      method: 'POST',
      connections,
      duration: seconds,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    maxRssMb = Math.max(maxRssMb, api.rssMb());
    return {
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      requests: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      maxRssMb,
    };
  } finally {
    clearInterval(sampler);
  }
}

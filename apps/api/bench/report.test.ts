import { describe, expect, it } from 'vitest';
import type { QueryName } from './bench-queries';
import { benchReport, benchTargets, type LatencyLine, type LoadLine } from './report';

const latency = (median: number, p95: number) => ({ median, p95 });

function line(contributions: number, query: QueryName, cold: [number, number], sqlMedian = 1_000): LatencyLine {
  return {
    dataset: `PostgreSQL ${contributions.toLocaleString('en')}`,
    contributions,
    query,
    cold: latency(...cold),
    coldCpu: { api: 1, postgres: 1 },
    warm: latency(1, 2),
    sql: latency(sqlMedian, sqlMedian),
  };
}

function load(
  cache: 'on' | 'off',
  requestsPerSecond: number,
  p99: number,
  more: Partial<LoadLine['result']> = {},
): LoadLine {
  return {
    dataset: 'PostgreSQL 1,000,000',
    contributions: 1_000_000,
    query: 'overview',
    cache,
    result: { requestsPerSecond, p50: 1, p99, requests: 100, non2xx: 0, errors: 0, maxRssMb: 150, ...more },
    cpu: { api: 1, postgres: null },
  };
}

const marked = (lines: string[], text: string) => {
  const found = lines.filter((entry) => entry.includes(text));
  expect(found, text).toHaveLength(1);
  return found[0]?.slice(2, 3);
};

describe('the benchmark’s targets', () => {
  it('are met at their bounds and missed just past them', () => {
    const met = benchTargets(
      [line(1_000_000, 'overview', [15, 40]), line(1_000_000, 'panorama', [15.01, 40], 150.1)],
      [load('on', 1_500, 100), load('off', 300, 900, { maxRssMb: 299.9 })],
    );
    expect(marked(met, '`overview` at 1,000,000')).toBe('✓');
    expect(marked(met, '`panorama` at 1,000,000')).toBe('✗');
    // 150.1 / 15.01 is just past 10×: met.
    expect(marked(met, 'every query ≥ 10×')).toBe('✓');
    expect(marked(met, 'cache on: 1500 req/s')).toBe('✓');
    expect(marked(met, 'cache off: 300 req/s')).toBe('✓');
    expect(marked(met, 'cache off: API RSS')).toBe('✓');

    const missed = benchTargets(
      [line(1_000_000, 'overview', [10, 40.1], 99)],
      [load('on', 1_499, 100), load('off', 400, 90, { non2xx: 1, maxRssMb: 300 })],
    );
    expect(marked(missed, '`overview` at 1,000,000')).toBe('✗');
    expect(marked(missed, 'every query ≥ 10×')).toBe('✗');
    expect(marked(missed, 'cache on: 1499 req/s')).toBe('✗');
    // Fast enough, but one answer was not 2xx.
    expect(marked(missed, 'cache off: 400 req/s')).toBe('✗');
    expect(marked(missed, 'cache off: API RSS')).toBe('✗');
  });

  it('ask 10M to be no more than twice 1M, median and p95 both', () => {
    const within = benchTargets([line(1_000_000, 'overview', [10, 20]), line(10_000_000, 'overview', [20, 40])], []);
    expect(marked(within, '`overview` at 10,000,000')).toBe('✓');
    const past = benchTargets([line(1_000_000, 'overview', [10, 20]), line(10_000_000, 'overview', [20, 40.1])], []);
    expect(marked(past, '`overview` at 10,000,000')).toBe('✗');
  });

  it('judge only the overview under load: the request for no data is not a target', () => {
    const lines = benchTargets([], [{ ...load('on', 10, 900), query: '`{ __typename }`' }]);
    expect(lines).toEqual([]);
  });
});

describe('docs/benchmarks.md', () => {
  it('holds the command, the machine, both tables and the targets', () => {
    const report = benchReport({
      command: 'pnpm bench --sizes 1000000',
      about: { cores: '2' },
      settings: { runs: 30, warmup: 20, sqlRuns: 10, duration: 30, loadWarmup: 5, connections: 50 },
      latencies: [line(1_000_000, 'overview', [12.345, 20])],
      loads: [load('on', 2_000, 50)],
      seeding: [{ dataset: 'PostgreSQL 1,000,000', seconds: 25.44 }],
    });
    expect(report).toContain('Command: `pnpm bench --sizes 1000000`');
    expect(report).toContain('| cores | 2 |');
    expect(report).toContain(
      '| PostgreSQL 1,000,000 | overview | 12.3 | 20.0 | 1.00 | 1.00 | 1.00 | 2.00 | 1000.0 | 1000.0 | 81.0× |',
    );
    expect(report).toContain(
      '| PostgreSQL 1,000,000 | overview | on | 2000 | 1 | 50 | 100 | 0 | 0 | 150 MB | 1.00 | — |',
    );
    expect(report).toContain('## Latency (ms; 30 requests per query, raw SQL 10 runs)');
    expect(report).toContain('## Throughput (50 connections, 30 s after 5 s not counted)');
    expect(report).toContain('- ✓ `overview` at 1,000,000, cache off: median 12.3 ms (≤ 15), p95 20.0 ms (≤ 40)');
    expect(report).toContain('- PostgreSQL 1,000,000: 25.4 s');
  });
});

import pg from 'pg';

/**
 * The same fixed work timed on every machine, so that benchmark runs on different machines (or on
 * one machine on a busy day) can be compared: a run's figures scale with these.
 */

const ROUNDS = 5;

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** JavaScript work like the API's: objects built, written to JSON and read back, numbers sorted. */
function javascriptWork(): number {
  let seed = 42;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  const rows = Array.from({ length: 50_000 }, (_, index) => ({
    id: index,
    code: `R${next() % 1000}`,
    value: (next() / 100).toFixed(2),
  }));
  const parsed = JSON.parse(JSON.stringify(rows)) as typeof rows;
  const numbers = Array.from({ length: 200_000 }, next).sort((a, b) => a - b);
  return parsed.length + numbers.length;
}

/** Median milliseconds of the fixed JavaScript work, in this process (after one run not counted). */
export function javascriptReferenceMs(): number {
  javascriptWork();
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    javascriptWork();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Median milliseconds of a fixed aggregate in PostgreSQL (numeric sums over generated rows). */
export async function postgresReferenceMs(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const work = 'SELECT sum(i::numeric), count(DISTINCT i % 1000) FROM generate_series(1, 500000) AS i';
    await client.query(work);
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      await client.query(work);
      times.push(performance.now() - started);
    }
    return median(times);
  } finally {
    await client.end();
  }
}

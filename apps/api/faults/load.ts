/** One request's fate, as a client sees it. */
export interface Outcome {
  /** When it was sent (ms since the test's clock started) and how long it took. */
  at: number;
  ms: number;
  /** The HTTP status, or undefined when no response came (refused connection, reset, timeout). */
  status?: number;
  /** OK when it succeeded; else the GraphQL error code, or the network failure (ECONNREFUSED, RESET, TIMEOUT…). */
  code: string;
  message?: string;
  body?: GraphQLBody;
  /** What the response cache did (the `x-panorama-cache` header), when it said. */
  cache?: string;
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const clockStart = performance.now();

/** Milliseconds since the test process's clock started. */
export function now(): number {
  return performance.now() - clockStart;
}

function networkCode(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'TIMEOUT';
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  if (cause?.code === 'ECONNREFUSED') return 'ECONNREFUSED';
  // The server closed the connection before answering: a reset, an "other side closed".
  return 'CONNECTION_CLOSED';
}

export interface RequestOptions {
  token?: string;
  variables?: Record<string, unknown>;
  /** A request that takes longer counts as a hang: code TIMEOUT. */
  timeoutMs?: number;
  headers?: Record<string, string>;
}

/** POSTs a GraphQL document and says what came back. */
export async function graphql(url: string, query: string, options: RequestOptions = {}): Promise<Outcome> {
  const at = now();
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ query, variables: options.variables }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const text = await response.text();
    let body: GraphQLBody | undefined;
    try {
      body = JSON.parse(text) as GraphQLBody;
    } catch {
      body = undefined;
    }
    const error = body?.errors?.[0];
    return {
      at,
      ms: now() - at,
      status: response.status,
      code: error ? (error.extensions?.code ?? 'UNKNOWN') : response.ok && body ? 'OK' : `HTTP_${response.status}`,
      message: error?.message ?? (body ? undefined : text.slice(0, 200)),
      body,
      cache: response.headers.get('x-panorama-cache') ?? undefined,
    };
  } catch (error) {
    return { at, ms: now() - at, code: networkCode(error), message: String((error as Error).message) };
  }
}

/** Sends `request` again and again from `concurrency` loops until `stop()`; keeps every outcome. */
export function startLoad(concurrency: number, request: (worker: number) => Promise<Outcome>) {
  const outcomes: Outcome[] = [];
  let running = true;
  const workers = Array.from({ length: concurrency }, async (_, worker) => {
    while (running) {
      const outcome = await request(worker);
      outcomes.push(outcome);
      // A refused connection answers at once: do not spin.
      if (outcome.code !== 'OK' && outcome.ms < 5) await sleep(5);
    }
  });
  return {
    outcomes,
    async stop(): Promise<Outcome[]> {
      running = false;
      await Promise.all(workers);
      return outcomes;
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

export interface Summary {
  total: number;
  ok: number;
  /** Outcomes by code (OK included). */
  byCode: Record<string, number>;
  p50: number;
  p95: number;
  max: number;
}

export function summarize(outcomes: Outcome[]): Summary {
  const byCode: Record<string, number> = {};
  for (const outcome of outcomes) byCode[outcome.code] = (byCode[outcome.code] ?? 0) + 1;
  const times = outcomes.map((outcome) => outcome.ms);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    total: outcomes.length,
    ok: byCode.OK ?? 0,
    byCode,
    p50: round(percentile(times, 0.5)),
    p95: round(percentile(times, 0.95)),
    max: round(Math.max(...times)),
  };
}

/** Prints a measured figure under a label, for the test's output. */
export function report(label: string, figures: unknown): void {
  console.log(`[faults] ${label}: ${JSON.stringify(figures)}`);
}

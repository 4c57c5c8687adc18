import { request } from 'node:http';

/** The contributions file's header (the import format of the README). */
const HEADER =
  'external_ref,date,amount_usd,income_stream,kind,partner_ref,partner_name,partner_type,region_code,country_iso3,objective_code,partnership_ref\n';
const STREAMS = ['INDIVIDUAL_GIVING', 'CORPORATE', 'FOUNDATION', 'HNWI'] as const;
const PARTNER_TYPES = ['GIVING_CHANNEL', 'CORPORATION', 'FOUNDATION', 'HNWI'] as const;
/** Bureaux only, no country: every row is valid whatever the country's bureau on its date. */
const REGIONS = ['RBB', 'RBC', 'RBD', 'RBJ', 'RBN', 'RBP', 'HQ'] as const;
const OBJECTIVES = ['INC_GROWTH', 'INC_FLEXIBLE'] as const;
const ROWS_PER_CHUNK = 2_000;

export interface ContributionsFile {
  /** Rows (contributions) in the file. */
  rows: number;
  /** Put before every external ref: `<prefix>-C-<n>` for contributions, `<prefix>-P-<n>` for partners. */
  prefix: string;
  /** Contributions per partner (about). */
  rowsPerPartner?: number;
}

/** Partners a file names: every partner has at least one row. */
export function partnersOf({ rows, rowsPerPartner = 20 }: ContributionsFile): number {
  return Math.max(1, Math.floor(rows / rowsPerPartner));
}

/** The sum of the file's amounts, in cents (exact), to compare with the database's. */
export function totalCentsOf(file: ContributionsFile): bigint {
  let total = 0n;
  for (let i = 0; i < file.rows; i++) total += BigInt(centsOf(i));
  return total;
}

const centsOf = (i: number) => ((i * 7_919) % 5_000_000) + 100;

/**
 * A valid contributions file, generated as it is read, in chunks of a few thousand rows: the
 * same `prefix` and `rows` always give the same bytes.
 */
export function* contributionsChunks(file: ContributionsFile): Generator<Buffer> {
  const partners = partnersOf(file);
  let chunk = HEADER;
  for (let i = 0; i < file.rows; i++) {
    const partner = i % partners;
    const day = (i * 37) % 2_922; // 2019-01-01 … 2026-12-31
    const date = new Date(Date.UTC(2019, 0, 1 + day)).toISOString().slice(0, 10);
    const cents = centsOf(i);
    const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
    chunk += `${file.prefix}-C-${i},${date},${amount},${STREAMS[partner % STREAMS.length]},${i % 10 === 0 ? 'IN_KIND' : 'CASH'},${file.prefix}-P-${partner},Partner ${file.prefix} ${partner},${PARTNER_TYPES[partner % PARTNER_TYPES.length]},${REGIONS[partner % REGIONS.length]},,${OBJECTIVES[i % 2]},\n`;
    if ((i + 1) % ROWS_PER_CHUNK === 0) {
      yield Buffer.from(chunk);
      chunk = '';
    }
  }
  if (chunk) yield Buffer.from(chunk);
}

export interface UploadResult {
  /** The HTTP status, or undefined when the connection failed before an answer. */
  status?: number;
  body?: {
    status?: string;
    counts?: { inserted: number; updated: number; unchanged: number; rejected: number };
    partnersCreated?: number;
    importId?: number;
    error?: string;
  };
  /** The network failure, when no answer came. */
  error?: string;
  /** Bytes of the file the server took before the answer or the failure. */
  sentBytes: number;
  /** Whether the whole file was sent. */
  complete: boolean;
}

export interface UploadOptions {
  token: string;
  /** The file's name, recorded in `imports`. */
  name: string;
  /** Called before each chunk is written, with the bytes sent so far; may wait (to pause the upload). */
  beforeChunk?: (sentBytes: number) => void | Promise<void>;
  /** Called once the whole body has been handed to the connection. */
  onSent?: () => void;
  timeoutMs?: number;
}

/**
 * POSTs a CSV file to `/api/import/contributions`, streamed chunk by chunk as the server takes
 * it (`Transfer-Encoding: chunked`), and says what came back: the answer, or how the connection
 * failed and how far the upload got.
 */
export function uploadContributions(
  url: string,
  chunks: Iterable<Buffer>,
  { token, name, beforeChunk, onSent, timeoutMs = 120_000 }: UploadOptions,
): Promise<UploadResult> {
  return new Promise((resolve) => {
    let sentBytes = 0;
    let complete = false;
    let settled = false;
    const settle = (result: Omit<UploadResult, 'sentBytes' | 'complete'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, sentBytes, complete });
    };
    const target = new URL(`/api/import/contributions?name=${encodeURIComponent(name)}`, url);
    const outgoing = request(target, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
    });
    const timer = setTimeout(() => {
      outgoing.destroy(new Error('TIMEOUT'));
    }, timeoutMs);
    outgoing.on('error', (error: NodeJS.ErrnoException) => settle({ error: error.code ?? error.message }));
    outgoing.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (part: string) => {
        text += part;
      });
      response.on('error', (error: NodeJS.ErrnoException) => settle({ error: error.code ?? error.message }));
      response.on('end', () => {
        try {
          settle({ status: response.statusCode, body: JSON.parse(text) as UploadResult['body'] });
        } catch {
          settle({ status: response.statusCode, error: `not JSON: ${text.slice(0, 200)}` });
        }
      });
    });
    void (async () => {
      try {
        for (const chunk of chunks) {
          await beforeChunk?.(sentBytes);
          if (settled || outgoing.destroyed) return;
          if (!outgoing.write(chunk)) {
            await new Promise<void>((drained) => {
              const done = () => {
                outgoing.off('drain', done);
                outgoing.off('close', done);
                drained();
              };
              outgoing.on('drain', done);
              outgoing.on('close', done);
            });
          }
          sentBytes += chunk.length;
        }
        if (settled || outgoing.destroyed) return;
        complete = true;
        outgoing.end(() => onSent?.());
      } catch (error) {
        outgoing.destroy(error as Error);
      }
    })();
  });
}

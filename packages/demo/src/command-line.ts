/** Parsing and printing shared by the seed and bench commands. */

/** A mistake in the command line: reported in one line, with the usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface SeedArguments {
  contributions?: number;
  seed?: number;
  reset: boolean;
  help: boolean;
}

function wholeNumber(flag: string, text: string | undefined): number {
  const value = Number((text ?? '').replace(/[_,]/g, ''));
  if (text === undefined || text.trim() === '' || !Number.isSafeInteger(value) || value < 0) {
    throw new UsageError(`${flag} needs a whole number, got ${text === undefined ? 'nothing' : `"${text}"`}`);
  }
  return value;
}

/** `--contributions N`, `--seed S` (or `--flag=value`), `--reset`, `--help`. */
export function parseSeedArguments(argv: readonly string[]): SeedArguments {
  const parsed: SeedArguments = { reset: false, help: false };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string;
    if (argument === '--') continue;
    const [flag, inline] = argument.startsWith('--') ? argument.split(/=(.*)/s, 2) : [argument, undefined];
    const value = () => (inline !== undefined ? inline : argv[++index]);
    switch (flag) {
      case '--contributions':
        parsed.contributions = wholeNumber(flag, value());
        break;
      case '--seed':
        parsed.seed = wholeNumber(flag, value());
        break;
      case '--reset':
        parsed.reset = true;
        break;
      case '--help':
      case '-h':
        parsed.help = true;
        break;
      default:
        throw new UsageError(`unknown argument "${argument}"`);
    }
  }
  return parsed;
}

/** "850 ms", "21.3 s", "2 min 5 s". */
export function formatDuration(milliseconds: number): string {
  if (milliseconds < 1_000) return `${Math.round(milliseconds)} ms`;
  if (milliseconds < 60_000) return `${(milliseconds / 1_000).toFixed(1)} s`;
  const seconds = Math.round(milliseconds / 1_000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

export const formatCount = (value: number) => value.toLocaleString('en-US');

/** "12,345.67" from a decimal string such as "12345.67". */
export function formatAmount(decimal: string): string {
  const [whole = '0', fraction] = decimal.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** host:port/database of a connection string, without the credentials. */
export function describeServer(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the PostgreSQL of DATABASE_URL';
  }
}

/** The innermost cause of an error: drizzle wraps the driver's error in its own ("Failed query: …"). */
export function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 10 && current instanceof Error && current.cause !== undefined; depth++) {
    current = current.cause;
  }
  return current;
}

/** PostgreSQL's own errors (permission denied, database does not exist…) carry a five-character SQLSTATE. */
export function isServerError(error: unknown): boolean {
  const code = (rootCause(error) as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

/** An error's message on one line; `unwrap` reads its innermost cause instead. */
export function oneLine(error: unknown, unwrap = true): string {
  const shown = unwrap ? rootCause(error) : error;
  const message = shown instanceof Error ? shown.message : String(shown);
  return message.replace(/\s*\n\s*/g, ' ');
}

import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { RequestHandler } from 'express';
import { type DestinationStream, type LevelWithSilent, type Logger, pino } from 'pino';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The header that carries a request's id, in and out. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** An incoming request id is kept when it looks like one (a UUID, a trace id…); anything else is replaced. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fields never written, wherever they appear in a logged object. */
const SECRET_FIELDS = ['password', 'token', 'authorization', 'cookie', 'headers', 'variables'];

/**
 * Secrets that may hide in free text (an error message, a driver's message): the API's token
 * and session secrets, Bearer credentials, a password in a connection string, and the
 * parameters drizzle appends to a failed query.
 */
const SECRET_TEXT: [RegExp, string][] = [
  [/\bpan_[a-z]_[A-Za-z0-9_-]+/g, 'pan_*_[redacted]'],
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^:/\s@]+:)[^@\s]+@/gi, '$1[redacted]@'],
  [/\b(Bearer|Basic)\s+\S+/gi, '$1 [redacted]'],
  [/\bparams: [\s\S]*$/, 'params: [redacted]'],
  [/(password\s*[=:]\s*)\S+/gi, '$1[redacted]'],
];

/** `text` with anything that looks like a secret replaced. */
export function redactSecrets(text: string): string {
  return SECRET_TEXT.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}

/** An error as a log line shows it: its kind, code and message (secrets removed), and where it was thrown. */
function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: redactSecrets(String(error)) };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: redactSecrets(error.message),
    ...(error.stack ? { stack: redactSecrets(error.stack) } : {}),
    ...(error.cause !== undefined ? { cause: serializeError(error.cause) } : {}),
  };
}

export interface LoggerOptions {
  level?: LevelWithSilent;
  /** Where the JSON lines go; standard output by default. */
  destination?: DestinationStream;
}

/** The server's logger: one JSON object per line, with an ISO time and the level's name. */
export function createLogger({ level = 'info', destination }: LoggerOptions = {}): Logger {
  return pino(
    {
      name: 'panorama',
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: serializeError, error: serializeError },
      redact: { paths: SECRET_FIELDS.flatMap((field) => [field, `*.${field}`]), censor: '[redacted]' },
      hooks: {
        // Free-text messages are scrubbed too: error messages may quote what a client sent.
        logMethod(args, method) {
          method.apply(
            this,
            args.map((argument) => (typeof argument === 'string' ? redactSecrets(argument) : argument)) as typeof args,
          );
        },
      },
    },
    destination,
  );
}

/** A logger that hands each line's message to `write`: for callers that want plain text. */
export function textLogger(write: (message: string) => void, level: LevelWithSilent = 'info'): Logger {
  return createLogger({
    level,
    destination: {
      write(line: string) {
        const { msg } = JSON.parse(line) as { msg?: string };
        if (msg) write(msg);
      },
    },
  });
}

/** The logger of one request: a child with its id, made the first time something is logged. */
class RequestLogger {
  #child: Logger | undefined;
  constructor(
    private readonly parent: Logger,
    readonly id: string,
  ) {}
  get logger(): Logger {
    this.#child ??= this.parent.child({ reqId: this.id });
    return this.#child;
  }
}

const requestLoggers = new AsyncLocalStorage<RequestLogger>();
const loggerOfRequest = new WeakMap<IncomingMessage, RequestLogger>();

/** The logger of the request being served (its lines carry the request id), else `fallback`. */
export function currentLogger(fallback: Logger): Logger {
  return requestLoggers.getStore()?.logger ?? fallback;
}

/** The id a request goes by: the caller's own `x-request-id` when it is sane, else a new UUID. */
export function requestIdFor(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}

/** A URL's path, without the query string (which may carry a GET request's variables). */
function pathOf(url: string | undefined): string {
  return (url ?? '').split('?')[0] ?? '';
}

/** The path a request was sent to (Express shortens `url` inside a mounted router). */
function requestPath(request: IncomingMessage): string {
  return pathOf((request as IncomingMessage & { originalUrl?: string }).originalUrl ?? request.url);
}

/** Probes, called every few seconds: `/readyz` logs its own changes of state. */
const HEALTH_PROBE = /^\/(healthz|readyz)$/;

/**
 * Logging of every request: an id (sent back as `x-request-id`), a child logger that puts it on
 * each line written while the request is served, and one line when the response is done or cut
 * short (method, path, status, time; an error for a 5xx or a response never finished), except
 * for health probes.
 */
export function requestLogging(logger: Logger): RequestHandler {
  return (request, response, next) => {
    const started = performance.now();
    const log = new RequestLogger(logger, requestIdFor(request.headers[REQUEST_ID_HEADER]));
    response.setHeader(REQUEST_ID_HEADER, log.id);
    loggerOfRequest.set(request, log);
    response.once('close', () => {
      const path = requestPath(request);
      if (HEALTH_PROBE.test(path)) return;
      const finished = response.writableFinished;
      const { statusCode } = response;
      const level = !finished || statusCode >= 500 ? 'error' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      log.logger[level](
        {
          req: { method: request.method, path },
          res: { statusCode },
          responseTime: Math.round(performance.now() - started),
        },
        `${request.method} ${path} ${statusCode}${finished ? '' : ' (failed or cut short)'}`,
      );
    });
    requestLoggers.run(log, next);
  };
}

/**
 * Runs the rest of the chain in the request's logging context: needed after a body parser, whose
 * callbacks run outside the context the request started in.
 */
export const keepRequestLogger: RequestHandler = (request, _response, next) => {
  const log = loggerOfRequest.get(request);
  if (log) requestLoggers.run(log, next);
  else next();
};

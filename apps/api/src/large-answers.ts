import type { ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import type { LargeAnswerTurn } from './context';

/** How many large answers a process builds and sends at once, and how long the others wait. */
export interface LargeAnswerSettings {
  /** An answer of more rows than this is large. */
  rows: number;
  /** Large answers built and sent at once. */
  slots: number;
  /** Longest a large answer waits for its turn before it is refused as busy. */
  maxWaitMs: number;
}

/**
 * A `metrics` answer of 20,000 rows takes about a second of the server's one thread and well
 * over 100 MB until it is sent; a dozen at once held over 1 GB and starved the others'
 * database connections. Two at a time keep both bounded; the rest wait their turn.
 */
export const DEFAULT_LARGE_ANSWERS: LargeAnswerSettings = { rows: 2_000, slots: 2, maxWaitMs: 30_000 };

export const BUSY_MESSAGE =
  'The server is busy building other large answers. Try again in a few seconds, or ask for fewer rows.';

/** Refused after waiting `maxWaitMs`: answered 503 with Retry-After, as a temporary refusal. */
export function busyError(): GraphQLError {
  return new GraphQLError(BUSY_MESSAGE, { extensions: { code: 'SERVICE_UNAVAILABLE' } });
}

/**
 * Lets `slots` large answers be built and sent at a time in this process; the others wait in
 * the order they came, each for up to `maxWaitMs`, then are refused. An answer frees its slot
 * once it is sent (or its client has gone).
 */
export class LargeAnswerGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly settings: LargeAnswerSettings = DEFAULT_LARGE_ANSWERS) {}

  /** Resolves, once it is this answer's turn, with the function that frees its slot (once). */
  enter(): Promise<() => void> {
    if (this.running < this.settings.slots) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const admit = () => {
        clearTimeout(timer);
        this.running++;
        resolve(this.releaser());
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(admit), 1);
        reject(busyError());
      }, this.settings.maxWaitMs);
      this.waiting.push(admit);
    });
  }

  /** Answers being built or sent, and answers waiting. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      this.waiting.shift()?.();
    };
  }
}

/** The turn of the request `response` answers: its slot is freed once the response is sent or its client has gone. */
export function turnOf(gate: LargeAnswerGate, response: ServerResponse): LargeAnswerTurn {
  return {
    gate,
    whenSent: (release) => {
      if (response.closed) release();
      else response.once('close', release);
    },
  };
}

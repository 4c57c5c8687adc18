import type { PGlite } from '@electric-sql/pglite';

/**
 * Work that runs one item per turn of the event loop, in the order it was asked for.
 *
 * The embedded database runs each statement on the event loop's own thread, and resolves it
 * in promise callbacks, which run before the loop goes back to its sockets. Statements that
 * follow one another that way (a request's next statement, another request's) keep the loop
 * from its sockets for as long as there are any; and Node accepts at most one new connection
 * per turn of the loop. Under load, a busy embedded server took turns of about a second, so it
 * accepted about one new connection a second: 50 clients arriving together waited up to 10 s
 * for their first answer, while the requests it had read took 1 s. With one statement per
 * turn, a turn takes as long as one statement and what it leads to.
 */
export class LoopTurns {
  readonly #waiting: (() => Promise<void>)[] = [];
  #scheduled = false;

  /** Runs `work` at its turn: once everything asked for before it is done, in a turn of its own. */
  take<T>(work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push(() => work().then(resolve, reject));
      this.#schedule();
    });
  }

  /** How many are waiting for their turn (the one running not counted). */
  get waiting(): number {
    return this.#waiting.length;
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    // Run from the loop's check phase, a callback scheduled there waits for the next turn.
    setImmediate(this.#next);
  }

  readonly #next = (): void => {
    const work = this.#waiting.shift();
    if (!work) {
      this.#scheduled = false;
      return;
    }
    void work().finally(() => {
      this.#scheduled = false;
      if (this.#waiting.length > 0) this.#schedule();
    });
  };
}

/** What drizzle's PGlite driver calls on its client. */
type PgliteClient = Pick<PGlite, 'query' | 'transaction'>;

/**
 * The client drizzle is given: `pglite`'s statements and transactions, one per turn of the
 * event loop ({@link LoopTurns}). A transaction is one turn: its own statements run in it.
 */
export function takingTurns(pglite: PGlite, turns = new LoopTurns()): PgliteClient {
  return {
    query: (...args: Parameters<PGlite['query']>) => turns.take(() => pglite.query(...args)),
    transaction: (work) => turns.take(() => pglite.transaction(work)),
  } as PgliteClient;
}

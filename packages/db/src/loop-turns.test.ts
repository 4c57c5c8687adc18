import type { AddressInfo } from 'node:net';
import { connect, createServer, type Server } from 'node:net';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from './client';
import { LoopTurns } from './loop-turns';

/** Always the embedded database: a server runs its statements on threads of its own. */
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openDatabase({ dataDir: 'memory://' });
});
afterAll(async () => {
  await handle?.close();
});

/** The first row of a statement's answer. */
async function firstRow(db: Pick<DatabaseHandle['db'], 'execute'>, query: SQL): Promise<unknown> {
  return ((await db.execute(query)) as unknown as { rows: unknown[] }).rows[0];
}

function listening(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

describe('statements on the embedded database', () => {
  it('leave the event loop free to accept connections while many wait', async () => {
    const server = createServer();
    const port = await listening(server);
    let busy = true;
    const acceptedWhileBusy: boolean[] = [];
    server.on('connection', (socket) => {
      acceptedWhileBusy.push(busy);
      socket.destroy();
    });
    try {
      const statements = Promise.all(
        Array.from({ length: 300 }, (_, index) => firstRow(handle.db, sql`SELECT ${index}::int AS n`)),
      ).then((results) => {
        busy = false;
        return results;
      });
      const clients = Array.from({ length: 5 }, () => connect(port, '127.0.0.1').on('error', () => {}));
      const results = await statements;
      expect(results).toEqual(Array.from({ length: 300 }, (_, index) => ({ n: index })));
      // Node accepts one connection per turn of its event loop: all five came in between statements.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(acceptedWhileBusy).toEqual([true, true, true, true, true]);
      for (const client of clients) client.destroy();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('run a transaction as one turn: a statement asked for meanwhile waits for its end', async () => {
    await handle.db.execute(sql`CREATE TEMPORARY TABLE turns_taken (n int)`);
    const count = sql`SELECT count(*)::int AS n FROM turns_taken`;
    let during: Promise<unknown> | undefined;
    const inside = await handle.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO turns_taken VALUES (1)`);
      during = firstRow(handle.db, count);
      // The event loop turns meanwhile: the statement asked for above waits all the same.
      await new Promise((resolve) => setTimeout(resolve, 20));
      await tx.execute(sql`INSERT INTO turns_taken VALUES (2)`);
      return firstRow(tx, count);
    });
    expect(inside).toEqual({ n: 2 });
    expect(await during).toEqual({ n: 2 });
  });
});

describe('LoopTurns', () => {
  it('runs work in the order asked, one item per turn of the event loop', async () => {
    const turns = new LoopTurns();
    let loopTurn = 0;
    let ticking = true;
    const tick = () => {
      loopTurn++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const seen: [number, number][] = [];
    await Promise.all(
      [0, 1, 2, 3, 4].map((item) =>
        turns.take(async () => {
          seen.push([item, loopTurn]);
        }),
      ),
    );
    ticking = false;
    expect(seen.map(([item]) => item)).toEqual([0, 1, 2, 3, 4]);
    const distinctTurns = new Set(seen.map(([, at]) => at));
    expect(distinctTurns.size).toBe(5);
    expect(turns.waiting).toBe(0);
  });

  it('fails only the work that failed, and goes on with the rest', async () => {
    const turns = new LoopTurns();
    const failing = turns.take(async () => {
      throw new Error('no such table');
    });
    const next = turns.take(async () => 'next');
    await expect(failing).rejects.toThrow('no such table');
    await expect(next).resolves.toBe('next');
  });
});

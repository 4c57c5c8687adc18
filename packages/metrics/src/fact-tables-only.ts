import { AsyncLocalStorage } from 'node:async_hooks';

const factTablesOnly = new AsyncLocalStorage<true>();

/**
 * Runs `work` with every figure it asks for computed from the fact tables, never from a rollup,
 * for tests that check the two give the same answers. Only `work` and what it awaits are
 * affected: other queries running meanwhile still read the rollups.
 */
export function answerFromFactTables<T>(work: () => Promise<T>): Promise<T> {
  return factTablesOnly.run(true, work);
}

/** Whether figures may be read from the rollups (see `answerFromFactTables`). */
export function rollupsAllowed(): boolean {
  return factTablesOnly.getStore() !== true;
}

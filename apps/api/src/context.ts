import type { Database } from '@panorama/db';

/** What every resolver receives: the database of this request. */
export interface Context {
  db: Database;
}

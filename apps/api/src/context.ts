import type { Database } from '@panorama/db';
import { createLoaders, type Loaders } from './loaders';

/** What every resolver receives: the database of this request and its batch loaders. */
export interface Context {
  db: Database;
  loaders: Loaders;
}

export function createContext(db: Database): Context {
  return { db, loaders: createLoaders(db) };
}

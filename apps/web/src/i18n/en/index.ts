import { accountMessages } from './account';
import { figuresMessages } from './figures';
import { importMessages } from './import';
import { manageMessages } from './manage';
import { shellMessages } from './shell';

/**
 * The dashboard's English messages: the source of every key (French and Spanish must have the
 * same keys). `{name}` is a placeholder; a message with `one`/`other` forms changes with `count`.
 * One part per area of the dashboard; a key belongs to one part only (`catalog-parts.test.ts`).
 */
export const en = {
  ...shellMessages,
  ...figuresMessages,
  ...manageMessages,
  ...accountMessages,
  ...importMessages,
};

import type { Messages } from '../messages';
import { accountMessages } from './account';
import { figuresMessages } from './figures';
import { importMessages } from './import';
import { manageMessages } from './manage';
import { shellMessages } from './shell';

export { esMetrics, esObjectives } from './catalog-texts';

/** The dashboard's Spanish messages (keys and placeholders as in `en/`), in the same parts as English. */
export const es: Messages = {
  ...shellMessages,
  ...figuresMessages,
  ...manageMessages,
  ...accountMessages,
  ...importMessages,
};

import type { Messages } from '../messages';
import { accountMessages } from './account';
import { figuresMessages } from './figures';
import { importMessages } from './import';
import { manageMessages } from './manage';
import { shellMessages } from './shell';

export { frMetrics, frObjectives } from './catalog-texts';

/** The dashboard's French messages (keys and placeholders as in `en/`), in the same parts as English. */
export const fr: Messages = {
  ...shellMessages,
  ...figuresMessages,
  ...manageMessages,
  ...accountMessages,
  ...importMessages,
};

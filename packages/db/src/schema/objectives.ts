import { check, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { oneOf } from './columns';
import { PILLARS } from './enums';

/** A strategy objective, under one of the pillars INCOME, IMPACT, INNOVATION or ENABLER. */
export const objectives = pgTable(
  'objectives',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    pillar: text('pillar', { enum: PILLARS }).notNull(),
    description: text('description').notNull(),
    sortOrder: integer('sort_order').notNull(),
  },
  () => [check('objectives_pillar', oneOf('pillar', PILLARS))],
);

import { builder } from '../builder';

/**
 * The years of the strategy that targets are set for: from the first year the dashboard reports
 * on to the strategy's horizon, so that coming years can be planned. The one place to change
 * when the next strategy is adopted.
 */
export const STRATEGY_PERIOD = { firstYear: 2019, lastYear: 2030 } as const;

/** Whether `year` is a year of the strategy. */
export function isStrategyYear(year: number): boolean {
  return Number.isInteger(year) && year >= STRATEGY_PERIOD.firstYear && year <= STRATEGY_PERIOD.lastYear;
}

const StrategyPeriod = builder.objectRef<typeof STRATEGY_PERIOD>('StrategyPeriod').implement({
  description: 'The years of the strategy: targets can be set for these years only.',
  fields: (t) => ({
    firstYear: t.exposeInt('firstYear', { description: 'The first year of the strategy.' }),
    lastYear: t.exposeInt('lastYear', { description: 'The last year of the strategy.' }),
  }),
});

builder.queryField('strategyPeriod', (t) =>
  t.field({
    type: StrategyPeriod,
    description: 'The years of the strategy, for which targets can be set (`setTarget`).',
    resolve: () => STRATEGY_PERIOD,
  }),
);

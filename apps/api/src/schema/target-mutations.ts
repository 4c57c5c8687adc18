import { builder } from '../builder';
import { TargetScopeEnum } from './enums';
import { InvalidInputError, VersionConflictError } from './errors';
import { STRATEGY_PERIOD } from './strategy-period';
import { Target } from './target';
import { targetWriterRegion } from './target-checks';
import { setTarget } from './target-writes';
import { scopesRefusal, writeScopes } from './write-access';

const SetTargetInput = builder.inputType('SetTargetInput', {
  description:
    'A target to set: metric × scope × year (optionally a quarter) → value. The key finds the target; `expectedVersion` guards against overwriting someone else’s newer value.',
  fields: (t) => ({
    metricCode: t.string({
      required: true,
      description: 'The metric, as in the metric catalog (`metricCatalog`), such as REVENUE_USD.',
    }),
    scopeType: t.field({ type: TargetScopeEnum, required: true, description: 'GLOBAL, REGION or COUNTRY.' }),
    scopeCode: t.string({
      required: false,
      description:
        'The bureau code (REGION, such as RBN) or the country’s ISO3 code (COUNTRY, such as KEN); empty or GLOBAL for a GLOBAL target.',
    }),
    year: t.int({
      required: true,
      description: `A year of the strategy (${STRATEGY_PERIOD.firstYear} to ${STRATEGY_PERIOD.lastYear}; see \`strategyPeriod\`).`,
    }),
    quarter: t.int({ required: false, description: 'The quarter, 1 to 4; empty for the whole year.' }),
    value: t.string({
      required: true,
      description:
        'The value in the metric’s unit, as decimal text so that it is kept exactly, such as "1250000.50": zero or more; US dollars to the cent; counts of contributions, partners, people or meals whole; a rate from 0 to 1 (0.85 for 85%).',
    }),
    expectedVersion: t.int({
      required: false,
      description:
        'The version of the target you read (`Target.version`), required to replace an existing value; empty to create the target. If someone has saved since, nothing is saved and a VersionConflictError shows both values.',
    }),
  }),
});

builder.mutationField('setTarget', (t) =>
  t.field({
    type: Target,
    description:
      'Sets a target’s value: creates it at version 1, or replaces the value of the version you read and bumps the version. Each change is kept in `Target.versions` and the audit trail. ADMIN users set any target; REGIONAL users their own region’s and its country offices’ (a country’s region in the target’s year); GLOBAL targets are for ADMIN users only. Saving the value already stored changes nothing.',
    errors: { types: [InvalidInputError, VersionConflictError] },
    args: { input: t.arg({ type: SetTargetInput, required: true, description: 'The target and its new value.' }) },
    unauthorizedError: scopesRefusal,
    authScopes: (_root, { input }, context) => writeScopes(context, () => targetWriterRegion(context.db, input)),
    resolve: (_root, { input }, context) => setTarget(context, input),
  }),
);

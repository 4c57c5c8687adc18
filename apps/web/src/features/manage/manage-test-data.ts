import type { ResultOf } from '../../lib/graphql';
import type { ManageRegionAnswer } from './manage-page';
import type { ManageSetTarget_Mutation, ManageTargets_Query } from './target-documents';

/**
 * A fake Panorama API for the manage page's tests: answers each operation by name, from handlers
 * the test gives, and records every request (name and variables) so that a test can check what
 * a form sent.
 */

export interface RecordedRequest {
  operationName: string;
  variables: Record<string, unknown>;
}

export type Handler = (variables: Record<string, unknown>) => { data?: unknown; errors?: unknown[] };

export function fakeApi(handlers: Readonly<Record<string, Handler>>) {
  const requests: RecordedRequest[] = [];
  const fetch: typeof globalThis.fetch = async (_input, init) => {
    const { operationName, variables = {} } = JSON.parse(String(init?.body)) as RecordedRequest;
    requests.push({ operationName, variables });
    const handler = handlers[operationName];
    const body = handler ? handler(variables) : { errors: [{ message: `No fake answer for ${operationName}` }] };
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  };
  return { fetch, requests, calls: (name: string) => requests.filter((request) => request.operationName === name) };
}

export const testCatalog = [
  { code: 'REVENUE_USD', label: 'Revenue', unit: 'USD' },
  { code: 'PARTNER_RETENTION_RATE', label: 'Partner retention', unit: 'RATE' },
  { code: 'BENEFICIARIES_REACHED', label: 'Beneficiaries reached', unit: 'PEOPLE' },
] as const satisfies ManageRegionAnswer['metricCatalog'];

export function regionAnswer(me: ManageRegionAnswer['me']): ManageRegionAnswer {
  return {
    me,
    region: {
      id: 'UmVnaW9uOlJCTg==',
      code: 'RBN',
      name: 'Regional Bureau for Eastern Africa',
      countries: [
        { iso3: 'KEN', name: 'Kenya' },
        { iso3: 'UGA', name: 'Uganda' },
      ],
    },
    strategyPeriod: { firstYear: 2019, lastYear: 2030 },
    metricCatalog: [...testCatalog],
  };
}

export const REGIONAL_RBN: ManageRegionAnswer['me'] = { id: 'VXNlcjox', role: 'REGIONAL', region: { code: 'RBN' } };
export const REGIONAL_RBB: ManageRegionAnswer['me'] = { id: 'VXNlcjoy', role: 'REGIONAL', region: { code: 'RBB' } };
export const LEADERSHIP: ManageRegionAnswer['me'] = { id: 'VXNlcjoz', role: 'LEADERSHIP', region: null };
export const ADMIN: ManageRegionAnswer['me'] = { id: 'VXNlcjo0', role: 'ADMIN', region: null };

type Target = ResultOf<typeof ManageTargets_Query>['targets']['nodes'][number];

export const revenueTarget: Target = {
  id: 'VGFyZ2V0OjE=',
  metricCode: 'REVENUE_USD',
  scopeType: 'REGION',
  scopeCode: 'RBN',
  year: 2025,
  quarter: null,
  value: 1_000_000,
  version: 1,
  setBy: 'demo',
  setAt: '2024-12-15T09:00:00.000Z',
  country: null,
};

export const kenyaTarget: Target = {
  id: 'VGFyZ2V0OjI=',
  metricCode: 'BENEFICIARIES_REACHED',
  scopeType: 'COUNTRY',
  scopeCode: 'KEN',
  year: 2025,
  quarter: null,
  value: 12_000,
  version: 3,
  setBy: 'nairobi@panorama.demo',
  setAt: '2025-02-01T14:05:00.000Z',
  country: { iso3: 'KEN', name: 'Kenya' },
};

export function targetsAnswer(targets: readonly Target[]): ResultOf<typeof ManageTargets_Query> {
  return { targets: { totalCount: targets.length, nodes: targets.map((target) => ({ ...target })) } };
}

type SetTargetAnswer = ResultOf<typeof ManageSetTarget_Mutation>;

export function setTargetSuccess(target: Target): SetTargetAnswer {
  return { setTarget: { __typename: 'MutationSetTargetSuccess', data: { ...target } } };
}

export function setTargetInvalid(problems: { field: string; message: string }[]): SetTargetAnswer {
  return {
    setTarget: {
      __typename: 'InvalidInputError',
      message: problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '),
      problems,
    },
  };
}

export function setTargetConflict(conflict: {
  expectedVersion: number;
  currentVersion: number;
  yourValue: string;
  currentValue: string;
  currentSetBy: string;
}): SetTargetAnswer {
  return { setTarget: { __typename: 'VersionConflictError', message: 'Someone saved a newer value.', ...conflict } };
}

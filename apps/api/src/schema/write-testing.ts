import { auditLog, fieldNeeds, opportunities, stories, targets, targetVersions } from '@panorama/db';
import { desc } from 'drizzle-orm';
import { expect } from 'vitest';
import type { GraphQLResponse, TestServer } from '../testing';

/** Test helpers for mutations: what the database holds before and after, and what a result says. */

/** How many rows each written table holds: compare before and after a refused change. */
export async function rowCounts(api: TestServer) {
  const db = api.database.db;
  return {
    targets: await db.$count(targets),
    targetVersions: await db.$count(targetVersions),
    stories: await db.$count(stories),
    opportunities: await db.$count(opportunities),
    fieldNeeds: await db.$count(fieldNeeds),
    auditLog: await db.$count(auditLog),
  };
}

/** The newest entries of the audit trail, newest first. */
export async function latestAudit(api: TestServer, count = 1) {
  return api.database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(count);
}

/** What a mutation with typed errors answers: success (`data`) or one of the errors. */
export interface MutationResult<T> {
  __typename: string;
  data?: T;
  message?: string;
  problems?: { field: string; message: string }[];
  expectedVersion?: number;
  currentVersion?: number;
  yourValue?: string;
  currentValue?: string;
  currentSetBy?: string;
}

/** The selection of the typed input errors, to append to a mutation's selection. */
export const ERROR_SELECTION = `
  ... on Error { message }
  ... on InvalidInputError { problems { field message } }`;

/** The selection of a version conflict, for the mutations that report one. */
export const CONFLICT_SELECTION = `
  ... on VersionConflictError { expectedVersion currentVersion yourValue currentValue currentSetBy }`;

/** The one root field's result of a response without top-level errors. */
export function resultOf<T>(response: GraphQLResponse<Record<string, MutationResult<T>>>): MutationResult<T> {
  expect(response.errors).toBeUndefined();
  const [result] = Object.values(response.data ?? {});
  if (!result) throw new Error('no result');
  return result;
}

/** The data of a successful mutation. */
export function successOf<T>(response: GraphQLResponse<Record<string, MutationResult<T>>>): T {
  const result = resultOf(response);
  expect(result.__typename, JSON.stringify(result)).toMatch(/Success$/);
  if (result.data === undefined) throw new Error('no data');
  return result.data;
}

/** The fields an InvalidInputError names, in order. */
export function problemFields(response: GraphQLResponse<Record<string, MutationResult<unknown>>>): string[] {
  const result = resultOf(response);
  expect(result.__typename, JSON.stringify(result)).toBe('InvalidInputError');
  return (result.problems ?? []).map((problem) => problem.field);
}

/** The message of the problem with one field. */
export function problemWith(
  response: GraphQLResponse<Record<string, MutationResult<unknown>>>,
  field: string,
): string | undefined {
  return resultOf(response).problems?.find((problem) => problem.field === field)?.message;
}

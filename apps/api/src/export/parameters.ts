import type { Request } from 'express';
import { detailRegion, type Viewer } from '../auth/viewer';
import type { ExportFilter, ExportList, ExportParameter } from './export-list';

/** A request the export refuses, with the HTTP status and a message that says what to do. */
export class ExportRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const badRequest = (message: string) => new ExportRequestError(400, message);

/** `a, b or c`. */
export function listed(values: readonly string[], last = 'or'): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} ${last} ${values.at(-1)}`;
}

/** Refuses a parameter the export does not take, naming those it does. */
export function checkParameterNames(request: Request, what: string, allowed: readonly string[]): void {
  for (const name of Object.keys(request.query)) {
    if (allowed.includes(name)) continue;
    throw badRequest(
      `The ${what} export takes no parameter ${JSON.stringify(name)}: ${
        allowed.length ? `it takes ${listed(allowed)}` : 'it takes none'
      }.`,
    );
  }
}

/** A parameter given at most once, or null when absent or empty. */
export function singleParameter(request: Request, name: string): string | null {
  const value = request.query[name];
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string') throw badRequest(`Give ${name} once.`);
  return value;
}

/** A list parameter, given comma-separated, repeated, or both: its trimmed non-empty items. */
export function listParameter(request: Request, name: string): string[] {
  const value = request.query[name];
  const parts = value === undefined ? [] : Array.isArray(value) ? value : [value];
  if (parts.some((part) => typeof part !== 'string')) throw badRequest(`Give ${name} as a comma-separated list.`);
  return (parts as string[]).flatMap((part) => part.split(',').map((item) => item.trim())).filter(Boolean);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day parameter written `YYYY-MM-DD` that names a real day, or null when absent. */
export function dayParameter(request: Request, name: string): string | null {
  const value = singleParameter(request, name);
  if (value === null) return null;
  // 2025-02-29 parses as 1 March: a real day reads back the same.
  const day = ISO_DAY.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  if (!day || Number.isNaN(day.getTime()) || !day.toISOString().startsWith(value))
    throw badRequest(`${name} must be a day written YYYY-MM-DD, such as 2025-12-31.`);
  return value;
}

function yearParameter(request: Request): number | null {
  const value = singleParameter(request, 'year');
  if (value === null) return null;
  if (!/^\d{4}$/.test(value)) throw badRequest('year must be a year written with four digits, such as 2025.');
  return Number(value);
}

/**
 * The region a list is cut to: the one asked for (codes are upper-cased); for a list of detail,
 * held to a REGIONAL user's own region, and another region is refused.
 */
function regionParameter(request: Request, viewer: Viewer, list: ExportList): string | null {
  const asked = singleParameter(request, 'region')?.trim().toUpperCase() || null;
  if (list.access.kind !== 'detail') return asked;
  const own = detailRegion(viewer);
  if (own === null) return asked;
  if (asked !== null && asked !== own)
    throw new ExportRequestError(403, `A REGIONAL user of ${own} exports the ${list.noun} of ${own} only.`);
  return own;
}

/** The filter of a list's export from the request's query, after checking every parameter. */
export function filterOf(request: Request, viewer: Viewer, list: ExportList, name: string): ExportFilter {
  checkParameterNames(request, name, list.parameters);
  const takes = (parameter: ExportParameter) => list.parameters.includes(parameter);
  const filter: ExportFilter = {
    regionCode: takes('region') ? regionParameter(request, viewer, list) : null,
    from: takes('from') ? dayParameter(request, 'from') : null,
    to: takes('to') ? dayParameter(request, 'to') : null,
    year: takes('year') ? yearParameter(request) : null,
  };
  if (filter.from && filter.to && filter.from > filter.to)
    throw badRequest(`from (${filter.from}) is after to (${filter.to}): the range is closed, [from, to].`);
  return filter;
}

import { once } from 'node:events';
import type { DatabaseHandle } from '@panorama/db';
import { type Request, type Response, Router } from 'express';
import { authenticate, InvalidCredentialsError } from '../auth/authenticate';
import { detailRegion, type Viewer } from '../auth/viewer';
import { EXPORT_LISTS, type ExportFilter, exportLines } from './lists';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

class ExportRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function viewerOf(database: DatabaseHandle, request: Request): Promise<Viewer> {
  try {
    const viewer = await authenticate(database.db, {
      cookie: request.headers.cookie,
      authorization: request.headers.authorization,
    });
    if (viewer) return viewer;
  } catch (error) {
    if (!(error instanceof InvalidCredentialsError)) throw error;
    throw new ExportRequestError(401, error.message);
  }
  throw new ExportRequestError(401, 'Sign in first: exports need a signed-in user or an API token.');
}

function dayParameter(request: Request, name: string): string | null {
  const value = request.query[name];
  if (value === undefined || value === '') return null;
  // 2025-02-29 parses as 1 March: a real day reads back the same.
  const day = typeof value === 'string' && ISO_DAY.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  if (typeof value !== 'string' || !day || Number.isNaN(day.getTime()) || !day.toISOString().startsWith(value))
    throw new ExportRequestError(400, `${name} must be a day written YYYY-MM-DD, such as 2025-12-31.`);
  return value;
}

/** The region an export covers: the one asked for, held to a REGIONAL user's own. */
function regionParameter(request: Request, viewer: Viewer, list: string): string | null {
  const asked =
    typeof request.query.region === 'string' && request.query.region ? request.query.region.toUpperCase() : null;
  const own = detailRegion(viewer);
  if (own === null) return asked;
  if (asked !== null && asked !== own)
    throw new ExportRequestError(403, `A REGIONAL user of ${own} exports the ${list} of ${own} only.`);
  return own;
}

/** Sends lines as they come, waiting whenever the client reads slower than the database. */
async function stream(response: Response, lines: AsyncIterable<string>): Promise<void> {
  for await (const line of lines) if (!response.write(line)) await once(response, 'drain');
  response.end();
}

/**
 * `GET /api/export/:list?region=&from=&to=` (lists: contributions, partners): the list as CSV in
 * its import format (an export re-imports unchanged), with the API's authorization: a sign-in
 * cookie or a Bearer token, and a REGIONAL user's own region's detail only.
 */
export function exportRoutes(database: DatabaseHandle, log: (message: string) => void): Router {
  const router = Router();
  router.get('/:list', async (request, response) => {
    try {
      const list = EXPORT_LISTS[request.params.list];
      if (!list || !Object.hasOwn(EXPORT_LISTS, request.params.list))
        throw new ExportRequestError(
          404,
          `There is no export called ${JSON.stringify(request.params.list)}: try ${Object.keys(EXPORT_LISTS).join(', ')}.`,
        );
      const viewer = await viewerOf(database, request);
      const filter: ExportFilter = {
        regionCode: regionParameter(request, viewer, list.kind),
        from: list.dated ? dayParameter(request, 'from') : null,
        to: list.dated ? dayParameter(request, 'to') : null,
      };
      const name = [list.kind, filter.regionCode, filter.from, filter.to].filter(Boolean).join('_');
      response.setHeader('Content-Type', 'text/csv; charset=utf-8');
      response.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
      response.setHeader('Cache-Control', 'no-store');
      await stream(response, exportLines(database.db, list, viewer, filter));
    } catch (error) {
      if (error instanceof ExportRequestError) {
        response.status(error.status).type('text').send(error.message);
      } else if (!response.headersSent) {
        log(`export failed: ${error instanceof Error ? error.message : String(error)}`);
        response.status(503).type('text').send('The export failed on the server. It has been logged; try again.');
      } else {
        // Half the file is sent: cut the connection so that the client sees a failed download.
        log(`export cut short: ${error instanceof Error ? error.message : String(error)}`);
        response.destroy();
      }
    }
  });
  return router;
}

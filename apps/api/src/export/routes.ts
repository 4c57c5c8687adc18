import { once } from 'node:events';
import type { DatabaseHandle } from '@panorama/db';
import { type Request, type Response, Router } from 'express';
import { authenticate, InvalidCredentialsError } from '../auth/authenticate';
import type { Viewer } from '../auth/viewer';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE } from '../errors';
import { type LargeAnswerGate, turnOf } from '../large-answers';
import type { ExportList } from './export-list';
import { EXPORT_LISTS, exportLines } from './lists';
import { metricsLines } from './metrics-csv';
import { ExportRequestError, filterOf } from './parameters';

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

/** Refuses a viewer whose role may not read the list, saying who may. */
function checkRole(viewer: Viewer, list: ExportList): void {
  if (list.access.kind === 'roles' && !list.access.roles.includes(viewer.role))
    throw new ExportRequestError(
      403,
      `Your role (${viewer.role}) may not export the ${list.noun}: ${list.access.who} may.`,
    );
}

/** Sends lines as they come, waiting whenever the client reads slower than the database. */
async function stream(response: Response, lines: Iterable<string> | AsyncIterable<string>): Promise<void> {
  for await (const line of lines) if (!response.write(line)) await once(response, 'drain');
  response.end();
}

function startCsv(response: Response, name: string): void {
  const day = new Date().toISOString().slice(0, 10);
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="panorama-${name}-${day}.csv"`);
  response.setHeader('Cache-Control', 'no-store');
}

const EXPORT_NAMES = ['metrics', ...Object.keys(EXPORT_LISTS)];

/**
 * `GET /api/export/:list` (every list of the API, see `lists.ts`) and `GET /api/export/metrics`
 * (see `metrics-csv.ts`): CSV, with the API's authorization — a sign-in cookie or a Bearer token,
 * and what the list's GraphQL field lets the viewer read. Lists that can be imported come in their
 * import format (an export re-imports unchanged). Refusals are JSON `{ "error": "…" }`.
 */
export function exportRoutes(
  database: DatabaseHandle,
  largeAnswers: LargeAnswerGate,
  log: (message: string) => void,
): Router {
  const router = Router();
  router.get('/:list', async (request, response) => {
    const name = request.params.list;
    try {
      const list = Object.hasOwn(EXPORT_LISTS, name) ? EXPORT_LISTS[name] : undefined;
      if (!list && name !== 'metrics')
        throw new ExportRequestError(
          404,
          `There is no export called ${JSON.stringify(name)}: try ${EXPORT_NAMES.join(', ')}.`,
        );
      const viewer = await viewerOf(database, request);
      if (!list) {
        const lines = await metricsLines(database.db, viewer, request, turnOf(largeAnswers, response));
        startCsv(response, name);
        await stream(response, lines);
        return;
      }
      checkRole(viewer, list);
      const filter = filterOf(request, viewer, list, name);
      startCsv(response, name);
      await stream(response, exportLines(database.db, list, viewer, filter));
    } catch (error) {
      if (error instanceof ExportRequestError) {
        if (error.status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
        if (error.status === 503) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
        response.status(error.status).json({ error: error.message });
      } else if (!response.headersSent && isDatabaseUnavailable(error)) {
        log(`export failed, database unavailable: ${error instanceof Error ? error.message : String(error)}`);
        response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
        response.status(503).json({ error: UNAVAILABLE_MESSAGE });
      } else if (!response.headersSent) {
        log(`export failed: ${error instanceof Error ? error.message : String(error)}`);
        response.status(503).json({ error: 'The export failed on the server. It has been logged; try again.' });
      } else {
        // Half the file is sent: cut the connection so that the client sees a failed download.
        log(`export cut short: ${error instanceof Error ? error.message : String(error)}`);
        response.destroy();
      }
    }
  });
  return router;
}

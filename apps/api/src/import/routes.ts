import type { DatabaseHandle } from '@panorama/db';
import { IMPORT_KINDS, type ImportKind, importCsv } from '@panorama/import';
import { type Request, Router } from 'express';
import { authenticate, InvalidCredentialsError } from '../auth/authenticate';
import type { Viewer } from '../auth/viewer';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE } from '../errors';

/** Roles that load data: admins anywhere, regional teams in their own region (checked per row). */
const IMPORTERS: readonly Viewer['role'][] = ['ADMIN', 'REGIONAL'];

class ImportRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function importer(database: DatabaseHandle, request: Request): Promise<Viewer> {
  let viewer: Viewer | null;
  try {
    viewer = await authenticate(database.db, {
      cookie: request.headers.cookie,
      authorization: request.headers.authorization,
    });
  } catch (error) {
    if (!(error instanceof InvalidCredentialsError)) throw error;
    throw new ImportRequestError(401, error.message);
  }
  if (!viewer) throw new ImportRequestError(401, 'Sign in first: imports need a signed-in user or an API token.');
  if (!IMPORTERS.includes(viewer.role))
    throw new ImportRequestError(403, `Your role (${viewer.role}) may not import: admins and regional teams do.`);
  return viewer;
}

/** A yes/no query parameter: absent, `true` or `false`. */
function flag(request: Request, name: string): boolean {
  const value = request.query[name];
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw new ImportRequestError(400, `${name} must be true or false; got ${JSON.stringify(value)}.`);
}

/**
 * `POST /api/import/:kind?skipInvalid=true&dryRun=true&name=file.csv` with the CSV as the body
 * (`Content-Type: text/csv`), streamed into the import as it arrives. Answers the import's result
 * as JSON: 200 when written (DONE) or, for a dry run, when it would be (CHECKED); 422 when
 * refused (nothing written; every problem listed).
 */
export function importRoutes(database: DatabaseHandle, log: (message: string) => void): Router {
  const router = Router();
  router.post('/:kind', async (request, response) => {
    try {
      const kind = request.params.kind as ImportKind;
      if (!IMPORT_KINDS.includes(kind))
        throw new ImportRequestError(
          404,
          `There is no import of ${JSON.stringify(kind)}: try ${IMPORT_KINDS.join(', ')}.`,
        );
      if (!request.is('text/csv'))
        throw new ImportRequestError(415, 'Send the file as the body, with `Content-Type: text/csv`.');
      const skipInvalid = flag(request, 'skipInvalid');
      const dryRun = flag(request, 'dryRun');
      const viewer = await importer(database, request);
      const name = typeof request.query.name === 'string' && request.query.name ? request.query.name : `${kind}.csv`;
      const result = await importCsv(database, {
        kind,
        source: request,
        fileName: name,
        actor: viewer,
        skipInvalid,
        dryRun,
      });
      response.status(result.status === 'REFUSED' ? 422 : 200).json(result);
    } catch (error) {
      if (error instanceof ImportRequestError) {
        // The body was not read: close the connection rather than read a large file for nothing.
        if (!request.complete) response.setHeader('Connection', 'close');
        response.status(error.status).json({ error: error.message });
        return;
      }
      if (isDatabaseUnavailable(error)) {
        // Retryable, as GraphQL's SERVICE_UNAVAILABLE: nothing was committed, unless the connection died during the commit.
        log(`import failed, database unavailable: ${error instanceof Error ? error.message : String(error)}`);
        if (!request.complete) response.setHeader('Connection', 'close');
        response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
        response.status(503).json({ error: UNAVAILABLE_MESSAGE });
        return;
      }
      log(`import failed: ${error instanceof Error ? error.message : String(error)}`);
      response.status(500).json({ error: 'The import failed on the server and wrote nothing. It has been logged.' });
    }
  });
  return router;
}

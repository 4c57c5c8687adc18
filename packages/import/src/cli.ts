import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Actor, type DatabaseHandle, migrate, openDatabase } from '@panorama/db';
import { IMPORT_KINDS, type ImportKind } from './formats';
import { importCsv } from './load';
import { describeProblem } from './problems';

const USAGE = `Imports a CSV file into the configured database (DATABASE_URL, else the embedded PANORAMA_DATA_DIR).

  pnpm panorama import <kind> <file> [--skip-invalid] [--dry-run] [--as <email>]

Kinds: ${IMPORT_KINDS.join(', ')}.
All or nothing: one bad row and nothing is written. With --skip-invalid the valid rows are written
and the rejected ones go to <file>.rejected.csv with a "problem" column.
--dry-run: check the file and count what it would change, writing nothing.
--as <email>: import as that (active) user, REGIONAL users only rows of their region.
Without it the import runs as the system actor "cli", with the ADMIN role.`;

const VERDICTS = {
  DONE: 'Imported',
  CHECKED: 'Checked: the file would import as counted below; nothing was written',
  REFUSED: 'Refused: nothing was written',
} as const;

/** Problems printed before summing up the rest. */
const PRINTED_PROBLEMS = 1_000;

/** The actor when no --as is given: an ADMIN named `cli`, user id 0 (no account). */
const CLI_ACTOR: Actor = { userId: 0, email: 'cli', role: 'ADMIN', regionCode: null };

async function actorFor(database: DatabaseHandle, email: string | undefined): Promise<Actor> {
  if (email === undefined) return CLI_ACTOR;
  const found = await database.db.query.users.findFirst({ where: { email: email.toLowerCase() } });
  if (!found) throw new Error(`No user has the email ${email}.`);
  if (!found.active) throw new Error(`The user ${found.email} is deactivated.`);
  return { userId: found.id, email: found.email, role: found.role, regionCode: found.regionCode };
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'skip-invalid': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      as: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const [command, kind, file] = positionals;
  if (values.help || command !== 'import' || !kind || !file || positionals.length !== 3) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) {
    console.error(`Unknown kind ${kind}: use one of ${IMPORT_KINDS.join(', ')}.`);
    return 2;
  }
  // pnpm runs the script in this package's folder: a relative path is the caller's.
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  const database = await openDatabase({
    url: process.env.DATABASE_URL || undefined,
    dataDir: process.env.PANORAMA_DATA_DIR || '.data',
  });
  try {
    await migrate(database);
    await database.useAppRole();
    const actor = await actorFor(database, values.as);
    const result = await importCsv(database, {
      kind: kind as ImportKind,
      source: createReadStream(path),
      fileName: basename(path),
      actor,
      skipInvalid: values['skip-invalid'],
      dryRun: values['dry-run'],
    });
    const { inserted, updated, unchanged, rejected } = result.counts;
    const verdict = VERDICTS[result.status];
    const recorded = result.importId === undefined ? '' : `, import #${result.importId}`;
    console.log(`${verdict} (${kind}, ${basename(path)}, as ${actor.email}${recorded}).`);
    console.log(`inserted ${inserted}, updated ${updated}, unchanged ${unchanged}, rejected ${rejected}`);
    if (result.partnersCreated > 0) console.log(`partners created: ${result.partnersCreated}`);
    for (const problem of result.problems.slice(0, PRINTED_PROBLEMS)) console.log(describeProblem(problem));
    if (result.problemCount > PRINTED_PROBLEMS) console.log(`… and ${result.problemCount - PRINTED_PROBLEMS} more`);
    if (result.rejectedCsv !== undefined) {
      const rejectedPath = `${path}.rejected.csv`;
      await writeFile(rejectedPath, result.rejectedCsv);
      console.log(`Rejected rows written to ${rejectedPath}`);
    }
    return result.status === 'REFUSED' ? 1 : 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message =
      error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    console.error(`Could not import: ${message}`);
    process.exit(1);
  },
);

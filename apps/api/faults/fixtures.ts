import { migrate, openDatabase } from '@panorama/db';
import { seedDemoData } from '@panorama/demo';
import { issueApiToken } from '../src/auth/api-tokens';
import { createUser } from '../src/auth/users';

export const ADMIN_EMAIL = 'faults-admin@test.panorama';
export const ADMIN_PASSWORD = 'fault tests: a long secret password';

export interface Fixtures {
  /** The admin's API token. */
  token: string;
  userId: number;
}

/**
 * Makes a database (PostgreSQL's `url`, or the embedded one in `dataDir`) ready to serve:
 * migrated, demo data (`contributions` of them; none when 0), and an admin with a known password
 * and an API token.
 */
export async function prepareDatabase(
  where: { url: string } | { dataDir: string },
  { contributions = 5_000 } = {},
): Promise<Fixtures> {
  const database = await openDatabase('url' in where ? { url: where.url, poolMax: 2 } : { dataDir: where.dataDir });
  try {
    await migrate(database);
    if (contributions > 0) await seedDemoData(database, { contributions });
    const userId = await createUser(database.db, {
      email: ADMIN_EMAIL,
      name: 'Fault tests',
      role: 'ADMIN',
      regionCode: null,
      password: ADMIN_PASSWORD,
    });
    const { token } = await issueApiToken(database.db, { userId, name: 'fault tests' });
    return { token, userId };
  } finally {
    await database.close();
  }
}

/** Light: the sign-in lookup and one small query. */
export const REGIONS_QUERY = '{ regions { code } }';

/** Revenue and number of gifts by region over a year: real work on the contributions. */
export const FIGURES_QUERY = `query Figures($from: Date!, $to: Date!) {
  metrics(metrics: [REVENUE_USD, CONTRIBUTION_COUNT], from: $from, to: $to, groupBy: [REGION]) {
    rows { region { code } values { metric value } }
  }
}`;

const FIRST_DAY = Date.UTC(2019, 0, 1);
const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * The variables of the `n`-th figures request: a year starting `n` days after 2019-01-01, so
 * that each request is a new question (the response cache cannot answer it) of the same size.
 */
export function figuresVariables(n: number): { from: string; to: string } {
  const from = FIRST_DAY + (n % 2_000) * DAY_MS;
  return { from: isoDay(from), to: isoDay(from + 364 * DAY_MS) };
}

/** A counter for `figuresVariables`, one per test file. */
export function figuresSequence() {
  let n = 0;
  return () => figuresVariables(n++);
}

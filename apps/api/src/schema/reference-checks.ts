import { countries, countryMemberships, type Database, objectives, partnerships, regions } from '@panorama/db';
import { and, asc, desc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { InputProblems } from './input-problems';
import { localIdOf } from './write-access';

/**
 * Checks of the codes and IDs a change refers to (regions, countries, partnerships, objectives),
 * each adding a problem that names what is allowed. They run inside the change's transaction.
 */

/** The region, when `code` names one; else a problem that lists the regions. */
export async function checkRegion(
  db: Database,
  problems: InputProblems,
  field: string,
  code: string | null,
): Promise<string | null> {
  const all = await db.select({ code: regions.code }).from(regions).orderBy(asc(regions.code));
  const codes = all.map((region) => region.code);
  if (code && codes.includes(code)) return code;
  problems.add(field, `${code ? `is not a region: ${code}` : 'is empty'}; use one of ${codes.join(', ')}`);
  return null;
}

/** The bureau a country office belonged to on `day`: undefined for an unknown country, null for none that day. */
export async function countryRegionOn(db: Database, iso3: string, day: string): Promise<string | null | undefined> {
  const [country] = await db.select({ iso3: countries.iso3 }).from(countries).where(eq(countries.iso3, iso3));
  if (!country) return undefined;
  const [membership] = await db
    .select({ regionCode: countryMemberships.regionCode })
    .from(countryMemberships)
    .where(
      and(
        eq(countryMemberships.countryIso3, iso3),
        lte(countryMemberships.validFrom, day),
        or(isNull(countryMemberships.validTo), gte(countryMemberships.validTo, day)),
      ),
    )
    .orderBy(desc(countryMemberships.validFrom))
    .limit(1);
  return membership?.regionCode ?? null;
}

/** A country office of `regionCode` on `day` (empty: none); else a problem that says where it belongs. */
export async function checkCountryOfRegion(
  db: Database,
  problems: InputProblems,
  field: string,
  iso3: string | null,
  regionCode: string,
  day: string,
): Promise<string | null> {
  if (!iso3) return null;
  const region = await countryRegionOn(db, iso3, day);
  if (region === undefined) {
    problems.add(field, `is not a country office: ${iso3}; use the ISO3 code of one of ${regionCode}'s countries`);
  } else if (region !== regionCode) {
    problems.add(
      field,
      `${iso3} belonged to ${region ?? 'no bureau'} on ${day}, not to ${regionCode}: use one of ${regionCode}'s countries, or none`,
    );
  }
  return iso3;
}

/** The partnership a global ID names, when it is one of `regionCode`'s; else a problem. */
export async function checkPartnershipOfRegion(
  db: Database,
  problems: InputProblems,
  field: string,
  globalId: string,
  regionCode: string,
): Promise<number | null> {
  const id = localIdOf(globalId, 'Partnership');
  const [partnership] =
    id === null
      ? []
      : await db
          .select({ id: partnerships.id, regionCode: partnerships.regionCode })
          .from(partnerships)
          .where(eq(partnerships.id, id));
  if (!partnership) {
    problems.add(field, 'is not the ID of a partnership: pass `Partnership.id` as the API returns it');
    return null;
  }
  if (partnership.regionCode !== regionCode) {
    problems.add(field, `is not a partnership of ${regionCode}: use one of ${regionCode}'s partnerships`);
    return null;
  }
  return partnership.id;
}

/** The objective, when `code` names one (empty: none); else a problem that lists the objectives. */
export async function checkObjective(
  db: Database,
  problems: InputProblems,
  field: string,
  code: string | null,
): Promise<string | null> {
  if (!code) return null;
  const all = await db.select({ code: objectives.code }).from(objectives).orderBy(asc(objectives.code));
  const codes = all.map((objective) => objective.code);
  if (codes.includes(code)) return code;
  problems.add(field, `is not an objective: ${code}; use one of ${codes.join(', ')}, or none`);
  return null;
}

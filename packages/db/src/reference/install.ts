import { sql } from 'drizzle-orm';
import type { Database } from '../client';
import { countries, countryMemberships, objectives, regions } from '../schema';
import { OBJECTIVES } from './objectives';
import { COUNTRY_MOVES, MEMBERSHIP_EPOCH, REGIONS } from './regions';

function dayBefore(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** Every bureau membership of every country, from the reference list and the known moves. */
export function countryMembershipRows() {
  return REGIONS.flatMap((region) =>
    region.countries.flatMap((country) => {
      const move = COUNTRY_MOVES.find((candidate) => candidate.iso3 === country.iso3);
      if (!move) {
        return [{ countryIso3: country.iso3, regionCode: region.code, validFrom: MEMBERSHIP_EPOCH, validTo: null }];
      }
      return [
        {
          countryIso3: country.iso3,
          regionCode: move.fromRegion,
          validFrom: MEMBERSHIP_EPOCH,
          validTo: dayBefore(move.on),
        },
        { countryIso3: country.iso3, regionCode: move.toRegion, validFrom: move.on, validTo: null },
      ];
    }),
  );
}

/**
 * Installs the reference data: bureaux (with `HQ`), countries and their memberships, and the
 * strategy's objectives. Rows already right are left untouched, so a second run writes nothing.
 */
export async function installReferenceData(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(regions)
      .values(REGIONS.map(({ code, name, city }) => ({ code, name, city })))
      .onConflictDoUpdate({
        target: regions.code,
        set: { name: sql`excluded.name`, city: sql`excluded.city` },
        setWhere: sql`(${regions.name}, ${regions.city}) IS DISTINCT FROM (excluded.name, excluded.city)`,
      });
    await tx
      .insert(countries)
      .values(
        REGIONS.flatMap((region) =>
          region.countries.map((c) => ({ iso3: c.iso3, name: c.name, regionCode: region.code })),
        ),
      )
      .onConflictDoUpdate({
        target: countries.iso3,
        set: { name: sql`excluded.name`, regionCode: sql`excluded.region_code` },
        setWhere: sql`(${countries.name}, ${countries.regionCode}) IS DISTINCT FROM (excluded.name, excluded.region_code)`,
      });
    await tx
      .insert(countryMemberships)
      .values(countryMembershipRows())
      .onConflictDoUpdate({
        target: [countryMemberships.countryIso3, countryMemberships.validFrom],
        set: { regionCode: sql`excluded.region_code`, validTo: sql`excluded.valid_to` },
        setWhere: sql`(${countryMemberships.regionCode}, ${countryMemberships.validTo}) IS DISTINCT FROM (excluded.region_code, excluded.valid_to)`,
      });
    await tx
      .insert(objectives)
      .values(OBJECTIVES.map((objective, index) => ({ ...objective, sortOrder: index + 1 })))
      .onConflictDoUpdate({
        target: objectives.code,
        set: {
          name: sql`excluded.name`,
          pillar: sql`excluded.pillar`,
          description: sql`excluded.description`,
          sortOrder: sql`excluded.sort_order`,
        },
        setWhere: sql`(${objectives.name}, ${objectives.pillar}, ${objectives.description}, ${objectives.sortOrder})
          IS DISTINCT FROM (excluded.name, excluded.pillar, excluded.description, excluded.sort_order)`,
      });
  });
}

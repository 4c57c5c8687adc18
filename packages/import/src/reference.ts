import { countries, countryMemberships, type Database, objectives, partnerships, regions } from '@panorama/db';
import { METRICS, type MetricUnit } from '@panorama/metrics';

/** A country's membership of a bureau over a closed date range (`validTo` null: still a member). */
export interface Membership {
  countryIso3: string;
  regionCode: string;
  validFrom: string;
  validTo: string | null;
}

/** What an imported row's codes are checked against. */
export interface MetricReference {
  unit: MetricUnit;
  /** True for impact and enabler metrics, the only ones an impact record may carry. */
  recorded: boolean;
}

/**
 * The reference data rows are validated against: the codes that exist and which bureau each
 * country belonged to when. Build it with {@link buildReferenceData} (tests, by hand) or
 * {@link loadReferenceData} (from the database).
 */
export interface ReferenceData {
  regions: ReadonlySet<string>;
  countries: ReadonlySet<string>;
  /** Memberships of each country, by ISO3. */
  memberships: ReadonlyMap<string, readonly Membership[]>;
  objectives: ReadonlySet<string>;
  metrics: ReadonlyMap<string, MetricReference>;
  /** External refs of known partnerships; when absent, `partnership_ref` is not checked here. */
  partnershipRefs?: ReadonlySet<string>;
}

/** The plain lists a {@link ReferenceData} is built from. */
export interface ReferenceLists {
  regions: readonly string[];
  /** Countries; defaults to those of `memberships`. */
  countries?: readonly string[];
  memberships: readonly Membership[];
  objectives: readonly string[];
  /** Metrics; defaults to the metric catalog. */
  metrics?: ReadonlyMap<string, MetricReference>;
  partnershipRefs?: readonly string[];
}

/** The metric catalog as reference data. */
export function catalogMetrics(): ReadonlyMap<string, MetricReference> {
  return new Map(
    METRICS.map((metric) => [metric.code, { unit: metric.unit, recorded: metric.source === 'IMPACT_RECORDS' }]),
  );
}

/** Indexes plain lists into {@link ReferenceData}. */
export function buildReferenceData(lists: ReferenceLists): ReferenceData {
  const memberships = new Map<string, Membership[]>();
  for (const membership of lists.memberships) {
    const list = memberships.get(membership.countryIso3) ?? [];
    list.push(membership);
    memberships.set(membership.countryIso3, list);
  }
  return {
    regions: new Set(lists.regions),
    countries: new Set(lists.countries ?? memberships.keys()),
    memberships,
    objectives: new Set(lists.objectives),
    metrics: lists.metrics ?? catalogMetrics(),
    ...(lists.partnershipRefs ? { partnershipRefs: new Set(lists.partnershipRefs) } : {}),
  };
}

/** Loads the reference data from the database: regions, countries, memberships, objectives, partnership refs. */
export async function loadReferenceData(db: Database): Promise<ReferenceData> {
  const [regionRows, countryRows, membershipRows, objectiveRows, partnershipRows] = await Promise.all([
    db.select({ code: regions.code }).from(regions),
    db.select({ iso3: countries.iso3 }).from(countries),
    db
      .select({
        countryIso3: countryMemberships.countryIso3,
        regionCode: countryMemberships.regionCode,
        validFrom: countryMemberships.validFrom,
        validTo: countryMemberships.validTo,
      })
      .from(countryMemberships),
    db.select({ code: objectives.code }).from(objectives),
    db.select({ externalRef: partnerships.externalRef }).from(partnerships),
  ]);
  return buildReferenceData({
    regions: regionRows.map((row) => row.code),
    countries: countryRows.map((row) => row.iso3),
    memberships: membershipRows,
    objectives: objectiveRows.map((row) => row.code),
    partnershipRefs: partnershipRows.map((row) => row.externalRef),
  });
}

/** The bureau a country belonged to on a date, or null when it belonged to none. */
export function regionOn(reference: ReferenceData, countryIso3: string, date: string): string | null {
  const memberships = reference.memberships.get(countryIso3) ?? [];
  const membership = memberships.find((m) => m.validFrom <= date && (m.validTo === null || date <= m.validTo));
  return membership?.regionCode ?? null;
}

/** The bureau a country belongs to today (its open membership), or null. */
export function currentRegion(reference: ReferenceData, countryIso3: string): string | null {
  return (reference.memberships.get(countryIso3) ?? []).find((m) => m.validTo === null)?.regionCode ?? null;
}

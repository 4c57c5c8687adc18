import { CONTRIBUTION_KINDS, INCOME_STREAMS, PARTNER_SCOPES, PARTNER_TYPES } from '@panorama/db';
import type { CsvRecord } from './csv';
import type { Header, ImportKind } from './formats';
import type { Problem } from './problems';
import { currentRegion, type MetricReference, type ReferenceData, regionOn } from './reference';
import { RowContext } from './row-context';
import type { ContributionRow, ImpactRow, PartnerRow, RowsByKind, TargetRow } from './rows';
import { type DecimalShape, MONEY, parseDecimal, parseEnum, parseInteger, parseIsoDate, QUANTITY } from './values';

/** One data record after validation: its normalized row, or null and the problems that reject it. */
export interface CheckedRecord<Row> {
  line: number;
  /** The record's fields as read from the file. */
  fields: readonly string[];
  row: Row | null;
  /**
   * Problems found on this record; empty when `row` is set. A duplicate also reports the line
   * the value first appeared on, so a problem's `line` may be an earlier one.
   */
  problems: Problem[];
}

/** The shape a metric's values must have, from its unit. */
export function shapeOf(metric: MetricReference): DecimalShape {
  switch (metric.unit) {
    case 'USD':
      return MONEY;
    case 'RATE':
      return { ...QUANTITY, atMostOne: true };
    case 'COUNT':
    case 'PEOPLE':
    case 'MEALS':
      return { ...QUANTITY, whole: true };
    default:
      return QUANTITY;
  }
}

/**
 * Validates the data records of one file, one at a time, keeping nothing between records, so
 * that memory stays the same whatever the file's size. Every problem of a record is reported,
 * not just the first. What takes more than one row (a key given twice, a partner named two ways)
 * is checked over the staging table, by the import (see `staged.ts`).
 */
export class RowValidator<K extends ImportKind> {
  constructor(
    readonly header: Header & { kind: K },
    private readonly reference: ReferenceData,
  ) {}

  /** Checks one data record. */
  check(record: CsvRecord): CheckedRecord<RowsByKind[K]> {
    const context = new RowContext(this.header, record);
    if (record.fields.length !== this.header.fields.length) {
      context.problem(
        null,
        null,
        `has ${record.fields.length} fields but the header has ${this.header.fields.length}: a value with a comma must be in double quotes`,
      );
      return { line: record.line, fields: record.fields, row: null, problems: context.problems };
    }
    const row = this.checkKind(context);
    const ok = context.problems.length === 0;
    return { line: record.line, fields: record.fields, row: ok ? row : null, problems: context.problems };
  }

  private checkKind(context: RowContext): RowsByKind[K] {
    const kind: ImportKind = this.header.kind;
    // Each branch returns the row of its own kind; the header's kind is K.
    switch (kind) {
      case 'contributions':
        return this.contribution(context) as RowsByKind[K];
      case 'impact':
        return this.impact(context) as RowsByKind[K];
      case 'targets':
        return this.target(context) as RowsByKind[K];
      case 'partners':
        return this.partner(context) as RowsByKind[K];
    }
  }

  private externalRef(context: RowContext): string | null {
    return context.required('external_ref');
  }

  private region(context: RowContext): string | null {
    return context.code('region_code', this.reference.regions, 'region code', true);
  }

  /** The optional country, which must have belonged to the region on `date` (today when null). */
  private country(context: RowContext, region: string | null, date: string | null | undefined): string | null {
    const country = context.optionalCode('country_iso3', this.reference.countries, 'country ISO3 code');
    if (country === null || region === null || date === null) return country;
    const actual =
      date === undefined ? currentRegion(this.reference, country) : regionOn(this.reference, country, date);
    if (actual !== region) {
      const when = date === undefined ? 'today' : `on ${date}`;
      context.problem(
        'country_iso3',
        country,
        actual === null
          ? `country ${country} belonged to no region ${when}`
          : `country ${country} belonged to region ${actual} ${when}, not ${region}: use region_code ${actual}`,
      );
    }
    return country;
  }

  private objective(context: RowContext): string | null {
    return context.code('objective_code', this.reference.objectives, 'objective code', true);
  }

  private partnershipRef(context: RowContext): string | null {
    const ref = context.text('partnership_ref');
    if (ref === '') return null;
    if (this.reference.partnershipRefs && !this.reference.partnershipRefs.has(ref)) {
      context.problem('partnership_ref', ref, 'no partnership has this external ref: import or create it first');
    }
    return ref;
  }

  private contribution(context: RowContext): ContributionRow {
    const externalRef = this.externalRef(context);
    const date = context.parse('date', parseIsoDate);
    const amountUsd = context.parse('amount_usd', (text) => parseDecimal(text, MONEY));
    const incomeStream = context.parse('income_stream', (text) => parseEnum(text, INCOME_STREAMS));
    const kind = context.parse('kind', (text) => parseEnum(text, CONTRIBUTION_KINDS));
    const partnerRef = context.required('partner_ref');
    const partnerName = context.required('partner_name');
    const partnerType = context.parse('partner_type', (text) => parseEnum(text, PARTNER_TYPES));
    const regionCode = this.region(context);
    const countryIso3 = this.country(context, regionCode, date);
    const objectiveCode = this.objective(context);
    const partnershipRef = this.partnershipRef(context);
    return {
      externalRef: externalRef ?? '',
      date: date ?? '',
      amountUsd: amountUsd ?? '',
      incomeStream: incomeStream ?? 'CORPORATE',
      kind: kind ?? 'CASH',
      partnerRef: partnerRef ?? '',
      partnerName: partnerName ?? '',
      partnerType: partnerType ?? 'CORPORATION',
      regionCode: regionCode ?? '',
      countryIso3,
      objectiveCode: objectiveCode ?? '',
      partnershipRef,
    };
  }

  private metric(context: RowContext, recordedOnly: boolean): { code: string; metric: MetricReference } | null {
    const text = context.required('metric_code');
    if (text === null) return null;
    const code = text.toUpperCase();
    const metric = this.reference.metrics.get(code);
    if (metric && (!recordedOnly || metric.recorded)) return { code, metric };
    const allowed = [...this.reference.metrics].filter(([, m]) => !recordedOnly || m.recorded).map(([c]) => c);
    const what = metric ? 'is computed from other data, not recorded' : 'is not a known metric';
    context.problem('metric_code', text, `${what}: must be one of ${allowed.join(', ')}`);
    return null;
  }

  private impact(context: RowContext): ImpactRow {
    const externalRef = this.externalRef(context);
    const date = context.parse('date', parseIsoDate);
    const metric = this.metric(context, true);
    const value = context.parse('value', (text) => parseDecimal(text, metric ? shapeOf(metric.metric) : QUANTITY));
    const regionCode = this.region(context);
    const countryIso3 = this.country(context, regionCode, date);
    const objectiveCode = this.objective(context);
    const partnershipRef = this.partnershipRef(context);
    return {
      externalRef: externalRef ?? '',
      date: date ?? '',
      metricCode: metric?.code ?? '',
      value: value ?? '',
      regionCode: regionCode ?? '',
      countryIso3,
      objectiveCode: objectiveCode ?? '',
      partnershipRef,
    };
  }

  private target(context: RowContext): TargetRow {
    const metric = this.metric(context, false);
    const scope = this.scope(context);
    const year = context.parse('year', (text) => parseInteger(text, 2000, 2100));
    const quarterText = context.text('quarter');
    const quarter = quarterText === '' ? null : context.accept('quarter', quarterText, parseInteger(quarterText, 1, 4));
    const value = context.parse('value', (text) => parseDecimal(text, metric ? shapeOf(metric.metric) : QUANTITY));
    return {
      metricCode: metric?.code ?? '',
      scopeType: scope?.scopeType ?? 'GLOBAL',
      scopeCode: scope?.scopeCode ?? '',
      regionCode: scope?.scopeType === 'REGION' ? scope.scopeCode : null,
      countryIso3: scope?.scopeType === 'COUNTRY' ? scope.scopeCode : null,
      year: year ?? 0,
      quarter,
      value: value ?? '',
    };
  }

  private scope(context: RowContext): Pick<TargetRow, 'scopeType' | 'scopeCode'> | null {
    const text = context.required('scope');
    if (text === null) return null;
    const code = text.toUpperCase();
    if (code === 'GLOBAL') return { scopeType: 'GLOBAL', scopeCode: code };
    if (this.reference.regions.has(code)) return { scopeType: 'REGION', scopeCode: code };
    if (this.reference.countries.has(code)) return { scopeType: 'COUNTRY', scopeCode: code };
    context.problem('scope', text, 'must be GLOBAL, a region code or a country ISO3 code');
    return null;
  }

  private partner(context: RowContext): PartnerRow {
    const externalRef = this.externalRef(context);
    const name = context.required('name');
    const partnerType = context.parse('partner_type', (text) => parseEnum(text, PARTNER_TYPES));
    const scope = context.parse('scope', (text) => parseEnum(text, PARTNER_SCOPES));
    const regionCode = this.region(context);
    const countryIso3 = this.country(context, regionCode, undefined);
    const sector = context.text('sector');
    return {
      externalRef: externalRef ?? '',
      name: name ?? '',
      partnerType: partnerType ?? 'CORPORATION',
      scope: scope ?? 'LOCAL',
      regionCode: regionCode ?? '',
      countryIso3,
      sector: sector === '' ? null : sector,
    };
  }
}

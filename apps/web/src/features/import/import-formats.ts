import type { TextKey } from '../../i18n/messages';
import type { Translate } from '../../i18n/translate';

/**
 * The files Panorama imports (DESIGN.md, "Data in and out", and the partners' export format):
 * what each kind of file holds and its columns, as `POST /api/import/:kind` checks them. The
 * server is the judge; the page shows these to say what to send and to warn early about a header.
 */
export const IMPORT_KINDS = ['contributions', 'impact', 'targets', 'partners'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** One column of a format. */
export interface ImportColumn {
  name: string;
  /** A required column must be in the header and filled on every row. */
  required: boolean;
  /** What it holds, in words. */
  hint?: TextKey;
  /** The values it accepts, when they are a short list of codes. */
  values?: readonly string[];
}

/** The kind of file in words, for the choice and the headings. */
export const KIND_LABELS: Readonly<Record<ImportKind, TextKey>> = {
  contributions: 'import.kind.contributions',
  impact: 'import.kind.impact',
  targets: 'import.kind.targets',
  partners: 'import.kind.partners',
};

/** The kind of file in words inside a sentence: "a file of impact records". */
export function kindInSentence(t: Translate, kind: ImportKind): string {
  return t(KIND_LABELS[kind]).toLocaleLowerCase();
}

/** What a file of each kind is for, under the choice. */
export const KIND_LEADS: Readonly<Record<ImportKind, TextKey>> = {
  contributions: 'import.kindLead.contributions',
  impact: 'import.kindLead.impact',
  targets: 'import.kindLead.targets',
  partners: 'import.kindLead.partners',
};

const REGION_CODES = ['RBB', 'RBC', 'RBD', 'RBJ', 'RBN', 'RBP', 'HQ'] as const;
const INCOME_STREAMS = ['INDIVIDUAL_GIVING', 'CORPORATE', 'FOUNDATION', 'HNWI'] as const;
const PARTNER_TYPES = ['CORPORATION', 'FOUNDATION', 'HNWI', 'GIVING_CHANNEL', 'ASSOCIATION'] as const;

const column = (name: string, hint?: TextKey, values?: readonly string[]): ImportColumn => ({
  name,
  required: true,
  ...(hint ? { hint } : {}),
  ...(values ? { values } : {}),
});
const optional = (name: string, hint?: TextKey, values?: readonly string[]): ImportColumn => ({
  ...column(name, hint, values),
  required: false,
});

const externalRef = column('external_ref', 'import.hint.externalRef');
const date = column('date', 'import.hint.date');
const regionCode = column('region_code', 'import.hint.regionCode', REGION_CODES);
const countryIso3 = optional('country_iso3', 'import.hint.countryIso3');
const objectiveCode = column('objective_code', 'import.hint.objectiveCode');
const partnershipRef = optional('partnership_ref', 'import.hint.partnershipRef');

/** The columns of each kind of file, in the documented order (a file may give them in any order). */
export const IMPORT_FORMATS: Readonly<Record<ImportKind, readonly ImportColumn[]>> = {
  contributions: [
    externalRef,
    date,
    column('amount_usd', 'import.hint.amountUsd'),
    column('income_stream', undefined, INCOME_STREAMS),
    column('kind', undefined, ['CASH', 'IN_KIND']),
    column('partner_ref', 'import.hint.partnerRef'),
    column('partner_name', 'import.hint.partnerName'),
    column('partner_type', undefined, PARTNER_TYPES),
    regionCode,
    countryIso3,
    objectiveCode,
    partnershipRef,
  ],
  impact: [
    externalRef,
    date,
    column('metric_code', 'import.hint.recordedMetric'),
    column('value', 'import.hint.value'),
    regionCode,
    countryIso3,
    objectiveCode,
    partnershipRef,
  ],
  targets: [
    column('metric_code', 'import.hint.metricCode'),
    column('scope', 'import.hint.targetScope'),
    column('year', 'import.hint.year'),
    optional('quarter', 'import.hint.quarter', ['1', '2', '3', '4']),
    column('value', 'import.hint.value'),
  ],
  partners: [
    column('external_ref', 'import.hint.partnerExternalRef'),
    column('name'),
    column('partner_type', undefined, PARTNER_TYPES),
    column('scope', undefined, ['LOCAL', 'GLOBAL']),
    column('region_code', 'import.hint.managingRegion', REGION_CODES),
    countryIso3,
    optional('sector'),
  ],
};

/** How a file's header compares with a format: the required columns it lacks, and the names it should not have. */
export interface HeaderCheck {
  missing: string[];
  unknown: string[];
}

/**
 * Compares a header with a kind's format as the server does: names trimmed and case-insensitive,
 * in any order. An empty list of each means the header will pass.
 */
export function checkHeader(kind: ImportKind, header: readonly string[]): HeaderCheck {
  const format = IMPORT_FORMATS[kind];
  const known = new Set(format.map((each) => each.name));
  const names = header.map((name) => name.trim().toLowerCase());
  const given = new Set(names);
  return {
    missing: format.filter((each) => each.required && !given.has(each.name)).map((each) => each.name),
    unknown: header.filter((_, at) => !known.has(names[at] ?? '')).map((name) => name.trim() || '""'),
  };
}

/** True when `value` names a kind of file. */
export function isImportKind(value: unknown): value is ImportKind {
  return typeof value === 'string' && (IMPORT_KINDS as readonly string[]).includes(value);
}

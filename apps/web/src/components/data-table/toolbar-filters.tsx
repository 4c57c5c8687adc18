import { useQuery } from 'urql';
import { useT } from '../../i18n/language-provider';
import { translate } from '../../i18n/translate';
import { graphql, type ResultOf } from '../../lib/graphql';
import { formatEnum } from './cell-format';
import { type SelectOption, ToolbarSelect } from './toolbar';

/** The values of one of the schema's enums (`SchemaEnum<'PartnerType'>`). */
export type SchemaEnum<Name extends string> = ReturnType<typeof graphql.scalar<Name>>;

/** The API's enums that tables filter by, in the order people expect them; each value checked against the schema. */
export const PARTNER_TYPES = [
  'CORPORATION',
  'FOUNDATION',
  'HNWI',
  'GIVING_CHANNEL',
  'ASSOCIATION',
] as const satisfies readonly SchemaEnum<'PartnerType'>[];
export const INCOME_STREAMS = [
  'INDIVIDUAL_GIVING',
  'CORPORATE',
  'FOUNDATION',
  'HNWI',
] as const satisfies readonly SchemaEnum<'IncomeStream'>[];
export const CONTRIBUTION_KINDS = ['CASH', 'IN_KIND'] as const satisfies readonly SchemaEnum<'ContributionKind'>[];

export type PartnerType = (typeof PARTNER_TYPES)[number];
export type IncomeStream = (typeof INCOME_STREAMS)[number];
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

/** Options of an enum filter, each value in words. */
export function enumOptions(values: readonly string[]): SelectOption[] {
  return values.map((value) => ({ value, label: formatEnum(value) }));
}

/** A value if it is one of the enum's, else null (a hand-edited URL). */
export function oneOf<const T extends string>(values: readonly T[], value: string | null | undefined): T | null {
  return value && (values as readonly string[]).includes(value) ? (value as T) : null;
}

interface FilterProps {
  value: string | null;
  onChange: (value: string | null) => void;
  /** The label, when the default does not fit ("Managed by"), in the language shown. */
  label?: string;
}

export const RegionFilter_Regions = graphql(`
  query RegionFilter_Regions {
    regions {
      id
      code
      name
      city
    }
  }
`);

/** A bureau as the region filter lists it. */
export type RegionOption = ResultOf<typeof RegionFilter_Regions>['regions'][number];

/** A bureau as people call it, short enough for a select: "RBN · Nairobi", "HQ · Headquarters". */
export function regionLabel(region: Pick<RegionOption, 'code' | 'city'>): string {
  return `${region.code} · ${region.city ?? translate('filters.headquarters')}`;
}

/** Chooses one bureau (or HQ); its options come from the API. */
export function RegionFilter({ value, onChange, label }: FilterProps) {
  const t = useT();
  const [result] = useQuery({ query: RegionFilter_Regions });
  const regions = result.data?.regions ?? [];
  // Until the regions load, the selected code is still shown.
  const options =
    value && !regions.some((region) => region.code === value)
      ? [{ value, label: value }]
      : regions.map((region) => ({ value: region.code, label: regionLabel(region) }));
  return (
    <ToolbarSelect
      label={label ?? t('filters.region')}
      value={value}
      options={options}
      onChange={onChange}
      allLabel={t('filters.allRegions')}
      disabled={result.fetching && regions.length === 0 && !value}
    />
  );
}

/** Chooses one type of partner. */
export function PartnerTypeFilter({ value, onChange, label }: FilterProps) {
  const t = useT();
  return (
    <ToolbarSelect
      label={label ?? t('filters.partnerType')}
      value={oneOf(PARTNER_TYPES, value)}
      options={enumOptions(PARTNER_TYPES)}
      onChange={onChange}
      allLabel={t('filters.allTypes')}
    />
  );
}

/** Chooses one income stream. */
export function IncomeStreamFilter({ value, onChange, label }: FilterProps) {
  const t = useT();
  return (
    <ToolbarSelect
      label={label ?? t('filters.incomeStream')}
      value={oneOf(INCOME_STREAMS, value)}
      options={enumOptions(INCOME_STREAMS)}
      onChange={onChange}
      allLabel={t('filters.allStreams')}
    />
  );
}

/** Chooses cash or in-kind contributions. */
export function ContributionKindFilter({ value, onChange, label }: FilterProps) {
  const t = useT();
  return (
    <ToolbarSelect
      label={label ?? t('filters.kind')}
      value={oneOf(CONTRIBUTION_KINDS, value)}
      options={enumOptions(CONTRIBUTION_KINDS)}
      onChange={onChange}
      allLabel={t('filters.allKinds')}
    />
  );
}

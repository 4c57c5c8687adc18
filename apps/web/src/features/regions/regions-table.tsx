import { useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Badge } from '../../components/badge/badge';
import { type DataColumn, dataColumns } from '../../components/data-table/columns';
import { DataTable } from '../../components/data-table/data-table';
import { SearchLink } from '../../components/search-link/search-link';
import { useT } from '../../i18n/language-provider';
import { type Translate, translate } from '../../i18n/translate';
import type { ResultOf } from '../../lib/graphql';
import { HQ_REGION_CODE, type RegionComparison } from './region-comparison';
import type { RegionsPage_MetricCatalog } from './regions-page';

/** The metric the table compares, as the catalog describes it, named in the language shown. */
export type ComparedMetric = Pick<
  ResultOf<typeof RegionsPage_MetricCatalog>['metricCatalog'][number],
  'code' | 'unit' | 'additive'
> & { label: string };

/** The columns of the comparison, for one metric and year, in the language of `t`. */
export function regionColumns(
  metric: ComparedMetric,
  year: number,
  t: Translate = translate,
): DataColumn<RegionComparison>[] {
  const column = dataColumns<RegionComparison>();
  const { unit } = metric;
  // Dollars compact ($16.1M): seven regions compare at a glance; the CSV keeps every cent.
  const compact = true;
  // The CSV says what its figures are in: "Actual (USD)", "Attainment (ratio)".
  const withUnit = (header: string) =>
    unit === 'USD' ? t('columns.inUsd', { header }) : unit === 'RATE' ? t('columns.inRatio', { header }) : header;
  const previousYear = String(year - 1);
  return [
    column.number({ id: 'rank', header: t('columns.rank'), value: (row) => row.rank }),
    column.text({
      id: 'code',
      header: t('columns.code'),
      value: (row) => row.code,
      cell: (row) => <Badge tone={row.code === HQ_REGION_CODE ? 'neutral' : 'accent'}>{row.code}</Badge>,
    }),
    column.text({
      id: 'name',
      header: t('columns.region'),
      value: (row) => row.name,
      rowHeader: true,
      wide: true,
      cell: (row) => <SearchLink to={`/regions/${row.code}`}>{row.name}</SearchLink>,
    }),
    column.metric({
      id: 'value',
      header: t('columns.actual'),
      csvHeader: withUnit(t('columns.actual')),
      unit,
      compact,
      value: (row) => row.value,
    }),
    column.metric({
      id: 'target',
      header: t('columns.target'),
      csvHeader: withUnit(t('columns.target')),
      unit,
      compact,
      value: (row) => row.target,
    }),
    column.percent({
      id: 'attainment',
      header: t('columns.attainment'),
      csvHeader: t('columns.inRatio', { header: t('columns.attainment') }),
      value: (row) => row.attainment,
    }),
    column.enumeration({ id: 'status', header: t('columns.status'), value: (row) => row.status }),
    column.metric({
      id: 'previous',
      header: previousYear,
      csvHeader: withUnit(previousYear),
      unit,
      compact,
      value: (row) => row.previous,
    }),
    column.percent({
      id: 'change',
      header: t('columns.change'),
      csvHeader: t('columns.inRatio', { header: t('columns.change') }),
      signed: true,
      value: (row) => row.change,
    }),
    column.percent({
      id: 'share',
      header: t('columns.share'),
      csvHeader: t('columns.inRatio', { header: t('columns.share') }),
      value: (row) => row.share,
    }),
  ];
}

interface RegionsTableProps {
  rows: readonly RegionComparison[];
  metric: ComparedMetric;
  year: number;
  /** What the period is: "1 January to 30 June 2025…". */
  note: string;
  loading?: boolean;
}

/** Every bureau side by side for one metric; a click or Enter on a row opens the region's panorama. */
export function RegionsTable({ rows, metric, year, note, loading = false }: RegionsTableProps) {
  const t = useT();
  const navigate = useNavigate();
  const { search } = useLocation();
  const columns = useMemo(() => regionColumns(metric, year, t), [metric, year, t]);
  return (
    <DataTable
      caption={t('regions.caption', { label: metric.label, year })}
      note={note}
      columns={columns}
      data={rows}
      getRowId={(row) => row.code}
      initialSorting={[{ id: 'value', desc: true }]}
      loading={loading}
      loadingLabel={t('regions.loading')}
      emptyTitle={t('regions.empty')}
      empty={<p>{t('regions.emptyBody')}</p>}
      onRowActivate={(row) => navigate({ pathname: `/regions/${row.code}`, search })}
      csvFileName={`regions-${metric.code.toLowerCase()}-${year}`}
    />
  );
}

import { useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Badge } from '../../components/badge/badge';
import type { MetricUnit } from '../../components/data-table/cell-format';
import { type DataColumn, dataColumns } from '../../components/data-table/columns';
import { DataTable } from '../../components/data-table/data-table';
import { SearchLink } from '../../components/search-link/search-link';
import { HQ_REGION_CODE, type RegionComparison } from './region-comparison';

/** The metric the table compares, as the catalog describes it. */
export interface ComparedMetric {
  code: string;
  label: string;
  unit: MetricUnit | string;
  additive: boolean;
}

/** The columns of the comparison, for one metric and year. */
export function regionColumns(metric: ComparedMetric, year: number): DataColumn<RegionComparison>[] {
  const column = dataColumns<RegionComparison>();
  const { unit } = metric;
  // Dollars compact ($16.1M): seven regions compare at a glance; the CSV keeps every cent.
  const compact = true;
  const unitSuffix = unit === 'USD' ? ' (USD)' : unit === 'RATE' ? ' (ratio)' : '';
  return [
    column.number({ id: 'rank', header: 'Rank', value: (row) => row.rank }),
    column.text({
      id: 'code',
      header: 'Code',
      value: (row) => row.code,
      cell: (row) => <Badge tone={row.code === HQ_REGION_CODE ? 'neutral' : 'accent'}>{row.code}</Badge>,
    }),
    column.text({
      id: 'name',
      header: 'Region',
      value: (row) => row.name,
      rowHeader: true,
      wide: true,
      cell: (row) => <SearchLink to={`/regions/${row.code}`}>{row.name}</SearchLink>,
    }),
    column.metric({
      id: 'value',
      header: 'Actual',
      csvHeader: `Actual${unitSuffix}`,
      unit,
      compact,
      value: (row) => row.value,
    }),
    column.metric({
      id: 'target',
      header: 'Target',
      csvHeader: `Target${unitSuffix}`,
      unit,
      compact,
      value: (row) => row.target,
    }),
    column.percent({
      id: 'attainment',
      header: 'Attainment',
      csvHeader: 'Attainment (ratio)',
      value: (row) => row.attainment,
    }),
    column.enumeration({ id: 'status', header: 'Status', value: (row) => row.status }),
    column.metric({
      id: 'previous',
      header: String(year - 1),
      csvHeader: `${year - 1}${unitSuffix}`,
      unit,
      compact,
      value: (row) => row.previous,
    }),
    column.percent({
      id: 'change',
      header: 'Change',
      csvHeader: 'Change (ratio)',
      signed: true,
      value: (row) => row.change,
    }),
    column.percent({ id: 'share', header: 'Share', csvHeader: 'Share (ratio)', value: (row) => row.share }),
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
  const navigate = useNavigate();
  const { search } = useLocation();
  const columns = useMemo(() => regionColumns(metric, year), [metric, year]);
  return (
    <DataTable
      caption={`${metric.label} by region, ${year}`}
      note={note}
      columns={columns}
      data={rows}
      getRowId={(row) => row.code}
      initialSorting={[{ id: 'value', desc: true }]}
      loading={loading}
      loadingLabel="Loading regions…"
      emptyTitle="No regions to compare"
      empty={<p>Regions are installed with the database; check that its migrations have run.</p>}
      onRowActivate={(row) => navigate({ pathname: `/regions/${row.code}`, search })}
      csvFileName={`regions-${metric.code.toLowerCase()}-${year}`}
    />
  );
}

import { useCallback, useMemo } from 'react';
import { useQuery } from 'urql';
import { CHART_ROLE_COLORS, Chart } from '../../components/chart/chart';
import { formatDate } from '../../components/data-table/cell-format';
import { formatUsd } from '../../components/format/number';
import { EmptyState, ErrorState, LoadingState } from '../../components/query-state/query-state';
import { FIRST_YEAR } from '../../components/year-select/year';
import { useT } from '../../i18n/language-provider';
import { useFilters } from '../../lib/filters';
import { graphql, type ResultOf } from '../../lib/graphql';

/** The partner's revenue and number of gifts, year by year. */
export const PartnerGifts_Metrics = graphql(`
  query PartnerGifts_Metrics($partnerIds: [ID!]!, $from: Date!, $to: Date!) {
    metrics(
      metrics: [REVENUE_USD, CONTRIBUTION_COUNT]
      from: $from
      to: $to
      grain: YEAR
      filter: { partnerIds: $partnerIds }
    ) {
      rows {
        period {
          label
        }
        values {
          value
        }
      }
      total {
        values {
          value
        }
      }
    }
  }
`);

/** One bar per year: the revenue, and the number of gifts for the tooltip-less reader. */
export function giftChartRows(rows: ResultOf<typeof PartnerGifts_Metrics>['metrics']['rows']) {
  return rows.map((row) => ({
    year: row.period?.label ?? '',
    revenue: row.values[0]?.value ?? 0,
    gifts: row.values[1]?.value ?? 0,
  }));
}

interface PartnerGiftsProps {
  partnerId: string;
  partnerName: string;
}

/** Gifts over time: the partner's revenue each year from the first reporting year to the selected one. */
export function PartnerGifts({ partnerId, partnerName }: PartnerGiftsProps) {
  const t = useT();
  const [{ year, asOf }] = useFilters();
  const from = `${FIRST_YEAR}-01-01`;
  const to = asOf ?? `${year}-12-31`;
  const [result, reexecute] = useQuery({
    query: PartnerGifts_Metrics,
    variables: { partnerIds: [partnerId], from, to },
  });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const metrics = result.data?.metrics;
  const data = useMemo(() => (metrics ? giftChartRows(metrics.rows) : []), [metrics]);
  const revenue = metrics?.total.values[0]?.value ?? 0;
  const gifts = metrics?.total.values[1]?.value ?? 0;
  const series = useMemo(() => [{ key: 'revenue', label: t('columns.revenue'), color: CHART_ROLE_COLORS.actual }], [t]);

  return (
    <section className="card card--padded partner-section" aria-labelledby="partner-gifts-title">
      <h2 id="partner-gifts-title">{t('partner.gifts.title')}</h2>
      {metrics ? (
        <p className="partner-section__lead">
          {t('partner.gifts.lead', {
            count: gifts,
            amount: formatUsd(revenue),
            from: FIRST_YEAR,
            to: asOf ? formatDate(asOf) : year,
          })}
        </p>
      ) : null}
      {result.error && !result.fetching ? (
        <ErrorState title={t('partner.gifts.error')} detail={result.error.message} onRetry={retry} />
      ) : !metrics ? (
        <LoadingState label={t('partner.gifts.loading')} lines={4} />
      ) : gifts === 0 ? (
        <EmptyState title={t('partner.gifts.empty', { from: FIRST_YEAR, to: year })}>
          <p>{t('partner.gifts.emptyBody')}</p>
        </EmptyState>
      ) : (
        <Chart
          data={data}
          xKey="year"
          categoryLabel={t('category.year')}
          series={series}
          kind="bar"
          height={240}
          valueFormat={(value) => formatUsd(value, { compact: true })}
          ariaLabel={t('partner.gifts.chart', { partner: partnerName, from: FIRST_YEAR, to: year })}
        />
      )}
    </section>
  );
}

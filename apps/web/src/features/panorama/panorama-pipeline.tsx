import { CHART_PALETTE, CHART_ROLE_COLORS, Chart } from '../../components/chart/chart';
import { formatEnum } from '../../components/data-table/cell-format';
import { formatNumber, formatUsd } from '../../components/format/number';
import { EmptyState } from '../../components/query-state/query-state';
import { useT } from '../../i18n/language-provider';
import { type FragmentOf, graphql, readFragment } from '../../lib/graphql';
import { pipelineChartRows } from './panorama-model';
import { PanoramaPanel } from './panorama-panel';

const formatUsdCompact = (value: number) => formatUsd(value, { compact: true });

/** The opportunities expected to close in the year, by stage. */
export const PanoramaPipeline_Panorama = graphql(`
  fragment PanoramaPipeline_Panorama on Panorama {
    year
    region {
      id
      code
    }
    pipeline {
      stage
      count
      amountUsd
      weightedUsd
    }
  }
`);

/** The prospecting pipeline: amount and weighted amount by stage (a bar chart), and how many in each. */
export function PanoramaPipeline({ panorama: data }: { panorama: FragmentOf<typeof PanoramaPipeline_Panorama> }) {
  const t = useT();
  const panorama = readFragment(PanoramaPipeline_Panorama, data);
  const rows = pipelineChartRows(panorama.pipeline);
  const total = panorama.pipeline.reduce((sum, stage) => sum + stage.count, 0);
  const { year } = panorama;
  return (
    <PanoramaPanel title={t('pipeline.title')} lead={t('pipeline.lead', { year })} className="panorama-chart-panel">
      {total === 0 ? (
        <EmptyState title={t('pipeline.empty', { year })} />
      ) : (
        <>
          <Chart
            data={rows}
            xKey="stage"
            categoryLabel={t('category.stage')}
            kind="bar"
            series={[
              { key: 'amount', label: t('pipeline.amount'), color: CHART_ROLE_COLORS.actual },
              { key: 'weighted', label: t('pipeline.weighted'), color: CHART_PALETTE[2] },
            ]}
            valueFormat={formatUsdCompact}
            height={240}
            ariaLabel={t('pipeline.chart', { code: panorama.region.code, year })}
          />
          <ul className="panorama-pipeline__counts" aria-label={t('pipeline.counts')}>
            {panorama.pipeline.map((stage) => (
              <li key={stage.stage}>
                <span className="panorama-pipeline__count">{formatNumber(stage.count)}</span>
                <span className="panorama-pipeline__stage">{formatEnum(stage.stage)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </PanoramaPanel>
  );
}

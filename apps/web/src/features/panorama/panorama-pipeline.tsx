import { gql } from 'urql';
import { CHART_PALETTE, CHART_ROLE_COLORS, Chart } from '../../components/chart/chart';
import { formatNumber, formatUsd } from '../../components/format/number';
import { EmptyState } from '../../components/query-state/query-state';
import { type PipelineStageRow, pipelineChartRows, STAGE_LABELS } from './panorama-model';
import { PanoramaPanel } from './panorama-panel';

const formatUsdCompact = (value: number) => formatUsd(value, { compact: true });

export interface PanoramaPipelineFields {
  year: number;
  region: { code: string };
  pipeline: PipelineStageRow[];
}

/** The opportunities expected to close in the year, by stage. */
export const PanoramaPipeline_Panorama = gql<PanoramaPipelineFields>`
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
`;

/** The prospecting pipeline: amount and weighted amount by stage (a bar chart), and how many in each. */
export function PanoramaPipeline({ panorama }: { panorama: PanoramaPipelineFields }) {
  const rows = pipelineChartRows(panorama.pipeline);
  const total = panorama.pipeline.reduce((sum, stage) => sum + stage.count, 0);
  return (
    <PanoramaPanel
      title="Pipeline by stage"
      lead={`Opportunities expected to close in ${panorama.year}: amount, and amount × probability`}
      className="panorama-chart-panel"
    >
      {total === 0 ? (
        <EmptyState title={`No opportunities expected to close in ${panorama.year}`} />
      ) : (
        <>
          <Chart
            data={rows}
            xKey="stage"
            kind="bar"
            series={[
              { key: 'amount', label: 'Amount', color: CHART_ROLE_COLORS.actual },
              { key: 'weighted', label: 'Weighted', color: CHART_PALETTE[2] },
            ]}
            valueFormat={formatUsdCompact}
            height={240}
            ariaLabel={`Pipeline of ${panorama.region.code} by stage, ${panorama.year}: amount and weighted amount`}
          />
          <ul className="panorama-pipeline__counts" aria-label="Opportunities by stage">
            {panorama.pipeline.map((stage) => (
              <li key={stage.stage}>
                <span className="panorama-pipeline__count">{formatNumber(stage.count)}</span>
                <span className="panorama-pipeline__stage">{STAGE_LABELS[stage.stage] ?? stage.stage}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </PanoramaPanel>
  );
}

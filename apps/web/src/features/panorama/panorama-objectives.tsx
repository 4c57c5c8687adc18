import { useId } from 'react';
import { gql } from 'urql';
import { ExportButton } from '../../components/data-table/export-button';
import { periodText } from '../../components/format/date';
import { formatPercent } from '../../components/format/number';
import {
  formatMetricValue,
  formatMetricValueFull,
  formatMetricValueParts,
  parseStatus,
  parseUnit,
  STATUS_LABELS,
} from '../../components/kpi-card/metric-format';
import { StatusPill } from '../../components/kpi-card/status-pill';
import { toCsv } from '../../lib/csv';
import { catalogByCode, type MetricDefinition, objectivesByPillar, type PanoramaMetricValue } from './panorama-model';

export interface PanoramaObjectiveProgress {
  objective: { id: string; code: string; name: string; pillar: string };
  status: string | null;
  figures: PanoramaMetricValue[];
}

export interface PanoramaObjectivesFields {
  year: number;
  asOf: string;
  region: { code: string };
  objectives: PanoramaObjectiveProgress[];
}

/** Each strategy objective in the region: its status and its measures against their targets. */
export const PanoramaObjectives_Panorama = gql<PanoramaObjectivesFields>`
  fragment PanoramaObjectives_Panorama on Panorama {
    year
    asOf
    region {
      id
      code
    }
    objectives {
      objective {
        id
        code
        name
        pillar
      }
      status
      figures {
        metric
        value
        target
        attainment
        status
      }
    }
  }
`;

const OBJECTIVES_CSV_HEADER = [
  'Pillar',
  'Objective code',
  'Objective',
  'Objective status',
  'Metric',
  'To date',
  'Target',
  'Attainment (ratio)',
  'Metric status',
];

interface PanoramaObjectivesProps {
  panorama: PanoramaObjectivesFields;
  catalog: readonly MetricDefinition[];
}

/** The objectives under their pillars: status pills, and each measure's attainment of its target. */
export function PanoramaObjectives({ panorama, catalog }: PanoramaObjectivesProps) {
  const captionId = useId();
  const definitions = catalogByCode(catalog);
  const groups = objectivesByPillar(panorama.objectives);
  const label = (metric: string) => definitions.get(metric)?.label ?? metric;

  const buildCsv = async () => {
    const rows = panorama.objectives.flatMap(({ objective, status, figures }) =>
      (figures.length > 0 ? figures : [null]).map((figure) => [
        objective.pillar,
        objective.code,
        objective.name,
        status,
        figure?.metric ?? null,
        figure?.value ?? null,
        figure?.target ?? null,
        figure?.attainment ?? null,
        figure?.status ?? null,
      ]),
    );
    return {
      csv: toCsv(OBJECTIVES_CSV_HEADER, rows),
      rowCount: rows.length,
      totalCount: rows.length,
      truncated: false,
    };
  };

  return (
    <section className="card panorama-panel panorama-objectives" aria-labelledby={captionId}>
      <div className="panorama-panel__toolbar">
        <header className="panorama-panel__header">
          <h2 id={captionId} className="panorama-panel__title">
            Objectives
          </h2>
          <p className="panorama-panel__lead">
            Each objective's status is the worst of its measures', {periodText(panorama.asOf)}, against the full-year
            target.
          </p>
        </header>
        <div className="panorama-controls">
          <ExportButton
            fileName={`objectives-${panorama.region.code.toLowerCase()}-${panorama.year}`}
            buildCsv={buildCsv}
            disabled={panorama.objectives.length === 0}
          />
        </div>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className="table-scroll" tabIndex={0} aria-labelledby={captionId}>
        <table className="data-table panorama-objectives__table">
          <caption className="visually-hidden">Objectives of {panorama.region.code} by pillar</caption>
          <thead>
            <tr>
              <th scope="col">Objective</th>
              <th scope="col">Status</th>
              <th scope="col">Measures: to date of target</th>
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={group.code}>
              <tr className="panorama-objectives__pillar">
                <th scope="colgroup" colSpan={3}>
                  {group.label}
                  {group.lead ? <span className="panorama-objectives__pillar-lead"> · {group.lead}</span> : null}
                </th>
              </tr>
              {group.objectives.map(({ objective, status, figures }) => (
                <tr key={objective.code}>
                  <th scope="row">
                    {objective.name}
                    <span className="panorama-objectives__code">{objective.code}</span>
                  </th>
                  <td>
                    <StatusPill status={parseStatus(status)} context={`${objective.name} status`} />
                  </td>
                  <td>
                    {figures.length === 0 ? (
                      <span className="panorama-objectives__none">No measure in the catalog yet</span>
                    ) : (
                      <ul className="panorama-measures">
                        {figures.map((figure) => (
                          <Measure
                            key={figure.metric}
                            figure={figure}
                            label={label(figure.metric)}
                            catalog={definitions}
                          />
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </section>
    </section>
  );
}

const STATUS_GLYPHS: Record<string, string> = { ON_TRACK: '●', AT_RISK: '▲', OFF_TRACK: '■' };

interface MeasureProps {
  figure: PanoramaMetricValue;
  label: string;
  catalog: ReadonlyMap<string, MetricDefinition>;
}

/** "Beneficiaries reached  143.3K of 130K people  110.2% ●": one measure of an objective. */
function Measure({ figure, label, catalog }: MeasureProps) {
  const unit = parseUnit(catalog.get(figure.metric)?.unit);
  const status = parseStatus(figure.status);
  const modifier = status ? status.toLowerCase().replace('_', '-') : 'none';
  return (
    <li className="panorama-measure">
      <span className="panorama-measure__label" title={catalog.get(figure.metric)?.description}>
        {label}
      </span>
      <span className="panorama-measure__values" title={formatMetricValueFull(figure.value, unit)}>
        {typeof figure.target === 'number'
          ? `${formatMetricValueParts(figure.value, unit).figure} of ${formatMetricValue(figure.target, unit)}`
          : `${formatMetricValue(figure.value, unit)} · no target`}
      </span>
      <span className={`panorama-measure__attainment panorama-measure__attainment--${modifier}`}>
        {formatPercent(figure.attainment)}
        {status ? (
          <>
            <span className="panorama-measure__glyph" aria-hidden="true">
              {' '}
              {STATUS_GLYPHS[status]}
            </span>
            <span className="visually-hidden"> ({STATUS_LABELS[status]})</span>
          </>
        ) : null}
      </span>
    </li>
  );
}

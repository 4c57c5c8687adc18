import { useId } from 'react';
import { ExportButton } from '../../components/data-table/export-button';
import { periodText } from '../../components/format/date';
import { formatPercent } from '../../components/format/number';
import {
  formatMetricValue,
  formatMetricValueFull,
  formatMetricValueParts,
  parseStatus,
  parseUnit,
  statusLabel,
} from '../../components/kpi-card/metric-format';
import { StatusPill } from '../../components/kpi-card/status-pill';
import { metricDescription, metricLabel, objectiveName } from '../../i18n/catalog-labels';
import { useT } from '../../i18n/language-provider';
import type { TextKey } from '../../i18n/messages';
import { toCsv } from '../../lib/csv';
import { type FragmentOf, graphql, type ResultOf, readFragment } from '../../lib/graphql';
import { catalogByCode, type MetricDefinition, objectivesByPillar } from './panorama-model';

/** Each strategy objective in the region: its status and its measures against their targets. */
export const PanoramaObjectives_Panorama = graphql(`
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
`);

/** One measure of an objective against its target. */
type ObjectiveFigure = ResultOf<typeof PanoramaObjectives_Panorama>['objectives'][number]['figures'][number];

/** The header of the objectives' CSV export: its values are the API's (codes, names, ratios). */
const OBJECTIVES_CSV_HEADER: readonly TextKey[] = [
  'objectives.csv.pillar',
  'objectives.csv.objectiveCode',
  'objectives.csv.objective',
  'objectives.csv.objectiveStatus',
  'objectives.csv.metric',
  'objectives.toDate',
  'objectives.target',
  'objectives.csv.attainment',
  'objectives.csv.metricStatus',
];

interface PanoramaObjectivesProps {
  panorama: FragmentOf<typeof PanoramaObjectives_Panorama>;
  catalog: readonly MetricDefinition[];
}

/** The objectives under their pillars: status pills, and each measure's attainment of its target. */
export function PanoramaObjectives({ panorama: data, catalog }: PanoramaObjectivesProps) {
  const t = useT();
  const panorama = readFragment(PanoramaObjectives_Panorama, data);
  const captionId = useId();
  const definitions = catalogByCode(catalog);
  const groups = objectivesByPillar(panorama.objectives);
  const label = (metric: string) => {
    const definition = definitions.get(metric);
    return definition ? metricLabel(definition) : metric;
  };

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
      csv: toCsv(
        OBJECTIVES_CSV_HEADER.map((key) => t(key)),
        rows,
      ),
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
            {t('objectives.title')}
          </h2>
          <p className="panorama-panel__lead">{t('objectives.lead', { period: periodText(panorama.asOf) })}</p>
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
          <caption className="visually-hidden">{t('objectives.caption', { code: panorama.region.code })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('objectives.objective')}</th>
              <th scope="col">{t('objectives.status')}</th>
              <th scope="col">{t('objectives.measures')}</th>
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
                    {objectiveName(objective)}
                    <span className="panorama-objectives__code">{objective.code}</span>
                  </th>
                  <td>
                    <StatusPill
                      status={parseStatus(status)}
                      context={t('kpi.statusContext', { label: objectiveName(objective) })}
                    />
                  </td>
                  <td>
                    {figures.length === 0 ? (
                      <span className="panorama-objectives__none">{t('objectives.noMeasure')}</span>
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
  figure: ObjectiveFigure;
  label: string;
  catalog: ReadonlyMap<string, MetricDefinition>;
}

/** "Beneficiaries reached  143.3K of 130K people  110.2% ●": one measure of an objective. */
function Measure({ figure, label, catalog }: MeasureProps) {
  const t = useT();
  const definition = catalog.get(figure.metric);
  const unit = parseUnit(definition?.unit);
  const status = parseStatus(figure.status);
  const modifier = status ? status.toLowerCase().replace('_', '-') : 'none';
  return (
    <li className="panorama-measure">
      <span className="panorama-measure__label" title={definition && metricDescription(definition)}>
        {label}
      </span>
      <span className="panorama-measure__values" title={formatMetricValueFull(figure.value, unit)}>
        {typeof figure.target === 'number'
          ? t('objectives.valueOfTarget', {
              value: formatMetricValueParts(figure.value, unit).figure,
              target: formatMetricValue(figure.target, unit),
            })
          : t('objectives.valueNoTarget', { value: formatMetricValue(figure.value, unit) })}
      </span>
      <span className={`panorama-measure__attainment panorama-measure__attainment--${modifier}`}>
        {formatPercent(figure.attainment)}
        {status ? (
          <>
            <span className="panorama-measure__glyph" aria-hidden="true">
              {' '}
              {STATUS_GLYPHS[status]}
            </span>
            <span className="visually-hidden"> ({statusLabel(status)})</span>
          </>
        ) : null}
      </span>
    </li>
  );
}

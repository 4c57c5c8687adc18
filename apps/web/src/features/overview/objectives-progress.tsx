import { useId } from 'react';
import { formatPercent } from '../../components/format/number';
import {
  formatMetricValue,
  formatMetricValueFull,
  parseStatus,
  parseUnit,
  statusLabel,
  type TargetStatus,
} from '../../components/kpi-card/metric-format';
import { StatusPill } from '../../components/kpi-card/status-pill';
import { metricDescription, metricLabel, objectiveName } from '../../i18n/catalog-labels';
import { useT } from '../../i18n/language-provider';
import { type FragmentOf, graphql, type ResultOf, readFragment } from '../../lib/graphql';
import { catalogByCode, type MetricDefinition, objectivesByPillar } from './overview-model';
import './objectives-progress.css';

/** Progress per strategy objective: its status, and each measure against its target. */
export const ObjectivesProgress_Overview = graphql(`
  fragment ObjectivesProgress_Overview on Overview {
    objectives {
      objective {
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

/** One objective's progress, as the table shows it. */
export type OverviewObjectiveProgress = ResultOf<typeof ObjectivesProgress_Overview>['objectives'][number];

interface ObjectivesProgressProps {
  overview: FragmentOf<typeof ObjectivesProgress_Overview>;
  catalog: readonly MetricDefinition[];
  /** "1 January to 31 December 2025" (in the language shown), for the caption. */
  periodText: string;
}

const COLUMNS = 6;

/**
 * Each strategy objective under its pillar, its status (the worst of its measures) and each
 * measure against its target.
 */
export function ObjectivesProgress({ overview, catalog, periodText }: ObjectivesProgressProps) {
  const t = useT();
  const { objectives } = readFragment(ObjectivesProgress_Overview, overview);
  const captionId = useId();
  const definitions = catalogByCode(catalog);
  const groups = objectivesByPillar(objectives);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="card table-scroll overview-objectives" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table objectives-table">
        <caption id={captionId}>
          {t('objectives.progress')}
          <span className="data-table__note">{t('objectives.progressNote', { period: periodText })}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('objectives.objective')}</th>
            <th scope="col">{t('objectives.status')}</th>
            <th scope="col">{t('objectives.measure')}</th>
            <th scope="col" className="numeric">
              {t('objectives.toDate')}
            </th>
            <th scope="col" className="numeric">
              {t('objectives.target')}
            </th>
            <th scope="col" className="numeric">
              {t('objectives.attainment')}
            </th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.code}>
            <tr className="objectives-table__pillar">
              <th scope="colgroup" colSpan={COLUMNS}>
                {group.label}
                {group.lead ? <span className="objectives-table__pillar-lead"> · {group.lead}</span> : null}
              </th>
            </tr>
            {group.objectives.map((progress) => (
              <ObjectiveRows key={progress.objective.code} progress={progress} definitions={definitions} />
            ))}
          </tbody>
        ))}
      </table>
    </section>
  );
}

interface ObjectiveRowsProps {
  progress: OverviewObjectiveProgress;
  definitions: ReadonlyMap<string, MetricDefinition>;
}

/** One objective: a row per measure, the objective's name and status spanning them. */
function ObjectiveRows({ progress, definitions }: ObjectiveRowsProps) {
  const t = useT();
  const { objective, figures } = progress;
  const name = objectiveName(objective);
  const span = Math.max(1, figures.length);
  const heading = (
    <>
      <th scope="rowgroup" rowSpan={span} className="objectives-table__objective">
        {name}
        <span className="objectives-table__code">{objective.code}</span>
      </th>
      <td rowSpan={span} className="objectives-table__status">
        <StatusPill status={parseStatus(progress.status)} context={t('kpi.statusContext', { label: name })} />
      </td>
    </>
  );
  if (figures.length === 0) {
    return (
      <tr>
        {heading}
        <td colSpan={COLUMNS - 2} className="objectives-table__none">
          {t('objectives.noMeasure')}
        </td>
      </tr>
    );
  }
  return (
    <>
      {figures.map((figure, index) => {
        const definition = definitions.get(figure.metric);
        const unit = parseUnit(definition?.unit);
        return (
          <tr key={figure.metric}>
            {index === 0 ? heading : null}
            <td title={definition && metricDescription(definition)}>
              {definition ? metricLabel(definition) : figure.metric}
            </td>
            <td className="numeric" title={formatMetricValueFull(figure.value, unit)}>
              {formatMetricValue(figure.value, unit)}
            </td>
            <td className="numeric" title={formatMetricValueFull(figure.target, unit)}>
              {formatMetricValue(figure.target, unit)}
            </td>
            <td className="numeric">
              <Attainment attainment={figure.attainment ?? null} status={parseStatus(figure.status)} />
            </td>
          </tr>
        );
      })}
    </>
  );
}

const STATUS_GLYPHS: Record<TargetStatus, string> = { ON_TRACK: '●', AT_RISK: '▲', OFF_TRACK: '■' };

/** A measure's attainment, with its status as a coloured shape and, for screen readers, in words. */
function Attainment({ attainment, status }: { attainment: number | null; status: TargetStatus | null }) {
  return (
    <span className={`attainment attainment--${status ? status.toLowerCase().replace('_', '-') : 'none'}`}>
      {status ? (
        <span className="attainment__glyph" aria-hidden="true" title={statusLabel(status)}>
          {STATUS_GLYPHS[status]}
        </span>
      ) : null}
      {formatPercent(attainment)}
      {status ? <span className="visually-hidden"> ({statusLabel(status)})</span> : null}
    </span>
  );
}

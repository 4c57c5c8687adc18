import { useId } from 'react';
import { formatPercent } from '../../components/format/number';
import {
  formatMetricValue,
  formatMetricValueFull,
  parseStatus,
  parseUnit,
  STATUS_LABELS,
  type TargetStatus,
} from '../../components/kpi-card/metric-format';
import { StatusPill } from '../../components/kpi-card/status-pill';
import { catalogByCode, objectivesByPillar } from './overview-model';
import type { MetricDefinition, OverviewObjectiveProgress } from './overview-query';
import './objectives-progress.css';

interface ObjectivesProgressProps {
  objectives: readonly OverviewObjectiveProgress[];
  catalog: readonly MetricDefinition[];
  /** "1 January to 31 December 2025", for the caption. */
  periodText: string;
}

const COLUMNS = 6;

/**
 * Each strategy objective under its pillar, its status (the worst of its measures) and each
 * measure against its target.
 */
export function ObjectivesProgress({ objectives, catalog, periodText }: ObjectivesProgressProps) {
  const captionId = useId();
  const definitions = catalogByCode(catalog);
  const groups = objectivesByPillar(objectives);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="card table-scroll overview-objectives" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table objectives-table">
        <caption id={captionId}>
          Progress by objective
          <span className="data-table__note">
            Each objective's measures from {periodText} against the full-year target; an objective's status is the worst
            of its measures'.
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Objective</th>
            <th scope="col">Status</th>
            <th scope="col">Measure</th>
            <th scope="col" className="numeric">
              To date
            </th>
            <th scope="col" className="numeric">
              Target
            </th>
            <th scope="col" className="numeric">
              Attainment
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
  const { objective, figures } = progress;
  const span = Math.max(1, figures.length);
  const heading = (
    <>
      <th scope="rowgroup" rowSpan={span} className="objectives-table__objective">
        {objective.name}
        <span className="objectives-table__code">{objective.code}</span>
      </th>
      <td rowSpan={span} className="objectives-table__status">
        <StatusPill status={parseStatus(progress.status)} context={`${objective.name} status`} />
      </td>
    </>
  );
  if (figures.length === 0) {
    return (
      <tr>
        {heading}
        <td colSpan={COLUMNS - 2} className="objectives-table__none">
          No measure in the catalog yet
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
            <td title={definition?.description}>{definition?.label ?? figure.metric}</td>
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
        <span className="attainment__glyph" aria-hidden="true" title={STATUS_LABELS[status]}>
          {STATUS_GLYPHS[status]}
        </span>
      ) : null}
      {formatPercent(attainment)}
      {status ? <span className="visually-hidden"> ({STATUS_LABELS[status]})</span> : null}
    </span>
  );
}

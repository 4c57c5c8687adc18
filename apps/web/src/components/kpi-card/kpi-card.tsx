import { useId } from 'react';
import { formatPercent } from '../format/number';
import {
  describeChange,
  formatMetricValue,
  formatMetricValueFull,
  formatMetricValueParts,
  type MetricUnit,
  type TargetStatus,
} from './metric-format';
import { StatusPill } from './status-pill';
import './kpi-card.css';

/** Where the value should be by now if the year runs to plan, as a share of the target. */
export interface ExpectedPace {
  /** 0 to 1: the share of the target expected by the day read. */
  share: number;
  /** Says when: "Expected by 30 June". */
  label: string;
}

export interface KpiCardProps {
  /** The metric's name: "Revenue". */
  label: string;
  /** What exactly is counted, shown on hover of the label. */
  description?: string;
  unit: MetricUnit;
  value: number | null;
  /** The value a year earlier, shown on hover of the change. */
  previous?: number | null;
  /** (value − previous) / previous, as the API gives it. */
  change?: number | null;
  target?: number | null;
  /** value / target, as the API gives it. */
  attainment?: number | null;
  status?: TargetStatus | null;
  /** Marks on the progress bar where the value should be by now. */
  expected?: ExpectedPace | null;
  /** What `previous` is: "last year" (default), "2024". */
  comparedWith?: string;
  /** `compact` for a second row of cards: smaller value, same parts. */
  size?: 'large' | 'compact';
}

/**
 * One key figure: its value in its unit, the change on last year, progress towards the target
 * and the status, each said in words as well as shown.
 */
export function KpiCard({
  label,
  description,
  unit,
  value,
  previous = null,
  change = null,
  target = null,
  attainment = null,
  status = null,
  expected = null,
  comparedWith = 'last year',
  size = 'large',
}: KpiCardProps) {
  const titleId = useId();
  const hasTarget = typeof target === 'number';
  const { figure, unitWord } = formatMetricValueParts(value, unit);
  return (
    <article className={`kpi-card kpi-card--${size}`} aria-labelledby={titleId}>
      <header className="kpi-card__header">
        <h3 id={titleId} className="kpi-card__label" title={description}>
          {label}
        </h3>
        {hasTarget && size === 'large' ? <StatusPill status={status} context={`${label} status`} /> : null}
      </header>
      <p className="kpi-card__value">
        <data value={value ?? ''} title={formatMetricValueFull(value, unit)}>
          {figure}
          {unitWord ? <span className="kpi-card__unit"> {unitWord}</span> : null}
        </data>
      </p>
      {size === 'large' ? (
        <ChangeLine change={change} previous={previous} unit={unit} comparedWith={comparedWith} />
      ) : (
        // Compact: the status sits beside the change, and the change drops its "vs last year".
        <div className="kpi-card__row">
          <ChangeLine change={change} previous={previous} unit={unit} comparedWith={comparedWith} />
          {hasTarget ? <StatusPill status={status} context={`${label} status`} /> : null}
        </div>
      )}
      {hasTarget ? (
        <AttainmentBar
          attainment={attainment}
          target={target}
          unit={unit}
          expected={expected}
          withUnit={size === 'large'}
        />
      ) : (
        <p className="kpi-card__target kpi-card__target--none">No target set</p>
      )}
    </article>
  );
}

interface ChangeLineProps {
  change: number | null;
  previous: number | null;
  unit: MetricUnit;
  comparedWith: string;
}

/** ▲ 12% vs last year, in colour, said in words to screen readers. */
function ChangeLine({ change, previous, unit, comparedWith }: ChangeLineProps) {
  const described = describeChange(change, comparedWith);
  const previousText = `${comparedWith}: ${formatMetricValueFull(previous, unit)}`;
  if (!described) {
    return (
      <p className="kpi-card__change kpi-card__change--none" title={previousText}>
        <span className="kpi-card__change-none-long">No comparison with {comparedWith}</span>
        <span className="kpi-card__change-none-short" aria-hidden="true">
          No comparison
        </span>
      </p>
    );
  }
  return (
    <p className={`kpi-card__change kpi-card__change--${described.direction}`} title={previousText}>
      <span aria-hidden="true">
        <span className="kpi-card__change-symbol">{described.symbol}</span> {described.amount}
        <span className="kpi-card__change-context"> vs {comparedWith}</span>
      </span>
      <span className="visually-hidden">{described.sentence}</span>
    </p>
  );
}

interface AttainmentBarProps {
  attainment: number | null;
  target: number;
  unit: MetricUnit;
  expected: ExpectedPace | null;
  /** Say the unit after the target ("6.1M meals target"); compact cards leave it to the value above. */
  withUnit: boolean;
}

/** Progress towards the target as a bar (full past 100%), with the expected pace marked on it. */
function AttainmentBar({ attainment, target, unit, expected, withUnit }: AttainmentBarProps) {
  const filled = clampShare(attainment ?? 0);
  const expectedShare = expected ? clampShare(expected.share) : null;
  return (
    <div className="kpi-card__progress">
      <div className="kpi-card__bar" aria-hidden="true">
        <span
          className={`kpi-card__bar-fill${(attainment ?? 0) >= 1 ? ' kpi-card__bar-fill--met' : ''}`}
          style={{ width: `${filled * 100}%` }}
        />
        {expected && expectedShare !== null ? (
          <span
            className="kpi-card__bar-marker"
            style={{ left: `${expectedShare * 100}%` }}
            title={`${expected.label}: ${formatPercent(expected.share)} of target`}
          />
        ) : null}
      </div>
      <p className="kpi-card__target">
        <strong>{formatPercent(attainment)}</strong> of{' '}
        <span title={formatMetricValueFull(target, unit)}>
          {withUnit ? formatMetricValue(target, unit) : formatMetricValueParts(target, unit).figure}
        </span>{' '}
        target
        {expected ? (
          <span className="visually-hidden">
            ; {expected.label}: {formatPercent(expected.share)}
          </span>
        ) : null}
      </p>
    </div>
  );
}

/** A share drawn on a bar: between 0 and 1, 0 when missing. */
export function clampShare(share: number): number {
  if (!Number.isFinite(share)) return 0;
  return Math.min(1, Math.max(0, share));
}

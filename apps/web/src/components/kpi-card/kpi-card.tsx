import { useId } from 'react';
import { useT } from '../../i18n/language-provider';
import { withNodes } from '../../i18n/rich-text';
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
  /** What `previous` is: "last year" (default, in the language shown), "2024". */
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
  comparedWith,
  size = 'large',
}: KpiCardProps) {
  const t = useT();
  const titleId = useId();
  const compared = comparedWith ?? t('change.lastYear');
  const statusContext = t('kpi.statusContext', { label });
  const hasTarget = typeof target === 'number';
  const { figure, unitWord } = formatMetricValueParts(value, unit);
  return (
    <article className={`kpi-card kpi-card--${size}`} aria-labelledby={titleId}>
      <header className="kpi-card__header">
        <h3 id={titleId} className="kpi-card__label" title={description}>
          {label}
        </h3>
        {hasTarget && size === 'large' ? <StatusPill status={status} context={statusContext} /> : null}
      </header>
      <p className="kpi-card__value">
        <data value={value ?? ''} title={formatMetricValueFull(value, unit)}>
          {figure}
          {unitWord ? <span className="kpi-card__unit"> {unitWord}</span> : null}
        </data>
      </p>
      {size === 'large' ? (
        <ChangeLine change={change} previous={previous} unit={unit} comparedWith={compared} />
      ) : (
        // Compact: the status sits beside the change, and the change drops its "vs last year".
        <div className="kpi-card__row">
          <ChangeLine change={change} previous={previous} unit={unit} comparedWith={compared} />
          {hasTarget ? <StatusPill status={status} context={statusContext} /> : null}
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
        <p className="kpi-card__target kpi-card__target--none">{t('kpi.noTargetSet')}</p>
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
  const t = useT();
  const described = describeChange(change, comparedWith);
  const previousText = t('kpi.previous', { comparedWith, value: formatMetricValueFull(previous, unit) });
  if (!described) {
    return (
      <p className="kpi-card__change kpi-card__change--none" title={previousText}>
        <span className="kpi-card__change-none-long">{t('kpi.noComparisonWith', { comparedWith })}</span>
        <span className="kpi-card__change-none-short" aria-hidden="true">
          {t('kpi.noComparison')}
        </span>
      </p>
    );
  }
  return (
    <p className={`kpi-card__change kpi-card__change--${described.direction}`} title={previousText}>
      <span aria-hidden="true">
        <span className="kpi-card__change-symbol">{described.symbol}</span> {described.amount}
        <span className="kpi-card__change-context"> {t('kpi.versus', { comparedWith })}</span>
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
  const t = useT();
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
            title={t('kpi.paceTitle', { label: expected.label, share: formatPercent(expected.share) })}
          />
        ) : null}
      </div>
      <p className="kpi-card__target">
        {withNodes(t('kpi.attainment'), {
          attainment: <strong>{formatPercent(attainment)}</strong>,
          target: (
            <span title={formatMetricValueFull(target, unit)}>
              {withUnit ? formatMetricValue(target, unit) : formatMetricValueParts(target, unit).figure}
            </span>
          ),
        })}
        {expected ? (
          <span className="visually-hidden">
            ; {t('kpi.pace', { label: expected.label, share: formatPercent(expected.share) })}
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

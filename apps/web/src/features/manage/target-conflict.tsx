import type { Ref } from 'react';
import { formatMetricValueFull, type MetricUnit } from '../../components/kpi-card/metric-format';
import { useT } from '../../i18n/language-provider';
import type { VersionConflict } from './mutation-outcome';

interface TargetConflictProps {
  ref: Ref<HTMLDivElement>;
  conflict: VersionConflict;
  unit: MetricUnit;
  busy: boolean;
  onKeepTheirs: () => void;
  onOverwrite: () => void;
}

/** Someone saved the target while it was being edited: both values, and the choice. */
export function TargetConflict({ ref, conflict, unit, busy, onKeepTheirs, onOverwrite }: TargetConflictProps) {
  const t = useT();
  const theirs = formatMetricValueFull(Number(conflict.currentValue), unit);
  const yours = formatMetricValueFull(Number(conflict.yourValue), unit);
  return (
    <div ref={ref} className="manage-conflict" role="alert" tabIndex={-1}>
      <p className="manage-conflict__title">
        {conflict.expectedVersion === 0
          ? t('manage.conflict.alreadySet', { who: conflict.currentSetBy, theirs })
          : t('manage.conflict.savedWhileEditing', { who: conflict.currentSetBy, theirs })}
      </p>
      <dl className="manage-conflict__values">
        <div>
          <dt>{t('manage.conflict.theirs', { who: conflict.currentSetBy, version: conflict.currentVersion })}</dt>
          <dd>{theirs}</dd>
        </div>
        <div>
          <dt>{t('manage.conflict.yours')}</dt>
          <dd>{yours}</dd>
        </div>
      </dl>
      <div className="manage-form__actions">
        <button type="button" className="button manage-button--secondary" onClick={onKeepTheirs}>
          {t('manage.conflict.keepTheirs')}
        </button>
        <button
          type="button"
          className="button"
          aria-disabled={busy || undefined}
          onClick={busy ? undefined : onOverwrite}
        >
          {busy ? t('manage.form.saving') : t('manage.conflict.overwrite')}
        </button>
      </div>
    </div>
  );
}

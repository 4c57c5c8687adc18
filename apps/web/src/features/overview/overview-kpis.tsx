import { useId } from 'react';
import { formatDayMonth, yearElapsedShare } from '../../components/format/date';
import { type ExpectedPace, KpiCard } from '../../components/kpi-card/kpi-card';
import { parseStatus, parseUnit } from '../../components/kpi-card/metric-format';
import { metricDescription, metricLabel } from '../../i18n/catalog-labels';
import { useT } from '../../i18n/language-provider';
import { catalogByCode, HEADLINE_METRICS, supportingMetrics, valuesByMetric } from './overview-model';
import type { MetricDefinition, OverviewMetricValue } from './overview-query';

interface OverviewKpisProps {
  kpis: readonly OverviewMetricValue[];
  catalog: readonly MetricDefinition[];
  /** The day the figures are read at: the progress bars mark where each should stand by then. */
  asOf: string;
}

/** Two rows of KPI cards: the headline figures, then the impact, innovation and enabler metrics. */
export function OverviewKpis({ kpis, catalog, asOf }: OverviewKpisProps) {
  const t = useT();
  const headlineId = useId();
  const supportingId = useId();
  const figures = valuesByMetric(kpis);
  const definitions = catalogByCode(catalog);
  const pace: ExpectedPace = {
    share: yearElapsedShare(asOf),
    label: t('kpi.expectedBy', { date: formatDayMonth(asOf) }),
  };

  const card = (code: string, size: 'large' | 'compact') => {
    const definition = definitions.get(code);
    const figure = figures.get(code);
    const unit = parseUnit(definition?.unit);
    return (
      <li key={code}>
        <KpiCard
          label={definition ? metricLabel(definition) : code}
          description={definition && metricDescription(definition)}
          unit={unit}
          value={figure?.value ?? null}
          previous={figure?.previous}
          change={figure?.change}
          target={figure?.target}
          attainment={figure?.attainment}
          status={parseStatus(figure?.status)}
          // A rate's target is the rate itself, whatever the day: no pace to mark.
          expected={unit === 'RATE' ? null : pace}
          size={size}
        />
      </li>
    );
  };

  return (
    <>
      <section className="overview-section" aria-labelledby={headlineId}>
        <h2 id={headlineId} className="overview-section__title">
          {t('kpis.headline')}
        </h2>
        <ul className="kpi-grid kpi-grid--headline">{HEADLINE_METRICS.map((code) => card(code, 'large'))}</ul>
      </section>
      <section className="overview-section" aria-labelledby={supportingId}>
        <div className="overview-section__heading">
          <h2 id={supportingId} className="overview-section__title">
            {t('kpis.supporting')}
          </h2>
          <p className="overview-section__note">{t('kpis.supportingNote')}</p>
        </div>
        <ul className="kpi-grid kpi-grid--supporting">
          {supportingMetrics(catalog).map((code) => card(code, 'compact'))}
        </ul>
      </section>
    </>
  );
}

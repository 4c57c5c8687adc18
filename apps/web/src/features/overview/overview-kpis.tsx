import { useId } from 'react';
import { formatDayMonth, yearElapsedShare } from '../../components/format/date';
import { type ExpectedPace, KpiCard } from '../../components/kpi-card/kpi-card';
import { parseStatus, parseUnit } from '../../components/kpi-card/metric-format';
import { metricDescription, metricLabel } from '../../i18n/catalog-labels';
import { useT } from '../../i18n/language-provider';
import { type FragmentOf, graphql, readFragment } from '../../lib/graphql';
import {
  catalogByCode,
  HEADLINE_METRICS,
  type MetricDefinition,
  supportingMetrics,
  valuesByMetric,
} from './overview-model';

/**
 * Every catalog metric, 1 January to asOf, against a year earlier and the GLOBAL target; asOf is
 * the day the progress bars mark where each figure should stand by then.
 */
export const OverviewKpis_Overview = graphql(`
  fragment OverviewKpis_Overview on Overview {
    asOf
    kpis {
      metric
      value
      previous
      change
      target
      attainment
      status
    }
  }
`);

interface OverviewKpisProps {
  overview: FragmentOf<typeof OverviewKpis_Overview>;
  catalog: readonly MetricDefinition[];
}

/** Two rows of KPI cards: the headline figures, then the impact, innovation and enabler metrics. */
export function OverviewKpis({ overview, catalog }: OverviewKpisProps) {
  const t = useT();
  const { kpis, asOf } = readFragment(OverviewKpis_Overview, overview);
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

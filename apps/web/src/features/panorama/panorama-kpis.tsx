import { useId } from 'react';
import { formatDayMonth, yearElapsedShare } from '../../components/format/date';
import { type ExpectedPace, KpiCard } from '../../components/kpi-card/kpi-card';
import {
  formatMetricValue,
  formatMetricValueFull,
  type MetricUnit,
  parseStatus,
  parseUnit,
} from '../../components/kpi-card/metric-format';
import { metricDescription, metricLabel } from '../../i18n/catalog-labels';
import { useT } from '../../i18n/language-provider';
import { withNodes } from '../../i18n/rich-text';
import { type FragmentOf, graphql, readFragment } from '../../lib/graphql';
import {
  catalogByCode,
  comparePeer,
  HEADLINE_METRICS,
  type MetricDefinition,
  supportingMetrics,
  valuesByMetric,
} from './panorama-model';

/** Every metric of the region against its target and a year earlier, and the other regions' average. */
export const PanoramaKpis_Panorama = graphql(`
  fragment PanoramaKpis_Panorama on Panorama {
    asOf
    region {
      id
      code
    }
    kpis {
      metric
      value
      previous
      change
      target
      attainment
      status
    }
    peers {
      metric
      value
    }
  }
`);

interface PanoramaKpisProps {
  panorama: FragmentOf<typeof PanoramaKpis_Panorama>;
  catalog: readonly MetricDefinition[];
}

/**
 * Two rows of KPI cards: the headline figures, each with the other regions' average beneath it,
 * then the impact, innovation and enabler metrics.
 */
export function PanoramaKpis({ panorama: data, catalog }: PanoramaKpisProps) {
  const t = useT();
  const panorama = readFragment(PanoramaKpis_Panorama, data);
  const headlineId = useId();
  const supportingId = useId();
  const figures = valuesByMetric(panorama.kpis);
  const peers = valuesByMetric(panorama.peers);
  const definitions = catalogByCode(catalog);
  const pace: ExpectedPace = {
    share: yearElapsedShare(panorama.asOf),
    label: t('kpi.expectedBy', { date: formatDayMonth(panorama.asOf) }),
  };

  const card = (code: string, size: 'large' | 'compact') => {
    const definition = definitions.get(code);
    const figure = figures.get(code);
    const unit = parseUnit(definition?.unit);
    const peer = peers.get(code)?.value;
    return (
      <li key={code} className="panorama-kpi">
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
        {typeof peer === 'number' ? (
          <PeerLine regionCode={panorama.region.code} value={figure?.value} peer={peer} unit={unit} />
        ) : null}
      </li>
    );
  };

  return (
    <>
      <section className="panorama-section" aria-labelledby={headlineId}>
        <div className="panorama-section__heading">
          <h2 id={headlineId} className="panorama-section__title">
            {t('kpis.headline')}
          </h2>
          <p className="panorama-section__note">{t('panorama.kpisNote')}</p>
        </div>
        <ul className="panorama-kpis panorama-kpis--headline">{HEADLINE_METRICS.map((code) => card(code, 'large'))}</ul>
      </section>
      <section className="panorama-section" aria-labelledby={supportingId}>
        <div className="panorama-section__heading">
          <h2 id={supportingId} className="panorama-section__title">
            {t('kpis.supporting')}
          </h2>
          <p className="panorama-section__note">{t('kpis.supportingNote')}</p>
        </div>
        <ul className="panorama-kpis panorama-kpis--supporting">
          {supportingMetrics(catalog).map((code) => card(code, 'compact'))}
        </ul>
      </section>
    </>
  );
}

interface PeerLineProps {
  regionCode: string;
  value: number | null | undefined;
  peer: number;
  unit: MetricUnit;
}

/** "Others' average: $9.6M · RBN 9% higher", beneath a card. */
function PeerLine({ regionCode, value, peer, unit }: PeerLineProps) {
  const t = useT();
  const comparison = comparePeer(value, peer, unit);
  return (
    <p className="panorama-kpi__peer">
      {withNodes(t('panorama.peerAverage'), {
        average: <strong title={formatMetricValueFull(peer, unit)}>{formatMetricValue(peer, unit)}</strong>,
      })}
      {comparison ? (
        <span className={`panorama-kpi__peer-comparison panorama-kpi__peer-comparison--${comparison.direction}`}>
          {' '}
          · {regionCode} {comparison.text}
        </span>
      ) : null}
    </p>
  );
}

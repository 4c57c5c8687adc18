import { useId } from 'react';
import { formatEnum } from '../../components/data-table/cell-format';
import { metricDescription, metricLabel } from '../../i18n/catalog-labels';
import { useT } from '../../i18n/language-provider';
import { type FragmentOf, graphql, type ResultOf, readFragment } from '../../lib/graphql';

/** What the select shows of each metric of the catalog; spread it into the query's `metricCatalog`. */
export const MetricSelect_MetricDefinition = graphql(`
  fragment MetricSelect_MetricDefinition on MetricDefinition {
    code
    label
    pillar
    description
  }
`);

/** A metric of the catalog, as the select offers it. */
export type CatalogMetric = ResultOf<typeof MetricSelect_MetricDefinition>;

/** The strategy's pillars, in the strategy's order. */
const PILLAR_ORDER = ['INCOME', 'IMPACT', 'INNOVATION', 'ENABLER'];

/** The catalog's metrics grouped by pillar, in pillar order, each keeping the catalog's order. */
export function metricsByPillar(metrics: readonly CatalogMetric[]): { pillar: string; metrics: CatalogMetric[] }[] {
  const pillars = [...new Set(metrics.map((metric) => metric.pillar))].sort(
    (a, b) => (PILLAR_ORDER.indexOf(a) + 1 || 99) - (PILLAR_ORDER.indexOf(b) + 1 || 99),
  );
  return pillars.map((pillar) => ({ pillar, metrics: metrics.filter((metric) => metric.pillar === pillar) }));
}

interface MetricSelectProps {
  metrics: readonly FragmentOf<typeof MetricSelect_MetricDefinition>[];
  value: string;
  onChange: (code: string) => void;
  disabled?: boolean;
}

/** Chooses the metric to compare, grouped by pillar; its definition shows below. */
export function MetricSelect({ metrics: catalog, value, onChange, disabled }: MetricSelectProps) {
  const t = useT();
  const metrics = readFragment(MetricSelect_MetricDefinition, catalog);
  const id = useId();
  const descriptionId = useId();
  const selected = metrics.find((metric) => metric.code === value);
  return (
    <div className="regions-metric">
      <div className="data-table-field">
        <label htmlFor={id}>{t('regions.metric')}</label>
        <select
          id={id}
          className="data-table-control"
          value={value}
          disabled={disabled}
          aria-describedby={selected ? descriptionId : undefined}
          onChange={(event) => onChange(event.currentTarget.value)}
        >
          {metricsByPillar(metrics).map((group) => (
            <optgroup key={group.pillar} label={formatEnum(group.pillar)}>
              {group.metrics.map((metric) => (
                <option key={metric.code} value={metric.code}>
                  {metricLabel(metric)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      {selected ? (
        <p id={descriptionId} className="regions-metric__description">
          {metricDescription(selected)}
        </p>
      ) : null}
    </div>
  );
}

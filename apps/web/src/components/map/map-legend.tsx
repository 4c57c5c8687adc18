import { useT } from '../../i18n/language-provider';
import { NO_DATA_COLOR } from '../chart/palette';
import type { ColorClass } from './color-scale';

interface MapLegendProps {
  title?: string;
  classes: readonly ColorClass[];
  valueFormat: (value: number) => string;
}

/** The map's key: each colour with its range of values, smallest first, then "No data". */
export function MapLegend({ title, classes, valueFormat }: MapLegendProps) {
  const t = useT();
  return (
    <div className="map-legend">
      {title ? <p className="map-legend__title">{title}</p> : null}
      <ul className="map-legend__list">
        {classes.map((item) => (
          <li key={item.color} className="map-legend__item">
            <span className="map-legend__swatch" style={{ background: item.color }} aria-hidden="true" />
            {classRange(item, valueFormat)}
          </li>
        ))}
        <li className="map-legend__item">
          <span
            className="map-legend__swatch map-legend__swatch--empty"
            style={{ background: NO_DATA_COLOR }}
            aria-hidden="true"
          />
          {t('map.noData')}
        </li>
      </ul>
    </div>
  );
}

/** A class's values in words: "$10K – $120K", or one value when the class holds only it. */
export function classRange(item: ColorClass, valueFormat: (value: number) => string): string {
  const from = valueFormat(item.from);
  const to = valueFormat(item.to);
  return from === to ? to : `${from} – ${to}`;
}

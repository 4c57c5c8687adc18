import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatEnum } from '../components/data-table/cell-format';
import { formatDayMonth, formatLongDate, periodText } from '../components/format/date';
import { formatNumber, formatPercent, formatUsd } from '../components/format/number';
import { describeChange, formatMetricValue } from '../components/kpi-card/metric-format';
import { currentLanguage, setCurrentLanguage } from './current-language';

/** Intl separates thousands and units with no-break spaces: compared as plain spaces. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

afterEach(() => setCurrentLanguage('en'));

describe('the formatters', () => {
  it('write English by default, as they always did', () => {
    expect(currentLanguage()).toBe('en');
    expect(formatUsd(1234567.891)).toBe('$1,234,567.89');
    expect(formatLongDate('2025-06-30')).toBe('30 June 2025');
    expect(formatDate('2025-03-07')).toBe('Mar 7, 2025');
    expect(periodText('2025-06-30')).toBe('1 January to 30 June 2025');
  });

  it('follow the language shown: French', () => {
    setCurrentLanguage('fr');
    expect(plain(formatNumber(1234567))).toBe('1 234 567');
    expect(plain(formatUsd(1234567.891))).toBe('1 234 567,89 $US');
    expect(plain(formatUsd(1234567, { compact: true }))).toBe('1,2 M $US');
    expect(plain(formatPercent(0.123))).toBe('12,3 %');
    expect(plain(formatPercent(0.12, { signed: true }))).toBe('+12 %');
    expect(formatLongDate('2025-06-30')).toBe('30 juin 2025');
    expect(formatDayMonth('2025-06-30')).toBe('30 juin');
    expect(formatDate('2025-03-07')).toBe('7 mars 2025');
    expect(periodText('2025-06-30')).toBe('du 1er janvier au 30 juin 2025');
    expect(plain(formatMetricValue(5_593_388, 'MEALS'))).toBe('5,6 M repas');
    expect(plain(describeChange(-0.074)?.sentence ?? '')).toBe('en baisse de 7,4 % par rapport à l’an dernier');
    expect(formatEnum('ON_TRACK')).toBe('En bonne voie');
  });

  it('follow the language shown: Spanish', () => {
    setCurrentLanguage('es');
    expect(plain(formatUsd(1234567.891))).toBe('1.234.567,89 US$');
    expect(plain(formatUsd(1234567, { compact: true }))).toBe('1,2 M US$');
    expect(plain(formatPercent(0.861244))).toBe('86,1 %');
    expect(formatLongDate('2025-06-30')).toBe('30 de junio de 2025');
    expect(periodText('2025-06-30')).toBe('del 1 de enero al 30 de junio de 2025');
    expect(plain(formatMetricValue(1, 'PEOPLE'))).toBe('1 persona');
    expect(plain(describeChange(0.32)?.sentence ?? '')).toBe('un 32 % más que el año pasado');
    expect(formatEnum('HNWI')).toBe('Gran donante');
  });
});

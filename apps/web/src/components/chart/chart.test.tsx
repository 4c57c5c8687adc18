import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { formatUsd } from '../format/number';
import { Chart } from './chart';
import { categoryAxisWidth, formatCategory, formatCell, humanizeKey, resolveSeries } from './chart-series';
import { ChartTooltipContent } from './chart-tooltip';
import { CHART_PALETTE, chartColor } from './palette';

const usd = (value: number) => formatUsd(value, { compact: true });

describe('resolveSeries', () => {
  it('gives each series the palette colour of its place, unless it names one', () => {
    const resolved = resolveSeries(
      [
        { key: 'actual', label: 'Actual' },
        { key: 'target', label: 'Target', color: '#123456' },
        { key: 'previous', label: '2024', kind: 'line' },
      ],
      'bar',
    );
    expect(resolved.map((item) => item.color)).toEqual([CHART_PALETTE[0], '#123456', CHART_PALETTE[2]]);
    expect(resolved.map((item) => item.kind)).toEqual(['bar', 'bar', 'line']);
  });

  it('draws lines on a line chart, bars on a horizontal bar chart', () => {
    expect(resolveSeries([{ key: 'a', label: 'A' }], 'line')[0]?.kind).toBe('line');
    expect(resolveSeries([{ key: 'a', label: 'A' }], 'horizontal-bar')[0]?.kind).toBe('bar');
  });
});

describe('chartColor', () => {
  it('repeats the palette past its end', () => {
    expect(chartColor(0)).toBe(CHART_PALETTE[0]);
    expect(chartColor(CHART_PALETTE.length)).toBe(CHART_PALETTE[0]);
    expect(chartColor(-1)).toBe(CHART_PALETTE[CHART_PALETTE.length - 1]);
  });
});

describe('cell text', () => {
  it('formats numbers, keeps categories as they are, dashes what is missing', () => {
    expect(formatCell(1_234_567, usd, '—')).toBe('$1.2M');
    expect(formatCell(null, usd, '—')).toBe('—');
    expect(formatCell(Number.NaN, usd, '—')).toBe('—');
    expect(formatCell('RBN', usd, '—')).toBe('RBN');
    expect(formatCategory(2025, '—')).toBe('2025');
    expect(formatCategory(undefined, '—')).toBe('—');
  });

  it('turns a field name into a heading', () => {
    expect(humanizeKey('incomeStream')).toBe('Income stream');
    expect(humanizeKey('region')).toBe('Region');
    expect(humanizeKey('metric_code')).toBe('Metric code');
  });

  it('leaves room for the longest category label, within bounds', () => {
    expect(categoryAxisWidth(['HQ'])).toBe(48);
    expect(categoryAxisWidth(['RBJ · Johannesburg'])).toBe(155);
    expect(categoryAxisWidth(['x'.repeat(100)])).toBe(220);
  });
});

describe('Chart', () => {
  const html = renderToStaticMarkup(
    <Chart
      data={[
        { region: 'RBN · Nairobi', actual: 10_472_378.77, target: 9_970_000 },
        { region: 'RBJ · Johannesburg', actual: 914_519.76, target: null },
      ]}
      xKey="region"
      kind="horizontal-bar"
      series={[
        { key: 'actual', label: 'Raised to date' },
        { key: 'target', label: 'Full-year target' },
      ]}
      valueFormat={usd}
      ariaLabel="Revenue by region, 2025"
    />,
  );

  it('is an image with a label', () => {
    expect(html).toContain('role="img" aria-label="Revenue by region, 2025"');
  });

  it('carries its figures in a table for screen readers', () => {
    expect(html).toContain('<table class="visually-hidden"><caption>Revenue by region, 2025</caption>');
    expect(html).toContain('<th scope="col">Region</th><th scope="col">Raised to date</th>');
    expect(html).toContain('<th scope="row">RBN · Nairobi</th><td>$10.5M</td><td>$10M</td>');
    expect(html).toContain('<th scope="row">RBJ · Johannesburg</th><td>$914.5K</td><td>—</td>');
  });
});

describe('ChartTooltipContent', () => {
  const series = resolveSeries(
    [
      { key: 'value', label: '2025' },
      { key: 'previous', label: '2024', kind: 'line' },
    ],
    'bar',
  );

  it('formats each series value beside its name', () => {
    const html = renderToStaticMarkup(
      <ChartTooltipContent
        active
        label="Mar"
        payload={[
          { dataKey: 'value', value: 6_501_370.89 },
          { dataKey: 'previous', value: null },
        ]}
        series={series}
        valueFormat={usd}
      />,
    );
    expect(html).toContain('<p class="chart-tooltip__label">Mar</p>');
    expect(html).toContain(
      '<span class="chart-tooltip__name">2025</span><span class="chart-tooltip__value">$6.5M</span>',
    );
    expect(html).toContain('<span class="chart-tooltip__name">2024</span><span class="chart-tooltip__value">—</span>');
  });

  it('shows nothing when inactive', () => {
    expect(
      renderToStaticMarkup(<ChartTooltipContent active={false} payload={[]} series={series} valueFormat={usd} />),
    ).toBe('');
  });
});

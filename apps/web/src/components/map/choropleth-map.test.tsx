import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { formatUsd } from '../format/number';
import { ChoroplethMap } from './choropleth-map';
import { classRange } from './map-legend';

const usd = (value: number) => formatUsd(value, { compact: true });

/** The tag of one country's path, without its outline (long), or null when it is not drawn. */
function countryTag(html: string, numericCode: string): string | null {
  const tag = html.match(new RegExp(`<path data-country="${numericCode}"[^>]*>`))?.[0];
  return tag ? tag.replace(/ d="[^"]*"/, '') : null;
}

function outline(html: string, numericCode: string): string {
  return html.match(new RegExp(`<path data-country="${numericCode}" d="([^"]*)"`))?.[1] ?? '';
}

describe('ChoroplethMap', () => {
  const html = renderToStaticMarkup(
    <ChoroplethMap
      values={{ SDN: 4_000_000, KEN: 1_200_000, TZA: 2_000, ETH: null, BRB: 50_000 }}
      countryNames={{ KEN: 'Kenya', SDN: 'Sudan' }}
      valueFormat={usd}
      ariaLabel="Revenue by country office, 2025"
      legendTitle="Revenue"
    />,
  );

  it('is titled for screen readers', () => {
    const svg = html.match(/<svg [^>]*aria-labelledby="([^"]+)"[^>]*><title id="([^"]+)">([^<]*)<\/title>/);
    expect(svg?.[1]).toBe(svg?.[2]);
    expect(svg?.[3]).toBe('Revenue by country office, 2025');
  });

  it('lets the keyboard reach each country with data, named with its value', () => {
    expect(countryTag(html, '404')).toMatch(
      /^<path data-country="404" class="choropleth__country" fill="var\(--map-[1-5]\)" role="img" tabindex="0" aria-label="Kenya: \$1.2M">$/,
    );
    expect(countryTag(html, '729')).toContain('aria-label="Sudan: $4M"');
    expect(html.match(/tabindex="0"/g)).toHaveLength(3);
  });

  it('visits the countries with data in alphabetical order', () => {
    const labels = [...html.matchAll(/tabindex="0" aria-label="([^":]+):/g)].map((match) => match[1]);
    // The atlas draws Tanzania before Kenya and Sudan.
    expect(labels).toEqual(['Kenya', 'Sudan', 'Tanzania']);
  });

  it('draws countries without data grey, unnamed and out of the tab order', () => {
    expect(countryTag(html, '231')).toBe(
      '<path data-country="231" class="choropleth__country choropleth__country--empty" fill="var(--map-no-data)">',
    );
    expect(countryTag(html, '250')).not.toContain('aria-label');
  });

  it('skips offices the atlas does not draw (Barbados) but keeps their value in the legend', () => {
    expect(countryTag(html, '052')).toBeNull();
    expect(html).toContain('$50K');
  });

  it('leaves Antarctica out', () => {
    expect(countryTag(html, '010')).toBeNull();
  });

  it('has a legend with the ranges and no data', () => {
    expect(html).toContain('<p class="map-legend__title">Revenue</p>');
    expect(html).toContain('No data');
  });

  it('zooms to the focus countries', () => {
    const world = renderToStaticMarkup(<ChoroplethMap values={{ KEN: 1 }} valueFormat={usd} ariaLabel="World" />);
    const zoomed = renderToStaticMarkup(
      <ChoroplethMap values={{ KEN: 1 }} valueFormat={usd} ariaLabel="East Africa" focusIso3s={['KEN', 'UGA']} />,
    );
    const width = (path: string) => {
      const xs = [...path.matchAll(/[ML]([\d.]+),/g)].map((match) => Number(match[1]));
      return Math.max(...xs) - Math.min(...xs);
    };
    expect(width(outline(world, '404'))).toBeGreaterThan(0);
    expect(countryTag(zoomed, '404')).toContain('tabindex="0"');
    // Kenya spans far more of the drawing once zoomed to Kenya and Uganda.
    expect(width(outline(zoomed, '404'))).toBeGreaterThan(10 * width(outline(world, '404')));
  });
});

describe('ChoroplethMap zoomed to a region', () => {
  it('keeps keyboard stops to the region, naming the countries around it all the same', () => {
    const html = renderToStaticMarkup(
      <ChoroplethMap values={{ KEN: 1, SEN: 2 }} valueFormat={usd} ariaLabel="East Africa" focusIso3s={['KEN']} />,
    );
    expect(countryTag(html, '404')).toContain('tabindex="0" aria-label="Kenya: $1"');
    expect(countryTag(html, '686')).not.toContain('tabindex');
    expect(countryTag(html, '686')).toContain('aria-label="Senegal: $2"');
  });
});

describe('classRange', () => {
  it('says a range, or one value', () => {
    expect(classRange({ from: 1000, to: 120_000, color: '#000' }, usd)).toBe('$1K – $120K');
    expect(classRange({ from: 5, to: 5, color: '#000' }, usd)).toBe('$5');
  });
});

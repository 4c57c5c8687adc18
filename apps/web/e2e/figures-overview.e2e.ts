import { describe, expect, inject, it } from 'vitest';
import { formatMetricValue, formatMetricValueFull, parseUnit } from '../src/components/kpi-card/metric-format';
import { expectPagesKeptPrivate, figuresBrowser, POLL } from './figures';
import { openSignedInPage } from './session';

/**
 * The figures the overview shows are the API's: each test asks /graphql the question the page asks
 * (the same query, the same variables), formats the answer with the dashboard's own formatters and
 * compares it with what the browser shows. Every wait is for data, never for time.
 */

const origin = inject('panoramaUrl');
const { ADMIN } = inject('panoramaAccounts');
const { opened, openPage, graphql, catalogEntry, browser } = figuresBrowser(origin, ADMIN);

/** `overview(year) { kpis { metric value } }`: the value of one metric. */
async function overviewValue(year: number, metric: string): Promise<number> {
  const data = await graphql<{ overview: { kpis: { metric: string; value: number | null }[] } }>(
    'query Kpis($year: Int!) { overview(year: $year) { kpis { metric value } } }',
    { year },
  );
  const value = data.overview.kpis.find((kpi) => kpi.metric === metric)?.value;
  if (typeof value !== 'number') throw new Error(`overview(year: ${year}) has no ${metric} value`);
  return value;
}

/** A KPI card's figure as shown: its text, its machine-readable value and its full value in the title. */
function readKpiFigure(label: string) {
  for (const card of document.querySelectorAll('article.kpi-card')) {
    if (card.querySelector('h3')?.textContent !== label) continue;
    const data = card.querySelector('.kpi-card__value data');
    if (!data) return null;
    return { text: data.textContent, value: data.getAttribute('value'), title: data.getAttribute('title') };
  }
  return null;
}

describe('the overview shows the API’s figures', () => {
  it('shows on the revenue card the REVENUE_USD value of overview(year: 2025), formatted as the card does', async () => {
    const page = await openPage('/');
    const [{ label, unit: unitName }, revenue] = await Promise.all([
      catalogEntry('REVENUE_USD'),
      overviewValue(2025, 'REVENUE_USD'),
    ]);
    const unit = parseUnit(unitName);
    expect(label).toBe('Revenue');
    expect(unit).toBe('USD');
    await page.getByRole('article', { name: label, exact: true }).waitFor();

    await expect
      .poll(() => page.evaluate(readKpiFigure, label), POLL)
      .toEqual({
        text: formatMetricValue(revenue, unit),
        value: String(revenue),
        title: formatMetricValueFull(revenue, unit),
      });
    expect(formatMetricValue(revenue, unit)).toMatch(/^\$\d+(\.\d)?[KMB]$/);
  });

  it('changes ?year= in the URL and the figure when another year is chosen', async () => {
    const page = await openPage('/');
    const [revenue2025, revenue2023] = await Promise.all([
      overviewValue(2025, 'REVENUE_USD'),
      overviewValue(2023, 'REVENUE_USD'),
    ]);
    // Otherwise the test could not tell the years apart.
    expect(formatMetricValue(revenue2023, 'USD')).not.toBe(formatMetricValue(revenue2025, 'USD'));
    await expect
      .poll(() => page.evaluate(readKpiFigure, 'Revenue'), POLL)
      .toMatchObject({ value: String(revenue2025) });

    await page.getByLabel('Year', { exact: true }).selectOption('2023');
    await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('year') === '2023');
    await expect
      .poll(() => page.evaluate(readKpiFigure, 'Revenue'), POLL)
      .toEqual({
        text: formatMetricValue(revenue2023, 'USD'),
        value: String(revenue2023),
        title: formatMetricValueFull(revenue2023, 'USD'),
      });
    expect(await page.getByRole('heading', { level: 1, name: 'Overview' }).isVisible()).toBe(true);
    expect(await page.getByText("against the strategy's objectives, 2023").count()).toBe(1);
  });
});

describe('privacy', () => {
  it('refuses requests to other origins (the guard works)', async () => {
    const probe = await openSignedInPage(browser(), origin, ADMIN);
    try {
      await probe.page.goto('/nowhere');
      await probe.page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      const outcome = await probe.page.evaluate(() =>
        fetch('https://example.com/beacon', { mode: 'no-cors' }).then(
          () => 'sent',
          () => 'refused',
        ),
      );
      expect(outcome).toBe('refused');
      expect(probe.blockedRequests).toEqual(['https://example.com/beacon']);
    } finally {
      await probe.context.close();
    }
  });

  it('asked nothing of another origin on any page above, and logged no console error', () => {
    expectPagesKeptPrivate(opened, origin, 2);
  });
});

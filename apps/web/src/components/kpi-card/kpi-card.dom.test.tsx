// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { KpiCard, type KpiCardProps } from './kpi-card';
import { statusLabel, type TargetStatus } from './metric-format';

afterEach(cleanup);

/** What assistive technology reads in an element: its text without the parts hidden from it. */
function spokenText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** What a sighted reader sees: the text without the visually hidden parts. */
function visibleText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('.visually-hidden')) hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Renders one card and returns it, found by its accessible name (the label). */
function renderCard(props: KpiCardProps): HTMLElement {
  render(<KpiCard {...props} />);
  return screen.getByRole('article', { name: props.label });
}

function part(card: HTMLElement, selector: string): Element {
  const element = card.querySelector(selector);
  if (!element) throw new Error(`The card has no ${selector}`);
  return element;
}

describe('KpiCard in the DOM', () => {
  it('shows a USD metric: value, full value, change, target, attainment and status', () => {
    const card = renderCard({
      label: 'Revenue',
      description: 'Sum of the amounts of the contributions dated in the period.',
      unit: 'USD',
      value: 67_883_946.74,
      previous: 60_610_666.73,
      change: 0.12,
      target: 68_170_000,
      attainment: 0.995803,
      status: 'ON_TRACK',
      expected: { share: 0.5, label: 'Expected by 2 July' },
    });

    expect(within(card).getByRole('heading', { level: 3, name: 'Revenue' }).getAttribute('title')).toBe(
      'Sum of the amounts of the contributions dated in the period.',
    );
    const value = part(card, 'data');
    expect(value.textContent).toBe('$67.9M');
    expect(value.getAttribute('value')).toBe('67883946.74');
    expect(value.getAttribute('title')).toBe('$67,883,946.74');

    const change = part(card, '.kpi-card__change');
    expect(change.classList.contains('kpi-card__change--up')).toBe(true);
    expect(visibleText(change)).toBe('▲ 12% vs last year');
    expect(change.getAttribute('title')).toBe('last year: $60,610,666.73');

    const target = part(card, '.kpi-card__target');
    expect(visibleText(target)).toBe('99.6% of $68.2M target');
    expect(
      within(target as HTMLElement)
        .getByText('$68.2M')
        .getAttribute('title'),
    ).toBe('$68,170,000.00');
    expect(spokenText(target)).toBe('99.6% of $68.2M target; Expected by 2 July: 50%');
    expect((part(card, '.kpi-card__bar-fill') as HTMLElement).style.width).toMatch(/^99\.58\d*%$/);
    expect(part(card, '.kpi-card__bar').getAttribute('aria-hidden')).toBe('true');

    expect(spokenText(part(card, '.status-pill'))).toBe('Revenue status: On track');
  });

  it('shows a rate: percentages, no unit word, and a fall said as "down"', () => {
    const card = renderCard({
      label: 'Partner retention',
      unit: 'RATE',
      value: 0.72,
      previous: 0.75,
      change: -0.04,
      target: 0.9,
      attainment: 0.8,
      status: 'AT_RISK',
    });
    expect(part(card, 'data').textContent).toBe('72%');
    expect(part(card, 'data').getAttribute('title')).toBe('72%');
    expect(card.querySelector('.kpi-card__unit')).toBeNull();

    const change = part(card, '.kpi-card__change');
    expect(change.classList.contains('kpi-card__change--down')).toBe(true);
    expect(visibleText(change)).toBe('▼ 4% vs last year');
    expect(spokenText(change)).toBe('down 4% on last year');
    expect(change.getAttribute('title')).toBe('last year: 75%');

    expect(visibleText(part(card, '.kpi-card__target'))).toBe('80% of 90% target');
    expect(card.querySelector('.kpi-card__bar-marker')).toBeNull();
    expect(spokenText(part(card, '.status-pill'))).toBe('Partner retention status: At risk');
  });

  it('shows people: a compact figure with its unit word, the full count in the title', () => {
    const card = renderCard({
      label: 'Beneficiaries reached',
      unit: 'PEOPLE',
      value: 599_879,
      previous: 461_445,
      change: 0.3,
      target: 1_200_000,
      attainment: 0.499899,
      status: 'OFF_TRACK',
    });
    const value = part(card, 'data');
    expect(value.textContent).toBe('599.9K people');
    expect(part(card, '.kpi-card__unit').textContent).toBe(' people');
    expect(value.getAttribute('title')).toBe('599,879 people');
    expect(spokenText(part(card, '.kpi-card__change'))).toBe('up 30% on last year');
    expect(part(card, '.kpi-card__change').getAttribute('title')).toBe('last year: 461,445 people');
    expect(visibleText(part(card, '.kpi-card__target'))).toBe('50% of 1.2M people target');
    expect(spokenText(part(card, '.status-pill'))).toBe('Beneficiaries reached status: Off track');
  });

  it('says a small count in full, a single person in the singular', () => {
    const card = renderCard({ label: 'People trained', unit: 'PEOPLE', value: 1, target: 10, attainment: 0.1 });
    expect(part(card, 'data').textContent).toBe('1 person');
  });

  it.each(['ON_TRACK', 'AT_RISK', 'OFF_TRACK'] as const)(
    'names the status %s in words, not in colour only',
    (status: TargetStatus) => {
      const card = renderCard({ label: 'Revenue', unit: 'USD', value: 10, target: 20, attainment: 0.5, status });
      const pill = part(card, '.status-pill');
      // The words are on screen, the glyph beside them is decoration, and the colour is only a class.
      expect(visibleText(pill)).toMatch(new RegExp(`^[✓!✕]${statusLabel(status)}$`));
      expect(pill.querySelector('.status-pill__glyph')?.getAttribute('aria-hidden')).toBe('true');
      expect(spokenText(pill)).toBe(`Revenue status: ${statusLabel(status)}`);
      expect(pill.getAttribute('style')).toBeNull();
    },
  );

  it('says "No target" when there is none: no status, no bar', () => {
    const card = renderCard({ label: 'Average gift', unit: 'USD', value: 6185.89, change: null });
    expect(within(card).getByText(/^No target/).textContent).toBe('No target set');
    expect(card.querySelector('.status-pill')).toBeNull();
    expect(card.querySelector('.kpi-card__bar')).toBeNull();
    expect(part(card, 'data').textContent).toBe('$6.2K');
    expect(part(card, 'data').getAttribute('title')).toBe('$6,185.89');
    expect(spokenText(part(card, '.kpi-card__change'))).toBe('No comparison with last year');
  });

  it('says "No target" on the status when the target has no status', () => {
    const card = renderCard({ label: 'New partners', unit: 'COUNT', value: 25, target: 30, attainment: 0.833 });
    expect(spokenText(part(card, '.status-pill'))).toBe('New partners status: No target');
  });

  it('shows a missing value as a dash, not as zero', () => {
    const card = renderCard({ label: 'Average gift', unit: 'USD', value: null });
    expect(part(card, 'data').textContent).toBe('—');
    expect(part(card, 'data').getAttribute('value')).toBe('');
  });
});

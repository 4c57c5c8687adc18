import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { clampShare, KpiCard } from './kpi-card';
import { StatusPill } from './status-pill';

describe('KpiCard', () => {
  const html = renderToStaticMarkup(
    <KpiCard
      label="Revenue"
      description="Sum of the amounts of the contributions dated in the period."
      unit="USD"
      value={67_883_946.74}
      previous={51_420_443.65}
      change={0.320174271581}
      target={68_170_000}
      attainment={0.99580382485}
      status="ON_TRACK"
      expected={{ share: 0.5, label: 'Expected by 2 July' }}
    />,
  );

  it('shows the value compact, the full value in its title', () => {
    expect(html).toContain('<data value="67883946.74" title="$67,883,946.74">$67.9M</data>');
  });

  it('says the change in words as well as with an arrow', () => {
    expect(html).toContain('kpi-card__change--up');
    expect(html).toContain('<span class="visually-hidden">up 32% on last year</span>');
    expect(html).toContain('title="last year: $51,420,443.65"');
  });

  it('shows attainment against the target, and the expected pace', () => {
    expect(html).toContain('<strong>99.6%</strong> of');
    expect(html).toContain('$68.2M');
    expect(html).toMatch(/class="kpi-card__bar-fill" style="width:99\.58\d*%"/);
    expect(html).toContain('style="left:50%"');
    expect(html).toContain('; Expected by 2 July: 50%');
  });

  it('names its status in words', () => {
    expect(html).toContain('status-pill--on-track');
    expect(html).toContain('<span class="visually-hidden">Revenue status: </span>On track');
  });

  it('says when there is no target and no comparison', () => {
    const bare = renderToStaticMarkup(<KpiCard label="Average gift" unit="USD" value={6185.89} />);
    expect(bare).toContain('No target set');
    expect(bare).toContain('No comparison with last year');
    expect(bare).not.toContain('status-pill');
  });

  it('says the unit of impact figures, smaller', () => {
    const meals = renderToStaticMarkup(
      <KpiCard label="Meals provided" unit="MEALS" value={5_593_388} target={6_071_000} size="compact" />,
    );
    expect(meals).toContain('5.6M<span class="kpi-card__unit"> meals</span>');
    expect(meals).toContain('kpi-card--compact');
  });
});

describe('StatusPill', () => {
  it('reads without colour', () => {
    expect(renderToStaticMarkup(<StatusPill status="OFF_TRACK" />)).toContain('Off track');
    expect(renderToStaticMarkup(<StatusPill status="AT_RISK" />)).toContain('At risk');
    expect(renderToStaticMarkup(<StatusPill status={null} />)).toContain('No target');
  });
});

describe('clampShare', () => {
  it('keeps a share on the bar', () => {
    expect(clampShare(1.2)).toBe(1);
    expect(clampShare(-0.1)).toBe(0);
    expect(clampShare(0.4)).toBe(0.4);
    expect(clampShare(Number.NaN)).toBe(0);
  });
});

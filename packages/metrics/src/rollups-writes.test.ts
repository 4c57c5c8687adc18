import { partners } from '@panorama/db';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { MetricCode } from './catalog';
import { useRollupsData } from './rollups.kit';

/**
 * The rollups after every kind of write to the hand-computed data set of `metrics.test.ts`: they
 * equal a rebuild from the fact tables, and every figure equals the fact tables' own.
 */

const { db, ids, rollupContents, expectRollupsInStep, bothWays, total, byGroup } = useRollupsData();

describe('rollups kept in step by every write', () => {
  it('moves a contribution from one month to another, and from one region to another', async () => {
    await db().execute(sql`UPDATE contributions SET date = '2024-03-01' WHERE external_ref = 'c3'`);
    await expectRollupsInStep();
    const months = await bothWays({
      metrics: ['REVENUE_USD', 'NEW_PARTNERS'],
      from: '2024-02-01',
      to: '2024-03-31',
      grain: 'MONTH',
    });
    expect(months.rows.map((row) => row.values.map((value) => value.value))).toEqual([
      ['0', '0'],
      ['300.25', '1'],
    ]);
    await db().execute(sql`UPDATE contributions SET region_code = 'RBC' WHERE external_ref = 'c7'`);
    await expectRollupsInStep();
    const year = { metrics: ['REVENUE_USD'] as MetricCode[], from: '2024-01-01', to: '2024-12-31' };
    expect(await byGroup({ ...year, groupBy: ['REGION'] }, 'REVENUE_USD', 'regionCode')).toEqual({
      HQ: '0.10',
      RBB: '300.25',
      RBC: '400.00',
      RBN: '50.00',
    });
    expect(
      await byGroup({ ...year, metrics: ['NEW_PARTNERS'], groupBy: ['REGION'] }, 'NEW_PARTNERS', 'regionCode'),
    ).toEqual({ HQ: '0', RBB: '1', RBC: '0', RBN: '0' });
  });

  it('deletes a contribution: a partner’s first gift in a slice moves on', async () => {
    await db().execute(sql`DELETE FROM contributions WHERE external_ref = 'c9'`);
    await expectRollupsInStep();
    const year = { from: '2024-01-01', to: '2024-12-31' };
    expect(await total({ metrics: ['NEW_PARTNERS'], ...year }, 'NEW_PARTNERS')).toBe('2');
    expect(await total({ metrics: ['ACTIVE_PARTNERS'], from: '2023-01-01', to: '2023-12-31' }, 'ACTIVE_PARTNERS')).toBe(
      '1',
    );
  });

  it('changes an amount alone: the sums move, the partners’ days and first days stay', async () => {
    const lastDay = { from: '2024-12-31', to: '2024-12-31' };
    const revenue = async () => total({ metrics: ['REVENUE_USD'], ...lastDay }, 'REVENUE_USD');
    expect(await revenue()).toBe('0.10');
    await db().execute(sql`UPDATE contributions SET amount_usd = 5.00 WHERE external_ref = 'c4'`);
    await expectRollupsInStep();
    expect(await revenue()).toBe('5.00');
    expect(await total({ metrics: ['ACTIVE_PARTNERS'], ...lastDay }, 'ACTIVE_PARTNERS')).toBe('1');
    await db().execute(sql`UPDATE contributions SET amount_usd = 0.10 WHERE external_ref = 'c4'`);
    await expectRollupsInStep();
    expect(await revenue()).toBe('0.10');
  });

  it('keeps a day a partner still gave on when one of that day’s gifts goes, with no country too', async () => {
    await db().execute(sql`INSERT INTO contributions (external_ref, date, amount_usd, income_stream, kind, partner_id,
        objective_code, region_code, country_iso3)
      VALUES ('d1', '2022-03-15', '1.00', 'INDIVIDUAL_GIVING', 'CASH', ${ids().gamma}, 'INC_INDIVIDUAL', 'HQ', NULL),
             ('d2', '2022-03-15', '2.00', 'INDIVIDUAL_GIVING', 'IN_KIND', ${ids().gamma}, 'INC_INDIVIDUAL', 'HQ', NULL)`);
    await db().execute(sql`DELETE FROM contributions WHERE external_ref = 'd1'`);
    await expectRollupsInStep();
    const day = { metrics: ['ACTIVE_PARTNERS'] as MetricCode[], from: '2022-03-15', to: '2022-03-15' };
    expect(await total(day, 'ACTIVE_PARTNERS')).toBe('1');
    expect(await byGroup({ ...day, groupBy: ['COUNTRY'] }, 'ACTIVE_PARTNERS', 'countryIso3')).toEqual({ null: '1' });
    await db().execute(sql`DELETE FROM contributions WHERE external_ref = 'd2'`);
    await expectRollupsInStep();
    expect(await total(day, 'ACTIVE_PARTNERS')).toBe('0');
  });

  it('takes an import’s INSERT … SELECT and UPDATE … FROM, with a new partner', async () => {
    await db().execute(sql`CREATE TEMP TABLE staged (external_ref text, date date, amount_usd numeric(14, 2))`);
    await db().execute(sql`INSERT INTO staged VALUES
      ('c1', '2023-01-01', '110.00'), ('c8', '2025-02-28', '75.00'),
      ('n1', '2025-01-01', '20.00'), ('n2', '2025-12-31', '5.55'), ('n3', '2024-02-29', '1.00')`);
    const [partner] = await db()
      .insert(partners)
      .values({ externalRef: 'P5', name: 'Epsilon', partnerType: 'ASSOCIATION', scope: 'LOCAL', regionCode: 'RBJ' })
      .returning({ id: partners.id });
    await db().execute(sql`UPDATE contributions c SET date = s.date, amount_usd = s.amount_usd
      FROM staged s WHERE s.external_ref = c.external_ref AND (c.date, c.amount_usd) IS DISTINCT FROM (s.date, s.amount_usd)`);
    await db().execute(sql`INSERT INTO contributions (external_ref, date, amount_usd, income_stream, kind, partner_id,
        objective_code, region_code, country_iso3)
      SELECT s.external_ref, s.date, s.amount_usd, 'INDIVIDUAL_GIVING', 'IN_KIND', ${partner?.id}, 'ENB_COMMUNICATION', 'RBJ', NULL
        FROM staged s WHERE NOT EXISTS (SELECT 1 FROM contributions c WHERE c.external_ref = s.external_ref)`);
    await expectRollupsInStep();
    const year2025 = await bothWays({
      metrics: ['REVENUE_USD', 'IN_KIND_REVENUE_USD', 'CONTRIBUTION_COUNT', 'ACTIVE_PARTNERS', 'NEW_PARTNERS'],
      from: '2025-01-01',
      to: '2025-12-31',
      groupBy: ['REGION'],
    });
    expect(year2025.rows.map((row) => [row.regionCode, ...row.values.map((value) => value.value)])).toEqual([
      ['RBJ', '25.55', '25.55', '2', '1', '0'],
      ['RBN', '75.00', '0', '1', '1', '0'],
    ]);
    expect(await total({ metrics: ['REVENUE_USD'], from: '2023-01-01', to: '2023-01-01' }, 'REVENUE_USD')).toBe(
      '110.00',
    );
  });

  it('moves a partner’s gifts to its new partner type', async () => {
    await db().execute(sql`UPDATE partners SET partner_type = 'FOUNDATION' WHERE id = ${ids().alpha}`);
    await expectRollupsInStep();
    const byType = await byGroup(
      { metrics: ['REVENUE_USD'], from: '2024-01-01', to: '2024-12-31', groupBy: ['PARTNER_TYPE'] },
      'REVENUE_USD',
      'partnerType',
    );
    expect(byType).toEqual({ FOUNDATION: '350.25', GIVING_CHANNEL: '0.10', HNWI: '400.00', ASSOCIATION: '1.00' });
  });

  it('keeps impact records’ sums through inserts, updates and deletes', async () => {
    await db().execute(sql`UPDATE impact_records SET date = '2025-01-01', value = value + 1 WHERE external_ref = 'i2'`);
    await db().execute(sql`DELETE FROM impact_records WHERE external_ref = 'i3'`);
    await db().execute(sql`INSERT INTO impact_records (external_ref, date, metric_code, value, region_code, objective_code)
      VALUES ('i5', '2024-06-30', 'BENEFICIARIES_REACHED', 12.5, 'RBB', 'IMP_NUTRITION')`);
    await expectRollupsInStep();
    const reached = await byGroup(
      { metrics: ['BENEFICIARIES_REACHED'], from: '2023-12-31', to: '2025-01-01', groupBy: ['REGION'] },
      'BENEFICIARIES_REACHED',
      'regionCode',
    );
    expect(reached).toEqual({ RBB: '513.5000', RBN: '1000.0000' });
  });

  it('leaves the rollups as they were when the transaction rolls back', async () => {
    const before = await rollupContents();
    await expect(
      db().transaction(async (tx) => {
        await tx.execute(sql`DELETE FROM contributions WHERE external_ref IN ('c1', 'c2')`);
        await tx.execute(sql`UPDATE partners SET partner_type = 'HNWI' WHERE id = ${ids().beta}`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await rollupContents()).toEqual(before);
  });

  it('defers to one rebuild in a bulk load’s transaction', async () => {
    await db().transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL panorama.rollups = 'deferred'`);
      await tx.execute(sql`DELETE FROM contributions WHERE external_ref = 'c6'`);
      const kept = await tx.execute(sql`SELECT count(*)::int AS n FROM partner_activity WHERE bucket = '2019-01-01'`);
      expect((kept as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(1);
      await tx.execute(sql`SELECT panorama_rebuild_rollups()`);
    });
    await expectRollupsInStep();
    expect(await total({ metrics: ['REVENUE_USD'], from: '2019-01-01', to: '2019-12-31' }, 'REVENUE_USD')).toBe('0');
  });
});

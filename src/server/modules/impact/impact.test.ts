import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { buildGroup, buildStaff, buildUser, buildVillage, signedIn, SIBETAN } from '../../../../test/factories.js';
import { targetStatus } from './targets.service.js';

const RULE = { onTrackFrom: 0.9, atRiskFrom: 0.7 };
const YEAR = { from: '2026-01-01', to: '2026-12-31' };

describe('a target’s status', () => {
  it('is read against the share of the period gone by', () => {
    const at = (actual: number, today: string) =>
      targetStatus({ baseline: 100, target: 200, actual, ...YEAR }, today, RULE);
    expect(at(100, '2025-12-31')).toMatchObject({ status: 'not_started', expected: 0 });
    // Half the year gone (1 Jan to 2 Jul is 183 of 365 days): 50 of 100 expected.
    expect(at(150, '2026-07-02')).toMatchObject({ status: 'on_track', progress: 0.5 });
    expect(at(140, '2026-07-02').status).toBe('at_risk'); // 0.4 / 0.501 = 0.8
    expect(at(130, '2026-07-02').status).toBe('off_track'); // 0.3 / 0.501 = 0.6
    expect(at(200, '2026-03-01').status).toBe('on_track');
    expect(at(200, '2027-01-01')).toMatchObject({ status: 'met', expected: 1, progress: 1 });
    expect(at(199, '2027-01-01').status).toBe('missed');
  });

  it('reads a target below its baseline the same way', () => {
    const fewer = targetStatus({ baseline: 40, target: 20, actual: 30, ...YEAR }, '2026-07-02', RULE);
    expect(fewer).toMatchObject({ status: 'on_track', progress: 0.5 });
    expect(targetStatus({ baseline: 40, target: 20, actual: 41, ...YEAR }, '2026-07-02', RULE).status).toBe(
      'off_track',
    );
  });
});

const t = useTestApp({ clock: { now: () => new Date('2027-07-02T05:00:00Z') } });

async function world() {
  const db = t.database.db;
  const { programId, user: manager } = await buildStaff(db, 'program_manager');
  const group = await buildGroup(db, { village: await buildVillage(db, { programId, areaCode: SIBETAN }) });
  for (const [sex, n] of [
    ['female', 7],
    ['male', 3],
  ] as const) {
    for (let i = 0; i < n; i++) {
      await db.query(
        `INSERT INTO members (id, group_id, name, sex, birth_year, role, joined_on)
         VALUES (gen_random_uuid(), $1, 'Anggota', $2, 1980, 'member', '2026-02-01')`,
        [group.id, sex],
      );
    }
  }
  const bali = await buildStaff(db, 'facilitator', { programId, areaCode: '51' });
  const ntb = await buildStaff(db, 'facilitator', { programId, areaCode: '52' });
  return {
    programId,
    manager: await signedIn(t.app, manager),
    baliFacilitator: await signedIn(t.app, bali.user),
    ntbFacilitator: await signedIn(t.app, ntb.user),
  };
}

const women = {
  indicator: 'members',
  area: '51',
  period: '2027',
  breakdown: { sex: 'female' },
  baseline: '0',
  target: '10',
};

describe('targets', () => {
  it('counts the actual value over the target’s area and cell, and keeps the target to those who reach it', async () => {
    const w = await world();
    const created = await t.request({
      method: 'POST',
      url: `/api/v1/programs/${w.programId}/targets`,
      as: w.manager,
      payload: women,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      actual: '7',
      progress: 0.7,
      status: 'on_track',
      area: { code: '51' },
      abilities: { manage: true },
    });

    const seen = await t.request({
      method: 'GET',
      url: `/api/v1/programs/${w.programId}/targets`,
      as: w.baliFacilitator,
    });
    expect(seen.json()).toMatchObject({
      items: [{ actual: '7', abilities: { manage: false } }],
      abilities: { manage: false },
    });
    const elsewhere = await t.request({
      method: 'GET',
      url: `/api/v1/programs/${w.programId}/targets`,
      as: w.ntbFacilitator,
    });
    expect(elsewhere.json().items).toEqual([]);

    const id = created.json<{ id: string }>().id;
    const refused = await t.request({
      method: 'PATCH',
      url: `/api/v1/targets/${id}`,
      as: w.baliFacilitator,
      payload: { version: 1, target: '8' },
    });
    expect(refused.statusCode).toBe(403);
    const hidden = await t.request({
      method: 'PATCH',
      url: `/api/v1/targets/${id}`,
      as: w.ntbFacilitator,
      payload: { version: 1, target: '8' },
    });
    expect(hidden.statusCode).toBe(404);
  });

  it('keeps one target per indicator, area, period and cell; a retry is the same target; a stale edit is a conflict', async () => {
    const w = await world();
    const url = `/api/v1/programs/${w.programId}/targets`;
    const id = '01950000-0000-7000-8000-000000000001';
    const first = await t.request({ method: 'POST', url, as: w.manager, payload: { ...women, id } });
    expect(first.statusCode, first.body).toBe(201);
    const retry = await t.request({ method: 'POST', url, as: w.manager, payload: { ...women, id } });
    expect(retry.statusCode).toBe(200);
    const again = await t.request({ method: 'POST', url, as: w.manager, payload: women });
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({ code: 'target-exists' });
    const notAllowed = await t.request({
      method: 'POST',
      url,
      as: w.manager,
      payload: { ...women, breakdown: { market: 'export' } },
    });
    expect(notAllowed.json()).toMatchObject({ code: 'breakdown-not-allowed', params: { dimension: 'market' } });

    const edited = await t.request({
      method: 'PATCH',
      url: `/api/v1/targets/${id}`,
      as: w.manager,
      payload: { version: 1, target: '14' },
    });
    expect(edited.json()).toMatchObject({ target: '14', version: 2, progress: 0.5, status: 'on_track' });
    const stale = await t.request({
      method: 'PATCH',
      url: `/api/v1/targets/${id}`,
      as: w.manager,
      payload: { version: 1, target: '20' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ current: { target: '14' } });

    const removed = await t.request({ method: 'DELETE', url: `/api/v1/targets/${id}`, as: w.manager });
    expect(removed.statusCode).toBe(204);
    const list = await t.request({ method: 'GET', url, as: w.manager });
    expect(list.json().items).toEqual([]);
  });

  it('lets the program manager set the status rule, and refuses an at-risk threshold above on-track', async () => {
    const w = await world();
    const url = `/api/v1/programs/${w.programId}/impact-settings`;
    const before = await t.request({ method: 'GET', url, as: w.baliFacilitator });
    expect(before.json()).toMatchObject({ suppressBelow: 5, onTrackFrom: 0.9, atRiskFrom: 0.7 });
    const bad = await t.request({ method: 'PUT', url, as: w.manager, payload: { atRiskFrom: 0.95 } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'at-risk-above-on-track' });
    const byFacilitator = await t.request({ method: 'PUT', url, as: w.baliFacilitator, payload: { onTrackFrom: 0.8 } });
    expect(byFacilitator.statusCode).toBe(404);
    const set = await t.request({ method: 'PUT', url, as: w.manager, payload: { onTrackFrom: 0.6, atRiskFrom: 0.5 } });
    expect(set.json()).toMatchObject({ onTrackFrom: 0.6, atRiskFrom: 0.5, version: 2 });
  });
});

describe('the public impact page', () => {
  it('shows a program’s figures to anyone, with counts of people below the threshold as "<5"', async () => {
    const w = await world();
    const url = (by: string) => `/api/v1/public/impact?indicator=members&programId=${w.programId}&period=2027&by=${by}`;
    const bySex = await t.request({ method: 'GET', url: url('sex') });
    expect(bySex.statusCode, bySex.body).toBe(200);
    // 3 men alone would be 10 − 7: the 7 women are hidden with them ("x").
    expect(bySex.json().rows).toEqual([
      expect.objectContaining({ by: { sex: 'female' }, value: null, suppressed: true, complementary: true }),
      expect.objectContaining({ by: { sex: 'male' }, value: null, suppressed: true, complementary: false }),
    ]);
    const total = await t.request({ method: 'GET', url: url('') });
    expect(total.json().rows).toEqual([expect.objectContaining({ value: '10', suppressed: false })]);
    // The program's own staff see the same cell as it is.
    const inScope = await t.request({
      method: 'GET',
      url: `/api/v1/impact?indicator=members&programId=${w.programId}&period=2027&by=sex`,
      as: w.manager,
    });
    expect(inScope.json().rows).toContainEqual(expect.objectContaining({ by: { sex: 'male' }, value: '3' }));

    // A program that sets its threshold at 3 shows the 3.
    await t.request({
      method: 'PUT',
      url: `/api/v1/programs/${w.programId}/impact-settings`,
      as: w.manager,
      payload: { suppressBelow: 3 },
    });
    const lower = await t.request({ method: 'GET', url: url('sex') });
    expect(lower.json().rows).toContainEqual(expect.objectContaining({ by: { sex: 'male' }, value: '3' }));
  });
});

describe('complementary suppression on the public page', () => {
  const VILLAGES = [SIBETAN, '51.07.04.1004', '51.07.08.2009'];
  const SEXES = ['female', 'male'] as const;
  type Row = { area: { code: string } | null; by: { sex?: string }; value: string | null; suppressed: boolean };

  /** Whether a hidden cell of a breakdown could be worked out from its total and its shown cells. */
  const derivable = (line: Row[], total: Row | undefined) =>
    total !== undefined && total.value !== null && line.filter((c) => c.value === null).length === 1;

  it('never leaves one hidden cell in a breakdown whose total is shown', async () => {
    const counts = fc.array(fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 2, maxLength: 2 }), {
      minLength: 3,
      maxLength: 3,
    });
    await fc.assert(
      fc.asyncProperty(counts, async (counts) => {
        const db = t.database.db;
        const { programId } = await buildStaff(db, 'program_manager');
        for (const [v, code] of VILLAGES.entries()) {
          const group = await buildGroup(db, { village: await buildVillage(db, { programId, areaCode: code }) });
          for (const [s, sex] of SEXES.entries()) {
            await db.query(
              `INSERT INTO members (id, group_id, name, sex, birth_year, role, joined_on)
               SELECT gen_random_uuid(), $1, 'Anggota', $2, 1980, 'member', '2026-02-01'
                 FROM generate_series(1, $3::int)`,
              [group.id, sex, counts[v]![s]!],
            );
          }
        }
        const get = async (query: string) => {
          const res = await t.request({
            method: 'GET',
            url: `/api/v1/public/impact?indicator=members&programId=${programId}&period=2027&area=51.07${query}`,
          });
          expect(res.statusCode, res.body).toBe(200);
          return res.json().rows as Row[];
        };
        const [whole] = await get('');
        const byVillage = await get('&level=village');
        const bySex = await get('&by=sex');
        // The villages add up to the regency, the sexes to everyone.
        expect(derivable(byVillage, whole)).toBe(false);
        expect(derivable(bySex, whole)).toBe(false);
        for (const r of [whole!, ...byVillage, ...bySex]) {
          const n = Number(r.value);
          if (!r.suppressed) expect(n === 0 || n >= 5).toBe(true);
        }
        // Every small count is hidden, whoever else is.
        const small = counts.flat().filter((n) => n > 0 && n < 5).length;
        const cells = await get('&level=village&by=sex');
        expect(cells.filter((r) => r.suppressed).length).toBeGreaterThanOrEqual(small);
      }),
      { numRuns: 12 },
    );
  });
});

describe('sales read from the monthly sums', () => {
  it('adds up the province sums for whole provinces and keeps a regency facilitator to their regency', async () => {
    const db = t.database.db;
    const { programId, user: manager } = await buildStaff(db, 'program_manager');
    const admin = await signedIn(t.app, await buildUser(db, { isAdmin: true }));
    const villageIn = async (pattern: string) =>
      (
        await db.query<{ code: string }>(
          "SELECT code FROM areas WHERE level = 'village' AND code LIKE $1 ORDER BY code LIMIT 1",
          [pattern],
        )
      )[0]!.code;
    // Karangasem (51.07) 100,000, Bangli (51.04) 20,000, both in Bali; Lombok Barat (52.01) 3,000.
    for (const [areaCode, amount] of [
      [SIBETAN, '100000.00'],
      [await villageIn('51.04.%'), '20000.00'],
      [await villageIn('52.01.%'), '3000.00'],
    ] as const) {
      const group = await buildGroup(db, { village: await buildVillage(db, { programId, areaCode }) });
      const sold = await t.request({
        method: 'POST',
        url: `/api/v1/groups/${group.id}/transactions`,
        as: admin,
        payload: { kind: 'cash_sale', date: '2027-03-10', amount: { amount, currency: 'IDR' }, market: 'local' },
      });
      expect(sold.statusCode, sold.body).toBe(201);
    }
    // Kept in the postings: one row per province, none for the country.
    expect(
      await db.query(
        'SELECT area_path, amount::text FROM sales_month_provinces WHERE program_id = $1 ORDER BY area_path',
        [programId],
      ),
    ).toEqual([
      { area_path: '/51/', amount: '12000000' },
      { area_path: '/52/', amount: '300000' },
    ]);

    const sales = async (as: Awaited<ReturnType<typeof signedIn>>, level?: string) => {
      const r = await t.request({
        method: 'GET',
        url: `/api/v1/impact?indicator=sales_revenue&programId=${programId}&period=2027${level ? `&level=${level}` : ''}`,
        as,
      });
      expect(r.statusCode, r.body).toBe(200);
      return r
        .json<{ rows: { area: { code: string } | null; value: string }[] }>()
        .rows.map((row) => [row.area?.code ?? '-', row.value]);
    };
    expect(await sales(await signedIn(t.app, manager))).toEqual([['-', '123000.00']]);
    expect(await sales(await signedIn(t.app, manager), 'province')).toEqual([
      ['51', '120000.00'],
      ['52', '3000.00'],
    ]);
    const facilitator = async (areaCode: string) =>
      signedIn(t.app, (await buildStaff(db, 'facilitator', { programId, areaCode })).user);
    const bali = await facilitator('51');
    expect(await sales(bali)).toEqual([['-', '120000.00']]);
    expect(await sales(await facilitator('52'), 'province')).toEqual([['52', '3000.00']]);
    // A grant below a province cannot be answered from the province sums: Karangasem's alone.
    const karangasem = await facilitator('51.07');
    expect(await sales(karangasem)).toEqual([['-', '100000.00']]);
    expect(await sales(karangasem, 'province')).toEqual([['51', '100000.00']]);

    // A reversal shows in the next read, at every level.
    const [entry] = await db.query<{ id: string; group_id: string }>(
      `SELECT e.id, e.group_id FROM journal_entries e JOIN producer_groups g ON g.id = e.group_id
       WHERE g.program_id = $1 AND g.area_path LIKE '/52/%' AND e.kind = 'cash_sale'`,
      [programId],
    );
    const reversed = await t.request({
      method: 'POST',
      url: `/api/v1/groups/${entry!.group_id}/journal/${entry!.id}/reverse`,
      as: admin,
      payload: { date: '2027-03-11', memo: 'salah catat' },
    });
    expect(reversed.statusCode, reversed.body).toBe(201);
    expect(await sales(bali)).toEqual([['-', '120000.00']]);
    expect(await sales(await signedIn(t.app, manager), 'province')).toEqual([
      ['51', '120000.00'],
      ['52', '0.00'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { buildGroup, buildStaff, buildUser, buildVillage, signedIn, SIBETAN } from '../../../../test/factories.js';

const t = useTestApp({ clock: { now: () => new Date('2027-07-02T05:00:00Z') } });

async function world() {
  const db = t.database.db;
  const { programId, user: manager } = await buildStaff(db, 'program_manager');
  const group = await buildGroup(db, { village: await buildVillage(db, { programId, areaCode: SIBETAN }) });
  const bali = await buildStaff(db, 'facilitator', { programId, areaCode: '51' });
  const other = await buildStaff(db, 'program_manager');
  return {
    programId,
    group,
    manager: await signedIn(t.app, manager),
    facilitator: await signedIn(t.app, bali.user),
    otherManager: await signedIn(t.app, other.user),
    admin: await signedIn(t.app, await buildUser(db, { isAdmin: true })),
  };
}

type World = Awaited<ReturnType<typeof world>>;

async function members(w: World, n: number, joinedOn = '2025-01-01') {
  for (let i = 0; i < n; i++) {
    await t.database.db.query(
      `INSERT INTO members (id, group_id, name, sex, birth_year, role, joined_on)
       VALUES (gen_random_uuid(), $1, 'Anggota', 'female', 1980, 'member', $2)`,
      [w.group.id, joinedOn],
    );
  }
}

async function sale(w: World, date: string, amount: string, market = 'local') {
  const r = await t.request({
    method: 'POST',
    url: `/api/v1/groups/${w.group.id}/transactions`,
    as: w.admin,
    payload: {
      kind: 'cash_sale',
      date,
      amount: { amount, currency: 'IDR' },
      market,
      ...(market === 'export' ? { destination: 'JP' } : {}),
    },
  });
  expect(r.statusCode, r.body).toBe(201);
}

async function value(w: World, indicator: string, period: string, by = '') {
  const r = await t.request({
    method: 'GET',
    url: `/api/v1/impact?indicator=${indicator}&programId=${w.programId}&period=${period}${by ? `&by=${by}` : ''}`,
    as: w.manager,
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json<{ rows: { by: Record<string, string>; value: string; currency: string | null }[] }>().rows;
}

const ruleUrl = (w: World) => `/api/v1/programs/${w.programId}/naik-kelas-rule`;

describe('the naik kelas rule', () => {
  it('is all four conditions and 20 % until the program manager sets it', async () => {
    const w = await world();
    const before = await t.request({ method: 'GET', url: ruleUrl(w), as: w.facilitator });
    expect(before.json()).toEqual({
      programId: w.programId,
      conditions: ['stars_up', 'new_certification', 'first_export', 'revenue_up'],
      revenueGrowthPercent: 20,
      isDefault: true,
      version: 1,
      abilities: { manage: false },
    });
    const set = await t.request({
      method: 'PUT',
      url: ruleUrl(w),
      as: w.manager,
      payload: { version: 1, conditions: ['revenue_up', 'first_export'], revenueGrowthPercent: 50 },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({
      conditions: ['first_export', 'revenue_up'],
      revenueGrowthPercent: 50,
      isDefault: false,
      version: 2,
      abilities: { manage: true },
    });
    // A second writer on the old version is told so.
    const stale = await t.request({
      method: 'PUT',
      url: ruleUrl(w),
      as: w.manager,
      payload: { version: 1, conditions: ['stars_up'], revenueGrowthPercent: 20 },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses a rule with no condition, an unknown or repeated one, or a percentage out of range, naming the field', async () => {
    const w = await world();
    const put = (payload: object) => t.request({ method: 'PUT', url: ruleUrl(w), as: w.manager, payload });
    const cases: [object, string, string][] = [
      [{ conditions: [], revenueGrowthPercent: 20 }, 'conditions', 'too_small_array'],
      [{ conditions: ['more_buyers'], revenueGrowthPercent: 20 }, 'conditions.0', 'invalid_value'],
      [{ conditions: ['stars_up', 'stars_up'], revenueGrowthPercent: 20 }, 'conditions', 'listed_twice'],
      [{ conditions: ['revenue_up'], revenueGrowthPercent: 0 }, 'revenueGrowthPercent', 'too_small_number'],
      [{ conditions: ['revenue_up'], revenueGrowthPercent: 12.5 }, 'revenueGrowthPercent', 'not_integer'],
      [{ conditions: ['revenue_up'] }, 'revenueGrowthPercent', 'required'],
    ];
    for (const [payload, path, code] of cases) {
      const r = await put(payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect(r.json().errors, JSON.stringify(payload)).toContainEqual(expect.objectContaining({ path, code }));
    }
    expect((await t.request({ method: 'GET', url: ruleUrl(w), as: w.manager })).json().isDefault).toBe(true);
  });

  it('cannot be changed by a facilitator of the program or the manager of another program', async () => {
    const w = await world();
    const payload = { conditions: ['stars_up'], revenueGrowthPercent: 20 };
    for (const as of [w.facilitator, w.otherManager]) {
      const r = await t.request({ method: 'PUT', url: ruleUrl(w), as, payload });
      expect(r.statusCode).toBe(404);
    }
    const now = await t.request({ method: 'GET', url: ruleUrl(w), as: w.otherManager });
    expect(now.json()).toMatchObject({ isDefault: true, abilities: { manage: false } });
    const byAdmin = await t.request({ method: 'PUT', url: ruleUrl(w), as: w.admin, payload });
    expect(byAdmin.json()).toMatchObject({ conditions: ['stars_up'], version: 2 });
  });
});

describe('groups naik kelas', () => {
  it('counts a group once however many conditions it meets, and follows the program’s rule', async () => {
    const w = await world();
    // 2026: Rp 1.000.000 of local sales. 2027: Rp 1.300.000 (+30 %), Rp 200.000 of it the first export.
    await sale(w, '2026-03-10', '1000000.00');
    await sale(w, '2027-02-10', '1100000.00');
    await sale(w, '2027-03-01', '200000.00', 'export');
    expect(await value(w, 'groups_naik_kelas', '2027')).toEqual([expect.objectContaining({ value: '1' })]);
    const byCondition = await value(w, 'groups_naik_kelas', '2027', 'condition');
    expect(byCondition.map((r) => [r.by.condition, r.value])).toEqual([
      ['first_export', '1'],
      ['revenue_up', '1'],
    ]);
    // 2026 had no year before it to grow on and no export: the group did not move up.
    expect(await value(w, 'groups_naik_kelas', '2026')).toEqual([]);
    // A program asking for 50 % growth and no exports does not count it.
    await t.request({
      method: 'PUT',
      url: ruleUrl(w),
      as: w.manager,
      payload: { conditions: ['revenue_up', 'stars_up'], revenueGrowthPercent: 50 },
    });
    expect(await value(w, 'groups_naik_kelas', '2027')).toEqual([]);
    // 30 % is enough at 30.
    await t.request({
      method: 'PUT',
      url: ruleUrl(w),
      as: w.manager,
      payload: { conditions: ['revenue_up'], revenueGrowthPercent: 30 },
    });
    expect(await value(w, 'groups_naik_kelas', '2027', 'condition')).toEqual([
      expect.objectContaining({ by: { condition: 'revenue_up' }, value: '1' }),
    ]);
  });
});

describe('income per member', () => {
  it('divides the groups’ profit by their active members', async () => {
    const w = await world();
    await members(w, 4);
    await members(w, 1, '2027-12-01'); // not yet a member at the end of June
    await sale(w, '2027-02-10', '1000000.00');
    expect(await value(w, 'income_per_member', '2027Q1')).toEqual([
      expect.objectContaining({ value: '250000.00', currency: 'IDR' }),
    ]);
    // A group without members has no income per member.
    await t.database.db.query(
      "UPDATE members SET left_on = '2027-01-01' WHERE group_id = $1 AND joined_on < '2027-01-01'",
      [w.group.id],
    );
    expect(await value(w, 'income_per_member', '2027Q1')).toEqual([]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../../test/app.js';
import {
  buildGroup,
  buildPackProgram,
  buildStaff,
  buildUser,
  buildVillage,
  signedIn,
} from '../../../../test/factories.js';

const t = useTestApp({ clock: { now: () => new Date('2026-09-15T05:00:00Z') } });

/**
 * An agency with an Indonesian program (IDR, 7 women and 5 men, one sale) and a Thai one started
 * from the TH pack (THB, 2 women — a count the public page hides — and one sale), reporting in USD.
 */
async function agencyWorld() {
  const db = t.database.db;
  const admin = await signedIn(t.app, await buildUser(db, { isAdmin: true }));
  const { programId: idProgram, user: idManagerUser } = await buildStaff(db, 'program_manager');
  const { program: th } = await buildPackProgram(
    db,
    'TH',
    `OTOP-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
  );
  const idGroup = await buildGroup(db, { village: await buildVillage(db, { programId: idProgram }) });
  const thGroup = await buildGroup(db, { village: await buildVillage(db, { programId: th.id, areaCode: 'TH-5001' }) });
  const people = async (groupId: string, sex: 'female' | 'male', n: number) => {
    for (let i = 0; i < n; i++) {
      await db.query(
        `INSERT INTO members (id, group_id, name, sex, birth_year, role, joined_on)
         VALUES (gen_random_uuid(), $1, 'Anggota', $2, 1980, 'member', '2026-02-01')`,
        [groupId, sex],
      );
    }
  };
  await people(idGroup.id, 'female', 7);
  await people(idGroup.id, 'male', 5);
  await people(thGroup.id, 'female', 2);
  const sell = async (programId: string, groupId: string, amount: { amount: string; currency: string }) => {
    const { user } = await buildStaff(db, 'group_manager', { programId, groupId });
    const sale = await t.request({
      method: 'POST',
      url: `/api/v1/groups/${groupId}/transactions`,
      as: await signedIn(t.app, user),
      payload: { kind: 'cash_sale', date: '2026-02-10', amount, memo: 'Penjualan' },
    });
    if (sale.statusCode !== 201) throw new Error(`${sale.statusCode} ${sale.body}`);
  };
  await sell(idProgram, idGroup.id, { amount: '1290000', currency: 'IDR' });
  await sell(th.id, thGroup.id, { amount: '1250.50', currency: 'THB' });

  const send = (method: 'POST' | 'PUT', url: string, as: Session, payload?: object) =>
    t.request({ method, url, as, ...(payload ? { payload } : {}) });
  const created = await send('POST', '/api/v1/organisations', admin, { name: 'JICA', reportingCurrency: 'USD' });
  expect(created.statusCode, created.body).toBe(201);
  const org = created.json<{ id: string }>().id;
  for (const programId of [idProgram, th.id]) {
    const added = await send('PUT', `/api/v1/organisations/${org}/programs/${programId}`, admin);
    expect(added.statusCode, added.body).toBe(200);
  }
  const member = async (role: 'organisation_admin' | 'agency_viewer') => {
    const user = await buildUser(db);
    const granted = await send('PUT', `/api/v1/organisations/${org}/members/${user.id}`, admin, { role });
    expect(granted.statusCode, granted.body).toBe(200);
    return signedIn(t.app, user);
  };
  return {
    admin,
    org,
    idProgram,
    thProgram: th.id,
    send,
    orgAdmin: await member('organisation_admin'),
    viewer: await member('agency_viewer'),
    idManager: await signedIn(t.app, idManagerUser),
  };
}

type World = Awaited<ReturnType<typeof agencyWorld>>;

interface SideBySide {
  programs: {
    program: { id: string; currency: string };
    conversion: string;
    rate: { rate: string; asOf: string } | null;
    rows: Record<string, unknown>[];
  }[];
}

const view = async (w: World, query: string, as: Session = w.viewer) => {
  const r = await t.request({ url: `/api/v1/organisations/${w.org}/impact?${query}`, as });
  expect(r.statusCode, r.body).toBe(200);
  return r.json<SideBySide>();
};

/** Independent of the server's arithmetic: amount × rate as one exact fraction, rounded half away from zero. */
function expectedConversion(amount: string, rate: string, digits: number): string {
  const [aw, af = ''] = amount.split('.');
  const [rw, rf = ''] = rate.split('.');
  const scale = 10n ** BigInt(af.length + rf.length);
  const product = BigInt(aw! + af) * BigInt(rw! + rf) * 10n ** BigInt(digits);
  const minor = (2n * product + scale) / (2n * scale);
  const text = minor.toString().padStart(digits + 1, '0');
  return digits ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text;
}

describe('the side-by-side view of an organisation’s programs', () => {
  it('shows each program in its own currency, converts at the rate entered, and says "no rate" where there is none', async () => {
    const w = await agencyWorld();
    const rate = await w.send('POST', `/api/v1/organisations/${w.org}/rates`, w.orgAdmin, {
      currency: 'THB',
      rate: '0.0275',
      asOf: '2026-06-30',
    });
    expect(rate.statusCode, rate.body).toBe(201);
    expect(rate.json()).toMatchObject({ currency: 'THB', into: 'USD', rate: '0.0275', asOf: '2026-06-30' });

    const sales = await view(w, 'indicator=sales_revenue&period=2026');
    const byCurrency = Object.fromEntries(sales.programs.map((p) => [p.program.currency, p]));
    expect(byCurrency.THB).toMatchObject({
      conversion: 'rate',
      rate: { rate: '0.0275', asOf: '2026-06-30' },
      rows: [{ value: '1250.50', currency: 'THB', converted: { amount: '34.39', currency: 'USD', rate: '0.0275' } }],
    });
    expect(byCurrency.IDR).toMatchObject({
      conversion: 'none',
      rate: null,
      rows: [{ value: '1290000.00', currency: 'IDR', converted: null }],
    });

    // A rate dated after the period's end is not the period's rate.
    const firstQuarter = await view(w, 'indicator=sales_revenue&period=2026Q1');
    expect(firstQuarter.programs.find((p) => p.program.currency === 'THB')).toMatchObject({
      conversion: 'none',
      rows: [{ value: '1250.50', converted: null }],
    });

    const audit = await t.database.db.query<{ after: unknown }>(
      "SELECT after FROM audit_log WHERE action = 'organisation.rate' AND entity_id = $1",
      [w.org],
    );
    expect(audit.map((a) => a.after)).toEqual([{ currency: 'THB', rate: '0.0275', asOf: '2026-06-30', into: 'USD' }]);
  });

  it('counts people by sex as the public impact page does, hiding the same small counts', async () => {
    const w = await agencyWorld();
    const members = await view(w, 'indicator=members&period=2026&by=sex');
    const rowsOf = (programId: string) => members.programs.find((p) => p.program.id === programId)!.rows;
    expect(rowsOf(w.idProgram)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ by: { sex: 'female' }, value: '7', suppressed: false }),
        expect.objectContaining({ by: { sex: 'male' }, value: '5', suppressed: false }),
      ]),
    );
    expect(rowsOf(w.thProgram)).toEqual([
      expect.objectContaining({ by: { sex: 'female' }, value: null, suppressed: true, converted: null }),
    ]);
  });

  it('gives, for any rates and indicator, each program’s own public figures and amount × rate rounded in the reporting currency', async () => {
    const w = await agencyWorld();
    const rateArb = fc
      .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 6 }))
      .filter(([whole, fraction]) => whole + fraction > 0)
      .map(([whole, fraction, digits]) =>
        digits === 0 ? String(whole || 1) : `${whole}.${String(fraction).padStart(6, '0').slice(0, digits)}`,
      )
      .filter((r) => /[1-9]/.test(r));
    const question = fc.constantFrom(
      'indicator=sales_revenue&period=2026',
      'indicator=sales_revenue&period=2026&by=market',
      'indicator=members&period=2026&by=sex',
      'indicator=producer_groups&period=2026-02',
    );
    let asOf = 0;
    await fc.assert(
      fc.asyncProperty(rateArb, rateArb, question, async (thb, idr, q) => {
        asOf += 1;
        const day = `2026-0${1 + (asOf % 9)}-${String(1 + (asOf % 28)).padStart(2, '0')}`;
        for (const [currency, rate] of [
          ['THB', thb],
          ['IDR', idr],
        ] as const) {
          const r = await w.send('POST', `/api/v1/organisations/${w.org}/rates`, w.orgAdmin, {
            currency,
            rate,
            asOf: day,
          });
          expect(r.statusCode, r.body).toBe(201);
        }
        const rates = (await t.request({ url: `/api/v1/organisations/${w.org}/rates`, as: w.viewer })).json<{
          items: { currency: string; rate: string; asOf: string }[];
        }>().items;
        const side = await view(w, q);
        for (const p of side.programs) {
          const own = await t.request({ url: `/api/v1/public/impact?${q}&programId=${p.program.id}` });
          expect(own.statusCode, own.body).toBe(200);
          expect(p.rows.map(({ converted: _c, ...row }) => row)).toEqual(own.json().rows);
          for (const row of p.rows) {
            if (row.currency === null || row.value === null) {
              expect(row.converted).toBeNull();
              continue;
            }
            const periodEnd = (await t.request({ url: `/api/v1/public/impact?${q}&programId=${p.program.id}` })).json()
              .period.to as string;
            const used = rates
              .filter((r) => r.currency === row.currency && r.asOf <= periodEnd)
              .sort((a, b) => b.asOf.localeCompare(a.asOf))[0];
            if (!used) {
              expect(row.converted).toBeNull();
              continue;
            }
            expect(row.converted).toEqual({
              amount: expectedConversion(row.value as string, used.rate, 2),
              currency: 'USD',
              rate: used.rate,
              asOf: used.asOf,
            });
          }
        }
      }),
      { numRuns: 8 },
    );
  });
});

describe('who sees an organisation', () => {
  it('is hidden from a program manager of one of its programs, who keeps seeing only their program', async () => {
    const w = await agencyWorld();
    for (const url of [
      `/api/v1/organisations/${w.org}`,
      `/api/v1/organisations/${w.org}/impact?indicator=members&period=2026`,
      `/api/v1/organisations/${w.org}/rates`,
    ]) {
      const r = await t.request({ url, as: w.idManager });
      expect(r.statusCode, url).toBe(404);
    }
    expect((await t.request({ url: '/api/v1/organisations', as: w.idManager })).json().items).toEqual([]);
    const rate = await w.send('POST', `/api/v1/organisations/${w.org}/rates`, w.idManager, {
      currency: 'THB',
      rate: '0.03',
      asOf: '2026-06-30',
    });
    expect(rate.statusCode).toBe(404);
    // Their own program grant reaches their program, not the Thai one.
    expect((await t.request({ url: `/api/v1/programs/${w.thProgram}`, as: w.idManager })).statusCode).toBe(404);
  });

  it('gives an agency viewer the side-by-side figures and no program’s own records', async () => {
    const w = await agencyWorld();
    const listed = (await t.request({ url: '/api/v1/organisations', as: w.viewer })).json();
    expect(listed.items).toEqual([
      expect.objectContaining({
        id: w.org,
        role: 'agency_viewer',
        reportingCurrency: 'USD',
        abilities: { enterRates: false, manage: false },
      }),
    ]);
    expect(listed.items[0].programs.map((p: { currency: string }) => p.currency).sort()).toEqual(['IDR', 'THB']);
    for (const programId of [w.idProgram, w.thProgram]) {
      expect((await t.request({ url: `/api/v1/programs/${programId}`, as: w.viewer })).statusCode).toBe(404);
    }
  });

  it('lets only the organisation’s admins enter rates and only a platform admin shape the organisation', async () => {
    const w = await agencyWorld();
    // Each caller's answer says what it may do, so the web shows only the buttons that work for them.
    const abilitiesOf = async (as: Session) =>
      (await t.request({ url: `/api/v1/organisations/${w.org}`, as })).json().abilities;
    expect(await abilitiesOf(w.viewer)).toEqual({ enterRates: false, manage: false });
    expect(await abilitiesOf(w.orgAdmin)).toEqual({ enterRates: true, manage: false });
    expect(await abilitiesOf(w.admin)).toEqual({ enterRates: true, manage: true });
    const rate = { currency: 'THB', rate: '0.03', asOf: '2026-06-30' };
    expect((await w.send('POST', `/api/v1/organisations/${w.org}/rates`, w.viewer, rate)).statusCode).toBe(403);
    expect((await w.send('POST', `/api/v1/organisations/${w.org}/rates`, w.admin, rate)).statusCode).toBe(201);
    const other = await buildUser(t.database.db);
    for (const as of [w.viewer, w.orgAdmin, w.idManager]) {
      const made = await w.send('POST', '/api/v1/organisations', as, { name: 'Lain', reportingCurrency: 'JPY' });
      expect(made.statusCode).toBe(403);
      const added = await w.send('PUT', `/api/v1/organisations/${w.org}/programs/${w.idProgram}`, as);
      expect(added.statusCode).toBe(403);
      const granted = await w.send('PUT', `/api/v1/organisations/${w.org}/members/${other.id}`, as, {
        role: 'organisation_admin',
      });
      expect(granted.statusCode).toBe(403);
    }
    const members = await t.database.db.query('SELECT user_id FROM organisation_members WHERE user_id = $1', [
      other.id,
    ]);
    expect(members).toEqual([]);
  });

  it('refuses a malformed rate naming the field, and a rate into the reporting currency itself', async () => {
    const w = await agencyWorld();
    const bad = await w.send('POST', `/api/v1/organisations/${w.org}/rates`, w.orgAdmin, {
      currency: 'THB',
      rate: '-1',
      asOf: '2026-06-30',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'rate', code: 'not_a_rate' })]);
    const zero = await w.send('POST', `/api/v1/organisations/${w.org}/rates`, w.orgAdmin, {
      currency: 'THB',
      rate: '0.000',
      asOf: '2026-06-30',
    });
    expect(zero.json().errors).toEqual([expect.objectContaining({ path: 'rate', code: 'not_a_rate' })]);
    const same = await w.send('POST', `/api/v1/organisations/${w.org}/rates`, w.orgAdmin, {
      currency: 'USD',
      rate: '1',
      asOf: '2026-06-30',
    });
    expect(same.statusCode).toBe(422);
    expect(same.json()).toMatchObject({ code: 'rate-same-currency', errors: [{ path: 'currency' }] });
    const stored = await t.database.db.query('SELECT * FROM organisation_rates WHERE organisation_id = $1', [w.org]);
    expect(stored).toEqual([]);
  });
});

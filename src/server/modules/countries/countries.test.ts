import { describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../../test/app.js';
import { buildPackProgram, buildProgram, buildStaff, buildUser, signedIn, system } from '../../../../test/factories.js';
import { pdfText } from '../../../../test/documents.js';
import { allCriteria } from '../../../../test/quality-fixtures.js';
import { loadPack, packCountries } from '../../packs/index.js';
import { createProgramFromPack, installPack } from './countries.service.js';

const t = useTestApp();

/** Every Indonesian row a pack could touch: areas, programs, and Indonesia's pack record. */
async function indonesianRows() {
  const db = t.database.db;
  return {
    areas: await db.query(
      `SELECT code, parent_code, level, depth, name, names, path FROM areas WHERE country = 'ID' ORDER BY code`,
    ),
    programs: await db.query(
      `SELECT id, code, currency, locales, updated_at FROM programs WHERE country = 'ID' ORDER BY id`,
    ),
    packs: await db.query(`SELECT country, version, digest, updated_at FROM country_packs WHERE country = 'ID'`),
  };
}

const count = async (sql: string, params: unknown[] = []) =>
  (await t.database.db.query<{ n: number }>(sql, params))[0]!.n;

/** Installs a country's pack and starts a program from it. */
const programFromPack = (country: string, code: string, startedOn?: string) =>
  buildPackProgram(t.database.db, country, code, startedOn);

/** A program started from a pack, an admin, and ways to post as them and sign in staff. */
async function packWorld(country: string, code: string, startedOn?: string) {
  const db = t.database.db;
  const { program, scheme } = await programFromPack(country, code, startedOn);
  const admin = await signedIn(t.app, await buildUser(db, { isAdmin: true }));
  const send = (method: 'POST' | 'PUT', url: string, as: Session, payload: object) =>
    t.request({ method, url, as, payload });
  const post = async (url: string, payload: object, as: Session = admin) => {
    const r = await send('POST', url, as, payload);
    if (r.statusCode !== 201) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const as = async (role: Parameters<typeof buildStaff>[1], scope: { groupId?: string } = {}) => {
    const { user } = await buildStaff(db, role, { programId: program.id, ...scope });
    return { ...(await signedIn(t.app, user)), userId: user.id };
  };
  /** A producer group of the program in a new village of `areaCode`. */
  const groupIn = async (areaCode: string, name: string, kind: string) => {
    const village = await post('/api/v1/villages', { programId: program.id, areaCode, profile: {} });
    return post('/api/v1/groups', { programId: program.id, villageId: village.id, name, kind });
  };
  return { program, scheme, admin, send, post, as, groupIn };
}

type PackWorld = Awaited<ReturnType<typeof packWorld>>;

/** Enters a product in a round, scores it full marks by self-assessment and two national assessors, finalises. */
async function rateFullMarks(w: PackWorld, productId: string, groupId: string) {
  const scheme = (await t.request({ url: `/api/v1/rating-schemes/${w.scheme.id}`, as: w.admin })).json();
  const entered = await w.post('/api/v1/assessments', {
    productId,
    schemeId: scheme.id,
    year: 2026,
    panelTier: 'national',
    assessedOn: '2026-06-01',
  });
  const url = `/api/v1/assessments/${entered.id}`;
  const chair = await w.as('group_manager', { groupId });
  expect(
    (await w.send('PUT', `${url}/self-assessment`, chair, { scores: allCriteria(scheme.definition, 3) })).statusCode,
  ).toBe(200);
  for (let i = 0; i < 2; i++) {
    const assessor = await w.as('assessor');
    const tier = await w.send('PUT', `/api/v1/programs/${w.program.id}/assessor-tiers`, w.admin, {
      userId: assessor.userId,
      tier: 'national',
    });
    expect(tier.statusCode, tier.body).toBe(200);
    const scored = await w.send('PUT', `${url}/panel-scores`, assessor, { scores: allCriteria(scheme.definition, 3) });
    expect(scored.statusCode, scored.body).toBe(200);
  }
  const manager = await w.as('program_manager');
  const final = await w.send('POST', `${url}/finalise`, manager, {});
  expect(final.statusCode, final.body).toBe(200);
  return final.json();
}

describe('country packs', () => {
  it('are valid data: every shipped pack passes its schema, and its currency has the minor units amounts use', () => {
    expect(packCountries()).toEqual(expect.arrayContaining(['ID', 'TH', 'VN']));
    for (const country of packCountries()) expect(loadPack(country).pack.country).toBe(country);
    expect(loadPack('VN').pack.currency).toEqual({ code: 'VND', minorUnits: 0 });
    expect(loadPack('TH').pack.fiscalYearStartMonth).toBe(10);
    expect(loadPack('TH').pack.areas.source).toMatchObject({
      licence: 'MIT',
      url: expect.stringContaining('github.com'),
    });
    expect(packCountries()).toEqual(expect.arrayContaining(['JP', 'KE', 'KG']));
    const [jp, ke, kg] = (['JP', 'KE', 'KG'] as const).map((c) => loadPack(c).pack);
    expect([jp, ke, kg].map((p) => [p!.currency, p!.fiscalYearStartMonth, p!.defaultLocale])).toEqual([
      [{ code: 'JPY', minorUnits: 0 }, 4, 'ja'],
      [{ code: 'KES', minorUnits: 2 }, 7, 'en'],
      [{ code: 'KGS', minorUnits: 2 }, 1, 'ky'],
    ]);
    expect(jp!.areas.source).toMatchObject({
      licence: 'MIT',
      licenceFile: 'LICENSE.areas',
      commit: expect.any(String),
    });
    for (const p of [ke!, kg!]) expect(p.areas.source.licence).toBe('LGPL-2.1-or-later');
    for (const p of [jp!, ke!, kg!]) {
      expect(p.chart.verified).toBe(false);
      expect(p.taxNotes.every((n) => !n.verified)).toBe(true);
      expect(p.unverified.length).toBeGreaterThan(0);
    }
  });

  it('install Thailand on an Indonesian platform without changing an Indonesian row, and again change nothing', async () => {
    const db = t.database.db;
    await buildProgram(db);
    const before = await indonesianRows();
    expect(before.areas.length).toBeGreaterThan(100);

    const dry = await installPack(db, 'TH', { dryRun: true });
    expect(dry).toMatchObject({ installedVersion: null, upToDate: false, areas: { added: 1006, unchanged: 0 } });
    expect(await count(`SELECT count(*)::int AS n FROM areas WHERE country = 'TH'`)).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM country_packs')).toBe(0);

    const first = await installPack(db, 'TH');
    expect(first.areas).toMatchObject({ added: 1006, translated: 1006, renamed: [] });
    expect(await count(`SELECT count(*)::int AS n FROM areas WHERE country = 'TH' AND level = 'province'`)).toBe(77);
    const [bangkok] = await db.query<{ name: string; names: Record<string, string> }>(
      `SELECT name, names FROM areas WHERE code = 'TH-10'`,
    );
    expect(bangkok).toEqual({ name: 'กรุงเทพมหานคร', names: { en: 'Bangkok' } });
    const audits = await count(`SELECT count(*)::int AS n FROM audit_log`);

    const again = await installPack(db, 'TH');
    expect(again).toMatchObject({
      installedVersion: '2026.12.0',
      upToDate: true,
      areas: { added: 0, unchanged: 1006 },
    });
    expect(await count(`SELECT count(*)::int AS n FROM audit_log`)).toBe(audits);

    // An upgrade that renames an area (here: the stored name drifted) puts it right and says so.
    await db.query(`UPDATE areas SET name = 'Krung Thep' WHERE code = 'TH-10'`);
    const upgrade = await installPack(db, 'TH');
    expect(upgrade.areas).toMatchObject({
      added: 0,
      renamed: [{ code: 'TH-10', from: 'Krung Thep', to: 'กรุงเทพมหานคร' }],
    });
    expect((await installPack(db, 'TH')).upToDate).toBe(true);

    await installPack(db, 'VN');
    expect(await indonesianRows()).toEqual(before);
  });

  it('refuse an unknown country, and a program before its pack is installed', async () => {
    await expect(installPack(t.database.db, 'XX')).rejects.toMatchObject({ status: 422, code: 'country-pack-missing' });
    await expect(
      createProgramFromPack(system(t.database.db), {
        country: 'TH',
        code: 'OTOP-TH',
        name: 'OTOP',
        startedOn: '2026-01-01',
      }),
    ).rejects.toMatchObject({ status: 422, code: 'country-pack-not-installed' });
    await installPack(t.database.db, 'TH');
    await expect(
      createProgramFromPack(system(t.database.db), {
        country: 'TH',
        code: 'OTOP-TH',
        name: 'OTOP',
        startedOn: '2026-01-01',
        template: 'kemenperin-ovop',
      }),
    ).rejects.toMatchObject({ status: 400, errors: [{ path: 'template', code: 'unknown_reference' }] });
    expect(await count('SELECT count(*)::int AS n FROM programs')).toBe(0);
  });

  it('start a Thai program whose group keeps books in THB, whose members need no national id, and whose OTOP round gives stars', async () => {
    const w = await packWorld('TH', 'OTOP-TH');
    expect(w.program).toMatchObject({ country: 'TH', currency: 'THB', locales: ['th', 'en'] });
    const group = await w.groupIn('TH-5001', 'กลุ่มทอผ้าบ้านเหมืองกุง', 'women_group');
    const member = await w.post(`/api/v1/groups/${group.id}/members`, {
      name: 'สมศรี ใจดี',
      sex: 'female',
      birthYear: 1970,
      role: 'chair',
      joinedOn: '2026-01-10',
    });
    expect(member.nationalId).toBeNull();

    const manager = await w.as('group_manager', { groupId: group.id });
    const sale = await w.send('POST', `/api/v1/groups/${group.id}/transactions`, manager, {
      kind: 'cash_sale',
      date: '2026-02-10',
      amount: { amount: '1250.50', currency: 'THB' },
      memo: 'ผ้าไหม 2 ผืน',
    });
    expect(sale.statusCode, sale.body).toBe(201);
    const income = await t.request({
      url: `/api/v1/groups/${group.id}/reports/income-statement?from=2026-02-01&to=2026-02-28`,
      as: manager,
    });
    expect(income.json().revenue.amount).toEqual({ amount: '1250.50', currency: 'THB' });
    // The printed statements draw the Thai names in an embedded Thai face.
    const printed = await t.request({
      url: `/api/v1/groups/${group.id}/reports/statements?format=pdf&from=2026-01-01&to=2026-12-31&locale=en`,
      as: manager,
    });
    expect(printed.statusCode).toBe(200);
    expect((await pdfText(printed.rawPayload)).text).toContain('กลุ่มทอผ้าบ้านเหมืองกุง');
    expect(printed.rawPayload.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansThai-Regular/);
    const books = (await t.request({ url: `/api/v1/groups/${group.id}/books`, as: manager })).json();
    expect(books.currency).toBe('THB');
    expect(books.accounts.find((a: { code: string }) => a.code === '4-101').name).toEqual({
      th: 'รายได้จากการขาย',
      en: 'Sales',
    });

    const product = await w.post('/api/v1/products', {
      groupId: group.id,
      name: { th: 'ผ้าไหมมัดหมี่', en: 'Mudmee silk' },
      description: { th: 'ผ้าไหมทอมือจากขอนแก่น' },
      category: 'textiles_garments',
      unit: 'ผืน',
      price: { amount: '2500.00', currency: 'THB' },
      status: 'ready',
    });
    const badNumber = await w.send('POST', '/api/v1/certifications', w.admin, {
      productId: product.id,
      kind: 'th_fda',
      number: 'not a number',
      issuer: 'อย.',
      issuedOn: '2025-02-01',
    });
    expect(badNumber.statusCode).toBe(400);
    expect(badNumber.json().errors[0]).toMatchObject({
      path: 'number',
      code: 'certificate_number_format',
      params: { example: '10-1-12345-1-0001' },
    });
    // The community product standard (มผช.): three years from issue when the certificate gives no end.
    const tcps = await w.post('/api/v1/certifications', {
      productId: product.id,
      kind: 'th_tcps',
      number: 'มผช. 16/2557',
      issuer: 'สำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม',
      issuedOn: '2025-02-01',
    });
    expect(tcps.expiresOn).toBe('2028-02-01');

    const final = await rateFullMarks(w, product.id, group.id);
    expect(final).toMatchObject({ status: 'finalised', stars: 5, validUntil: '2028-06-01' });
  });

  it('start a Vietnamese program in VND whose OCOP round issues a certificate valid 36 months', async () => {
    const w = await packWorld('VN', 'OCOP-VN');
    expect(w.program).toMatchObject({ country: 'VN', currency: 'VND', locales: ['vi', 'en'] });
    const group = await w.groupIn('VN-00004', 'Hợp tác xã mây tre đan Phú Vinh', 'cooperative');
    const product = await w.post('/api/v1/products', {
      groupId: group.id,
      name: { vi: 'Giỏ mây tre đan', en: 'Rattan basket' },
      description: { vi: 'Giỏ đan tay từ mây và tre.' },
      category: 'handicrafts',
      unit: 'chiếc',
      price: { amount: '250000', currency: 'VND' },
      status: 'ready',
    });
    const fraction = await w.send('POST', '/api/v1/products', w.admin, {
      groupId: group.id,
      name: { vi: 'Giỏ nhỏ' },
      description: { vi: 'Giỏ nhỏ.' },
      category: 'handicrafts',
      unit: 'chiếc',
      price: { amount: '250000.50', currency: 'VND' },
    });
    expect(fraction.statusCode).toBe(400);
    expect(fraction.json().errors[0].path).toBe('price.amount');

    const final = await rateFullMarks(w, product.id, group.id);
    expect(final).toMatchObject({ status: 'finalised', stars: 5, validUntil: '2029-06-01' });
  });

  it('keep a Vietnamese group’s books on the Circular 132/2018 account numbers, its statements balanced', async () => {
    const w = await packWorld('VN', 'OCOP-VN-BOOKS');
    const group = await w.groupIn('VN-00004', 'Tổ hợp tác nón lá Phú Vinh', 'women_group');
    const manager = await w.as('group_manager', { groupId: group.id });
    const vnd = (amount: string) => ({ amount, currency: 'VND' });
    const send = (path: string, payload: object) =>
      t.request({ method: 'POST', url: `/api/v1/groups/${group.id}/${path}`, as: manager, payload });
    const books = (await t.request({ url: `/api/v1/groups/${group.id}/books`, as: manager })).json();
    const byRole = (role: string) => books.accounts.find((a: { role: string }) => a.role === role);
    expect(
      ['cash', 'bank', 'receivables', 'payables', 'owner_capital', 'retained_earnings', 'sales', 'cost_of_goods'].map(
        (r) => [byRole(r).code, byRole(r).type],
      ),
    ).toEqual([
      ['111', 'asset'],
      ['112', 'asset'],
      ['131', 'asset'],
      ['331', 'liability'],
      ['411', 'equity'],
      ['421', 'equity'],
      ['511', 'revenue'],
      ['632', 'cost_of_goods'],
    ]);
    expect(byRole('cash').name).toEqual({ vi: 'Tiền mặt', en: 'Cash' });

    const posted = [
      { kind: 'owner_capital', date: '2026-02-01', amount: vnd('20000000') },
      { kind: 'loan_received', date: '2026-02-02', amount: vnd('5000000'), via: 'bank' },
      { kind: 'material_purchase', date: '2026-02-03', amount: vnd('2000000'), settlement: 'cash' },
      { kind: 'production', date: '2026-02-05', amount: vnd('1500000') },
      { kind: 'cash_sale', date: '2026-02-10', amount: vnd('3500000'), costOfGoods: vnd('1200000') },
      { kind: 'expense', date: '2026-02-12', amount: vnd('400000'), category: 'wages' },
    ];
    for (const body of posted) {
      const r = await send('transactions', body);
      expect(r.statusCode, r.body).toBe(201);
    }
    const sale = (await send('transactions', { kind: 'cash_sale', date: '2026-02-11', amount: vnd('100000') })).json();
    expect(sale.notices).toEqual(['profit-excludes-cost-of-goods']);
    // A group's own account is numbered the Circular's way and takes its class from it.
    const refused = await send('accounts', { code: '6-108', name: { vi: 'Chi phí chứng nhận' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({
      path: 'code',
      code: 'not_an_account_code',
      params: { example: '6421' },
    });
    const own = await send('accounts', { code: '64225', name: { vi: 'Chi phí chứng nhận OCOP' } });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ type: 'expense', line: 'expenses' });
    expect(
      (await send('transactions', { kind: 'expense', date: '2026-02-13', amount: vnd('300000'), accountCode: '64225' }))
        .statusCode,
    ).toBe(201);
    const notExpense = await send('transactions', {
      kind: 'expense',
      date: '2026-02-13',
      amount: vnd('1'),
      accountCode: '511',
    });
    expect(notExpense.json().errors[0]).toMatchObject({ path: 'accountCode', code: 'not_an_expense_account' });

    const report = async (path: string) =>
      (await t.request({ url: `/api/v1/groups/${group.id}/reports/${path}`, as: manager })).json();
    const income = await report('income-statement?from=2026-02-01&to=2026-02-28');
    expect(income.revenue.amount).toEqual(vnd('3600000'));
    expect(income.costOfGoods.amount).toEqual(vnd('1200000'));
    expect(income.expenses.accounts.map((a: { code: string }) => a.code)).toEqual(['64221', '64225']);
    expect(income.profit).toEqual(vnd('1700000'));
    const position = await report('financial-position?at=2026-02-28');
    expect(position.balanced).toBe(true);
    expect(position.assets.total).toEqual(vnd('26700000'));
    expect(position.liabilitiesAndEquity).toEqual(vnd('26700000'));
  });

  it('open a Thai cooperative on the Thai chart, without Indonesian savings, and an Indonesian koperasi on the koperasi chart', async () => {
    const th = await packWorld('TH', 'OTOP-TH-COOP');
    const coop = await th.groupIn('TH-5001', 'สหกรณ์ผ้าไหมบ้านเหมืองกุง', 'cooperative');
    const manager = await th.as('group_manager', { groupId: coop.id });
    const booksOf = async (groupId: string, as: Session) =>
      (await t.request({ url: `/api/v1/groups/${groupId}/books`, as })).json();
    const thai = await booksOf(coop.id, manager);
    const roles = thai.accounts.map((a: { role: string }) => a.role);
    expect(roles).toEqual(expect.arrayContaining(['owner_capital', 'drawings', 'retained_earnings']));
    for (const savings of ['principal_savings', 'mandatory_savings', 'voluntary_savings', 'shu_funds', 'reserves'])
      expect(roles).not.toContain(savings);
    expect(thai.accounts.find((a: { role: string }) => a.role === 'owner_capital').name).toEqual(
      loadPack('TH').chart.find((a) => a.role === 'owner_capital')!.name,
    );
    // Members' savings are a koperasi's: refused here, and members' capital goes to owners' capital.
    const tap = (payload: object) =>
      t.request({ method: 'POST', url: `/api/v1/groups/${coop.id}/transactions`, as: manager, payload });
    const thb = (amount: string) => ({ amount, currency: 'THB' });
    const savings = await tap({ kind: 'principal_savings_received', date: '2026-02-01', amount: thb('500') });
    expect(savings.statusCode).toBe(422);
    expect(savings.json()).toMatchObject({ type: '/problems/cooperative-only', errors: [{ path: 'kind' }] });
    expect((await tap({ kind: 'owner_capital', date: '2026-02-01', amount: thb('5000') })).statusCode).toBe(201);
    expect((await tap({ kind: 'cash_sale', date: '2026-02-10', amount: thb('1200') })).statusCode).toBe(201);
    const report = async (path: string) =>
      (await t.request({ url: `/api/v1/groups/${coop.id}/reports/${path}`, as: manager })).json();
    const position = await report('financial-position?at=2026-02-28');
    expect(position.balanced).toBe(true);
    expect(position.equity.lines.map((l: { line: string }) => l.line)).toEqual(
      expect.arrayContaining(['equity', 'current_profit']),
    );
    const notes = await report('notes?from=2026-01-01&to=2026-02-28&locale=en');
    const policies = notes.sections.find((s: { key: string }) => s.key === 'policies').paragraphs.join(' ');
    expect(policies).toContain("keeps its country's micro-entity chart");
    expect(policies).not.toContain('principal and mandatory savings are presented');
    // The web labels its profit "SHU" by this flag: a profit here.
    expect((await report('income-statement?from=2026-01-01&to=2026-02-28')).keepsMembersSavings).toBe(false);

    // Indonesia's koperasi is unchanged: the pack's cooperative chart, simpanan and SHU.
    const db = t.database.db;
    const program = await buildProgram(db);
    const village = await th.post('/api/v1/villages', {
      programId: program.id,
      areaCode: '51.07.06.2004',
      profile: {},
    });
    const koperasi = await th.post('/api/v1/groups', {
      programId: program.id,
      villageId: village.id,
      name: 'Koperasi Produsen Kopi Kintamani',
      kind: 'cooperative',
    });
    const { user } = await buildStaff(db, 'group_manager', { programId: program.id, groupId: koperasi.id });
    const bendahara = await signedIn(t.app, user);
    const indonesian = await booksOf(koperasi.id, bendahara);
    expect(indonesian.accounts.map((a: { code: string; role: string }) => [a.code, a.role])).toEqual(
      loadPack('ID')
        .cooperativeChart!.map((a) => [a.code, a.role])
        .sort(([a], [b]) => a!.localeCompare(b!)),
    );
    expect(indonesian.accounts.find((a: { code: string }) => a.code === '3-101').name.id).toBe('Simpanan pokok');
    const pokok = await t.request({
      method: 'POST',
      url: `/api/v1/groups/${koperasi.id}/transactions`,
      as: bendahara,
      payload: {
        kind: 'principal_savings_received',
        date: '2026-02-01',
        amount: { amount: '100000', currency: 'IDR' },
      },
    });
    expect(pokok.statusCode, pokok.body).toBe(201);
    const income = await t.request({
      url: `/api/v1/groups/${koperasi.id}/reports/income-statement?from=2026-01-01&to=2026-02-28`,
      as: bendahara,
    });
    expect(income.json().keepsMembersSavings).toBe(true);
  });

  it('check the NIK in Indonesia and take members without one, or with any id, where the pack names no rule', async () => {
    const db = t.database.db;
    const admin = await signedIn(t.app, await buildUser(db, { isAdmin: true }));
    const member = { name: 'Ni Made Suastini', sex: 'female', birthYear: 1985, role: 'chair', joinedOn: '2019-03-08' };
    const groupIn = async (programId: string, areaCode: string) => {
      const village = await t.request({
        method: 'POST',
        url: '/api/v1/villages',
        as: admin,
        payload: { programId, areaCode, profile: {} },
      });
      expect(village.statusCode, village.body).toBe(201);
      const group = await t.request({
        method: 'POST',
        url: '/api/v1/groups',
        as: admin,
        payload: { programId, villageId: village.json().id, name: 'Kelompok', kind: 'farmer_group' },
      });
      return group.json().id as string;
    };
    const indonesian = await groupIn((await buildProgram(db)).id, '51.07.06.2004');
    const add = (groupId: string, payload: object) =>
      t.request({
        method: 'POST',
        url: `/api/v1/groups/${groupId}/members`,
        as: admin,
        payload: { ...member, ...payload },
      });
    const wrongNik = await add(indonesian, { nationalId: '5107061708780002' });
    expect(wrongNik.statusCode).toBe(400);
    expect(wrongNik.json().errors[0]).toMatchObject({ path: 'nationalId', code: 'nik_encodes_man' });
    expect((await add(indonesian, { nationalId: '1234567890123' })).json().errors[0]).toMatchObject({
      code: 'nik_digits',
    });
    expect((await add(indonesian, {})).statusCode).toBe(201);

    const { program } = await programFromPack('TH', 'OTOP-TH');
    const thai = await groupIn(program.id, 'TH-1001');
    expect((await add(thai, {})).statusCode).toBe(201);
    const withId = await add(thai, { nationalId: '1101700203451' });
    expect(withId.statusCode, withId.body).toBe(201);
  });

  it('install Japan, Kenya and Kyrgyzstan beside Indonesia and Thailand without changing their rows, and again change nothing', async () => {
    const db = t.database.db;
    await buildProgram(db);
    await installPack(db, 'TH');
    const thaiRows = () =>
      db.query(`SELECT code, parent_code, level, name, names, path FROM areas WHERE country = 'TH' ORDER BY code`);
    const before = { indonesian: await indonesianRows(), thai: await thaiRows() };

    const expected = { JP: 1965, KE: 47, KG: 9 };
    for (const [country, n] of Object.entries(expected)) {
      const dry = await installPack(db, country, { dryRun: true });
      expect(dry).toMatchObject({ installedVersion: null, upToDate: false, areas: { added: n } });
      expect(await count(`SELECT count(*)::int AS n FROM areas WHERE country = $1`, [country])).toBe(0);
      expect((await installPack(db, country)).areas).toMatchObject({ added: n, renamed: [], moved: 0 });
      expect(await count(`SELECT count(*)::int AS n FROM areas WHERE country = $1`, [country])).toBe(n);
    }
    expect(await count(`SELECT count(*)::int AS n FROM areas WHERE country = 'JP' AND level = 'prefecture'`)).toBe(47);
    expect(await count(`SELECT count(*)::int AS n FROM areas WHERE country = 'KE' AND level = 'county'`)).toBe(47);
    const [oitaCity] = await db.query(`SELECT name, names, parent_code FROM areas WHERE code = 'JP-44201'`);
    expect(oitaCity).toEqual({ name: '大分市', names: { en: 'Oita (city)' }, parent_code: 'JP-44' });
    const [issykKul] = await db.query(`SELECT name, names FROM areas WHERE code = 'KG-Y'`);
    expect(issykKul).toEqual({
      name: 'Ысык-Көл облусу',
      names: { ru: 'Иссык-Кульская область', en: 'Issyk-Kul Region' },
    });

    const audits = await count(`SELECT count(*)::int AS n FROM audit_log`);
    for (const [country, n] of Object.entries(expected))
      expect(await installPack(db, country)).toMatchObject({ upToDate: true, areas: { added: 0, unchanged: n } });
    expect(await count(`SELECT count(*)::int AS n FROM audit_log`)).toBe(audits);
    expect({ indonesian: await indonesianRows(), thai: await thaiRows() }).toEqual(before);
  });

  it('find Oita and its municipalities through the areas API by their Japanese and English names', async () => {
    await installPack(t.database.db, 'JP');
    const search = async (q: string) => {
      const r = await t.request({ url: `/api/v1/areas/search?country=JP&q=${encodeURIComponent(q)}` });
      expect(r.statusCode, r.body).toBe(200);
      return (r.json().items as { code: string; name: string }[]).map((a) => a.code);
    };
    expect((await search('大分'))[0]).toBe('JP-44');
    expect((await search('Oita'))[0]).toBe('JP-44');
    expect(await search('Oita')).toEqual(expect.arrayContaining(['JP-44', 'JP-44201']));
    expect(await search('別府')).toEqual(['JP-44202']);
    expect(await search('beppu')).toEqual(['JP-44202']);
    const listed = await t.request({ url: '/api/v1/areas?parent=JP-44&q=yufu' });
    expect(listed.json().items.map((a: { code: string }) => a.code)).toEqual(['JP-44213']);
    const municipalities = await t.request({ url: '/api/v1/areas?parent=JP-44&limit=100' });
    expect(municipalities.json().items).toHaveLength(18);
  });

  it('start a Kenyan program whose group keeps books in KES and closes its year on 30 June', async () => {
    const w = await packWorld('KE', 'OVOP-KE', '2025-07-01');
    expect(w.program).toMatchObject({ country: 'KE', currency: 'KES', locales: ['en', 'sw'] });
    const group = await w.groupIn('KE-12', 'Kirinyaga Honey Producers', 'farmer_group');
    const manager = await w.as('group_manager', { groupId: group.id });
    const sell = async (date: string, amount: string) => {
      const r = await w.send('POST', `/api/v1/groups/${group.id}/transactions`, manager, {
        kind: 'cash_sale',
        date,
        amount: { amount, currency: 'KES' },
        memo: 'Honey',
      });
      expect(r.statusCode, r.body).toBe(201);
    };
    await sell('2025-07-01', '1000.00');
    await sell('2025-12-31', '250.50');
    await sell('2026-06-30', '100.25');
    await sell('2026-07-01', '5000.00');
    const statement = async (from: string, to: string) =>
      (
        await t.request({
          url: `/api/v1/groups/${group.id}/reports/income-statement?from=${from}&to=${to}`,
          as: manager,
        })
      ).json();
    const fy = await statement('2025-07-01', '2026-06-30');
    expect(fy.revenue.amount).toEqual({ amount: '1350.75', currency: 'KES' });
    expect((await statement('2026-07-01', '2027-06-30')).revenue.amount).toEqual({
      amount: '5000.00',
      currency: 'KES',
    });
    // Without `from`, a statement runs from the start of the Kenyan fiscal year `to` falls in.
    const toJune = await t.request({
      url: `/api/v1/groups/${group.id}/reports/income-statement?to=2026-06-30`,
      as: manager,
    });
    expect(toJune.json()).toMatchObject({ from: '2025-07-01', to: '2026-06-30' });
    expect(toJune.json().revenue.amount).toEqual({ amount: '1350.75', currency: 'KES' });
    const books = (await t.request({ url: `/api/v1/groups/${group.id}/books`, as: manager })).json();
    expect(books.currency).toBe('KES');
    const smark = await w.send('POST', '/api/v1/certifications', w.admin, {
      productId: (
        await w.post('/api/v1/products', {
          groupId: group.id,
          name: { en: 'Kirinyaga honey' },
          description: { en: 'Raw honey from Kirinyaga.' },
          category: 'food',
          unit: 'jar',
          price: { amount: '450.00', currency: 'KES' },
          status: 'ready',
        })
      ).id,
      kind: 'ke_kebs_smark',
      number: 'SM-0001',
      issuer: 'KEBS',
      issuedOn: '2026-02-01',
    });
    expect(smark.statusCode, smark.body).toBe(201);
    expect(smark.json().expiresOn).toBe('2027-02-01');
  });

  it('start a Japanese program in JPY that refuses fractions of a yen and takes members without an id', async () => {
    const w = await packWorld('JP', 'OVOP-JP');
    expect(w.program).toMatchObject({ country: 'JP', currency: 'JPY', locales: ['ja', 'en'] });
    const group = await w.groupIn('JP-44213', '湯布院かぼす生産者の会', 'farmer_group');
    const member = await w.post(`/api/v1/groups/${group.id}/members`, {
      name: '佐藤 花子',
      sex: 'female',
      birthYear: 1962,
      role: 'chair',
      joinedOn: '2026-01-10',
    });
    expect(member.nationalId).toBeNull();

    const manager = await w.as('group_manager', { groupId: group.id });
    const sale = (amount: string) =>
      w.send('POST', `/api/v1/groups/${group.id}/transactions`, manager, {
        kind: 'cash_sale',
        date: '2026-02-10',
        amount: { amount, currency: 'JPY' },
        memo: 'かぼす',
      });
    const fraction = await sale('1200.50');
    expect(fraction.statusCode).toBe(400);
    expect(fraction.json().errors[0].path).toMatch(/^amount/);
    expect((await sale('1200')).statusCode).toBe(201);
    const income = await t.request({
      url: `/api/v1/groups/${group.id}/reports/income-statement?from=2026-02-01&to=2026-02-28`,
      as: manager,
    });
    expect(income.json().revenue.amount).toEqual({ amount: '1200', currency: 'JPY' });
    const books = (await t.request({ url: `/api/v1/groups/${group.id}/books`, as: manager })).json();
    expect(books.accounts.find((a: { code: string }) => a.code === '4-101').name).toEqual({
      ja: '売上高',
      en: 'Sales',
    });

    const product = await w.send('POST', '/api/v1/products', w.admin, {
      groupId: group.id,
      name: { ja: 'かぼす果汁', en: 'Kabosu juice' },
      description: { ja: '大分県産かぼすの果汁。' },
      category: 'processed_food',
      unit: '本',
      price: { amount: '980.5', currency: 'JPY' },
    });
    expect(product.statusCode).toBe(400);
    expect(product.json().errors[0].path).toBe('price.amount');
  });
});

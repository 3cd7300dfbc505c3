import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { openTestDatabase } from '../../../../test/database.js';
import { listMigrations, migrate } from '../../db/migrate.js';
import { KARANGASEM, LOMBOK_BARAT, paths, registryWorld } from '../../../../test/registry-fixtures.js';
import { disabilityByWg, WG_ANSWERS, WG_DOMAINS, type Functioning } from './registry.schemas.js';

// The server's today: 1 July 2026 (Jakarta), so a member born in 2011 is 15 by the year difference.
const t = useTestApp({ clock: { now: () => new Date('2026-07-01T03:00:00Z') } });

const member = (overrides: Record<string, unknown> = {}) => ({
  name: 'Ni Kadek Ayu',
  sex: 'female',
  birthYear: 1990,
  joinedOn: '2024-03-08',
  ...overrides,
});

const NO_ANSWERS = Object.fromEntries(WG_DOMAINS.map((d) => [d, null]));

describe("a program's minimum age for members", () => {
  it('refuses a member born in 2020 with the code and the floor, naming birthYear; accepts one exactly at 15', async () => {
    const w = await registryWorld(t);
    const url = `/api/v1/groups/${w.groups.bali.id}/members`;
    const child = await t.request({ method: 'POST', url, as: w.admin, payload: member({ birthYear: 2020 }) });
    expect(child.statusCode).toBe(422);
    expect(child.json()).toMatchObject({
      code: 'member-below-min-age',
      params: { minAge: 15 },
      errors: [{ path: 'birthYear', code: 'member_below_min_age', params: { minAge: 15 } }],
    });
    const fourteen = await t.request({ method: 'POST', url, as: w.admin, payload: member({ birthYear: 2012 }) });
    expect(fourteen.statusCode).toBe(422);
    const fifteen = await t.request({ method: 'POST', url, as: w.admin, payload: member({ birthYear: 2011 }) });
    expect(fifteen.statusCode, fifteen.body).toBe(201);
    expect(await t.database.db.query('SELECT birth_year FROM members')).toEqual([{ birth_year: 2011 }]);
  });

  it('is a program setting: a program with floor 18 refuses a 16-year-old, also when the birth year is changed', async () => {
    const w = await registryWorld(t);
    expect(w.program.memberMinAge).toBe(15);
    const program = await t.request({
      method: 'PATCH',
      url: `/api/v1/programs/${w.program.id}`,
      as: w.admin,
      payload: { version: 1, memberMinAge: 18 },
    });
    expect(program.statusCode, program.body).toBe(200);
    expect(program.json().memberMinAge).toBe(18);
    const url = `/api/v1/groups/${w.groups.bali.id}/members`;
    const sixteen = await t.request({ method: 'POST', url, as: w.admin, payload: member({ birthYear: 2010 }) });
    expect(sixteen.statusCode).toBe(422);
    expect(sixteen.json().errors[0]).toMatchObject({ path: 'birthYear', params: { minAge: 18 } });
    const adult = await t.request({ method: 'POST', url, as: w.admin, payload: member({ birthYear: 2008 }) });
    expect(adult.statusCode).toBe(201);
    const younger = await t.request({
      method: 'PATCH',
      url: `/api/v1/members/${adult.json().id}`,
      as: w.admin,
      payload: { version: 1, birthYear: 2010 },
    });
    expect(younger.statusCode).toBe(422);
    expect(younger.json().errors[0]).toMatchObject({ path: 'birthYear', code: 'member_below_min_age' });
  });

  it('leaves members already recorded editable when the floor rises, as long as the birth year stays', async () => {
    const w = await registryWorld(t);
    const added = await t.request({
      method: 'POST',
      url: `/api/v1/groups/${w.groups.bali.id}/members`,
      as: w.admin,
      payload: member({ birthYear: 2010 }),
    });
    expect(added.statusCode).toBe(201);
    await t.request({
      method: 'PATCH',
      url: `/api/v1/programs/${w.program.id}`,
      as: w.admin,
      payload: { version: 1, memberMinAge: 18 },
    });
    const renamed = await t.request({
      method: 'PATCH',
      url: `/api/v1/members/${added.json().id}`,
      as: w.admin,
      payload: { version: 1, name: 'Ni Kadek Ayu Lestari' },
    });
    expect(renamed.statusCode).toBe(200);
  });

  it('is set only by those who edit the program: a facilitator cannot change it', async () => {
    const w = await registryWorld(t);
    const facilitator = await w.as('facilitator', { areaCode: KARANGASEM });
    const r = await t.request({
      method: 'PATCH',
      url: `/api/v1/programs/${w.program.id}`,
      as: facilitator,
      payload: { version: 1, memberMinAge: 0 },
    });
    expect(r.statusCode).toBe(403);
    const bad = await t.request({
      method: 'PATCH',
      url: `/api/v1/programs/${w.program.id}`,
      as: w.admin,
      payload: { version: 1, memberMinAge: 120 },
    });
    expect(paths(bad)).toEqual(['memberMinAge']);
  });
});

describe('disability by the Washington Group short set', () => {
  it('derives the boolean by the WG cut-off for every combination of answers', () => {
    const levels = [null, ...WG_ANSWERS] as const;
    let combinations = 0;
    const pick = (n: number) => Object.fromEntries(WG_DOMAINS.map((d, i) => [d, levels[Math.floor(n / 5 ** i) % 5]!]));
    for (let n = 0; n < 5 ** WG_DOMAINS.length; n++) {
      const answers = pick(n) as Functioning;
      const given = Object.values(answers).filter((a) => a !== null);
      const expected =
        given.length === 0 ? null : given.some((a) => a === 'a_lot_of_difficulty' || a === 'cannot_do_at_all');
      expect(disabilityByWg(answers)).toBe(expected);
      combinations++;
    }
    // 4^6 fully answered, and every partial answer besides.
    expect(combinations).toBe(15625);
  });

  it('keeps the answers, derives disability from them, and answers every domain (null when not asked)', async () => {
    const w = await registryWorld(t);
    const url = `/api/v1/groups/${w.groups.bali.id}/members`;
    const functioning = { seeing: 'some_difficulty', walking: 'a_lot_of_difficulty', self_care: 'no_difficulty' };
    const added = await t.request({ method: 'POST', url, as: w.admin, payload: member({ functioning }) });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      disability: true,
      functioning: { ...NO_ANSWERS, ...functioning },
    });
    const read = await t.request({ method: 'GET', url: `/api/v1/members/${added.json().id}`, as: w.admin });
    expect(read.json().functioning).toEqual({ ...NO_ANSWERS, ...functioning });
    // A PATCH changes the domains it names: walking is no longer a lot of difficulty.
    const better = await t.request({
      method: 'PATCH',
      url: `/api/v1/members/${added.json().id}`,
      as: w.admin,
      payload: { version: 1, functioning: { walking: 'some_difficulty' } },
    });
    expect(better.json()).toMatchObject({
      disability: false,
      functioning: { seeing: 'some_difficulty', walking: 'some_difficulty', self_care: 'no_difficulty' },
    });
    const [row] = await t.database.db.query('SELECT disability, wg_walking FROM members');
    expect(row).toEqual({ disability: false, wg_walking: 'some_difficulty' });
  });

  it('refuses a disability that contradicts the answers, naming the field, and writes nothing', async () => {
    const w = await registryWorld(t);
    const url = `/api/v1/groups/${w.groups.bali.id}/members`;
    const r = await t.request({
      method: 'POST',
      url,
      as: w.admin,
      payload: member({ disability: false, functioning: { hearing: 'cannot_do_at_all' } }),
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toMatchObject([{ path: 'disability', code: 'disability_derived' }]);
    expect(await t.database.db.query('SELECT 1 FROM members')).toHaveLength(0);
    const agreeing = await t.request({
      method: 'POST',
      url,
      as: w.admin,
      payload: member({ disability: true, functioning: { hearing: 'cannot_do_at_all' } }),
    });
    expect(agreeing.statusCode).toBe(201);
    const handSet = await t.request({
      method: 'PATCH',
      url: `/api/v1/members/${agreeing.json().id}`,
      as: w.admin,
      payload: { version: 1, disability: false },
    });
    expect(handSet.statusCode).toBe(400);
    expect(paths(handSet)).toEqual(['disability']);
    const badAnswer = await t.request({
      method: 'POST',
      url,
      as: w.admin,
      payload: member({ functioning: { seeing: 'blind', smell: 'no_difficulty' } }),
    });
    expect(paths(badAnswer)).toEqual(['functioning.seeing', 'functioning.smell']);
  });

  it('keeps a hand-set boolean of a member without answers, as members recorded before the WG set', async () => {
    const w = await registryWorld(t);
    const added = await t.request({
      method: 'POST',
      url: `/api/v1/groups/${w.groups.bali.id}/members`,
      as: w.admin,
      payload: member({ disability: true }),
    });
    expect(added.json()).toMatchObject({ disability: true, functioning: NO_ANSWERS });
    const renamed = await t.request({
      method: 'PATCH',
      url: `/api/v1/members/${added.json().id}`,
      as: w.admin,
      payload: { version: 1, name: 'Ni Kadek Ayu Lestari' },
    });
    expect(renamed.json().disability).toBe(true);
    // The database keeps the derivation too: answers that contradict the boolean cannot be stored.
    await expect(
      t.database.db.query(`UPDATE members SET wg_seeing = 'no_difficulty' WHERE id = $1`, [added.json().id]),
    ).rejects.toThrow();
  });
});

describe('kinds of producer group and their legal ids', () => {
  const group = (w: Awaited<ReturnType<typeof registryWorld>>, overrides: Record<string, unknown>) => ({
    programId: w.program.id,
    villageId: w.villages.bali.id,
    name: 'BUMDes Sibetan Jaya',
    kind: 'bumdes',
    ...overrides,
  });

  it('registers a BUMDes with its Perdes and a koperasi with its deed and SK Kemenkumham', async () => {
    const w = await registryWorld(t);
    const bumdes = await t.request({
      method: 'POST',
      url: '/api/v1/groups',
      as: w.admin,
      payload: group(w, {
        legalDocuments: [{ kind: 'perdes', number: 'Perdes Sibetan No. 3 Tahun 2019', issuedOn: '2019-05-02' }],
      }),
    });
    expect(bumdes.statusCode, bumdes.body).toBe(201);
    expect(bumdes.json()).toMatchObject({
      kind: 'bumdes',
      legalIds: {},
      legalDocuments: [{ kind: 'perdes', number: 'Perdes Sibetan No. 3 Tahun 2019', issuedOn: '2019-05-02' }],
    });
    const koperasi = await t.request({
      method: 'POST',
      url: '/api/v1/groups',
      as: w.admin,
      payload: group(w, {
        name: 'Koperasi Produsen Salak Sibetan',
        kind: 'cooperative',
        legalDocuments: [
          { kind: 'akta_notaris', number: 'Akta No. 12 tanggal 4 Maret 2021' },
          { kind: 'sk_kemenkumham', number: 'AHU-0001234.AH.01.29.TAHUN 2021' },
          { kind: 'nib', number: '9120301234567' },
        ],
      }),
    });
    expect(koperasi.statusCode, koperasi.body).toBe(201);
    expect(koperasi.json().legalIds).toEqual({ nib: '9120301234567' });
    expect(koperasi.json().legalDocuments.map((d: { kind: string }) => d.kind)).toEqual([
      'akta_notaris',
      'sk_kemenkumham',
      'nib',
    ]);
    const [row] = await t.database.db.query<{ nib: string }>('SELECT nib FROM producer_groups WHERE id = $1', [
      koperasi.json().id,
    ]);
    expect(row!.nib).toBe('9120301234567');
    for (const kind of ['gapoktan', 'kub', 'pokdarwis']) {
      const r = await t.request({ method: 'POST', url: '/api/v1/groups', as: w.admin, payload: group(w, { kind }) });
      expect(r.statusCode, kind).toBe(201);
    }
  });

  it('refuses a bad NIB in the list or the old field, a second NIB, and a legalIds.nib that disagrees', async () => {
    const w = await registryWorld(t);
    const post = (overrides: Record<string, unknown>) =>
      t.request({ method: 'POST', url: '/api/v1/groups', as: w.admin, payload: group(w, overrides) });
    const listed = await post({ legalDocuments: [{ kind: 'nib', number: '12345' }] });
    expect(listed.statusCode).toBe(400);
    expect(listed.json().errors).toMatchObject([{ path: 'legalDocuments.0.number', code: 'not_a_nib' }]);
    const old = await post({ legalIds: { nib: '12345' } });
    expect(old.json().errors).toMatchObject([{ path: 'legalIds.nib', code: 'not_a_nib' }]);
    const twice = await post({
      legalDocuments: [
        { kind: 'nib', number: '9120301234567' },
        { kind: 'nib', number: '9120301234568' },
      ],
    });
    expect(twice.json().errors).toMatchObject([{ path: 'legalDocuments.1', code: 'listed_twice' }]);
    const disagree = await post({
      legalIds: { nib: '9120301234567' },
      legalDocuments: [{ kind: 'nib', number: '9120301234568' }],
    });
    expect(disagree.json().errors).toMatchObject([{ path: 'legalIds.nib', code: 'nib_disagrees' }]);
    const kind = await post({ kind: 'koperasi_simpan_pinjam' });
    expect(paths(kind)).toEqual(['kind']);
    expect(await t.database.db.query(`SELECT 1 FROM producer_groups WHERE kind = 'bumdes'`)).toHaveLength(0);
  });

  it("lets an old client's legalIds.nib set and remove the NIB while keeping the other legal ids", async () => {
    const w = await registryWorld(t);
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/groups',
      as: w.admin,
      payload: group(w, { legalDocuments: [{ kind: 'perdes', number: 'Perdes No. 3 Tahun 2019' }] }),
    });
    const url = `/api/v1/groups/${created.json().id}`;
    const withNib = await t.request({
      method: 'PATCH',
      url,
      as: w.admin,
      payload: { version: 1, legalIds: { nib: '9120301234567' } },
    });
    expect(withNib.json()).toMatchObject({
      legalIds: { nib: '9120301234567' },
      legalDocuments: [
        { kind: 'nib', number: '9120301234567' },
        { kind: 'perdes', number: 'Perdes No. 3 Tahun 2019' },
      ],
    });
    const without = await t.request({ method: 'PATCH', url, as: w.admin, payload: { version: 2, legalIds: {} } });
    expect(without.json()).toMatchObject({
      legalIds: {},
      legalDocuments: [{ kind: 'perdes', number: 'Perdes No. 3 Tahun 2019', issuedOn: null }],
    });
  });

  it('keeps a facilitator of another regency from changing a group’s legal ids', async () => {
    const w = await registryWorld(t);
    const outsider = await w.as('facilitator', { areaCode: LOMBOK_BARAT });
    const r = await t.request({
      method: 'PATCH',
      url: `/api/v1/groups/${w.groups.bali.id}`,
      as: outsider,
      payload: { version: 1, legalDocuments: [{ kind: 'other', number: 'x' }] },
    });
    expect(r.statusCode).toBe(404);
    const [row] = await t.database.db.query('SELECT legal_ids FROM producer_groups WHERE id = $1', [w.groups.bali.id]);
    expect(row).toEqual({ legal_ids: [] });
  });
});

describe('the 0029 migration', () => {
  it("keeps a group's NIB as its one legal id, and a member's hand-set disability with no WG answers", async () => {
    const old = await openTestDatabase({ areas: false });
    try {
      await old.db.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      const all = listMigrations();
      const at = all.findIndex((m) => m.name === '0029_registry_facts.sql');
      await migrate(old.db, all.slice(0, at));
      await old.db.query(`
        INSERT INTO areas (code, country, level, depth, name, path) VALUES ('51', 'ID', 'province', 1, 'Bali', '/51/');
        INSERT INTO programs (id, code, name, country, currency, locales, started_on)
          VALUES ('01936a3e-0000-7000-8000-000000000001', 'OLD', 'Old', 'ID', 'IDR', '{id}', '2024-01-01');
        INSERT INTO villages (id, program_id, area_code, area_path)
          VALUES ('01936a3e-0000-7000-8000-000000000002', '01936a3e-0000-7000-8000-000000000001', '51', '/51/');
        INSERT INTO producer_groups (id, program_id, village_id, area_path, name, kind, nib)
          VALUES ('01936a3e-0000-7000-8000-000000000003', '01936a3e-0000-7000-8000-000000000001',
                  '01936a3e-0000-7000-8000-000000000002', '/51/', 'KWT', 'women_group', '9120301234567');
        INSERT INTO members (id, group_id, name, sex, birth_year, disability, role, joined_on)
          VALUES ('01936a3e-0000-7000-8000-000000000004', '01936a3e-0000-7000-8000-000000000003', 'Ni Made', 'female',
                  1980, true, 'member', '2020-01-01');`);
      await migrate(old.db, all);
      expect(await old.db.query('SELECT legal_ids, nib FROM producer_groups')).toEqual([
        { legal_ids: [{ kind: 'nib', number: '9120301234567', issuedOn: null }], nib: '9120301234567' },
      ]);
      expect(await old.db.query('SELECT disability, wg_seeing FROM members')).toEqual([
        { disability: true, wg_seeing: null },
      ]);
      expect(await old.db.query('SELECT member_min_age FROM programs_programs')).toEqual([{ member_min_age: 15 }]);
    } finally {
      await old.close();
    }
  });
});

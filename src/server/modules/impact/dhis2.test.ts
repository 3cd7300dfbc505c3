import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { dataValueSetErrors, startDhis2Double, type Dhis2Double } from '../../../../test/dhis2-double.js';
import { buildGroup, buildStaff, buildVillage, signedIn, SIBETAN } from '../../../../test/factories.js';
import { BANYUMULEK } from '../../../../test/registry-fixtures.js';
import { importSummaryOf } from './dhis2.client.js';
import { dhis2Period } from './dhis2.periods.js';

describe('DHIS2 periods', () => {
  it('reads DHIS2’s formats and OVOP’s month, financial years from the month they start', () => {
    expect(dhis2Period('202603')).toEqual({ name: '202603', type: 'Monthly', ovop: '2026-03' });
    expect(dhis2Period('2026-03')).toEqual({ name: '202603', type: 'Monthly', ovop: '2026-03' });
    expect(dhis2Period('2026Q1')).toEqual({ name: '2026Q1', type: 'Quarterly', ovop: '2026Q1' });
    expect(dhis2Period('2026')).toEqual({ name: '2026', type: 'Yearly', ovop: '2026' });
    expect(dhis2Period('2026July')?.ovop).toBe('2026-07-01..2027-06-30');
    expect(dhis2Period('2027April')?.ovop).toBe('2027-04-01..2028-03-31');
    expect(dhis2Period('2027Oct')).toEqual({
      name: '2027Oct',
      type: 'FinancialOct',
      ovop: '2027-10-01..2028-09-30',
    });
    for (const bad of ['202613', '2026Q5', '2026june', '26Q1', '2026W10']) expect(dhis2Period(bad)).toBeUndefined();
  });
});

describe('DHIS2’s import summary', () => {
  const summary = {
    responseType: 'ImportSummary',
    status: 'WARNING',
    importCount: { imported: 2, updated: 1, ignored: 1, deleted: 0 },
    conflicts: [{ object: 'OU_X', value: 'Org unit not found', errorCode: 'E7610', indexes: [3] }],
  };

  it('is read bare (before 2.38) and wrapped in a WebMessage (2.38 and later) alike', () => {
    const expected = {
      status: 'WARNING',
      importCount: { imported: 2, updated: 1, ignored: 1, deleted: 0 },
      conflicts: [{ object: 'OU_X', value: 'Org unit not found' }],
      description: '',
    };
    expect(importSummaryOf(summary)).toEqual(expected);
    expect(
      importSummaryOf({ httpStatus: 'Conflict', httpStatusCode: 409, status: 'WARNING', response: summary }),
    ).toEqual(expected);
  });

  it('is not found in an answer of another kind', () => {
    expect(importSummaryOf({ httpStatus: 'Unauthorized', status: 'ERROR', message: 'no' })).toBeUndefined();
    expect(importSummaryOf('<html/>')).toBeUndefined();
    expect(importSummaryOf(undefined)).toBeUndefined();
  });
});

const t = useTestApp({ clock: { now: () => new Date('2027-07-02T05:00:00Z') } });

/** 7 women and 3 men in Karangasem (Bali), 2 women in Lombok Barat (NTB), all born 1995 (30 in 2025). */
async function world() {
  const db = t.database.db;
  const { programId, user: manager } = await buildStaff(db, 'program_manager');
  const bali = await buildGroup(db, { village: await buildVillage(db, { programId, areaCode: SIBETAN }) });
  const ntb = await buildGroup(db, { village: await buildVillage(db, { programId, areaCode: BANYUMULEK }) });
  const people: [string, string, number][] = [
    [bali.id, 'female', 7],
    [bali.id, 'male', 3],
    [ntb.id, 'female', 2],
  ];
  for (const [groupId, sex, n] of people) {
    for (let i = 0; i < n; i++) {
      await db.query(
        `INSERT INTO members (id, group_id, name, sex, birth_year, role, joined_on)
         VALUES (gen_random_uuid(), $1, 'Anggota', $2, $3, 'member', '2026-02-01')`,
        [groupId, sex, i % 2 ? 1995 : 1970],
      );
    }
  }
  const other = await buildStaff(db, 'program_manager');
  const wideFacilitator = await buildStaff(db, 'facilitator', { programId });
  const baliFacilitator = await buildStaff(db, 'facilitator', { programId, areaCode: '51' });
  const baliManager = await buildStaff(db, 'program_manager', { programId, areaCode: '51' });
  return {
    programId,
    manager: await signedIn(t.app, manager),
    otherManager: await signedIn(t.app, other.user),
    wideFacilitator: await signedIn(t.app, wideFacilitator.user),
    baliFacilitator: await signedIn(t.app, baliFacilitator.user),
    baliManager: await signedIn(t.app, baliManager.user),
  };
}

const MAPPING = {
  periodType: 'Quarterly',
  dataSet: 'OVOP_QUARTERLY',
  dataElements: [
    { indicator: 'members', dataElement: 'OVOP_MEMBERS', categoryOptionCombo: 'default' },
    { indicator: 'members', cell: { sex: 'female' }, dataElement: 'OVOP_MEMBERS_SEX', categoryOptionCombo: 'F' },
    { indicator: 'members', cell: { sex: 'male' }, dataElement: 'OVOP_MEMBERS_SEX', categoryOptionCombo: 'M' },
    {
      indicator: 'members',
      cell: { sex: 'female', age_band: '55+' },
      dataElement: 'OVOP_MEMBERS_SEX_AGE',
      categoryOptionCombo: 'F_55PLUS',
    },
    { indicator: 'producer_groups', dataElement: 'OVOP_GROUPS' },
  ],
  orgUnits: [{ area: null, orgUnit: 'ID' }, { area: '51' }, { area: '52', orgUnit: 'OU_NTB' }, { area: '51.07' }],
};

describe('the DHIS2 mapping', () => {
  it('is set by the whole program’s manager and read back with the codes sent', async () => {
    const w = await world();
    const url = `/api/v1/programs/${w.programId}/dhis2/mapping`;
    const put = await t.request({ method: 'PUT', url, as: w.manager, payload: { ...MAPPING, version: 1 } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ version: 2, periodType: 'Quarterly', abilities: { manage: true } });
    const read = await t.request({ method: 'GET', url, as: w.wideFacilitator });
    expect(read.statusCode).toBe(200);
    expect(read.json().orgUnits.map((o: { sentAs: string }) => o.sentAs)).toEqual(['ID', '51', 'OU_NTB', '51.07']);
    expect(read.json().dataElements[3]).toEqual({
      indicator: 'members',
      cell: { sex: 'female', age_band: '55+' },
      dataElement: 'OVOP_MEMBERS_SEX_AGE',
      categoryOptionCombo: 'F_55PLUS',
      attributeOptionCombo: null,
    });
    expect(read.json().abilities).toEqual({ read: true, manage: false });
    const stale = await t.request({ method: 'PUT', url, as: w.manager, payload: { ...MAPPING, version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version-conflict', current: { version: 2 } });
  });

  it('names every bad row by its field with a stable code', async () => {
    const w = await world();
    const bad = await t.request({
      method: 'PUT',
      url: `/api/v1/programs/${w.programId}/dhis2/mapping`,
      as: w.manager,
      payload: {
        periodType: 'Quarterly',
        dataElements: [
          { indicator: 'members', cell: { market: 'export' }, dataElement: 'A' },
          { indicator: 'no_such_thing', dataElement: 'B' },
          { indicator: 'members', dataElement: 'C' },
          { indicator: 'members', dataElement: 'D' },
        ],
        orgUnits: [{ area: '99.99' }, { area: '51' }, { area: '51' }, { area: null }, { area: '52', orgUnit: '51' }],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`)).toEqual([
      'dataElements.0.cell.market not_allowed_here',
      'dataElements.1.indicator not_an_indicator',
      'dataElements.3 used_twice',
      'orgUnits.0.area unknown_reference',
      'orgUnits.2.area used_twice',
      'orgUnits.2.orgUnit used_twice',
      'orgUnits.3.orgUnit required',
      'orgUnits.4.orgUnit used_twice',
    ]);
    const badType = await t.request({
      method: 'PUT',
      url: `/api/v1/programs/${w.programId}/dhis2/mapping`,
      as: w.manager,
      payload: { ...MAPPING, periodType: 'Weekly' },
    });
    expect(badType.json().errors).toMatchObject([{ path: 'periodType', code: 'invalid_value' }]);
  });

  it('is kept from those outside the whole program: an area’s staff and another program’s manager', async () => {
    const w = await world();
    const url = `/api/v1/programs/${w.programId}/dhis2/mapping`;
    await t.request({ method: 'PUT', url, as: w.manager, payload: MAPPING });
    for (const outsider of [w.baliFacilitator, w.baliManager, w.otherManager]) {
      for (const path of ['mapping', 'server', 'pushes', 'data-value-sets?period=2027Q1']) {
        const seen = await t.request({
          method: 'GET',
          url: `/api/v1/programs/${w.programId}/dhis2/${path}`,
          as: outsider,
        });
        expect(seen.statusCode, path).toBe(404);
      }
      const pushed = await t.request({
        method: 'POST',
        url: `/api/v1/programs/${w.programId}/dhis2/push?period=2027Q1`,
        as: outsider,
      });
      expect(pushed.statusCode).toBe(404);
      const changed = await t.request({ method: 'PUT', url, as: outsider, payload: MAPPING });
      expect(changed.statusCode).toBe(404);
    }
    const reader = await t.request({ method: 'PUT', url, as: w.wideFacilitator, payload: MAPPING });
    expect(reader.statusCode).toBe(403);
    const readerPush = await t.request({
      method: 'POST',
      url: `/api/v1/programs/${w.programId}/dhis2/push?period=2027Q1`,
      as: w.wideFacilitator,
    });
    expect(readerPush.statusCode).toBe(403);
  });
});

type DataValue = { dataElement: string; orgUnit: string; categoryOptionCombo?: string; value: string };

describe('the dataValueSets export', () => {
  it('has DHIS2’s documented shape and the very numbers GET /api/v1/impact gives for each cell', async () => {
    const w = await world();
    await t.request({
      method: 'PUT',
      url: `/api/v1/programs/${w.programId}/dhis2/mapping`,
      as: w.manager,
      payload: MAPPING,
    });
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/programs/${w.programId}/dhis2/data-value-sets?period=2027Q1`,
      as: w.manager,
    });
    expect(res.statusCode, res.body).toBe(200);
    const set = res.json<{ dataSet: string; period: string; dataValues: DataValue[] }>();
    expect(dataValueSetErrors(set)).toEqual([]);
    expect(set).toMatchObject({ dataSet: 'OVOP_QUARTERLY', period: '2027Q1' });
    expect(set.dataValues).toHaveLength(MAPPING.orgUnits.length * MAPPING.dataElements.length);
    expect(JSON.stringify(set)).not.toMatch(/Anggota|birth|name/);

    const impact = async (indicator: string, by: string, area?: string) => {
      const q = new URLSearchParams({ indicator, programId: w.programId, period: '2027Q1', by });
      if (area) q.set('area', area);
      const answer = await t.request({ method: 'GET', url: `/api/v1/impact?${q}`, as: w.manager });
      return answer.json<{ rows: { by: Record<string, string>; value: string }[] }>().rows;
    };
    const sentAs: Record<string, string | undefined> = { ID: undefined, '51': '51', OU_NTB: '52', '51.07': '51.07' };
    for (const value of set.dataValues) {
      const row = MAPPING.dataElements.find(
        (e) =>
          e.dataElement === value.dataElement && (e.categoryOptionCombo ?? undefined) === value.categoryOptionCombo,
      )!;
      const cell = (row.cell ?? {}) as Record<string, string>;
      const rows = await impact(row.indicator, Object.keys(cell).join(','), sentAs[value.orgUnit]);
      const expected = rows.find((r) => Object.entries(cell).every(([k, v]) => r.by[k] === v))?.value ?? '0';
      expect(value.value, `${value.dataElement} ${value.categoryOptionCombo} ${value.orgUnit}`).toBe(expected);
    }
    // And the figures themselves, counted by hand: 12 members, 9 women, 7 in Bali of whom 4 born 1970.
    const at = (orgUnit: string, dataElement: string, coc?: string) =>
      set.dataValues.find(
        (v) => v.orgUnit === orgUnit && v.dataElement === dataElement && v.categoryOptionCombo === coc,
      )?.value;
    expect(at('ID', 'OVOP_MEMBERS', 'default')).toBe('12');
    expect(at('ID', 'OVOP_MEMBERS_SEX', 'F')).toBe('9');
    expect(at('51', 'OVOP_MEMBERS_SEX', 'F')).toBe('7');
    expect(at('51.07', 'OVOP_MEMBERS_SEX_AGE', 'F_55PLUS')).toBe('4');
    expect(at('OU_NTB', 'OVOP_MEMBERS_SEX', 'M')).toBe('0');
    expect(at('OU_NTB', 'OVOP_GROUPS')).toBe('1');
  });

  it('takes only periods of the program’s DHIS2 type, written DHIS2’s way or OVOP’s', async () => {
    const w = await world();
    const url = `/api/v1/programs/${w.programId}/dhis2`;
    await t.request({ method: 'PUT', url: `${url}/mapping`, as: w.manager, payload: MAPPING });
    const monthly = await t.request({ method: 'GET', url: `${url}/data-value-sets?period=202703`, as: w.manager });
    expect(monthly.statusCode).toBe(422);
    expect(monthly.json()).toMatchObject({
      code: 'dhis2-period-type',
      params: { periodType: 'Quarterly' },
      errors: [{ path: 'query.period', code: 'not_this_period_type', params: { periodType: 'Quarterly' } }],
    });
    const nonsense = await t.request({ method: 'GET', url: `${url}/data-value-sets?period=2027-Q1`, as: w.manager });
    expect(nonsense.json()).toMatchObject({ errors: [{ path: 'query.period', code: 'not_a_period' }] });

    await t.request({
      method: 'PUT',
      url: `${url}/mapping`,
      as: w.manager,
      payload: { ...MAPPING, periodType: 'FinancialJuly' },
    });
    const year = await t.request({ method: 'GET', url: `${url}/data-value-sets?period=2026July`, as: w.manager });
    expect(year.statusCode, year.body).toBe(200);
    expect(year.json().dataValues[0]).toMatchObject({ period: '2026July', orgUnit: 'ID', value: '12' });
    await t.request({
      method: 'PUT',
      url: `${url}/mapping`,
      as: w.manager,
      payload: { ...MAPPING, periodType: 'Monthly' },
    });
    const ovopMonth = await t.request({ method: 'GET', url: `${url}/data-value-sets?period=2026-01`, as: w.manager });
    // Members joined on 1 February 2026: none in January.
    expect(ovopMonth.json().period).toBe('202601');
    expect(ovopMonth.json().dataValues[0]).toMatchObject({ period: '202601', value: '0' });
  });

  it('asks for a mapping first', async () => {
    const w = await world();
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/programs/${w.programId}/dhis2/data-value-sets?period=2027Q1`,
      as: w.manager,
    });
    expect(res.json()).toMatchObject({ code: 'dhis2-nothing-mapped' });
  });
});

describe('the DHIS2 push', () => {
  let dhis2: Dhis2Double;
  const password = 'district-Secret-1';
  beforeAll(async () => {
    dhis2 = await startDhis2Double({
      username: 'ovop',
      password,
      token: 'd2pat_5xVA12xyUbWNedQxy4ohH77WlxRGVvZZ1151814092',
      dataElements: ['OVOP_MEMBERS', 'OVOP_MEMBERS_SEX', 'OVOP_MEMBERS_SEX_AGE', 'OVOP_GROUPS'],
      orgUnits: ['ID', '51', 'OU_NTB', '51.07'],
    });
  });
  afterAll(async () => dhis2.close());

  async function configured(server: Record<string, unknown> = {}) {
    const w = await world();
    const url = `/api/v1/programs/${w.programId}/dhis2`;
    await t.request({ method: 'PUT', url: `${url}/mapping`, as: w.manager, payload: MAPPING });
    const set = await t.request({
      method: 'PUT',
      url: `${url}/server`,
      as: w.manager,
      payload: { baseUrl: dhis2.url, auth: 'basic', username: 'ovop', secret: password, ...server },
    });
    expect(set.statusCode, set.body).toBe(200);
    dhis2.answer = 'classic';
    dhis2.received = [];
    dhis2.stored.clear();
    return { ...w, url };
  }

  const push = (w: { url: string; manager: { headers: Record<string, string> } }, period = '2027Q1') =>
    t.request({ method: 'POST', url: `${w.url}/push?period=${period}`, as: w.manager });

  it('keeps the secret to itself: GET answers only that one is stored', async () => {
    const w = await configured();
    for (const as of [w.manager, w.wideFacilitator]) {
      const seen = await t.request({ method: 'GET', url: `${w.url}/server`, as });
      expect(seen.json()).toMatchObject({ baseUrl: dhis2.url, username: 'ovop', hasSecret: true });
      expect(seen.body).not.toContain(password);
    }
    const stored = await t.database.db.query<{ secret_encrypted: string }>(
      'SELECT secret_encrypted FROM impact_dhis2_settings',
    );
    expect(stored[0]!.secret_encrypted).not.toContain(password);
    const audit = await t.database.db.query<{ after: unknown }>(
      "SELECT after FROM audit_log WHERE action = 'dhis2.server'",
    );
    expect(JSON.stringify(audit)).not.toContain(password);
    // Another address without the secret: the stored one is not sent elsewhere.
    const moved = await t.request({
      method: 'PUT',
      url: `${w.url}/server`,
      as: w.manager,
      payload: { baseUrl: 'https://elsewhere.example.org', auth: 'basic', username: 'ovop' },
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().errors).toMatchObject([{ path: 'secret', code: 'secret_needed' }]);
    const same = await t.request({
      method: 'PUT',
      url: `${w.url}/server`,
      as: w.manager,
      payload: { baseUrl: dhis2.url, auth: 'basic', username: 'ovop', timeoutSeconds: 5 },
    });
    expect(same.json()).toMatchObject({ hasSecret: true, timeoutSeconds: 5 });
    const withCredentials = await t.request({
      method: 'PUT',
      url: `${w.url}/server`,
      as: w.manager,
      payload: { baseUrl: 'ftp://dhis2.example.org', auth: 'token', secret: 'x' },
    });
    expect(withCredentials.json().errors).toMatchObject([{ path: 'baseUrl', code: 'invalid_url' }]);
  });

  it('posts the payload with codes as identifiers and shows DHIS2’s import summary, recorded for the history', async () => {
    const w = await configured();
    const first = await push(w);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      period: '2027Q1',
      status: 'SUCCESS',
      dataValues: 20,
      importCount: { imported: 20, updated: 0, ignored: 0, deleted: 0 },
      conflicts: [],
    });
    const [sent] = dhis2.received;
    expect(sent!.query.get('idScheme')).toBe('CODE');
    expect(sent!.query.get('dataElementIdScheme')).toBe('CODE');
    expect(sent!.query.get('orgUnitIdScheme')).toBe('CODE');
    const exported = await t.request({ method: 'GET', url: `${w.url}/data-value-sets?period=2027Q1`, as: w.manager });
    expect(sent!.body).toEqual(exported.json());

    const again = await push(w);
    expect(again.json()).toMatchObject({ importCount: { imported: 0, updated: 0, ignored: 20 } });
    const history = await t.request({ method: 'GET', url: `${w.url}/pushes`, as: w.wideFacilitator });
    expect(history.json().items).toHaveLength(2);
    expect(history.json().items[0]).toMatchObject({
      period: '2027Q1',
      status: 'SUCCESS',
      pushedBy: { name: expect.any(String) },
    });
  });

  it('reads the 2.38+ wrapped answer with its conflicts (409) and a personal access token', async () => {
    const w = await configured({
      auth: 'token',
      username: '',
      secret: 'd2pat_5xVA12xyUbWNedQxy4ohH77WlxRGVvZZ1151814092',
    });
    dhis2.answer = 'wrapped';
    const changed = { ...MAPPING, orgUnits: [...MAPPING.orgUnits, { area: '52.01', orgUnit: 'OU_UNKNOWN' }] };
    await t.request({ method: 'PUT', url: `${w.url}/mapping`, as: w.manager, payload: changed });
    const res = await push(w);
    expect(res.statusCode, res.body).toBe(200);
    expect(dhis2.received[0]!.authorization).toMatch(/^ApiToken d2pat_/);
    expect(res.json()).toMatchObject({
      status: 'WARNING',
      importCount: { imported: 20, ignored: 5 },
      conflicts: Array(5).fill({ object: 'OU_UNKNOWN', value: 'Org unit not found or not accessible' }),
    });
  });

  it('says when DHIS2 refuses the account, answers no summary, cannot be reached or is too slow, and records nothing', async () => {
    const w = await configured();
    await t.request({
      method: 'PUT',
      url: `${w.url}/server`,
      as: w.manager,
      payload: { baseUrl: dhis2.url, auth: 'basic', username: 'ovop', secret: 'wrong' },
    });
    const refused = await push(w);
    expect(refused.statusCode).toBe(502);
    expect(refused.json()).toMatchObject({ code: 'dhis2-refused', params: { status: 401 } });

    await t.request({
      method: 'PUT',
      url: `${w.url}/server`,
      as: w.manager,
      payload: { baseUrl: dhis2.url, auth: 'basic', username: 'ovop', secret: password, timeoutSeconds: 1 },
    });
    dhis2.answer = 'html';
    expect((await push(w)).json()).toMatchObject({ code: 'dhis2-answer-unreadable', params: { status: 200 } });
    dhis2.answer = 'hang';
    const slow = await push(w);
    expect(slow.json()).toMatchObject({ code: 'dhis2-unreachable', detail: expect.stringMatching(/1 seconds/) });

    const closed = await freePort();
    await t.request({
      method: 'PUT',
      url: `${w.url}/server`,
      as: w.manager,
      payload: { baseUrl: `http://127.0.0.1:${closed}`, auth: 'basic', username: 'ovop', secret: password },
    });
    const down = await push(w);
    expect(down.statusCode).toBe(502);
    expect(down.json()).toMatchObject({ code: 'dhis2-unreachable' });

    const history = await t.request({ method: 'GET', url: `${w.url}/pushes`, as: w.manager });
    expect(history.json().items).toEqual([]);
  });

  it('needs a server first', async () => {
    const w = await world();
    const url = `/api/v1/programs/${w.programId}/dhis2`;
    await t.request({ method: 'PUT', url: `${url}/mapping`, as: w.manager, payload: MAPPING });
    const res = await t.request({ method: 'POST', url: `${url}/push?period=2027Q1`, as: w.manager });
    expect(res.json()).toMatchObject({ code: 'dhis2-not-configured' });
  });
});

/** A port nothing listens on: opened, then closed. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { pdfText } from '../../../../test/documents.js';
import { buildGroup, buildStaff, buildUser, buildVillage, signedIn, SIBETAN } from '../../../../test/factories.js';

const t = useTestApp({ clock: { now: () => new Date('2027-07-02T05:00:00Z') } });

/** Ten members in Bali (7 women, 3 men), one sale of Rp 1.500.000 in March, and staff in and out of Bali. */
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
         VALUES (gen_random_uuid(), $1, 'Anggota', $2, 1980, $3, '2026-02-01')`,
        [group.id, sex, sex === 'female' && i === 0 ? 'chair' : 'member'],
      );
    }
  }
  const admin = await signedIn(t.app, await buildUser(db, { isAdmin: true }));
  const sale = await t.request({
    method: 'POST',
    url: `/api/v1/groups/${group.id}/transactions`,
    as: admin,
    payload: {
      kind: 'cash_sale',
      date: '2027-03-10',
      amount: { amount: '1500000.00', currency: 'IDR' },
      market: 'local',
    },
  });
  expect(sale.statusCode, sale.body).toBe(201);
  const bali = await buildStaff(db, 'facilitator', { programId, areaCode: '51' });
  const ntb = await buildStaff(db, 'facilitator', { programId, areaCode: '52' });
  const other = await buildStaff(db, 'program_manager');
  const w = {
    programId,
    manager: await signedIn(t.app, manager),
    baliFacilitator: await signedIn(t.app, bali.user),
    ntbFacilitator: await signedIn(t.app, ntb.user),
    otherManager: await signedIn(t.app, other.user),
  };
  const target = await t.request({
    method: 'POST',
    url: `/api/v1/programs/${programId}/targets`,
    as: w.manager,
    payload: { indicator: 'members', period: '2027', baseline: '0', target: '20' },
  });
  expect(target.statusCode, target.body).toBe(201);
  return w;
}

type Row = {
  area: { code: string; name: string } | null;
  period: string;
  by: Record<string, string>;
  value: string | null;
  suppressed: boolean;
  currency: string | null;
};

const json = async (url: string, as?: Awaited<ReturnType<typeof signedIn>>) => {
  const r = await t.request({ method: 'GET', url, ...(as ? { as } : {}) });
  expect(r.statusCode, r.body).toBe(200);
  return r.json<{ rows: Row[]; indicator: { definition: Record<string, string> } }>();
};

describe('impact exports as CSV and XLSX', () => {
  it('writes the same rows as the JSON, in UTF-8 with a BOM, with localized headings and a meaningful name', async () => {
    const w = await world();
    const query = `indicator=members&programId=${w.programId}&area=51&level=regency&period=2027&every=quarter&by=sex`;
    const answer = await json(`/api/v1/impact?${query}`, w.manager);
    expect(answer.rows.length).toBeGreaterThan(0);
    const r = await t.request({
      method: 'GET',
      url: `/api/v1/impact/export?${query}&format=csv&lang=ja`,
      as: w.manager,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toMatch(
      /^attachment; filename="impact_members_[\w-]+_51_regency_2027_by-sex_ja\.csv"$/,
    );
    expect([...r.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [heads, ...lines] = parse(r.rawPayload, { bom: true }) as string[][];
    expect(heads).toEqual(['地域コード', '地域', '期間', '性別', '値', '通貨']);
    expect(lines).toEqual(
      answer.rows.map((row) => [row.area!.code, row.area!.name, row.period, row.by.sex, row.value, row.currency ?? '']),
    );
    // Accept-Language chooses the language when `lang` is not given.
    const en = await t.request({
      method: 'GET',
      url: `/api/v1/impact/export?${query}&format=csv`,
      as: w.manager,
      headers: { 'accept-language': 'en-GB,en;q=0.8' },
    });
    expect(en.body.split('\r\n')[0]).toBe('\uFEFFArea code,Area,Period,Sex,Value,Currency');
  });

  it('writes a workbook with numbers as numbers and a notes sheet with the definition and the suppression rule', async () => {
    const w = await world();
    const query = `indicator=sales_revenue&programId=${w.programId}&period=2027&every=month`;
    const answer = await json(`/api/v1/impact?${query}`, w.manager);
    const r = await t.request({
      method: 'GET',
      url: `/api/v1/impact/export?${query}&format=xlsx&lang=en`,
      as: w.manager,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-disposition']).toContain('.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const [data, notes] = workbook.worksheets;
    expect(data!.name).toBe('Data');
    expect(data!.getRow(1).values).toEqual([undefined, 'Area code', 'Area', 'Period', 'Value', 'Currency']);
    const rows: unknown[][] = [];
    data!.eachRow((row, n) => n > 1 && rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toEqual(answer.rows.map((row) => ['', 'Whole country', row.period, Number(row.value), row.currency]));
    expect(rows.some((row) => row[3] === 1500000)).toBe(true);
    const noteText = notes!.getSheetValues().flat().join('\n');
    expect(noteText).toContain(answer.indicator.definition.en);
    expect(noteText).toContain('nothing is suppressed');
  });

  it('keeps each reader to their scope, and gives the public the suppressed figures', async () => {
    const w = await world();
    const query = `indicator=members&programId=${w.programId}&area=51&period=2027&by=sex`;
    const csv = async (url: string, as?: Awaited<ReturnType<typeof signedIn>>) => {
      const r = await t.request({ method: 'GET', url, ...(as ? { as } : {}) });
      expect(r.statusCode, r.body).toBe(200);
      return (parse(r.rawPayload, { bom: true }) as string[][]).slice(1);
    };
    // The NTB facilitator's file is their JSON: nothing of Bali's ten members.
    const ntbJson = await json(`/api/v1/impact?${query}`, w.ntbFacilitator);
    const ntbCsv = await csv(`/api/v1/impact/export?${query}&format=csv`, w.ntbFacilitator);
    expect(ntbCsv).toEqual(
      ntbJson.rows.map((row) => [row.area!.code, row.area!.name, row.period, row.by.sex, row.value, '']),
    );
    expect(ntbCsv.flat()).not.toContain('7');
    const baliCsv = await csv(`/api/v1/impact/export?${query}&format=csv`, w.baliFacilitator);
    expect(baliCsv.map((l) => l[4])).toEqual(['7', '3']);

    // Anonymous readers are turned away from the staff export, and get the public one with "<5".
    const anonymous = await t.request({ method: 'GET', url: `/api/v1/impact/export?${query}&format=csv` });
    expect(anonymous.statusCode).toBe(401);
    const publicCsv = await csv(`/api/v1/public/impact/export?${query}&format=csv`);
    // The 7 women are hidden too ("x"): beside the total of 10 they would give the 3 men away.
    expect(publicCsv.map((l) => [l[3], l[4]])).toEqual([
      ['female', 'x'],
      ['male', '<5'],
    ]);
    const publicXlsx = await t.request({
      method: 'GET',
      url: `/api/v1/public/impact/export?${query}&format=xlsx&lang=id`,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(publicXlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(3).getCell(5).value).toBe('<5');
    expect(workbook.worksheets[0]!.getRow(2).getCell(5).value).toBe('x');
    expect(workbook.worksheets[1]!.getSheetValues().flat().join('\n')).toContain('ditampilkan sebagai "<5"');
    expect(workbook.worksheets[1]!.getSheetValues().flat().join('\n')).toContain('sebagai "x"');
  });

  it('refuses bad input with the field and a stable code', async () => {
    const w = await world();
    const ask = (q: string) => t.request({ method: 'GET', url: `/api/v1/impact/export?${q}`, as: w.manager });
    const period = await ask('indicator=members&period=2027-13&format=csv');
    expect(period.statusCode).toBe(400);
    expect(period.headers['content-type']).toContain('application/problem+json');
    expect(period.json().errors).toContainEqual(
      expect.objectContaining({ path: 'query.period', code: 'not_a_period' }),
    );
    const format = await ask('indicator=members&period=2027&format=pdf');
    expect(format.statusCode).toBe(400);
    expect(format.json().errors).toContainEqual(expect.objectContaining({ path: 'query.format' }));
    const unknown = await ask('indicator=nothing_here&period=2027&format=xlsx');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toContainEqual(
      expect.objectContaining({ path: 'indicator', code: 'not_an_indicator' }),
    );
    const lang = await ask('indicator=members&period=2027&format=csv&lang=fr');
    expect(lang.json().errors).toContainEqual(expect.objectContaining({ path: 'query.lang' }));
  });
});

describe('the program’s impact report as a PDF', () => {
  const report = (id: string, q: string) => `/api/v1/programs/${id}/impact-report.pdf?${q}`;

  it('carries the program, each indicator’s value as the JSON gives it, its target and status, in Japanese too', async () => {
    const w = await world();
    const members = await json(`/api/v1/impact?indicator=members&programId=${w.programId}&period=2027`, w.manager);
    const sales = await json(`/api/v1/impact?indicator=sales_revenue&programId=${w.programId}&period=2027`, w.manager);
    const r = await t.request({ method: 'GET', url: report(w.programId, 'period=2027&lang=id'), as: w.manager });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toMatch(/filename="impact-report_[\w-]+_program_2027_id\.pdf"/);
    const { pages, text } = await pdfText(r.rawPayload);
    expect(pages).toBeGreaterThanOrEqual(3);
    const program = (
      await t.database.db.query<{ name: string }>('SELECT name FROM programs WHERE id = $1', [w.programId])
    )[0]!;
    expect(text).toContain(program.name);
    expect(text).toContain('Laporan Dampak');
    const count = members.rows[0]!.value!;
    expect(text).toMatch(
      new RegExp(
        `Anggota\\s+kelompok\\s+\\(warga\\s+desa\\s+terlibat\\)\\s+${count}\\s+0\\s+20\\s+50%\\s+Sesuai rencana`,
      ),
    );
    expect(text).toContain(Number(sales.rows[0]!.value).toLocaleString('id-ID'));
    expect(text).toMatch(/Perempuan\s+7/);
    expect(text.replace(/\s+/g, ' ')).toContain(members.indicator.definition.id);

    const ja = await t.request({
      method: 'GET',
      url: report(w.programId, 'period=2027'),
      as: w.manager,
      headers: { 'accept-language': 'ja' },
    });
    const jaText = (await pdfText(ja.rawPayload)).text;
    expect(jaText).toContain('インパクト報告書');
    expect(jaText).toContain(Number(sales.rows[0]!.value).toLocaleString('ja-JP'));
    expect(jaText).toMatch(/女性\s+7/);
  });

  it('is drawn within the reader’s grants, and not at all for those outside the program', async () => {
    const w = await world();
    const membersLine = (text: string) => /Group\s+members\s+\(villagers\s+involved\)\s+(\d+)/.exec(text)?.[1];
    const as = async (who: Awaited<ReturnType<typeof signedIn>>) => {
      const r = await t.request({ method: 'GET', url: report(w.programId, 'period=2027&lang=en'), as: who });
      expect(r.statusCode, r.body).toBe(200);
      return (await pdfText(r.rawPayload)).text;
    };
    expect(membersLine(await as(w.baliFacilitator))).toBe('10');
    expect(membersLine(await as(w.ntbFacilitator))).toBe('0');
    const other = await t.request({ method: 'GET', url: report(w.programId, 'period=2027'), as: w.otherManager });
    expect(other.statusCode).toBe(404);
    const anonymous = await t.request({ method: 'GET', url: report(w.programId, 'period=2027') });
    expect(anonymous.statusCode).toBe(401);
    const bad = await t.request({ method: 'GET', url: report(w.programId, 'period=last-year'), as: w.manager });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toContainEqual(expect.objectContaining({ path: 'query.period', code: 'not_a_period' }));
  });
});

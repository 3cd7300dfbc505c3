import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { booksWorld, rp, salakYear, type BooksWorld } from '../../../../test/books-fixtures.js';
import { pdfText } from '../../../../test/documents.js';

const t = useTestApp();

interface Line {
  line: string;
  amount: { amount: string };
  accounts: { code: string; amount: { amount: string } }[];
}
const lineOf = (part: { lines: Line[] }, key: string) => part.lines.find((l) => l.line === key)?.amount.amount;

/** Two years of a group: 2025 sells and pays tax, 2026 sells, pays interest, tax and wages. */
async function twoYears(w: BooksWorld) {
  await w.record({ kind: 'owner_capital', date: '2025-01-05', amount: rp('2000000') });
  await w.record({ kind: 'cash_sale', date: '2025-06-10', amount: rp('1000000') });
  await w.record({ kind: 'expense', date: '2025-07-15', amount: rp('5000'), accountCode: '6-301', memo: 'PPh final' });
  await w.record({ kind: 'loan_received', date: '2026-01-06', amount: rp('3000000'), via: 'bank' });
  await w.record({ kind: 'cash_sale', date: '2026-03-10', amount: rp('645000') });
  await w.record({ kind: 'expense', date: '2026-04-15', amount: rp('3225'), accountCode: '6-301', memo: 'PPh final' });
  await w.record({ kind: 'expense', date: '2026-05-01', amount: rp('100000'), category: 'wages' });
  await w.record({ kind: 'loan_repaid', date: '2026-06-30', amount: rp('500000'), interest: rp('45000'), via: 'bank' });
  await w.record({ kind: 'owner_drawing', date: '2026-07-01', amount: rp('50000') });
}

async function officers(w: BooksWorld) {
  for (const [name, role] of [
    ['Ni Luh Sari', 'treasurer'],
    ['I Made Suarta', 'chair'],
    ['Ni Ketut Ayu', 'member'],
  ] as const) {
    await w.post(`/api/v1/groups/${w.group}/members`, {
      name,
      sex: role === 'chair' ? 'male' : 'female',
      birthYear: 1980,
      role,
      joinedOn: '2020-01-01',
    });
  }
}

describe('the SAK EMKM statements', () => {
  it('puts each kind of account on its own statement line', async () => {
    const w = await booksWorld(t);
    await twoYears(w);
    const income = (await w.get('reports/income-statement?from=2026-01-01&to=2026-12-31')).json();
    expect(income.revenue.amount).toEqual(rp('645000.00'));
    expect(income.costOfGoods.amount).toEqual(rp('0.00'));
    expect(income.grossProfit).toEqual(rp('645000.00'));
    expect(income.expenses.accounts).toEqual([{ code: '6-101', name: expect.any(Object), amount: rp('100000.00') }]);
    expect(income.financeCosts.accounts).toEqual([
      { code: '6-106', name: expect.objectContaining({ id: 'Beban bunga' }), amount: rp('45000.00') },
    ]);
    expect(income.profitBeforeTax).toEqual(rp('500000.00'));
    expect(income.taxExpense.accounts).toEqual([{ code: '6-301', name: expect.any(Object), amount: rp('3225.00') }]);
    expect(income.profit).toEqual(rp('496775.00'));

    // Past years' profit is saldo laba (rolled at read time); this year's its own line.
    const position = (await w.get('reports/financial-position?at=2026-12-31')).json();
    expect(position.equity.lines.map((l: Line) => l.line)).toEqual([
      'equity',
      'drawings',
      'retained_earnings',
      'current_profit',
    ]);
    expect(lineOf(position.equity, 'equity')).toBe('2000000.00');
    expect(lineOf(position.equity, 'drawings')).toBe('-50000.00');
    expect(lineOf(position.equity, 'retained_earnings')).toBe('995000.00');
    expect(lineOf(position.equity, 'current_profit')).toBe('496775.00');
    expect(lineOf(position.liabilities, 'bank_loans')).toBe('2500000.00');
    expect(position.balanced).toBe(true);
  });

  it('prints last year beside this year', async () => {
    const w = await booksWorld(t);
    await twoYears(w);
    const income = (await w.get('reports/income-statement?from=2026-01-01&to=2026-12-31')).json();
    expect(income.previous).toMatchObject({
      from: '2025-01-01',
      to: '2025-12-31',
      revenue: { amount: rp('1000000.00') },
      financeCosts: { amount: rp('0.00') },
      profitBeforeTax: rp('1000000.00'),
      taxExpense: { amount: rp('5000.00') },
      profit: rp('995000.00'),
    });
    const position = (await w.get('reports/financial-position?at=2026-12-31')).json();
    expect(position.previous.at).toBe('2025-12-31');
    // At the end of 2025 the year's profit was still "this year's"; nothing was retained yet.
    expect(position.previous.equity.lines.map((l: Line) => [l.line, l.amount.amount])).toEqual([
      ['equity', '2000000.00'],
      ['current_profit', '995000.00'],
    ]);
    expect(lineOf(position.previous.assets, 'cash_and_equivalents')).toBe('2995000.00');
    expect(position.previous.balanced).toBe(true);
  });

  it('writes notes whose every figure is the statements’ figure for the same line', async () => {
    const w = await booksWorld(t);
    await twoYears(w);
    await salakYear(w);
    const notes = (await w.get('reports/notes?from=2026-01-01&to=2026-12-31')).json();
    const position = (await w.get('reports/financial-position?at=2026-12-31')).json();
    const income = (await w.get('reports/income-statement?from=2026-01-01&to=2026-12-31')).json();
    const incomeKeys = {
      revenue: 'revenue',
      cost_of_goods: 'costOfGoods',
      other_income: 'otherIncome',
      expenses: 'expenses',
      finance_costs: 'financeCosts',
      tax_expense: 'taxExpense',
    } as Record<string, string>;
    const statementLine = (statement: string, key: string, previous: boolean): Line | undefined => {
      if (statement === 'income') return (previous ? income.previous : income)[incomeKeys[key]!];
      const p = previous ? position.previous : position;
      return [...p.assets.lines, ...p.liabilities.lines, ...p.equity.lines].find((l: Line) => l.line === key);
    };
    const nil = (l: Line | undefined) => l?.amount.amount ?? '0.00';
    let compared = 0;
    for (const d of notes.details) {
      expect(d.amount.amount, `${d.line}`).toBe(nil(statementLine(d.statement, d.line, false)));
      expect(d.previous.amount, `${d.line} last year`).toBe(nil(statementLine(d.statement, d.line, true)));
      for (const a of d.accounts.filter((x: { code: string }) => x.code)) {
        const shown = statementLine(d.statement, d.line, false)?.accounts.find((x) => x.code === a.code);
        expect(a.amount.amount, a.code).toBe(shown?.amount.amount ?? '0.00');
        compared++;
      }
      compared++;
    }
    // And every line the statements print has its note.
    const noted = new Set(notes.details.map((d: { line: string }) => d.line));
    for (const l of [...position.assets.lines, ...position.liabilities.lines, ...position.equity.lines])
      expect(noted.has(l.line), l.line).toBe(true);
    for (const key of Object.keys(incomeKeys)) expect(noted.has(key), key).toBe(true);
    const equityNoted = notes.details
      .filter((d: { line: string }) => position.equity.lines.some((l: Line) => l.line === d.line))
      .reduce((s: number, d: { amount: { amount: string } }) => s + Math.round(Number(d.amount.amount) * 100), 0);
    expect(equityNoted / 100).toBe(Number(position.equity.total.amount));
    expect(compared).toBeGreaterThan(20);
  });

  it('prints Indonesian statements in rupiah with Indonesian dates, last year beside, and who signs', async () => {
    const w = await booksWorld(t);
    await twoYears(w);
    await officers(w);
    const r = await w.get('reports/statements?format=pdf&from=2026-01-01&to=2026-12-31');
    const text = (await pdfText(r.rawPayload)).text.replace(/\s+/g, ' ');
    for (const expected of [
      'Per tanggal: 31 Desember 2026',
      '31 Desember 2025',
      'Periode: 1 Januari 2026 – 31 Desember 2026',
      'Rp 645.000',
      'Rp 1.000.000',
      'Beban keuangan',
      'Laba (rugi) sebelum pajak',
      'Beban pajak',
      'Modal',
      'Prive',
      'Saldo laba',
      'Laba tahun berjalan',
      'Disusun oleh',
      'Bendahara',
      'Ni Luh Sari',
      'Disetujui oleh',
      'I Made Suarta',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('IDR');
    expect(text).not.toContain('2026-12-31');
    expect(text).not.toContain('Ni Ketut Ayu');

    const en = await w.get('reports/statements?format=pdf&from=2026-01-01&to=2026-12-31&locale=en');
    const enText = (await pdfText(en.rawPayload)).text.replace(/\s+/g, ' ');
    for (const expected of ['As at: 31 December 2026', 'IDR 645,000', 'Finance costs', 'Prepared by', 'Ni Luh Sari'])
      expect(enText).toContain(expected);
  });

  it('exports both years to the workbook, rupiah formatted in Indonesian', async () => {
    const w = await booksWorld(t);
    await twoYears(w);
    const r = await w.get('reports/statements?format=xlsx&from=2026-01-01&to=2026-12-31');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const income = book.getWorksheet('Laba Rugi')!;
    const rows: unknown[][] = [];
    income.eachRow((row) =>
      rows.push([String(row.getCell(1).value).trim(), row.getCell(2).value, row.getCell(3).value]),
    );
    expect(rows[0]).toEqual(['Laporan Laba Rugi', '2026', '2025']);
    expect(rows).toContainEqual(['Pendapatan', 645000, 1000000]);
    expect(rows).toContainEqual(['− Beban pajak', 3225, 5000]);
    expect(rows).toContainEqual(['Laba (rugi) bersih', 496775, 995000]);
    expect(income.getColumn(2).numFmt).toContain('Rp');
  });
});

describe('a cooperative’s books', () => {
  it('open with the koperasi chart: members’ savings, reserves and SHU, no drawings', async () => {
    const w = await booksWorld(t);
    const koperasi = await w.post('/api/v1/groups', {
      programId: w.program.id,
      villageId: w.villages.bali.id,
      name: 'Koperasi Produsen Salak Sibetan',
      kind: 'cooperative',
    });
    const books = (await w.get('books', w.admin, koperasi.id)).json();
    const byCode = new Map(books.accounts.map((a: { code: string }) => [a.code, a]));
    expect(byCode.get('3-101')).toMatchObject({
      type: 'equity',
      role: 'principal_savings',
      name: { id: 'Simpanan pokok' },
    });
    expect(byCode.get('3-102')).toMatchObject({
      type: 'equity',
      role: 'mandatory_savings',
      name: { id: 'Simpanan wajib' },
    });
    expect(byCode.get('2-301')).toMatchObject({ type: 'liability', role: 'voluntary_savings' });
    expect(byCode.get('3-201')).toMatchObject({ line: 'undistributed_shu', name: { id: 'SHU belum dibagi' } });
    expect(books.accounts.some((a: { role: string }) => a.role === 'drawings' || a.role === 'owner_capital')).toBe(
      false,
    );
    // A farmer group keeps Modal and Prive.
    const farmers = (await w.get('books')).json();
    expect(farmers.accounts.find((a: { code: string }) => a.code === '3-101').role).toBe('owner_capital');

    await t.request({
      method: 'POST',
      url: `/api/v1/groups/${koperasi.id}/journal`,
      as: w.admin,
      payload: {
        date: '2026-02-01',
        memo: 'Simpanan anggota',
        lines: [
          { accountCode: '1-101', debit: '1500000' },
          { accountCode: '3-101', credit: '500000' },
          { accountCode: '3-102', credit: '600000' },
          { accountCode: '2-301', credit: '400000' },
        ],
      },
    });
    await t.request({
      method: 'POST',
      url: `/api/v1/groups/${koperasi.id}/transactions`,
      as: w.admin,
      payload: { kind: 'cash_sale', date: '2026-03-01', amount: rp('200000') },
    });
    const position = (await w.get('reports/financial-position?at=2026-12-31', w.admin, koperasi.id)).json();
    expect(position.equity.lines.map((l: Line) => [l.line, l.amount.amount])).toEqual([
      ['principal_savings', '500000.00'],
      ['mandatory_savings', '600000.00'],
      ['current_shu', '200000.00'],
    ]);
    expect(lineOf(position.liabilities, 'member_savings')).toBe('400000.00');
    expect(position.balanced).toBe(true);
    const pdf = await w.get('reports/statements?format=pdf&to=2026-12-31', w.admin, koperasi.id);
    const text = (await pdfText(pdf.rawPayload)).text.replace(/\s+/g, ' ');
    for (const expected of ['Simpanan pokok', 'Simpanan wajib', 'Simpanan sukarela', 'SHU tahun berjalan'])
      expect(text).toContain(expected);
  });
});

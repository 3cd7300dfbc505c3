import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { pdfText } from '../../../../test/documents.js';
import { booksWorld as world, rp, salakYear } from '../../../../test/books-fixtures.js';
import {
  COOPERATIVE_KINDS,
  SIMPLE_TRANSACTION_KINDS,
  simpleTransactionBody,
} from '../../../shared/schemas/business.js';

const t = useTestApp();

describe('SAK EMKM reports', () => {
  it('adds up the income statement for a range', async () => {
    const w = await world(t);
    await salakYear(w);
    const income = (await w.get('reports/income-statement?from=2026-02-01&to=2026-02-28')).json();
    expect(income).toMatchObject({
      from: '2026-02-01',
      to: '2026-02-28',
      revenue: { amount: rp('1935000.00') },
      costOfGoods: { amount: rp('800000.00') },
      grossProfit: rp('1135000.00'),
      // Wages are an operating expense; the loan's interest a finance cost (SAK EMKM beban keuangan).
      expenses: { amount: rp('250000.00') },
      financeCosts: { amount: rp('75000.00') },
      profitBeforeTax: rp('810000.00'),
      taxExpense: { amount: rp('0.00') },
      profit: rp('810000.00'),
    });
    expect(income.expenses.accounts.map((a: { code: string }) => a.code)).toEqual(['6-101']);
    expect(income.financeCosts.accounts.map((a: { code: string }) => a.code)).toEqual(['6-106']);
    const january = (await w.get('reports/income-statement?from=2026-01-01&to=2026-01-31')).json();
    expect(january.profit).toEqual(rp('0.00'));
  });

  it('balances the statement of financial position at any date', async () => {
    const w = await world(t);
    await salakYear(w);
    const position = (await w.get('reports/financial-position?at=2026-03-31')).json();
    // Cash 5,000,000 − 600,000 − 250,000 + 1,290,000 + 300,000 − 400,000 − 100,000 = 5,240,000;
    // bank 10,000,000 − 8,500,000 − 575,000 = 925,000.
    const line = (part: { lines: { line: string; amount: { amount: string } }[] }, key: string) =>
      part.lines.find((l) => l.line === key)?.amount.amount;
    expect(line(position.assets, 'cash_and_equivalents')).toBe('6165000.00');
    expect(line(position.assets, 'receivables')).toBe('345000.00');
    // Materials 1,000,000 bought, 800,000 of them made into chips, all of which were sold.
    expect(line(position.assets, 'inventory')).toBe('200000.00');
    expect(line(position.assets, 'fixed_assets')).toBe('8500000.00');
    expect(line(position.liabilities, 'bank_loans')).toBe('9500000.00');
    // Equity as Modal, Prive and this year's profit: no "Ekuitas" line under "Ekuitas".
    expect(position.equity.lines.map((l: { line: string }) => l.line)).toEqual([
      'equity',
      'drawings',
      'current_profit',
    ]);
    expect(line(position.equity, 'equity')).toBe('5000000.00');
    expect(line(position.equity, 'drawings')).toBe('-100000.00');
    expect(line(position.equity, 'current_profit')).toBe('810000.00');
    expect(position.assets.total).toEqual(rp('15210000.00'));
    expect(position.liabilitiesAndEquity).toEqual(rp('15210000.00'));
    expect(position.balanced).toBe(true);
    const early = (await w.get('reports/financial-position?at=2026-01-06')).json();
    expect(early.assets.total).toEqual(rp('15000000.00'));
    expect(early.balanced).toBe(true);
  });

  it('writes the notes SAK EMKM asks for, in the reader’s language', async () => {
    const w = await world(t);
    await salakYear(w);
    const id = (await w.get('reports/notes?to=2026-03-31')).json();
    expect(id.sections.map((s: { key: string }) => s.key)).toEqual(['entity', 'compliance', 'basis', 'policies']);
    expect(id.sections[1].paragraphs[0]).toContain('SAK EMKM');
    expect(id.sections[0].paragraphs[0]).toContain('Kelompok Tani Salak Sibetan');
    expect(id.details.find((d: { line: string }) => d.line === 'cash_and_equivalents').accounts).toEqual([
      { code: '1-101', name: 'Kas', amount: rp('5240000.00'), previous: rp('0.00') },
      { code: '1-102', name: 'Bank', amount: rp('925000.00'), previous: rp('0.00') },
    ]);
    const ja = (await w.get('reports/notes?to=2026-03-31&locale=ja')).json();
    expect(ja.sections[1].title).toBe('準拠する基準');
    expect(ja.details[0].accounts[0].name).toBe('現金');
  });

  it('prints the statements as a PDF a reader can parse', async () => {
    const w = await world(t);
    await salakYear(w);
    const r = await w.get('reports/statements?format=pdf&from=2026-01-01&to=2026-03-31');
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toContain('laporan-keuangan-2026-01-01-2026-03-31.pdf');
    const { pages, text: raw } = await pdfText(r.rawPayload);
    const text = raw.replace(/\s+/g, ' ');
    expect(pages).toBeGreaterThanOrEqual(3);
    for (const expected of [
      'Laporan Posisi Keuangan',
      'Laporan Laba Rugi',
      'Catatan atas Laporan Keuangan',
      'SAK EMKM',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('15.210.000');
    expect(text).toContain('810.000');
  });

  it('exports the statements as an XLSX workbook with the same figures', async () => {
    const w = await world(t);
    await salakYear(w);
    const r = await w.get('reports/statements?format=xlsx&to=2026-03-31&locale=en');
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Financial Position', 'Income Statement', 'Notes']);
    const rows = (name: string) => {
      const found: [string, unknown][] = [];
      book
        .getWorksheet(name)!
        .eachRow((row) => found.push([String(row.getCell(1).value).trim(), row.getCell(2).value]));
      return found;
    };
    expect(rows('Financial Position')).toContainEqual(['Total assets', 15210000]);
    expect(rows('Financial Position')).toContainEqual(['Total liabilities and equity', 15210000]);
    expect(rows('Income Statement')).toContainEqual(['Profit (loss) for the period', 810000]);
  });

  it('lets a group member read the reports but another group’s manager not', async () => {
    const w = await world(t);
    await salakYear(w);
    const member = await w.as('group_member', { groupId: w.group });
    expect((await w.get('reports/statements?format=pdf', member)).statusCode).toBe(200);
    const outsider = await w.as('group_manager', { groupId: w.groups.lombok.id });
    const r = await t.request({ url: `/api/v1/groups/${w.group}/reports/statements?format=xlsx`, as: outsider });
    expect(r.statusCode).toBe(404);
  });
});

describe('the books under a random year of transactions', () => {
  const TXS = Number(process.env.OVOP_TEST_TXS ?? 1000);
  // A farmer group's books: the cooperative's members' savings are refused for it (cooperative-savings.test.ts).
  const kinds = SIMPLE_TRANSACTION_KINDS.filter((k) => !(COOPERATIVE_KINDS as readonly string[]).includes(k));
  const transaction = fc.record({
    kind: fc.constantFrom(...kinds),
    day: fc.integer({ min: 0, max: 364 }),
    amount: fc.bigInt({ min: 1n, max: 50_000_000_00n }),
    via: fc.constantFrom('cash', 'bank'),
    settlement: fc.constantFrom('cash', 'bank', 'credit'),
    extra: fc.option(fc.bigInt({ min: 1n, max: 5_000_000_00n }), { nil: undefined }),
    reverse: fc.boolean(),
  });
  /** Whether a kind of transaction has the field (any other is refused as unknown). */
  const takes = (kind: string, field: string) =>
    field in simpleTransactionBody.options.find((option) => option.shape.kind.value === kind)!.shape;
  const money = (minor: bigint) => rp(`${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`);
  const dateOf = (day: number) => new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
  /** The postings the books refuse with a reason (issue 13): a balance below zero, a date after today. */
  const GUARDS = [
    'insufficient-balance',
    'more-than-owed',
    'more-than-receivable',
    'stock-insufficient',
    'date-in-future',
  ];
  const refused = (r: { statusCode: number; json(): { type?: string } }) =>
    r.statusCode === 422 && GUARDS.includes(String(r.json().type).replace('/problems/', ''));

  it('keeps the statement of financial position balanced after 1,000 transactions and reversals', async () => {
    const w = await world(t);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(transaction, { minLength: TXS, maxLength: TXS }), async (txs) => {
        // Each run keeps its own books: a new group in the same village.
        const group =
          run++ === 0
            ? w.group
            : (
                await w.post('/api/v1/groups', {
                  programId: w.program.id,
                  villageId: w.villages.bali.id,
                  name: `Kelompok ${run}`,
                  kind: 'cooperative',
                })
              ).id;
        const url = `/api/v1/groups/${group}`;
        let posted = 0;
        let last = 0;
        for (const tx of txs) {
          const body = {
            kind: tx.kind,
            date: dateOf(tx.day),
            amount: money(tx.amount),
            ...(takes(tx.kind, 'via') ? { via: tx.via } : {}),
            ...(takes(tx.kind, 'settlement') ? { settlement: tx.settlement } : {}),
            ...(tx.extra && (tx.kind === 'cash_sale' || tx.kind === 'credit_sale')
              ? { costOfGoods: money(tx.extra) }
              : {}),
            ...(tx.extra && tx.kind === 'loan_repaid' ? { interest: money(tx.extra) } : {}),
            ...(tx.kind === 'asset_bought' ? { lifeMonths: 36 } : {}),
          };
          const r = await t.request({ method: 'POST', url: `${url}/transactions`, as: w.admin, payload: body });
          if (refused(r)) continue;
          if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body}`);
          posted++;
          last = r.json().number;
          if (tx.reverse && tx.day % 5 === 0) {
            const rev = await t.request({
              method: 'POST',
              url: `${url}/journal/${r.json().id}/reverse`,
              as: w.admin,
              payload: { date: body.date },
            });
            if (refused(rev)) continue;
            if (rev.statusCode !== 201) throw new Error(`${rev.statusCode} ${rev.body}`);
            posted++;
            last = rev.json().number;
          }
        }
        for (const at of ['2026-03-31', '2026-06-30', '2026-12-31']) {
          const position = (await t.request({ url: `${url}/reports/financial-position?at=${at}`, as: w.admin })).json();
          expect(position.balanced).toBe(true);
          expect(position.assets.total).toEqual(position.liabilitiesAndEquity);
        }
        // The profit of the year is exactly the equity line of this year's profit.
        const income = (
          await t.request({ url: `${url}/reports/income-statement?from=2026-01-01&to=2026-12-31`, as: w.admin })
        ).json();
        const yearEnd = (
          await t.request({ url: `${url}/reports/financial-position?at=2026-12-31`, as: w.admin })
        ).json();
        const thisYear =
          yearEnd.equity.lines.find((l: { line: string }) => l.line === 'current_profit')?.amount ?? rp('0.00');
        expect(thisYear.amount).toBe(income.profit.amount.replace(/^-0\.00$/, '0.00'));
        // Entries are numbered without gaps, in the order they were posted (a refused one takes no number).
        expect(posted).toBeGreaterThan(TXS / 10);
        expect(last).toBe(posted);
      }),
      { numRuns: 1, endOnFailure: true },
    );
  }, 300_000);
});

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { booksWorld, rp, type BooksWorld } from '../../../../test/books-fixtures.js';
import { pdfText } from '../../../../test/documents.js';

const t = useTestApp();

async function twoMonths(w: BooksWorld) {
  await w.record({ kind: 'owner_capital', date: '2026-02-03', amount: rp('1000000') });
  await w.record({ kind: 'loan_received', date: '2026-02-04', amount: rp('2000000'), via: 'bank' });
  await w.record({ kind: 'material_purchase', date: '2026-02-05', amount: rp('300000'), memo: 'Salak 30 kg' });
  await w.record({ kind: 'production', date: '2026-02-06', amount: rp('300000') });
  // Cost of goods moves no money: the cash book shows the 645,000 received.
  const sale = await w.record({
    kind: 'cash_sale',
    date: '2026-03-02',
    amount: rp('645000'),
    costOfGoods: rp('300000'),
    memo: '50 pak',
  });
  await w.record({ kind: 'credit_sale', date: '2026-03-03', amount: rp('200000') });
  await w.record({ kind: 'expense', date: '2026-03-10', amount: rp('75000'), category: 'transport' });
  await w.record({ kind: 'loan_repaid', date: '2026-03-20', amount: rp('100000'), interest: rp('20000'), via: 'bank' });
  await t.request({
    method: 'POST',
    url: `/api/v1/groups/${w.group}/journal/${sale.id}/reverse`,
    as: w.manager,
    payload: { date: '2026-03-25' },
  });
  return sale;
}

describe('the cash book', () => {
  it('shows the money that moved, from the month’s opening balance, with a running balance', async () => {
    const w = await booksWorld(t);
    const sale = await twoMonths(w);
    const book = (await w.get('reports/cash-book?month=2026-03&accountCode=1-101')).json();
    expect(book.accounts.map((a: { code: string }) => a.code)).toEqual(['1-101']);
    expect(book.opening).toEqual(rp('700000.00'));
    expect(
      book.rows.map((r: { kind: string; moneyIn: unknown; moneyOut: unknown; balance: unknown }) => [
        r.kind,
        r.moneyIn,
        r.moneyOut,
        r.balance,
      ]),
    ).toEqual([
      ['cash_sale', rp('645000.00'), null, rp('1345000.00')],
      ['expense', null, rp('75000.00'), rp('1270000.00')],
      ['reversal', null, rp('645000.00'), rp('625000.00')],
    ]);
    expect(book.rows[2].reverses).toBe(sale.id);
    expect(book).toMatchObject({ totalIn: rp('645000.00'), totalOut: rp('720000.00'), closing: rp('625000.00') });
    // The credit sale moved no money and is not in the cash book.
    expect(book.rows.some((r: { kind: string }) => r.kind === 'credit_sale')).toBe(false);

    const bank = (await w.get('reports/cash-book?month=2026-03&accountCode=1-102')).json();
    expect(bank.opening).toEqual(rp('2000000.00'));
    expect(bank.rows.map((r: { moneyOut: unknown }) => r.moneyOut)).toEqual([rp('120000.00')]);
    expect(bank.closing).toEqual(rp('1880000.00'));

    const both = (await w.get('reports/cash-book?month=2026-03')).json();
    expect(both.accounts.map((a: { code: string }) => a.code)).toEqual(['1-101', '1-102']);
    expect(both.opening).toEqual(rp('2700000.00'));
    expect(both.closing).toEqual(rp('2505000.00'));

    const february = (await w.get('reports/cash-book?month=2026-02&accountCode=1-101')).json();
    expect(february.opening).toEqual(rp('0.00'));
    expect(february.closing).toEqual(book.opening);
  });

  it('refuses an account that is not cash or bank, naming the field', async () => {
    const w = await booksWorld(t);
    const r = await t.request({ url: `/api/v1/groups/${w.group}/reports/cash-book?accountCode=1-201`, as: w.manager });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors.map((e: { path: string }) => e.path)).toEqual(['query.accountCode']);
  });

  it('prints the same figures in the PDF and the workbook', async () => {
    const w = await booksWorld(t);
    await twoMonths(w);
    const pdf = await w.get('reports/cash-book/file?format=pdf&month=2026-03&accountCode=1-101');
    expect(pdf.headers['content-disposition']).toContain('buku-kas-2026-03.pdf');
    const text = (await pdfText(pdf.rawPayload)).text.replace(/\s+/g, ' ');
    for (const expected of ['Buku Kas', 'Maret 2026', 'Saldo awal', 'Rp 700.000', 'Rp 645.000', 'Rp 1.345.000'])
      expect(text).toContain(expected);
    expect(text).toContain('Saldo akhir');
    expect(text).toContain('Rp 625.000');
    expect(text).not.toContain('945.000');

    const xlsx = await w.get('reports/cash-book/file?format=xlsx&month=2026-03&accountCode=1-101&locale=en');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    book.worksheets[0]!.eachRow((row) => rows.push([1, 2, 3, 4, 5].map((i) => row.getCell(i).value)));
    expect(rows).toContainEqual(['2026-03-01', 'Opening balance', null, null, 700000]);
    expect(rows).toContainEqual(['2026-03-02', '#5 Cash sale · 50 pak', 645000, null, 1345000]);
    expect(rows).toContainEqual(['2026-03-31', 'Closing balance', null, null, 625000]);
  });

  it('is read by the group’s members and hidden from another group’s manager', async () => {
    const w = await booksWorld(t);
    await twoMonths(w);
    const member = await w.as('group_member', { groupId: w.group });
    expect((await w.get('reports/cash-book?month=2026-03', member)).json().closing).toEqual(rp('2505000.00'));
    const outsider = await w.as('group_manager', { groupId: w.groups.lombok.id });
    const r = await t.request({ url: `/api/v1/groups/${w.group}/reports/cash-book`, as: outsider });
    expect(r.statusCode).toBe(404);
  });
});

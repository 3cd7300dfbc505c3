import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { booksWorld, rp, salakYear, type BooksWorld } from '../../../../test/books-fixtures.js';

const t = useTestApp();

/** February of the salak year sells 1,290,000 cash and 645,000 on credit: 0.5 % of 1,935,000 is 9,675. */
const FEBRUARY_TURNOVER = '1935000.00';
const FEBRUARY_TAX = '9675.00';

async function settings(w: BooksWorld, finalTaxFrom: string | null, as = w.manager) {
  return t.request({
    method: 'PUT',
    url: `/api/v1/groups/${w.group}/books/settings`,
    as,
    payload: { finalTaxFrom },
  });
}
const close = (w: BooksWorld, month: string) =>
  t.request({ method: 'POST', url: `/api/v1/groups/${w.group}/periods/close`, as: w.manager, payload: { month } });
const pay = (w: BooksWorld, payload: object) =>
  t.request({ method: 'POST', url: `/api/v1/groups/${w.group}/final-tax/payments`, as: w.manager, payload });

describe('the UMKM final tax (PPh final 0.5 % of turnover, PP 55/2022)', () => {
  it('is off by default: no tax is posted at a close and the statement has no tax', async () => {
    const w = await booksWorld(t);
    await salakYear(w);
    expect((await w.get('books')).json().finalTaxFrom).toBeNull();
    expect((await close(w, '2026-02')).statusCode).toBe(200);
    const income = (await w.get('reports/income-statement?from=2026-02-01&to=2026-02-28')).json();
    expect(income.taxExpense).toMatchObject({ amount: rp('0.00'), accounts: [] });
    expect(income.finalTax).toBeNull();
    expect(income.profit).toEqual(income.profitBeforeTax);
    const paid = await pay(w, { month: '2026-02', date: '2026-03-10' });
    expect(paid.statusCode).toBe(422);
    expect(paid.json()).toMatchObject({ type: '/problems/final-tax-off' });
  });

  it('posts 0.5 % of the month’s turnover when the month closes; statement, position and notes agree', async () => {
    const w = await booksWorld(t);
    await salakYear(w);
    const on = await settings(w, '2026-01');
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json().finalTaxFrom).toBe('2026-01');
    // Before the close the statement reminds what is due and shows nothing posted yet.
    const before = (await w.get('reports/income-statement?from=2026-02-01&to=2026-02-28')).json();
    expect(before.finalTax).toEqual({
      from: '2026-01',
      turnover: rp(FEBRUARY_TURNOVER),
      due: rp(FEBRUARY_TAX),
      posted: rp('0.00'),
    });
    expect((await close(w, '2026-02')).statusCode).toBe(200);
    const income = (await w.get('reports/income-statement?from=2026-02-01&to=2026-02-28')).json();
    expect(income.revenue.amount).toEqual(rp(FEBRUARY_TURNOVER));
    expect(income.taxExpense.amount).toEqual(rp(FEBRUARY_TAX));
    expect(income.taxExpense.accounts).toEqual([{ code: '6-301', name: expect.any(Object), amount: rp(FEBRUARY_TAX) }]);
    expect(income.finalTax.posted).toEqual(rp(FEBRUARY_TAX));
    const minor = (m: { amount: string }) => Math.round(Number(m.amount) * 100);
    expect(minor(income.profit)).toBe(minor(income.profitBeforeTax) - minor(income.taxExpense.amount));
    const position = (await w.get('reports/financial-position?at=2026-02-28')).json();
    expect(position.balanced).toBe(true);
    const other = position.liabilities.lines.find((l: { line: string }) => l.line === 'other_liabilities');
    expect(other.accounts).toEqual([{ code: '2-102', name: expect.any(Object), amount: rp(FEBRUARY_TAX) }]);
    const notes = (await w.get('reports/notes?from=2026-02-01&to=2026-02-28')).json();
    const note = notes.details.find((d: { line: string }) => d.line === 'tax_expense');
    expect(note.amount).toEqual(income.taxExpense.amount);
    expect(note.accounts).toEqual([expect.objectContaining({ code: '6-301', amount: rp(FEBRUARY_TAX) })]);
    // Closing again later accrues nothing twice.
    expect((await close(w, '2026-03')).statusCode).toBe(200);
    const again = (await w.get('reports/income-statement?from=2026-02-01&to=2026-02-28')).json();
    expect(again.taxExpense.amount).toEqual(rp(FEBRUARY_TAX));
  });

  it('"Bayar PPh final" accrues the month’s tax if needed and pays it once from cash', async () => {
    const w = await booksWorld(t);
    await salakYear(w);
    expect((await settings(w, '2026-02')).statusCode).toBe(200);
    const paid = await pay(w, { month: '2026-02', date: '2026-03-10' });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json()).toMatchObject({
      kind: 'final_tax_paid',
      date: '2026-03-10',
      lines: [
        { accountCode: '2-102', debit: rp(FEBRUARY_TAX), credit: null },
        { accountCode: '1-101', debit: null, credit: rp(FEBRUARY_TAX) },
      ],
    });
    const income = (await w.get('reports/income-statement?from=2026-02-01&to=2026-02-28')).json();
    expect(income.taxExpense.amount).toEqual(rp(FEBRUARY_TAX));
    const position = (await w.get('reports/financial-position?at=2026-03-31')).json();
    expect(position.balanced).toBe(true);
    expect(position.liabilities.lines.find((l: { line: string }) => l.line === 'other_liabilities')).toBeUndefined();
    const twice = await pay(w, { month: '2026-02', date: '2026-03-11' });
    expect(twice.statusCode).toBe(422);
    expect(twice.json()).toMatchObject({ type: '/problems/final-tax-nothing-due' });
    // January is before the chosen month; a month still running is not paid yet.
    expect((await pay(w, { month: '2026-01', date: '2026-03-11' })).json().type).toBe('/problems/final-tax-off');
    const running = new Date().toISOString().slice(0, 7);
    expect((await settings(w, '2026-01')).statusCode).toBe(200);
    expect((await pay(w, { month: running, date: '2026-03-11' })).json().type).toBe('/problems/period-not-ended');
  });

  it('is set by those who keep the books only; a member reads it, another regency’s facilitator sees nothing', async () => {
    const w = await booksWorld(t);
    const member = await w.as('group_member', { groupId: w.group });
    const lombokFacilitator = await w.as('facilitator', { areaCode: '52.01' });
    const karangasem = await w.as('facilitator', { areaCode: '51.07' });
    expect((await settings(w, '2026-01', member)).statusCode).toBe(403);
    expect((await settings(w, '2026-01', lombokFacilitator)).statusCode).toBe(404);
    expect((await settings(w, '2026-01', karangasem)).statusCode).toBe(200);
    expect((await w.get('books', member)).json()).toMatchObject({
      finalTaxFrom: '2026-01',
      abilities: { read: true, settings: false },
    });
    expect((await w.get('books')).json().abilities.settings).toBe(true);
    const bad = await settings(w, '2026-13');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('finalTaxFrom');
    expect((await settings(w, null)).json().finalTaxFrom).toBeNull();
  });
});

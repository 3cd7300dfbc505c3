import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { buildGroup, buildProduct, system } from '../../../test/factories.js';
import { listAssets } from '../modules/business/assets.service.js';
import { inventoryCheck } from '../modules/business/inventory.service.js';
import { getFinancialPosition, getIncomeStatement } from '../modules/business/reports.service.js';
import { seedBooks, seedCooperativeBooks } from './seed-books.js';

const t = useTestApp();

describe('demo books', () => {
  it('records three months of the salak group that balance, with a profit and the first month closed', async () => {
    const db = t.database.db;
    const product = await buildProduct(db);
    const ctx = { ...system(db), clock: { now: () => new Date('2026-11-28T03:00:00Z') } };
    const posted = await seedBooks(ctx, { groupId: product.groupId, productId: product.id }, ctx.clock.now());
    // 3 opening entries, 10 a month (purchases, wages, the batch, sales, payments) and 3 depreciations.
    expect(posted).toBe(36);
    const income = await getIncomeStatement(ctx, product.groupId, { from: '2026-08-01', to: '2026-10-31' });
    // Each month: 100 packs sold for Rp 1,290,000 at their batch cost of Rp 1,000,000 (wages and
    // energy absorbed into it), less Rp 50,000 interest; less the fryer's Rp 400,000 depreciation.
    expect(income.revenue.amount.amount).toBe('3870000.00');
    expect(income.profit.amount).toBe('320000.00');
    for (const at of ['2026-08-31', '2026-09-30', '2026-10-31']) {
      const position = await getFinancialPosition(ctx, product.groupId, at);
      expect(position.balanced).toBe(true);
      const check = await inventoryCheck(ctx, product.groupId, at);
      expect(check).toMatchObject({ tracksBatches: true, agrees: true });
    }
    const [book] = await db.query<{ closed_through: string }>(
      `SELECT to_char(closed_through, 'YYYY-MM-DD') AS closed_through FROM ledger_books WHERE group_id = $1`,
      [product.groupId],
    );
    expect(book!.closed_through).toBe('2026-08-31');
  });

  it('depreciates the Rp 8.5 M fryer monthly and takes no balance below zero', async () => {
    const db = t.database.db;
    const product = await buildProduct(db);
    const ctx = { ...system(db), clock: { now: () => new Date('2026-11-28T03:00:00Z') } };
    await seedBooks(ctx, { groupId: product.groupId, productId: product.id }, ctx.clock.now());
    const assets = await listAssets(ctx, product.groupId, '2026-10-31');
    expect(assets.items).toMatchObject([
      {
        cost: { amount: '8500000.00' },
        lifeMonths: 60,
        accumulatedDepreciation: { amount: '400000.00' },
        netBookValue: { amount: '8100000.00' },
        depreciatedThrough: '2026-10',
      },
    ]);
    // Every account's balance on its own side, on every day of the three months, is zero or more.
    const negative = await db.query<{ code: string; day: string }>(
      `SELECT a.code, to_char(d.day, 'YYYY-MM-DD') AS day
         FROM ledger_accounts a
         CROSS JOIN generate_series('2026-08-01'::date, '2026-10-31'::date, '1 day') AS d(day)
         JOIN journal_lines l ON l.account_id = a.id AND l.entry_date <= d.day
        WHERE a.group_id = $1 AND a.role IN ('cash', 'bank', 'materials', 'finished_goods', 'receivables', 'payables')
        GROUP BY a.code, a.type, d.day
       HAVING CASE WHEN a.type = 'asset' THEN sum(l.debit - l.credit) ELSE sum(l.credit - l.debit) END < 0`,
      [product.groupId],
    );
    expect(negative).toEqual([]);
  });

  it('records the cooperative’s members’ savings and its final tax, balanced', async () => {
    const db = t.database.db;
    const koperasi = await buildGroup(db, { name: 'Kelompok Batik Tulis Kauman' });
    // The factory registers a farmer group; this one is a koperasi before its books open.
    await db.query(`UPDATE producer_groups SET kind = 'cooperative' WHERE id = $1`, [koperasi.id]);
    const ctx = { ...system(db), clock: { now: () => new Date('2026-11-28T03:00:00Z') } };
    const members = ['Siti Khotijah', 'Ahmad Rifai', 'Muhammad Fauzan', 'Nur Laila'];
    const posted = await seedCooperativeBooks(ctx, { groupId: koperasi.id, members }, ctx.clock.now());
    // 4 simpanan pokok, 1 sukarela in, 5 a month, 1 sukarela out, August's final tax and its payment.
    expect(posted).toBe(23);
    const [entries] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM journal_entries WHERE group_id = $1',
      [koperasi.id],
    );
    expect(entries!.n).toBe(posted);
    const position = await getFinancialPosition(ctx, koperasi.id, '2026-10-31');
    expect(position.balanced).toBe(true);
    const amountOf = (line: string) =>
      [...position.liabilities.lines, ...position.equity.lines].find((l) => l.line === line)?.amount.amount;
    expect(amountOf('principal_savings')).toBe('400000.00');
    expect(amountOf('mandatory_savings')).toBe('240000.00');
    expect(amountOf('member_savings')).toBe('150000.00');
    const august = await getIncomeStatement(ctx, koperasi.id, { from: '2026-08-01', to: '2026-08-31' });
    expect(august.revenue.amount.amount).toBe('2400000.00');
    expect(august.taxExpense.amount.amount).toBe('12000.00');
    // Accrued and paid: nothing of August's tax is left owed.
    expect(amountOf('other_liabilities')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { buildGroup, system } from '../../../test/factories.js';
import { getFinancialPosition, getIncomeStatement } from '../modules/business/reports.service.js';
import { seedBooks } from './seed-books.js';

const t = useTestApp();

describe('demo books', () => {
  it('records three months of the salak group that balance, with a profit and the first month closed', async () => {
    const db = t.database.db;
    const group = await buildGroup(db);
    const ctx = system(db);
    const posted = await seedBooks(ctx, group.id, new Date('2026-11-28T03:00:00Z'));
    expect(posted).toBe(33);
    const income = await getIncomeStatement(ctx, group.id, { from: '2026-08-01', to: '2026-10-31' });
    // Each month: 80 packs sold for Rp 1,032,000 at a materials cost of Rp 480,000, less Rp 420,000
    // of wages, electricity and interest.
    expect(income.revenue.amount.amount).toBe('3096000.00');
    expect(income.profit.amount).toBe('396000.00');
    const position = await getFinancialPosition(ctx, group.id, '2026-10-31');
    expect(position.balanced).toBe(true);
    const [book] = await db.query<{ closed_through: string }>(
      `SELECT to_char(closed_through, 'YYYY-MM-DD') AS closed_through FROM ledger_books WHERE group_id = $1`,
      [group.id],
    );
    expect(book!.closed_through).toBe('2026-08-31');
  });
});

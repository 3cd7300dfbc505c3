import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { postgresUrl } from '../../../../test/database.js';
import { buildProduct, system } from '../../../../test/factories.js';
import type { Database, Queryable } from '../../db/database.js';
import { addAccount } from './books.service.js';
import { postJournalEntry, recordTransaction } from './journal.service.js';
import { getFinancialPosition, getIncomeStatement } from './reports.service.js';

const t = useTestApp();
const clock = { now: () => new Date('2026-03-20T03:00:00Z') };
const rp = (amount: string) => ({ amount, currency: 'IDR' });

/**
 * The database as a report sees it, with `between` run (and committed, on another connection) just
 * before the report's first query of balances (month balances or journal lines): after it has read the
 * chart of accounts.
 */
function interleaved(db: Database, between: () => Promise<void>): Database {
  let done = false;
  const hooked = (q: Queryable): Queryable['query'] =>
    (async (text: string, params?: readonly unknown[]) => {
      if (!done && /FROM (journal_lines|ledger_month_balances)/.test(text)) {
        done = true;
        await between();
      }
      return q.query(text, params);
    }) as Queryable['query'];
  return {
    kind: db.kind,
    query: hooked(db),
    transaction: (fn) => db.transaction((tx) => fn({ query: hooked(tx) })),
    close: () => db.close(),
  };
}

// Only PostgreSQL has a second connection to commit on while the report's transaction is open.
describe.runIf(postgresUrl)('a report read while the treasurer posts', () => {
  it('sees one snapshot: an account added and used between its queries is in neither or both', async () => {
    const db = t.database.db;
    const product = await buildProduct(db);
    const group = product.groupId;
    const keeper = { ...system(db), clock };
    await recordTransaction(keeper, group, {
      kind: 'owner_capital',
      date: '2026-03-02',
      amount: rp('1000000'),
      via: 'cash',
      memo: 'Modal awal',
    });
    // Between the report's chart and its balances: a new expense account, and a payment booked to it.
    let posted = false;
    const reader = {
      ...keeper,
      db: interleaved(db, async () => {
        await addAccount(keeper, group, { code: '6-190', name: { id: 'Biaya rapat' }, line: 'expenses' });
        await postJournalEntry(keeper, group, {
          date: '2026-03-10',
          memo: 'Rapat anggota',
          lines: [
            { accountCode: '6-190', debit: '50000' },
            { accountCode: '1-101', credit: '50000' },
          ],
        });
        posted = true;
      }),
    };
    const position = await getFinancialPosition(reader, group, '2026-03-31');
    expect(posted).toBe(true);
    // The report was taken before the payment: cash as paid in, and it balances.
    expect(position.balanced).toBe(true);
    expect(position.assets.total.amount).toBe('1000000.00');
    // A report after it sees the payment.
    const after = await getIncomeStatement(keeper, group, { from: '2026-03-01', to: '2026-03-31' });
    expect(after.expenses.amount.amount).toBe('50000.00');
  });
});

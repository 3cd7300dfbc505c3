import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { booksWorld, rp, salakYear, type BooksWorld } from '../../../../test/books-fixtures.js';
import { drift, expectSameAsFullScan } from '../../../../test/ledger-oracle.js';
import { addDays } from '../../../shared/dates.js';
import { migrate } from '../../db/migrate.js';
import { splitRange } from './ledger.repository.js';

const t = useTestApp();
const RUNS = Number(process.env.OVOP_MONTHS_RUNS ?? 6);

describe('splitting a range into whole months and edge days', () => {
  it('reads whole months from the balances and only the days around them from the lines', () => {
    expect(splitRange({ from: '2026-01-15', to: '2026-04-10' })).toEqual({
      months: ['2026-02-01', '2026-04-01'],
      lines: [
        ['2026-01-15', '2026-02-01'],
        ['2026-04-01', '2026-04-11'],
      ],
    });
    expect(splitRange({ from: '2026-01-01', to: '2026-12-31' })).toEqual({
      months: ['2026-01-01', '2027-01-01'],
      lines: [],
    });
    expect(splitRange({ from: null, to: '2026-03-31' })).toEqual({ months: [null, '2026-04-01'], lines: [] });
    expect(splitRange({ from: null, to: '2026-03-30' })).toEqual({
      months: [null, '2026-03-01'],
      lines: [['2026-03-01', '2026-03-31']],
    });
    expect(splitRange({ from: '2026-03-02', to: '2026-03-30' })).toEqual({
      months: null,
      lines: [['2026-03-02', '2026-03-31']],
    });
    expect(splitRange({ from: '2026-03-02', to: '2026-03-01' })).toEqual({ months: null, lines: [] });
  });
});

describe('monthly balances of the journal', () => {
  it('equal a recount of the lines after postings and a reversal, month by month', async () => {
    const w = await booksWorld(t);
    await salakYear(w);
    const journal = (await w.get('journal')).json();
    const sale = journal.items.find((e: { kind: string }) => e.kind === 'cash_sale');
    const reversed = await t.request({
      method: 'POST',
      url: `/api/v1/groups/${w.group}/journal/${sale.id}/reverse`,
      as: w.manager,
      payload: {},
    });
    expect(reversed.statusCode, reversed.body).toBe(201);
    const db = t.database.db;
    const [kept] = await db.query<{ n: number; months: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT month)::int AS months FROM ledger_month_balances WHERE group_id = $1`,
      [w.group],
    );
    expect(kept!.months).toBe(3);
    expect(kept!.n).toBeGreaterThan(10);
    expect(await drift(db)).toEqual([]);
  });

  it('lose no posting when many post to one group and month at once', async () => {
    const w = await booksWorld(t);
    await w.record({ kind: 'owner_capital', date: '2026-03-01', amount: rp('1000000'), memo: 'Modal' });
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.request({
          method: 'POST',
          url: `/api/v1/groups/${w.group}/transactions`,
          as: w.manager,
          payload: {
            kind: 'cash_sale',
            date: `2026-03-${String(2 + i).padStart(2, '0')}`,
            amount: rp(`${1000 + i}`),
            memo: `Jual ${i}`,
          },
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 201));
    const db = t.database.db;
    const [cash] = await db.query<{ debit: string }>(
      `SELECT m.debit::text AS debit FROM ledger_month_balances m JOIN ledger_accounts a ON a.id = m.account_id
       WHERE m.group_id = $1 AND a.role = 'cash' AND m.month = '2026-03-01'`,
      [w.group],
    );
    // Capital 1,000,000 and twelve sales of 1,000 + i rupiah, in minor units.
    expect(cash!.debit).toBe(String((1_000_000 + 12 * 1000 + 66) * 100));
    expect(await drift(db)).toEqual([]);
  });

  it('lose no line when transactions write lines of one account and month side by side, past the books lock', async () => {
    const w = await booksWorld(t);
    await w.record({ kind: 'owner_capital', date: '2026-03-01', amount: rp('1000000'), memo: 'Modal' });
    const db = t.database.db;
    const [user] = await db.query<{ id: string }>('SELECT id FROM users LIMIT 1');
    const accounts = await db.query<{ id: string; role: string }>(
      `SELECT id, role FROM ledger_accounts WHERE group_id = $1 AND role IN ('cash', 'sales')`,
      [w.group],
    );
    const role = (r: string) => accounts.find((a) => a.role === r)!.id;
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        db.transaction(async (tx) => {
          await tx.query(
            `INSERT INTO journal_entries (id, group_id, entry_no, entry_date, kind, memo, posted_by)
             SELECT gen_random_uuid(), $1, 1000 + $2 * 10 + s, date '2026-03-05' + s, 'journal', 'side by side', $3
             FROM generate_series(0, 4) s`,
            [w.group, i, user!.id],
          );
          await tx.query(
            `INSERT INTO journal_lines (entry_id, line_no, account_id, debit, credit, group_id, entry_date)
             SELECT e.id, s.n, CASE WHEN s.n = 1 THEN $3::uuid ELSE $4::uuid END,
               CASE WHEN s.n = 1 THEN 100 ELSE 0 END, CASE WHEN s.n = 2 THEN 100 ELSE 0 END, e.group_id, e.entry_date
             FROM journal_entries e CROSS JOIN (VALUES (1), (2)) AS s(n)
             WHERE e.group_id = $1 AND e.entry_no BETWEEN 1000 + $2 * 10 AND 1004 + $2 * 10`,
            [w.group, i, role('cash'), role('sales')],
          );
        }),
      ),
    );
    const [sales] = await db.query<{ credit: string }>(
      `SELECT credit::text FROM ledger_month_balances WHERE account_id = $1 AND month = '2026-03-01'`,
      [role('sales')],
    );
    expect(sales!.credit).toBe(String(8 * 5 * 100));
    expect(await drift(db)).toEqual([]);
  });

  it('are filled from the lines already posted when the migration runs', async () => {
    const w = await booksWorld(t);
    await salakYear(w);
    const db = t.database.db;
    // Back to the schema before month balances, with the lines posted, then the migration again. The
    // read model a later migration built on the balances (profit by month) goes first and comes back after.
    const [profit] = await db.query<{ definition: string }>(
      "SELECT pg_get_viewdef('business_profit_months') AS definition",
    );
    await db.query('DROP VIEW business_profit_months');
    await db.query('DROP TRIGGER journal_lines_month_balances ON journal_lines');
    await db.query('DROP FUNCTION ledger_month_balances_add()');
    await db.query('DROP TABLE ledger_month_balances');
    await db.query('DROP INDEX journal_lines_group_date');
    await db.query(`DELETE FROM schema_migrations WHERE name = '0020_ledger_month_balances.sql'`);
    expect(await migrate(db)).toEqual(['0020_ledger_month_balances.sql']);
    await db.query(`CREATE VIEW business_profit_months AS ${profit!.definition}`);
    const [kept] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM ledger_month_balances WHERE group_id = $1',
      [w.group],
    );
    expect(kept!.n).toBeGreaterThan(10);
    expect(await drift(db)).toEqual([]);
  });

  it('cannot drift: a posted line is never changed or deleted', async () => {
    const w = await booksWorld(t);
    await salakYear(w);
    const db = t.database.db;
    await expect(db.query(`UPDATE journal_lines SET debit = debit + 1 WHERE debit > 0`)).rejects.toThrow(
      /never changed/,
    );
    await expect(db.query(`DELETE FROM journal_lines`)).rejects.toThrow(/never changed/);
    expect(await drift(db)).toEqual([]);
  });
});

const posting = fc.record({
  kind: fc.constantFrom('owner_capital', 'cash_sale', 'expense', 'owner_drawing', 'material_purchase'),
  day: fc.integer({ min: 0, max: 690 }),
  amount: fc.integer({ min: 1, max: 5_000_000 }),
});

async function post(w: BooksWorld, p: { kind: string; day: number; amount: number }) {
  const date = addDays('2025-01-01', p.day);
  const payload: Record<string, unknown> = { kind: p.kind, date, amount: rp(String(p.amount)), memo: 'acak' };
  const r = await t.request({ method: 'POST', url: `/api/v1/groups/${w.group}/transactions`, as: w.manager, payload });
  // A guard may refuse a spend beyond the cash held: refused postings write nothing.
  if (r.statusCode !== 201) expect(r.statusCode, r.body).toBe(422);
}

describe('statements from monthly balances', () => {
  it('equal the full scan of the lines at random dates, after random postings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(posting, { minLength: 3, maxLength: 15 }),
        fc.array(fc.tuple(fc.integer({ min: -400, max: 760 }), fc.integer({ min: -400, max: 760 })), {
          minLength: 3,
          maxLength: 6,
        }),
        async (postings, dates) => {
          await t.database.reset();
          const w = await booksWorld(t);
          await w.record({ kind: 'owner_capital', date: '2025-01-01', amount: rp('20000000'), memo: 'Modal' });
          for (const p of postings) await post(w, p);
          expect(await drift(t.database.db)).toEqual([]);
          for (const [a, b] of dates) {
            await expectSameAsFullScan(t.database.db, w.group, addDays('2025-01-01', a), addDays('2025-01-01', b));
          }
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 600_000);
});

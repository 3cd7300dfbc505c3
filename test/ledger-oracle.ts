import { expect } from 'vitest';
import type { Queryable } from '../src/server/db/database.js';
import { ledgerRepository } from '../src/server/modules/business/ledger.repository.js';
import { reportsRepository } from '../src/server/modules/business/reports.repository.js';
import { yearBefore } from '../src/server/modules/business/reports.service.js';

/**
 * Oracles for the books' monthly balances: the naive recount of journal_lines that the month
 * balances and the statements read from them must always equal.
 */

/** Month balances that differ from a naive recount of every journal line (none when kept right). */
export async function drift(db: Queryable) {
  return db.query(
    `WITH naive AS (
       SELECT group_id, account_id, date_trunc('month', entry_date)::date AS month, sum(debit) AS debit,
         sum(credit) AS credit
       FROM journal_lines GROUP BY 1, 2, 3)
     SELECT group_id, account_id, to_char(month, 'YYYY-MM') AS month, n.debit::text AS naive_debit,
       m.debit::text AS kept_debit, n.credit::text AS naive_credit, m.credit::text AS kept_credit
     FROM naive n FULL JOIN ledger_month_balances m USING (group_id, account_id, month)
     WHERE n.debit IS DISTINCT FROM m.debit OR n.credit IS DISTINCT FROM m.credit`,
  );
}

/** The statements' query before month balances: one full scan of the group's lines (the oracle). */
async function fullScan(db: Queryable, groupId: string, cuts: { split: string; to: string }[]) {
  const last = cuts.reduce((latest, c) => (c.to > latest ? c.to : latest), cuts[0]!.to);
  const columns = cuts.map(
    (_, i) => `coalesce(sum(debit) FILTER (WHERE entry_date < $${3 + 2 * i}::date), 0)::text AS debit_before_${i},
      coalesce(sum(credit) FILTER (WHERE entry_date < $${3 + 2 * i}::date), 0)::text AS credit_before_${i},
      coalesce(sum(debit) FILTER (WHERE entry_date >= $${3 + 2 * i}::date AND entry_date <= $${4 + 2 * i}::date), 0)::text
        AS debit_${i},
      coalesce(sum(credit) FILTER (WHERE entry_date >= $${3 + 2 * i}::date AND entry_date <= $${4 + 2 * i}::date), 0)::text
        AS credit_${i}`,
  );
  const rows = await db.query<Record<string, string>>(
    `SELECT account_id, ${columns.join(', ')} FROM journal_lines WHERE group_id = $1 AND entry_date <= $2::date
     GROUP BY account_id`,
    [groupId, last, ...cuts.flatMap((c) => [c.split, c.to])],
  );
  return cuts.map((_, i) =>
    rows.map((r) => ({
      account_id: r.account_id!,
      debit_before: r[`debit_before_${i}`]!,
      credit_before: r[`credit_before_${i}`]!,
      debit: r[`debit_${i}`]!,
      credit: r[`credit_${i}`]!,
    })),
  );
}

/** Per account, its non-zero figures: rows of accounts with nothing in range drop out. */
const figures = <R extends { account_id: string }>(rows: R[], keys: readonly (keyof R & string)[]) =>
  Object.fromEntries(
    rows
      .map((r) => [r.account_id, keys.map((k) => String(r[k])).join(' ')] as const)
      .filter(([, v]) => v.split(' ').some((x) => x !== '0'))
      .sort(([a], [b]) => a.localeCompare(b)),
  );

const SPLIT_KEYS = ['debit_before', 'credit_before', 'debit', 'credit'] as const;

const cashIds = async (db: Queryable, groupId: string) =>
  (
    await db.query<{ id: string }>(
      `SELECT id FROM ledger_accounts WHERE group_id = $1 AND line = 'cash_and_equivalents'`,
      [groupId],
    )
  ).map((r) => r.id);

/** Every way the reports read the books at a date and over a period equals the full scan. */
export async function expectSameAsFullScan(db: Queryable, groupId: string, at: string, from: string) {
  const yearStart = (d: string) => `${d.slice(0, 4)}-01-01`;
  const positionCuts = [
    { split: yearStart(at), to: at },
    { split: yearStart(yearBefore(at)), to: yearBefore(at) },
  ];
  const kept = await reportsRepository.balancesSplit(db, groupId, positionCuts);
  const naive = await fullScan(db, groupId, positionCuts);
  for (const i of [0, 1])
    expect(figures(kept[i]!, SPLIT_KEYS), `position ${at}`).toEqual(figures(naive[i]!, SPLIT_KEYS));

  const [lo, hi] = from <= at ? [from, at] : [at, from];
  const periodCuts = [
    { split: lo, to: hi },
    { split: yearBefore(lo), to: yearBefore(hi) },
  ];
  const keptPeriod = await reportsRepository.balancesSplit(db, groupId, periodCuts, { periodOnly: true });
  const naivePeriod = await fullScan(db, groupId, periodCuts);
  for (const i of [0, 1]) {
    expect(figures(keptPeriod[i]!, ['debit', 'credit']), `period ${lo}..${hi}`).toEqual(
      figures(naivePeriod[i]!, ['debit', 'credit']),
    );
  }

  const open = await ledgerRepository.balances(db, groupId, null, at);
  expect(figures(open, ['debit', 'credit']), `balances through ${at}`).toEqual(
    figures(
      naive[0]!.map((r) => ({
        account_id: r.account_id,
        debit: String(BigInt(r.debit_before) + BigInt(r.debit)),
        credit: String(BigInt(r.credit_before) + BigInt(r.credit)),
      })),
      ['debit', 'credit'],
    ),
  );
  const ranged = await ledgerRepository.balances(db, groupId, lo, hi);
  expect(figures(ranged, ['debit', 'credit']), `balances ${lo}..${hi}`).toEqual(
    figures(naivePeriod[0]!, ['debit', 'credit']),
  );

  const ids = await cashIds(db, groupId);
  const [naiveNet] = await db.query<{ net: string }>(
    `SELECT coalesce(sum(debit) - sum(credit), 0)::text AS net FROM journal_lines
     WHERE group_id = $1 AND account_id = ANY($2::uuid[]) AND entry_date < $3::date`,
    [groupId, ids, at],
  );
  expect(await reportsRepository.netBefore(db, groupId, ids, at), `cash before ${at}`).toBe(BigInt(naiveNet!.net));
}

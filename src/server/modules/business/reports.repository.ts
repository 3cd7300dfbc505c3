import type { Queryable } from '../../db/database.js';
import { query, sql } from '../../db/sql.js';
import { addDays } from '../../../shared/dates.js';
import { rangeTotals, type DateRange } from './ledger.repository.js';

/** Debit and credit totals of one account before a date and from it through another. */
export interface SplitBalanceRow {
  account_id: string;
  debit_before: string;
  credit_before: string;
  debit: string;
  credit: string;
}

export interface OfficerRow {
  name: string;
  role: 'chair' | 'treasurer';
}

export interface CashMovementRow {
  id: string;
  entry_no: number;
  entry_date: string;
  kind: string;
  memo: string;
  details: Record<string, unknown>;
  reverses_id: string | null;
  /** Debits less credits on the chosen cash accounts in this entry (minor units). */
  net: string;
}

/** The report queries: read-only, one grouped pass over the report index each. */
export const reportsRepository = {
  /**
   * Per account and per cut, totals before the cut's `split` and from `split` through its `to`: a
   * statement of financial position splits profit of past years (retained earnings) from this
   * year's, and its comparative column needs the same a year earlier. All cuts come from ONE query,
   * answered in the order of `cuts`: whole months from the month balances, the days around them
   * from the lines. With `periodOnly` the totals before a split are not read and answer zero: for
   * an income statement, which reads only its periods.
   */
  async balancesSplit(
    db: Queryable,
    groupId: string,
    cuts: readonly { split: string; to: string }[],
    { periodOnly = false } = {},
  ): Promise<SplitBalanceRow[][]> {
    const ranges: DateRange[] = cuts.flatMap(({ split, to }) => [
      ...(periodOnly ? [] : [{ from: null, to: addDays(split, -1) }]),
      { from: split, to },
    ]);
    const rows = await rangeTotals(db, groupId, ranges);
    const width = periodOnly ? 1 : 2;
    return cuts.map((_, i) =>
      rows.map((r) => {
        const at = i * width;
        return {
          account_id: r.account_id!,
          debit_before: periodOnly ? '0' : r[`debit_${at}`]!,
          credit_before: periodOnly ? '0' : r[`credit_${at}`]!,
          debit: r[`debit_${at + width - 1}`]!,
          credit: r[`credit_${at + width - 1}`]!,
        };
      }),
    );
  },

  /** The group's chair and treasurer on a date (registry's read model), for the signature block. */
  async officers(db: Queryable, groupId: string, on: string): Promise<OfficerRow[]> {
    return query<OfficerRow>(
      db,
      sql`SELECT name, role FROM registry_members
        WHERE group_id = ${groupId} AND role IN ('chair', 'treasurer')
          AND (joined_on IS NULL OR joined_on <= ${on}::date) AND (left_on IS NULL OR left_on > ${on}::date)
        ORDER BY joined_on DESC NULLS LAST, name`,
    );
  },

  /** Debits less credits on some accounts dated before a day: the cash book's opening balance. */
  async netBefore(db: Queryable, groupId: string, accountIds: string[], before: string): Promise<bigint> {
    const rows = await rangeTotals(db, groupId, [{ from: null, to: addDays(before, -1) }], accountIds);
    return rows.reduce((net, r) => net + BigInt(r.debit_0!) - BigInt(r.credit_0!), 0n);
  },

  /** Each entry in [from, to] that moved money on some accounts, oldest first, with what it moved. */
  async movements(
    db: Queryable,
    groupId: string,
    accountIds: string[],
    from: string,
    to: string,
  ): Promise<CashMovementRow[]> {
    return query<CashMovementRow>(
      db,
      sql`SELECT e.id, e.entry_no, to_char(e.entry_date, 'YYYY-MM-DD') AS entry_date, e.kind, e.memo, e.details,
          e.reverses_id, m.net::text AS net
        FROM (SELECT entry_id, sum(debit) - sum(credit) AS net FROM journal_lines
              WHERE group_id = ${groupId} AND account_id = ANY(${accountIds}::uuid[])
                AND entry_date >= ${from}::date AND entry_date <= ${to}::date
              GROUP BY entry_id) m
        JOIN journal_entries e ON e.id = m.entry_id
        WHERE m.net <> 0
        ORDER BY e.entry_date, e.entry_no`,
    );
  },
};

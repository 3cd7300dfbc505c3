import type { Queryable } from '../../db/database.js';
import { joinSql, query, rawSql, sql } from '../../db/sql.js';

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
   * year's, and its comparative column needs the same a year earlier. All cuts come from ONE pass
   * over the group's lines, answered in the order of `cuts`. With `periodOnly` nothing before the
   * earliest split is read, so the totals before a split are partial: for an income statement, which
   * reads only its periods.
   */
  async balancesSplit(
    db: Queryable,
    groupId: string,
    cuts: readonly { split: string; to: string }[],
    { periodOnly = false } = {},
  ): Promise<SplitBalanceRow[][]> {
    const last = cuts.reduce((latest, c) => (c.to > latest ? c.to : latest), cuts[0]!.to);
    const first = cuts.reduce((earliest, c) => (c.split < earliest ? c.split : earliest), cuts[0]!.split);
    const since = periodOnly ? sql` AND entry_date >= ${first}::date` : sql``;
    const columns = cuts.map(
      ({ split, to }, i) =>
        sql`coalesce(sum(debit) FILTER (WHERE entry_date < ${split}::date), 0)::text AS ${rawSql(`debit_before_${i}`)},
          coalesce(sum(credit) FILTER (WHERE entry_date < ${split}::date), 0)::text AS ${rawSql(`credit_before_${i}`)},
          coalesce(sum(debit) FILTER (WHERE entry_date >= ${split}::date AND entry_date <= ${to}::date), 0)::text
            AS ${rawSql(`debit_${i}`)},
          coalesce(sum(credit) FILTER (WHERE entry_date >= ${split}::date AND entry_date <= ${to}::date), 0)::text
            AS ${rawSql(`credit_${i}`)}`,
    );
    const rows = await query<Record<string, string>>(
      db,
      sql`SELECT account_id, ${joinSql(columns, ', ')}
        FROM journal_lines WHERE group_id = ${groupId} AND entry_date <= ${last}::date${since}
        GROUP BY account_id`,
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
    const [row] = await query<{ net: string }>(
      db,
      sql`SELECT coalesce(sum(debit) - sum(credit), 0)::text AS net FROM journal_lines
        WHERE group_id = ${groupId} AND account_id = ANY(${accountIds}::uuid[]) AND entry_date < ${before}::date`,
    );
    return BigInt(row?.net ?? '0');
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

import type { Queryable } from '../../db/database.js';
import { joinSql, query, rawSql, sql, type Sql } from '../../db/sql.js';
import { addDays } from '../../../shared/dates.js';
import type { AccountType } from './chart-templates.js';
import { readOnce, rememberOnce } from '../../http/batch-memo.js';

export interface AccountRow {
  id: string;
  group_id: string;
  code: string;
  name: Record<string, string>;
  type: AccountType;
  line: string;
  contra: boolean;
  role: string | null;
  /** A bank account the group may deliberately take below zero. */
  overdraft: boolean;
}

export interface BookRow {
  group_id: string;
  currency: string;
  closed_through: string | null;
  /** The first month (`YYYY-MM`) the UMKM final tax applies to; null when the group does not use it. */
  final_tax_from: string | null;
}

/** The books as held by `lock`, with the number the next entry takes. */
export type LockedBook = BookRow & { next_entry_no: number };

export interface EntryRow {
  id: string;
  group_id: string;
  entry_no: number;
  entry_date: string;
  kind: string;
  memo: string;
  details: Record<string, unknown>;
  source_type: string | null;
  source_id: string | null;
  reverses_id: string | null;
  reversed_by: string | null;
  posted_by: string;
  posted_at: Date;
}

export interface LineRow {
  entry_id: string;
  line_no: number;
  account_id: string;
  code: string;
  name: Record<string, string>;
  /** The account's class: a sale posts cost of goods when a cost_of_goods line is among its lines. */
  type: string;
  debit: string;
  credit: string;
}

/** An account's debit-minus-credit balance on a date, and its lowest and highest balance on any later date. */
export interface HeadroomRow {
  account_id: string;
  at_date: string;
  min_after: string | null;
  max_after: string | null;
}

/** Debit and credit totals of one account over a range of dates. */
export interface BalanceRow {
  account_id: string;
  debit: string;
  credit: string;
}

export interface NewLine {
  accountId: string;
  debit: bigint;
  credit: bigint;
}

/** Dates from `from` (null: since the books began) through `to`, both included. */
export interface DateRange {
  from: string | null;
  to: string;
}

/** Half-open [start, end) spans of dates; a null start is open. */
type Span = [start: string | null, end: string];

const firstOfNextMonth = (date: string) => {
  const [y, m] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m!, 1)).toISOString().slice(0, 10);
};

/**
 * How a range is read: the whole calendar months inside it from ledger_month_balances, and the
 * days before the first and after the last whole month from journal_lines.
 */
export function splitRange({ from, to }: DateRange): { months: Span | null; lines: Span[] } {
  const after = addDays(to, 1);
  if (from !== null && from >= after) return { months: null, lines: [] };
  const end = `${after.slice(0, 7)}-01`;
  const start = from === null || from.endsWith('-01') ? from : firstOfNextMonth(from);
  if (start !== null && start >= end) return { months: null, lines: [[from, after]] };
  const lines: Span[] = [];
  if (from !== null && from < start!) lines.push([from, start!]);
  if (end < after) lines.push([end, after]);
  return { months: [start, end], lines };
}

/** Spans joined where they overlap or touch, so that no line is read twice. */
function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && (span[0] === null || span[0] <= last[1])) last[1] = span[1] > last[1] ? span[1] : last[1];
    else merged.push([...span]);
  }
  return merged;
}

const within = (column: string, [start, end]: Span) =>
  start === null
    ? sql`${rawSql(column)} < ${end}::date`
    : sql`${rawSql(column)} >= ${start}::date AND ${rawSql(column)} < ${end}::date`;

/**
 * Per account, debit and credit totals over each range (columns `debit_<i>` and `credit_<i>`, as
 * text), in one query: whole months from ledger_month_balances, the edge days from journal_lines.
 * With `accountIds`, only those accounts.
 */
export async function rangeTotals(
  db: Queryable,
  groupId: string,
  ranges: readonly DateRange[],
  accountIds?: readonly string[],
): Promise<Record<string, string>[]> {
  const splits = ranges.map(splitRange);
  const accounts = accountIds ? sql` AND account_id = ANY(${accountIds}::uuid[])` : sql``;
  const monthSpans = splits.flatMap((s) => (s.months ? [s.months] : []));
  const sources: Sql[] = [];
  if (monthSpans.length) {
    const end = monthSpans.reduce((latest, [, e]) => (e > latest ? e : latest), monthSpans[0]![1]);
    sources.push(sql`SELECT account_id, month AS day, true AS whole, debit, credit FROM ledger_month_balances
      WHERE group_id = ${groupId}${accounts} AND month < ${end}::date`);
  }
  for (const span of mergeSpans(splits.flatMap((s) => s.lines))) {
    sources.push(sql`SELECT account_id, entry_date AS day, false AS whole, debit::numeric, credit::numeric
      FROM journal_lines WHERE group_id = ${groupId}${accounts} AND ${within('entry_date', span)}`);
  }
  if (!sources.length) return [];
  const columns = splits.map(({ months, lines }, i) => {
    const parts = [
      ...(months ? [sql`(whole AND ${within('day', months)})`] : []),
      ...lines.map((span) => sql`(NOT whole AND ${within('day', span)})`),
    ];
    const condition = parts.length ? joinSql(parts, ' OR ') : sql`false`;
    return sql`coalesce(sum(debit) FILTER (WHERE ${condition}), 0)::text AS ${rawSql(`debit_${i}`)},
      coalesce(sum(credit) FILTER (WHERE ${condition}), 0)::text AS ${rawSql(`credit_${i}`)}`;
  });
  return query<Record<string, string>>(
    db,
    sql`SELECT account_id, ${joinSql(columns, ', ')} FROM (${joinSql(sources, ' UNION ALL ')}) x GROUP BY account_id`,
  );
}

const ENTRY = `SELECT e.id, e.group_id, e.entry_no, to_char(e.entry_date, 'YYYY-MM-DD') AS entry_date, e.kind, e.memo,
  e.details, e.source_type, e.source_id, e.reverses_id, r.id AS reversed_by, e.posted_by, e.posted_at
  FROM journal_entries e LEFT JOIN journal_entries r ON r.reverses_id = e.id`;

export const ledgerRepository = {
  async book(db: Queryable, groupId: string): Promise<BookRow | undefined> {
    const rows = await db.query<BookRow>(
      `SELECT group_id, currency, to_char(closed_through, 'YYYY-MM-DD') AS closed_through, to_char(final_tax_from, 'YYYY-MM') AS final_tax_from
       FROM ledger_books WHERE group_id = $1`,
      [groupId],
    );
    return rows[0];
  },

  /**
   * Opens a group's books with its chart; answers the books opened, or nothing when another
   * command opened them first.
   */
  async open(db: Queryable, book: BookRow, chart: AccountRow[]): Promise<BookRow | undefined> {
    const [opened] = await db.query<BookRow>(
      `INSERT INTO ledger_books (group_id, currency) VALUES ($1, $2) ON CONFLICT DO NOTHING
       RETURNING group_id, currency, to_char(closed_through, 'YYYY-MM-DD') AS closed_through, to_char(final_tax_from, 'YYYY-MM') AS final_tax_from`,
      [book.group_id, book.currency],
    );
    if (!opened) return undefined;
    await db.query(
      `INSERT INTO ledger_accounts (id, group_id, code, name, type, line, contra, role)
       SELECT a.id, $1, a.code, a.name, a.type, a.line, a.contra, a.role
       FROM jsonb_to_recordset($2::jsonb)
         AS a(id uuid, code text, name jsonb, type text, line text, contra boolean, role text)`,
      [book.group_id, JSON.stringify(chart)],
    );
    return opened;
  },

  /**
   * Adds the template accounts a chart opened before them lacks (a role added to the template
   * later); an account the group holds under the same code or role stays as it is. Answers how
   * many it added.
   */
  async addMissingRoles(db: Queryable, groupId: string, chart: AccountRow[]): Promise<number> {
    const added = await db.query(
      `INSERT INTO ledger_accounts (id, group_id, code, name, type, line, contra, role)
       SELECT a.id, $1, a.code, a.name, a.type, a.line, a.contra, a.role
       FROM jsonb_to_recordset($2::jsonb)
         AS a(id uuid, code text, name jsonb, type text, line text, contra boolean, role text)
       WHERE NOT EXISTS (SELECT 1 FROM ledger_accounts x WHERE x.group_id = $1 AND (x.role = a.role OR x.code = a.code))
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [groupId, JSON.stringify(chart)],
    );
    return added.length;
  },

  /** Per account: the balance on `on`, and the lowest and highest balance at the end of any later day. */
  async headroom(db: Queryable, groupId: string, accountIds: string[], on: string): Promise<HeadroomRow[]> {
    return db.query<HeadroomRow>(
      `WITH daily AS (
         SELECT account_id, entry_date, sum(debit - credit) AS delta FROM journal_lines
         WHERE group_id = $1 AND account_id = ANY($2::uuid[]) GROUP BY account_id, entry_date),
       run AS (
         SELECT account_id, entry_date, sum(delta) OVER (PARTITION BY account_id ORDER BY entry_date) AS bal FROM daily)
       SELECT a.id AS account_id,
         coalesce((SELECT r.bal FROM run r WHERE r.account_id = a.id AND r.entry_date <= $3::date
                   ORDER BY r.entry_date DESC LIMIT 1), 0)::text AS at_date,
         (SELECT min(r.bal) FROM run r WHERE r.account_id = a.id AND r.entry_date > $3::date)::text AS min_after,
         (SELECT max(r.bal) FROM run r WHERE r.account_id = a.id AND r.entry_date > $3::date)::text AS max_after
       FROM unnest($2::uuid[]) AS a(id)`,
      [groupId, accountIds, on],
    );
  },

  /** Locks a group's books until the transaction ends: postings to one group go one at a time. */
  async lock(db: Queryable, groupId: string): Promise<LockedBook> {
    return (await this.lockIfOpen(db, groupId))!;
  },

  /**
   * The books locked for a posting, or nothing when they are not open yet. In a batch the row is
   * locked once: the lock is the batch transaction's until it ends (a request rolled back to its
   * savepoint gives it up, and the memo forgets it then), and the row is read again when any
   * statement writes ledger_books — but after a posting, which only takes the next entry number,
   * the posting puts it back as it now is (`keepLocked`).
   */
  async lockIfOpen(db: Queryable, groupId: string): Promise<LockedBook | undefined> {
    return readOnce(
      ['ledger_books'],
      `books-lock:${groupId}`,
      async () => {
        const rows = await db.query<LockedBook>(
          `SELECT group_id, currency, to_char(closed_through, 'YYYY-MM-DD') AS closed_through, to_char(final_tax_from, 'YYYY-MM') AS final_tax_from, next_entry_no
         FROM ledger_books WHERE group_id = $1 FOR UPDATE`,
          [groupId],
        );
        return rows[0];
      },
      { copy: true },
    );
  },

  /** The locked books after a posting took the next entry number: what `lockIfOpen` gives next in the batch. */
  keepLocked(book: LockedBook): void {
    rememberOnce(['ledger_books'], `books-lock:${book.group_id}`, book);
  },

  async accounts(db: Queryable, groupId: string): Promise<AccountRow[]> {
    return readOnce(['ledger_accounts'], `accounts:${groupId}`, () =>
      db.query<AccountRow>(
        `SELECT id, group_id, code, name, type, line, contra, role, overdraft FROM ledger_accounts WHERE group_id = $1
         ORDER BY code`,
        [groupId],
      ),
    );
  },

  async addAccount(db: Queryable, a: Omit<AccountRow, 'role'>): Promise<AccountRow | undefined> {
    const rows = await db.query<AccountRow>(
      `INSERT INTO ledger_accounts (id, group_id, code, name, type, line, contra, overdraft)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (group_id, code) DO NOTHING
       RETURNING id, group_id, code, name, type, line, contra, role, overdraft`,
      [a.id, a.group_id, a.code, JSON.stringify(a.name), a.type, a.line, a.contra, a.overdraft],
    );
    return rows[0];
  },

  /** Writes an entry and its lines; answers them as read back (the lines with their accounts). */
  /**
   * Writes an entry, its lines and the books' next entry number in one statement; answers the entry
   * and its lines with their accounts' codes and names.
   */
  async insertEntry(
    db: Queryable,
    e: Omit<EntryRow, 'posted_at' | 'reversed_by'>,
    lines: NewLine[],
  ): Promise<{ entry: EntryRow; lines: LineRow[] }> {
    const rows = await db.query<EntryRow & { line: LineRow | null }>(
      `WITH entry AS (
         INSERT INTO journal_entries (id, group_id, entry_no, entry_date, kind, memo, details, source_type, source_id,
           reverses_id, posted_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         RETURNING id, group_id, entry_no, to_char(entry_date, 'YYYY-MM-DD') AS entry_date, kind, memo, details,
           source_type, source_id, reverses_id, NULL::uuid AS reversed_by, posted_by, posted_at),
       ins AS (
         INSERT INTO journal_lines (entry_id, line_no, account_id, debit, credit, group_id, entry_date)
         SELECT $1, l.n, l.account_id, l.debit, l.credit, $2, $4
         FROM unnest($12::uuid[], $13::bigint[], $14::bigint[]) WITH ORDINALITY AS l(account_id, debit, credit, n)
         RETURNING entry_id, line_no, account_id, debit, credit),
       numbered AS (UPDATE ledger_books SET next_entry_no = next_entry_no + 1 WHERE group_id = $2)
       SELECT entry.*, CASE WHEN ins.line_no IS NULL THEN NULL ELSE json_build_object(
           'entry_id', ins.entry_id, 'line_no', ins.line_no, 'account_id', ins.account_id, 'code', a.code,
           'name', a.name, 'type', a.type, 'debit', ins.debit::text, 'credit', ins.credit::text) END AS line
       FROM entry LEFT JOIN (ins JOIN ledger_accounts a ON a.id = ins.account_id) ON true
       ORDER BY ins.line_no`,
      [
        e.id,
        e.group_id,
        e.entry_no,
        e.entry_date,
        e.kind,
        e.memo,
        JSON.stringify(e.details),
        e.source_type,
        e.source_id,
        e.reverses_id,
        e.posted_by,
        lines.map((l) => l.accountId),
        lines.map((l) => l.debit.toString()),
        lines.map((l) => l.credit.toString()),
      ],
    );
    const { line: _, ...entry } = rows[0]!;
    return { entry, lines: rows.flatMap((r) => (r.line ? [r.line] : [])) };
  },

  async entry(db: Queryable, id: string): Promise<EntryRow | undefined> {
    return (await db.query<EntryRow>(`${ENTRY} WHERE e.id = $1`, [id]))[0];
  },

  /** Which of these ids are journal entries'. */
  async existingEntries(db: Queryable, ids: string[]): Promise<string[]> {
    const rows = await db.query<{ id: string }>(
      'SELECT id::text AS id FROM journal_entries WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return rows.map((r) => r.id);
  },

  async entryBySource(db: Queryable, sourceType: string, sourceId: string): Promise<EntryRow | undefined> {
    return (
      await db.query<EntryRow>(`${ENTRY} WHERE e.source_type = $1 AND e.source_id = $2 AND e.reverses_id IS NULL`, [
        sourceType,
        sourceId,
      ])
    )[0];
  },

  /** Entries newest first by date and number; the cursor is the last (date, number) seen. */
  async entries(
    db: Queryable,
    groupId: string,
    f: { from?: string | undefined; to?: string | undefined; accountId?: string | undefined },
    after: [string, number] | null,
    limit: number,
  ): Promise<EntryRow[]> {
    const params: unknown[] = [groupId];
    const where = ['e.group_id = $1'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.from) add('e.entry_date >= ?', f.from);
    if (f.to) add('e.entry_date <= ?', f.to);
    if (f.accountId)
      add('EXISTS (SELECT 1 FROM journal_lines l WHERE l.entry_id = e.id AND l.account_id = ?)', f.accountId);
    if (after) {
      params.push(after[0], after[1]);
      where.push(`(e.entry_date, e.entry_no) < ($${params.length - 1}::date, $${params.length}::int)`);
    }
    params.push(limit + 1);
    return db.query<EntryRow>(
      `${ENTRY} WHERE ${where.join(' AND ')} ORDER BY e.entry_date DESC, e.entry_no DESC LIMIT $${params.length}`,
      params,
    );
  },

  async lines(db: Queryable, entryIds: string[]): Promise<LineRow[]> {
    if (!entryIds.length) return [];
    return db.query<LineRow>(
      `SELECT l.entry_id, l.line_no, l.account_id, a.code, a.name, a.type, l.debit::text AS debit, l.credit::text AS credit
       FROM journal_lines l JOIN ledger_accounts a ON a.id = l.account_id
       WHERE l.entry_id = ANY($1::uuid[]) ORDER BY l.entry_id, l.line_no`,
      [entryIds],
    );
  },

  /** Debit and credit totals per account for entries dated in [from, to]; from may be open. */
  async balances(db: Queryable, groupId: string, from: string | null, to: string): Promise<BalanceRow[]> {
    const rows = await rangeTotals(db, groupId, [{ from, to }]);
    return rows.map((r) => ({ account_id: r.account_id!, debit: r.debit_0!, credit: r.credit_0! }));
  },

  /** Closes the books through a date and records who did; answers the books as closed. */
  async close(db: Queryable, groupId: string, through: string, actorId: string): Promise<BookRow> {
    const [book] = await db.query<BookRow>(
      `UPDATE ledger_books SET closed_through = $2 WHERE group_id = $1
       RETURNING group_id, currency, to_char(closed_through, 'YYYY-MM-DD') AS closed_through, to_char(final_tax_from, 'YYYY-MM') AS final_tax_from`,
      [groupId, through],
    );
    await db.query(`INSERT INTO ledger_closings (group_id, closed_through, closed_by) VALUES ($1, $2, $3)`, [
      groupId,
      through,
      actorId,
    ]);
    return book!;
  },

  /** Turns the UMKM final tax on from a month (`YYYY-MM`) or off (null); answers the books as they are now. */
  async setFinalTax(db: Queryable, groupId: string, from: string | null): Promise<BookRow> {
    const [book] = await db.query<BookRow>(
      `UPDATE ledger_books SET final_tax_from = $2::date WHERE group_id = $1
       RETURNING group_id, currency, to_char(closed_through, 'YYYY-MM-DD') AS closed_through, to_char(final_tax_from, 'YYYY-MM') AS final_tax_from`,
      [groupId, from === null ? null : `${from}-01`],
    );
    return book!;
  },

  /**
   * Per month from `from` through `to`: turnover (revenue-line credits less debits) and the final
   * tax already accrued for it (entries of kind `final_tax`, not reversed, by `details.month`).
   */
  async finalTaxMonths(
    db: Queryable,
    groupId: string,
    from: string,
    to: string,
  ): Promise<{ month: string; turnover: string; accrued: string; paid: string }[]> {
    return db.query(
      `WITH turnover AS (
         SELECT to_char(l.entry_date, 'YYYY-MM') AS month, sum(l.credit - l.debit) AS minor
         FROM journal_lines l JOIN ledger_accounts a ON a.id = l.account_id
         WHERE l.group_id = $1 AND a.line = 'revenue' AND l.entry_date >= $2::date AND l.entry_date <= $3::date
         GROUP BY 1),
       taxed AS (
         SELECT e.details->>'month' AS month,
           sum(l.debit) FILTER (WHERE e.kind = 'final_tax' AND a.line = 'tax_expense') AS accrued,
           sum(l.debit) FILTER (WHERE e.kind = 'final_tax_paid' AND a.role = 'tax_payable') AS paid
         FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id JOIN ledger_accounts a ON a.id = l.account_id
         WHERE e.group_id = $1 AND e.kind IN ('final_tax', 'final_tax_paid') AND e.reverses_id IS NULL
           AND NOT EXISTS (SELECT 1 FROM journal_entries r WHERE r.reverses_id = e.id)
         GROUP BY 1)
       SELECT coalesce(t.month, x.month) AS month, coalesce(t.minor, 0)::text AS turnover,
         coalesce(x.accrued, 0)::text AS accrued, coalesce(x.paid, 0)::text AS paid
       FROM turnover t FULL JOIN taxed x ON x.month = t.month
       WHERE coalesce(t.month, x.month) BETWEEN to_char($2::date, 'YYYY-MM') AND to_char($3::date, 'YYYY-MM')
       ORDER BY 1`,
      [groupId, from, to],
    );
  },

  async closings(db: Queryable, groupId: string) {
    return db.query<{ closed_through: string; closed_by: string; closed_at: Date }>(
      `SELECT to_char(closed_through, 'YYYY-MM-DD') AS closed_through, closed_by, closed_at FROM ledger_closings
       WHERE group_id = $1 ORDER BY closed_through DESC`,
      [groupId],
    );
  },
};

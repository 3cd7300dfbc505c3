import type { Tx } from '../../db/database.js';
import { inSnapshot, type Ctx } from '../../http/context.js';
import { invalid } from '../../http/errors.js';
import { dateIn } from '../../../shared/dates.js';
import { fromMinor } from '../../../shared/money.js';
import type { CashBookQuery } from '../../../shared/schemas/business.js';
import { booksFor, chartOf, lastDayOf, type Books } from './books.service.js';
import { reportsRepository } from './reports.repository.js';

/**
 * The cash book a treasurer counts against: for one month and one money account (or all cash and
 * bank accounts together), the balance it opened with, each entry that moved money in or out of it
 * — the money that moved, not the entry's total (a sale's cost of goods moves no money) — and the
 * balance after each. Entries that only move money between the chosen accounts net to nothing and
 * are left out. Reversals show as the opposite movement, on their own date.
 */
export async function computeCashBook(db: Tx, books: Books, query: CashBookQuery, today: string) {
  const month = query.month ?? today.slice(0, 7);
  const from = `${month}-01`;
  const to = lastDayOf(month);
  const chart = await chartOf(db, books);
  const money = chart.filter((a) => a.line === 'cash_and_equivalents');
  const chosen = query.accountCode ? money.filter((a) => a.code === query.accountCode) : money;
  if (!chosen.length) {
    throw invalid([
      {
        path: 'query.accountCode',
        code: 'not_a_cash_account',
        message: 'must be a cash or bank account of this group (1-1xx)',
      },
    ]);
  }
  const ids = chosen.map((a) => a.id);
  const opening = books.opened ? await reportsRepository.netBefore(db, books.group.id, ids, from) : 0n;
  const movements = books.opened ? await reportsRepository.movements(db, books.group.id, ids, from, to) : [];
  const m = (minor: bigint) => fromMinor(minor, books.book.currency);
  let balance = opening;
  let totalIn = 0n;
  let totalOut = 0n;
  const rows = movements.map((row) => {
    const net = BigInt(row.net);
    balance += net;
    if (net > 0n) totalIn += net;
    else totalOut -= net;
    return {
      entryId: row.id,
      number: row.entry_no,
      date: row.entry_date,
      kind: row.kind,
      memo: row.memo,
      reverses: row.reverses_id,
      moneyIn: net > 0n ? m(net) : null,
      moneyOut: net < 0n ? m(-net) : null,
      balance: m(balance),
    };
  });
  return {
    groupId: books.group.id,
    currency: books.book.currency,
    month,
    from,
    to,
    accounts: chosen.map((a) => ({ code: a.code, name: a.name })),
    /** Every cash and bank account the filter may name. */
    choices: money.map((a) => ({ code: a.code, name: a.name })),
    opening: m(opening),
    rows,
    totalIn: m(totalIn),
    totalOut: m(totalOut),
    closing: m(balance),
  };
}
export type CashBook = Awaited<ReturnType<typeof computeCashBook>>;

export async function getCashBook(ctx: Ctx, groupId: string, query: CashBookQuery) {
  return inSnapshot(ctx, async (tx) =>
    computeCashBook(tx.db, await booksFor(tx, groupId, 'read'), query, dateIn(tx.clock.now())),
  );
}

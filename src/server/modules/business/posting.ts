import type { ProblemCode } from '../../../shared/problem-codes.js';
import type { Tx } from '../../db/database.js';
import type { TxCtx } from '../../http/context.js';
import { createOnce, type Created } from '../../http/create-once.js';
import { invalid, ruleBroken } from '../../http/errors.js';
import { dateIn } from '../../../shared/dates.js';
import { localized } from '../../../shared/localized.js';
import { fromMinor, minorDigits, toMinor, type Money } from '../../../shared/money.js';
import type { Books } from './books.service.js';
import type { AccountRef } from './simple-transactions.js';
import {
  ledgerRepository,
  type AccountRow,
  type EntryRow,
  type LineRow,
  type LockedBook,
  type NewLine,
} from './ledger.repository.js';

/** Sales that post no cost of goods: their profit excludes it, and the answer says so. */
const SALE_KINDS = new Set(['cash_sale', 'credit_sale']);
const noticesOf = (row: EntryRow, lines: LineRow[]) =>
  SALE_KINDS.has(row.kind) && !lines.some((l) => l.type === 'cost_of_goods')
    ? (['profit-excludes-cost-of-goods'] as const)
    : [];

export function presentEntry(row: EntryRow, lines: LineRow[], currency: string) {
  const money = (minor: string) => (minor === '0' ? null : fromMinor(minor, currency));
  return {
    id: row.id,
    groupId: row.group_id,
    number: row.entry_no,
    date: row.entry_date,
    kind: row.kind,
    memo: row.memo,
    details: row.details,
    source: row.source_type && row.source_id ? { type: row.source_type, id: row.source_id } : null,
    reverses: row.reverses_id,
    reversedBy: row.reversed_by,
    lines: lines.map((l) => ({
      accountCode: l.code,
      accountName: l.name,
      debit: money(l.debit),
      credit: money(l.credit),
    })),
    total: fromMinor(
      lines.reduce((sum, l) => sum + BigInt(l.debit), 0n),
      currency,
    ),
    notices: [...noticesOf(row, lines)],
    postedBy: row.posted_by,
    postedAt: row.posted_at.toISOString(),
  };
}
export type PresentedEntry = ReturnType<typeof presentEntry>;

/** A line to post, with the request field its amount came from (named when a guard refuses it). */
/** A line to post; `account` is the account as read in this command, when the line was made from it. */
export type PostedLine = NewLine & { path?: string; account?: AccountRow };

export interface Posting {
  date: string;
  /** The request field the date came from (`date`, `producedOn`, `on`). */
  datePath?: string;
  kind: string;
  memo: string;
  details: Record<string, unknown>;
  source?: { type: string; id: string } | undefined;
  reverses?: string | undefined;
  lines: PostedLine[];
  actorId: string;
  /** What else the posting writes once its entry exists (stock movements, a fixed asset). */
  afterwards?: (() => Promise<void>) | undefined;
}

/** What makes two postings with the same id the same posting (offline retries send them twice). */
export const contentOf = (p: Pick<Posting, 'kind' | 'date' | 'memo' | 'details'>) => ({
  kind: p.kind,
  date: p.date,
  memo: p.memo,
  details: p.details,
});
const storedContent = (row: EntryRow) => contentOf({ ...row, date: row.entry_date });

export async function presentStored(db: Tx, row: EntryRow, currency: string): Promise<PresentedEntry> {
  return presentEntry(row, await ledgerRepository.lines(db, [row.id]), currency);
}

/**
 * Accounts that may never hold a balance on the wrong side: money (unless flagged as an
 * overdraft), receivables, stock, what is owed to suppliers, and members' voluntary savings. Each refusal has its own code.
 */
const GUARDED_LINES: Record<string, { code: ProblemCode; says: string }> = {
  cash_and_equivalents: { code: 'insufficient-balance', says: 'holds' },
  receivables: { code: 'more-than-receivable', says: 'has receivable' },
  inventory: { code: 'stock-insufficient', says: 'holds' },
  trade_payables: { code: 'more-than-owed', says: 'owes suppliers' },
  member_savings: { code: 'more-than-saved', says: 'holds in members’ voluntary savings' },
};

/**
 * Refuses a posting that would take a guarded account below zero on its date or on any later date
 * (a back-dated payment may not overdraw a month already spent). Runs under the books' lock, so two
 * postings racing for the last rupiah are checked one after the other.
 */
async function guardBalances(db: Tx, groupId: string, currency: string, p: Posting): Promise<void> {
  // The accounts the lines were made from, read in this transaction; the chart only when a line came without.
  const known = p.lines.every((l) => l.account) ? p.lines.map((l) => l.account!) : undefined;
  const accounts = new Map((known ?? (await ledgerRepository.accounts(db, groupId))).map((a) => [a.id, a]));
  const decrease = new Map<string, { account: AccountRow; minor: bigint; path: string }>();
  for (const l of p.lines) {
    const account = accounts.get(l.accountId);
    if (!account || !GUARDED_LINES[account.line] || account.overdraft) continue;
    const debitNormal = account.type === 'asset';
    const delta = debitNormal ? l.credit - l.debit : l.debit - l.credit;
    const seen = decrease.get(account.id);
    decrease.set(account.id, {
      account,
      minor: (seen?.minor ?? 0n) + delta,
      path: seen?.path ?? l.path ?? 'amount',
    });
  }
  const taken = [...decrease.values()].filter((d) => d.minor > 0n);
  if (taken.length === 0) return;
  const headroom = await ledgerRepository.headroom(
    db,
    groupId,
    taken.map((d) => d.account.id),
    p.date,
  );
  for (const d of taken) {
    const h = headroom.find((r) => r.account_id === d.account.id);
    const debitNormal = d.account.type === 'asset';
    const atDate = BigInt(h?.at_date ?? '0') * (debitNormal ? 1n : -1n);
    const later = debitNormal ? h?.min_after : h?.max_after;
    const laterNatural = later === null || later === undefined ? undefined : BigInt(later) * (debitNormal ? 1n : -1n);
    const balance = laterNatural !== undefined && laterNatural < atDate ? laterNatural : atDate;
    if (d.minor <= balance) continue;
    const guard = GUARDED_LINES[d.account.line]!;
    const amount = fromMinor(d.minor, currency);
    const held = fromMinor(balance < 0n ? 0n : balance, currency);
    const name = `${d.account.code} ${localized(d.account.name, 'en')}`;
    throw ruleBroken(
      guard.code,
      `${name} ${guard.says} ${held.amount} ${currency} on ${p.date}${laterNatural !== undefined && laterNatural < atDate ? ' or later' : ''}; this posting takes ${amount.amount}.`,
      [
        {
          path: d.path,
          code: 'over_balance',
          params: { amount: amount.amount, held: held.amount },
          message: `${amount.amount} is more than the ${held.amount} ${name} ${guard.says}`,
        },
      ],
      { amount, balance: held, account: d.account.code },
      { account: name, held: `${held.amount} ${currency}`, amount: `${amount.amount} ${currency}` },
    );
  }
}

/**
 * The one way an entry reaches the books, under the books' lock (`lock`): refused in a closed
 * period, after today, when debits and credits differ or when a guarded balance would go below
 * zero; numbered without gaps.
 */
export async function insertPosting(
  tx: TxCtx,
  books: Books,
  book: LockedBook,
  id: string,
  p: Posting,
): Promise<PresentedEntry> {
  const datePath = p.datePath ?? 'date';
  const today = dateIn(tx.clock.now());
  if (p.date > today) {
    throw ruleBroken('date-in-future', `${p.date} is after today (${today}); record it on the day it happens.`, [
      { path: datePath, code: 'after_today', params: { today }, message: `is after today (${today})` },
    ]);
  }
  if (book.closed_through && p.date <= book.closed_through) {
    throw ruleBroken(
      'period-closed',
      `The books are closed through ${book.closed_through}; date the entry after it.`,
      [
        {
          path: datePath,
          code: 'period_closed',
          params: { closedThrough: book.closed_through },
          message: `falls in a closed period (closed through ${book.closed_through})`,
        },
      ],
      {},
      { closedThrough: book.closed_through },
    );
  }
  const debits = p.lines.reduce((s, l) => s + l.debit, 0n);
  const credits = p.lines.reduce((s, l) => s + l.credit, 0n);
  if (debits !== credits) {
    throw ruleBroken(
      'unbalanced',
      `Debits (${fromMinor(debits, book.currency).amount}) and credits (${fromMinor(credits, book.currency).amount}) must be equal.`,
      [{ path: 'lines', code: 'unbalanced_lines', message: 'debits and credits differ' }],
    );
  }
  await guardBalances(tx.db, books.group.id, book.currency, p);
  const { entry, lines } = await ledgerRepository.insertEntry(
    tx.db,
    {
      id,
      group_id: books.group.id,
      entry_no: book.next_entry_no,
      entry_date: p.date,
      kind: p.kind,
      memo: p.memo,
      details: p.details,
      source_type: p.source?.type ?? null,
      source_id: p.source?.id ?? null,
      reverses_id: p.reverses ?? null,
      posted_by: p.actorId,
    },
    p.lines.filter((l) => l.debit !== 0n || l.credit !== 0n),
  );
  book.next_entry_no += 1;
  ledgerRepository.keepLocked(book);
  await p.afterwards?.();
  return presentEntry(entry, lines, book.currency);
}

/**
 * Posts an entry with a client id once: the same id again is the same entry (or a conflict).
 * `build` runs only when the entry is new (it may move stock), under the books' lock.
 */
export async function postOnce(
  tx: TxCtx,
  books: Books,
  id: string | undefined,
  content: Pick<Posting, 'kind' | 'date' | 'memo' | 'details'>,
  build: (entryId: string, book: LockedBook) => Promise<Posting>,
): Promise<Created<PresentedEntry>> {
  const book = books.locked ?? (await ledgerRepository.lock(tx.db, books.group.id));
  return createOnce(tx.db, {
    id,
    find: (entryId) => ledgerRepository.entry(tx.db, entryId),
    existing: { kind: 'journal_entry', among: (ids) => ledgerRepository.existingEntries(tx.db, ids) },
    visible: (row) => row.group_id === books.group.id,
    stored: storedContent,
    input: contentOf(content),
    present: (row) => presentStored(tx.db, row, book.currency),
    create: async (entryId) => insertPosting(tx, books, book, entryId, await build(entryId, book)),
  });
}

/** Money in the books' currency as minor units, or a 400 naming the field. */
export function minorOf(m: Money, currency: string, path: string): bigint {
  if (m.currency !== currency) {
    throw invalid([
      {
        path: `${path}.currency`,
        code: 'wrong_currency',
        params: { currency },
        message: `must be ${currency}, the currency of these books`,
      },
    ]);
  }
  const minor = toMinor(m.amount, currency);
  if (minor === undefined)
    throw invalid([
      {
        path: `${path}.amount`,
        code: 'money_decimals',
        params: { currency, decimals: minorDigits(currency) },
        message: `has more decimals than ${currency} allows`,
      },
    ]);
  return minor;
}

export function accountFor(accounts: AccountRow[], ref: AccountRef, path: string): AccountRow {
  const found = 'role' in ref ? accounts.find((a) => a.role === ref.role) : accounts.find((a) => a.code === ref.code);
  if (!found) throw invalid([{ path, code: 'unknown_account', message: `names no account in this group's chart` }]);
  return found;
}

/** A debit or a credit of `minor` to an account, from the request field `path`. */
export const line = (account: AccountRow, side: 'debit' | 'credit', minor: bigint, path?: string): PostedLine => ({
  accountId: account.id,
  account,
  debit: side === 'debit' ? minor : 0n,
  credit: side === 'credit' ? minor : 0n,
  ...(path ? { path } : {}),
});

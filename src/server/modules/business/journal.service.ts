import type { Tx } from '../../db/database.js';
import { inTransaction, type Ctx, type TxCtx } from '../../http/context.js';
import { createOnce, type Created } from '../../http/create-once.js';
import { conflict, invalid, notFound, ruleBroken } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { dateIn } from '../../../shared/dates.js';
import { fromMinor, toMinor, type Money } from '../../../shared/money.js';
import type {
  JournalEntryBody,
  JournalQuery,
  ReverseEntryBody,
  SimpleTransactionBody,
} from '../../../shared/schemas/business.js';
import { requireUser } from '../platform/index.js';
import { groupById } from '../registry/index.js';
import { booksFor, chartOf, openBooks, type Books } from './books.service.js';
import {
  ledgerRepository,
  type AccountRow,
  type EntryRow,
  type LineRow,
  type LockedBook,
  type NewLine,
} from './ledger.repository.js';
import { planTransaction, type AccountRef } from './simple-transactions.js';

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
    postedBy: row.posted_by,
    postedAt: row.posted_at.toISOString(),
  };
}
export type PresentedEntry = ReturnType<typeof presentEntry>;

interface Posting {
  date: string;
  kind: string;
  memo: string;
  details: Record<string, unknown>;
  source?: { type: string; id: string } | undefined;
  reverses?: string | undefined;
  lines: NewLine[];
  actorId: string;
}

/** What makes two postings with the same id the same posting (offline retries send them twice). */
const contentOf = (p: Pick<Posting, 'kind' | 'date' | 'memo' | 'details'>) => ({
  kind: p.kind,
  date: p.date,
  memo: p.memo,
  details: p.details,
});
const storedContent = (row: EntryRow) => contentOf({ ...row, date: row.entry_date });

async function presentStored(db: Tx, row: EntryRow, currency: string): Promise<PresentedEntry> {
  return presentEntry(row, await ledgerRepository.lines(db, [row.id]), currency);
}

/**
 * The one way an entry reaches the books, under the books' lock (`lock`): refused in a closed
 * period or when debits and credits differ, numbered without gaps.
 */
async function insertPosting(db: Tx, books: Books, book: LockedBook, id: string, p: Posting): Promise<PresentedEntry> {
  if (book.closed_through && p.date <= book.closed_through) {
    throw ruleBroken('period-closed', `The books are closed through ${book.closed_through}; date the entry after it.`, [
      { path: 'date', message: `falls in a closed period (closed through ${book.closed_through})` },
    ]);
  }
  const debits = p.lines.reduce((s, l) => s + l.debit, 0n);
  const credits = p.lines.reduce((s, l) => s + l.credit, 0n);
  if (debits !== credits) {
    throw ruleBroken(
      'unbalanced',
      `Debits (${fromMinor(debits, book.currency).amount}) and credits (${fromMinor(credits, book.currency).amount}) must be equal.`,
      [{ path: 'lines', message: 'debits and credits differ' }],
    );
  }
  const { entry, lines } = await ledgerRepository.insertEntry(
    db,
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
    p.lines,
  );
  await ledgerRepository.advanceEntryNumber(db, books.group.id);
  return presentEntry(entry, lines, book.currency);
}

/** Posts an entry with a client id once: the same id again is the same entry (or a conflict). */
async function postOnce(db: Tx, books: Books, id: string | undefined, p: Posting): Promise<Created<PresentedEntry>> {
  const book = await ledgerRepository.lock(db, books.group.id);
  return createOnce(db, {
    id,
    find: (entryId) => ledgerRepository.entry(db, entryId),
    visible: (row) => row.group_id === books.group.id,
    stored: storedContent,
    input: contentOf(p),
    present: (row) => presentStored(db, row, book.currency),
    create: (entryId) => insertPosting(db, books, book, entryId, p),
  });
}

/** Money in the books' currency as minor units, or a 400 naming the field. */
function minorOf(m: Money, currency: string, path: string): bigint {
  if (m.currency !== currency) {
    throw invalid([{ path: `${path}.currency`, message: `must be ${currency}, the currency of these books` }]);
  }
  const minor = toMinor(m.amount, currency);
  if (minor === undefined)
    throw invalid([{ path: `${path}.amount`, message: `has more decimals than ${currency} allows` }]);
  return minor;
}

function accountFor(accounts: AccountRow[], ref: AccountRef, path: string): AccountRow {
  const found = 'role' in ref ? accounts.find((a) => a.role === ref.role) : accounts.find((a) => a.code === ref.code);
  if (!found) throw invalid([{ path, message: `names no account in this group's chart` }]);
  return found;
}

/** The balanced lines a simple transaction posts, from the group's chart. */
async function linesOf(db: Tx, books: Books, t: SimpleTransactionBody): Promise<NewLine[]> {
  const accounts = await ledgerRepository.accounts(db, books.group.id);
  const currency = books.book.currency;
  const amounts = {
    amount: minorOf(t.amount, currency, 'amount'),
    costOfGoods: 'costOfGoods' in t && t.costOfGoods ? minorOf(t.costOfGoods, currency, 'costOfGoods') : 0n,
    interest: 'interest' in t && t.interest ? minorOf(t.interest, currency, 'interest') : 0n,
  };
  return planTransaction(t).map((l) => {
    const account = accountFor(accounts, l.account, t.kind === 'expense' && t.accountCode ? 'accountCode' : 'kind');
    if ('code' in l.account && account.type !== 'expense') {
      throw invalid([{ path: 'accountCode', message: 'must be an expense account' }]);
    }
    const value = amounts[l.of];
    return { accountId: account.id, debit: l.side === 'debit' ? value : 0n, credit: l.side === 'credit' ? value : 0n };
  });
}

/** Records a one-tap transaction (cash sale, expense …) as the balanced entry it stands for. */
export async function recordTransaction(ctx: Ctx, groupId: string, t: SimpleTransactionBody) {
  return inTransaction(ctx, async (tx) => {
    const books = await booksFor(tx, groupId, 'post');
    const { id, kind, date, memo, ...details } = t;
    return postOnce(tx.db, books, id, {
      date,
      kind,
      memo,
      details,
      lines: await linesOf(tx.db, books, t),
      actorId: requireUser(tx.actor).id,
    });
  });
}

/** A journal entry written line by line, for what no simple transaction covers. */
export async function postJournalEntry(ctx: Ctx, groupId: string, body: JournalEntryBody) {
  return inTransaction(ctx, async (tx) => {
    const books = await booksFor(tx, groupId, 'post');
    const accounts = await ledgerRepository.accounts(tx.db, groupId);
    const currency = books.book.currency;
    const lines = body.lines.map((l, i) => {
      const account = accountFor(accounts, { code: l.accountCode }, `lines.${i}.accountCode`);
      const side = l.debit !== undefined ? 'debit' : 'credit';
      const minor = minorOf({ amount: (l.debit ?? l.credit)!, currency }, currency, `lines.${i}.${side}`);
      if (minor === 0n) throw invalid([{ path: `lines.${i}.${side}`, message: 'must be more than zero' }]);
      return { accountId: account.id, debit: side === 'debit' ? minor : 0n, credit: side === 'credit' ? minor : 0n };
    });
    return postOnce(tx.db, books, body.id, {
      date: body.date,
      kind: 'journal',
      memo: body.memo,
      details: { lines: body.lines },
      lines,
      actorId: requireUser(tx.actor).id,
    });
  });
}

/**
 * Corrects a posted entry the only way the books allow: a new entry with debits and credits
 * swapped. A reversal's id names it: sent again (perhaps a day later, with no date) it is the
 * reversal already posted, whatever else the retry carries.
 */
export async function reverseEntry(ctx: Ctx, groupId: string, entryId: string, body: ReverseEntryBody) {
  return inTransaction(ctx, async (tx) => {
    const books = await booksFor(tx, groupId, 'reverse');
    const book = await ledgerRepository.lock(tx.db, groupId);
    const original = await ledgerRepository.entry(tx.db, entryId);
    if (!original || original.group_id !== groupId) throw notFound('Journal entry');
    return createOnce(tx.db, {
      id: body.id,
      find: (id) => ledgerRepository.entry(tx.db, id),
      visible: (row) => row.group_id === groupId,
      stored: (row) => ({ reverses: row.reverses_id }),
      input: { reverses: entryId },
      present: (row) => presentStored(tx.db, row, book.currency),
      create: async (id) => {
        if (original.reverses_id) {
          throw ruleBroken('reversal-of-reversal', 'This entry is itself a reversal; post the original again instead.');
        }
        if (original.reversed_by) {
          const reversal = await ledgerRepository.entry(tx.db, original.reversed_by);
          throw conflict(`Entry #${original.entry_no} is already reversed.`, {
            current: reversal && (await presentStored(tx.db, reversal, book.currency)),
          });
        }
        const lines = (await ledgerRepository.lines(tx.db, [entryId])).map((l) => ({
          accountId: l.account_id,
          debit: BigInt(l.credit),
          credit: BigInt(l.debit),
        }));
        return insertPosting(tx.db, books, book, id, {
          date: body.date ?? dateIn(tx.clock.now()),
          kind: 'reversal',
          memo: body.memo ?? original.memo,
          details: { reversesNumber: original.entry_no },
          reverses: entryId,
          lines,
          actorId: requireUser(tx.actor).id,
        });
      },
    });
  });
}

export async function listJournal(ctx: Ctx, groupId: string, query: JournalQuery) {
  return inTransaction(ctx, async (tx) => {
    const books = await booksFor(tx, groupId, 'read');
    const accountId = query.accountCode
      ? accountFor(await chartOf(tx.db, books), { code: query.accountCode }, 'query.accountCode').id
      : undefined;
    const cursor = decodeCursor(query.cursor, 2);
    const rows = await ledgerRepository.entries(
      tx.db,
      groupId,
      { from: query.from, to: query.to, accountId },
      cursor ? [cursor[0]!, Number(cursor[1])] : null,
      query.limit,
    );
    const lines = await ledgerRepository.lines(
      tx.db,
      rows.slice(0, query.limit).map((r) => r.id),
    );
    const byEntry = new Map<string, LineRow[]>();
    for (const l of lines) byEntry.set(l.entry_id, [...(byEntry.get(l.entry_id) ?? []), l]);
    return toPage(
      rows,
      query.limit,
      (r) => presentEntry(r, byEntry.get(r.id) ?? [], books.book.currency),
      (r) => [r.entry_date, String(r.entry_no)],
    );
  });
}

export async function getJournalEntry(ctx: Ctx, groupId: string, entryId: string) {
  return inTransaction(ctx, async (tx) => {
    const books = await booksFor(tx, groupId, 'read');
    const row = await ledgerRepository.entry(tx.db, entryId);
    if (!row || row.group_id !== groupId) throw notFound('Journal entry');
    return presentStored(tx.db, row, books.book.currency);
  });
}

export interface SaleToRecord {
  groupId: string;
  /** YYYY-MM-DD */
  on: string;
  amount: Money;
  settlement: 'cash' | 'credit';
  memo: string;
  sourceType: string;
  sourceId: string;
  costOfGoods?: Money | null;
  actorId: string;
}

/**
 * Posts a sale that another module completed (an order shipped) to the group's books, inside the
 * caller's transaction; the caller has already checked who may do it. Once per source: a second
 * call for the same order returns the entry already posted.
 */
export async function recordSale(tx: TxCtx, input: SaleToRecord): Promise<{ entryId: string }> {
  const db = tx.db;
  const group = await groupById(db, input.groupId);
  if (!group) throw notFound('Producer group');
  const book = await openBooks(db, group);
  const posted = await ledgerRepository.entryBySource(db, input.sourceType, input.sourceId);
  if (posted) return { entryId: posted.id };
  const books = { group, book, opened: true };
  const t: SimpleTransactionBody =
    input.settlement === 'cash'
      ? { kind: 'cash_sale', date: input.on, amount: input.amount, memo: input.memo, via: 'cash', ...cost(input) }
      : { kind: 'credit_sale', date: input.on, amount: input.amount, memo: input.memo, ...cost(input) };
  const { kind, date, memo, ...details } = t;
  const { record } = await postOnce(db, books, undefined, {
    date,
    kind,
    memo,
    details,
    source: { type: input.sourceType, id: input.sourceId },
    lines: await linesOf(db, books, t),
    actorId: input.actorId,
  });
  return { entryId: record.id };
}

const cost = (input: SaleToRecord) => (input.costOfGoods ? { costOfGoods: input.costOfGoods } : {});

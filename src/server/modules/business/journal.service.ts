import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '../../db/database.js';
import type { Ctx } from '../../http/context.js';
import { conflict, invalid, notFound, ruleBroken } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { idInUse, replayOrConflict } from '../../http/versioning.js';
import { fromMinor, toMinor, type Money } from '../../../shared/money.js';
import type {
  JournalEntryBody,
  JournalQuery,
  ReverseEntryBody,
  SimpleTransactionBody,
} from '../../../shared/schemas/business.js';
import { groupsRepository } from '../registry/index.js';
import { booksFor, openBooks, type Books } from './books.service.js';
import { ledgerRepository, type AccountRow, type EntryRow, type LineRow, type NewLine } from './ledger.repository.js';
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
  id: string;
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

async function readEntry(db: Queryable, id: string, currency: string): Promise<PresentedEntry> {
  const row = (await ledgerRepository.entry(db, id))!;
  return presentEntry(row, await ledgerRepository.lines(db, [id]), currency);
}

/**
 * The one way an entry reaches the books: under the books' lock, refused in a closed period or
 * when debits and credits differ, numbered without gaps, replayed when the same id comes again.
 */
async function post(tx: Queryable, books: Books, p: Posting): Promise<{ entry: PresentedEntry; created: boolean }> {
  const book = await ledgerRepository.lock(tx, books.group.id);
  const existing = await ledgerRepository.entry(tx, p.id);
  if (existing) {
    if (existing.group_id !== books.group.id) throw idInUse();
    const current = await readEntry(tx, p.id, book.currency);
    const same = contentOf({ ...existing, date: existing.entry_date });
    return { entry: replayOrConflict(same, contentOf(p), () => current), created: false };
  }
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
  await ledgerRepository.insertEntry(
    tx,
    {
      id: p.id,
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
  await ledgerRepository.advanceEntryNumber(tx, books.group.id);
  return { entry: await readEntry(tx, p.id, book.currency), created: true };
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

const actorIdOf = (ctx: Pick<Ctx, 'actor'>) => (ctx.actor.kind === 'user' ? ctx.actor.id : '');

/** The balanced lines a simple transaction posts, from the group's chart. */
async function linesOf(db: Queryable, books: Books, t: SimpleTransactionBody): Promise<NewLine[]> {
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
  return ctx.db.transaction(async (tx) => {
    const books = await booksFor({ ...ctx, db: tx }, groupId, 'write');
    const { id, kind, date, memo, ...details } = t;
    return post(tx, books, {
      id: id ?? uuidv7(),
      date,
      kind,
      memo,
      details,
      lines: await linesOf(tx, books, t),
      actorId: actorIdOf(ctx),
    });
  });
}

/** A journal entry written line by line, for what no simple transaction covers. */
export async function postJournalEntry(ctx: Ctx, groupId: string, body: JournalEntryBody) {
  return ctx.db.transaction(async (tx) => {
    const books = await booksFor({ ...ctx, db: tx }, groupId, 'write');
    const accounts = await ledgerRepository.accounts(tx, groupId);
    const currency = books.book.currency;
    const lines = body.lines.map((l, i) => {
      const account = accountFor(accounts, { code: l.accountCode }, `lines.${i}.accountCode`);
      const side = l.debit !== undefined ? 'debit' : 'credit';
      const minor = minorOf({ amount: (l.debit ?? l.credit)!, currency }, currency, `lines.${i}.${side}`);
      if (minor === 0n) throw invalid([{ path: `lines.${i}.${side}`, message: 'must be more than zero' }]);
      return { accountId: account.id, debit: side === 'debit' ? minor : 0n, credit: side === 'credit' ? minor : 0n };
    });
    return post(tx, books, {
      id: body.id ?? uuidv7(),
      date: body.date,
      kind: 'journal',
      memo: body.memo,
      details: { lines: body.lines },
      lines,
      actorId: actorIdOf(ctx),
    });
  });
}

/** Corrects a posted entry the only way the books allow: a new entry with debits and credits swapped. */
export async function reverseEntry(
  ctx: Ctx,
  groupId: string,
  entryId: string,
  body: ReverseEntryBody,
  today = new Date().toISOString().slice(0, 10),
) {
  return ctx.db.transaction(async (tx) => {
    const books = await booksFor({ ...ctx, db: tx }, groupId, 'write');
    const original = await ledgerRepository.entry(tx, entryId);
    if (!original || original.group_id !== groupId) throw notFound('Journal entry');
    const id = body.id ?? uuidv7();
    if (original.reverses_id) {
      throw ruleBroken('reversal-of-reversal', 'This entry is itself a reversal; post the original again instead.');
    }
    if (original.reversed_by === id) {
      // A retried reversal (perhaps a day later, with no date): the one already posted.
      return { entry: await readEntry(tx, id, books.book.currency), created: false };
    }
    if (original.reversed_by) {
      throw conflict(`Entry #${original.entry_no} is already reversed.`, {
        current: await readEntry(tx, original.reversed_by, books.book.currency),
      });
    }
    const lines = (await ledgerRepository.lines(tx, [entryId])).map((l) => ({
      accountId: l.account_id,
      debit: BigInt(l.credit),
      credit: BigInt(l.debit),
    }));
    return post(tx, books, {
      id,
      date: body.date ?? today,
      kind: 'reversal',
      memo: body.memo ?? original.memo,
      details: { reversesNumber: original.entry_no },
      reverses: entryId,
      lines,
      actorId: actorIdOf(ctx),
    });
  });
}

export async function listJournal(ctx: Ctx, groupId: string, query: JournalQuery) {
  return ctx.db.transaction(async (tx) => {
    const books = await booksFor({ ...ctx, db: tx }, groupId, 'read');
    let accountId: string | undefined;
    if (query.accountCode) {
      const accounts = await ledgerRepository.accounts(tx, groupId);
      accountId = accountFor(accounts, { code: query.accountCode }, 'query.accountCode').id;
    }
    const cursor = decodeCursor(query.cursor, 2);
    const rows = await ledgerRepository.entries(
      tx,
      groupId,
      { from: query.from, to: query.to, accountId },
      cursor ? [cursor[0]!, Number(cursor[1])] : null,
      query.limit,
    );
    const lines = await ledgerRepository.lines(
      tx,
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
  return ctx.db.transaction(async (tx) => {
    const books = await booksFor({ ...ctx, db: tx }, groupId, 'read');
    const row = await ledgerRepository.entry(tx, entryId);
    if (!row || row.group_id !== groupId) throw notFound('Journal entry');
    return presentEntry(row, await ledgerRepository.lines(tx, [entryId]), books.book.currency);
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
export async function recordSale(db: Queryable, input: SaleToRecord): Promise<{ entryId: string }> {
  const group = await groupsRepository.byId(db, input.groupId);
  if (!group) throw notFound('Producer group');
  const book = await openBooks(db, group);
  const posted = await ledgerRepository.entryBySource(db, input.sourceType, input.sourceId);
  if (posted) return { entryId: posted.id };
  const books = { group, book };
  const t: SimpleTransactionBody =
    input.settlement === 'cash'
      ? { kind: 'cash_sale', date: input.on, amount: input.amount, memo: input.memo, via: 'cash', ...cost(input) }
      : { kind: 'credit_sale', date: input.on, amount: input.amount, memo: input.memo, ...cost(input) };
  const { kind, date, memo, ...details } = t;
  const { entry } = await post(db, books, {
    id: uuidv7(),
    date,
    kind,
    memo,
    details,
    source: { type: input.sourceType, id: input.sourceId },
    lines: await linesOf(db, books, t),
    actorId: input.actorId,
  });
  return { entryId: entry.id };
}

const cost = (input: SaleToRecord) => (input.costOfGoods ? { costOfGoods: input.costOfGoods } : {});

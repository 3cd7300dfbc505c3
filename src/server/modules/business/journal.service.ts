import { v7 as uuidv7 } from 'uuid';
import type { Tx } from '../../db/database.js';
import { inSnapshot, inTransaction, type Ctx, type TxCtx } from '../../http/context.js';
import { createOnce } from '../../http/create-once.js';
import { conflict, invalid, notFound, ruleBroken } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { addDays } from '../../../shared/dates.js';
import type { Money } from '../../../shared/money.js';
import {
  COOPERATIVE_KINDS,
  type JournalEntryBody,
  type JournalQuery,
  type ReverseEntryBody,
  type SaleMarket,
  type SimpleTransactionBody,
} from '../../../shared/schemas/business.js';
import { requireUser } from '../platform/index.js';
import { groupById } from '../registry/index.js';
import { recordAssetBought } from './assets.service.js';
import { batchesRepository } from './batches.repository.js';
import { booksFor, chartOf, openBooks, type Books } from './books.service.js';
import { keepsMembersSavings } from './chart-templates.js';
import {
  movementsOf,
  movesProduction,
  pickForSale,
  returnStockOf,
  takeStock,
  tracksBatches,
} from './inventory.service.js';
import { ledgerRepository, type LineRow } from './ledger.repository.js';
import {
  accountFor,
  insertPosting,
  minorOf,
  postOnce,
  presentEntry,
  presentStored,
  type PostedLine,
  type Posting,
} from './posting.js';
import { planTransaction } from './simple-transactions.js';

/**
 * The balanced lines a simple transaction posts, from the group's chart; `costOfGoods` (minor) is
 * the cost the batches gave, when the sale took stock.
 */
async function linesOf(db: Tx, books: Books, t: SimpleTransactionBody, costOfGoods?: bigint): Promise<PostedLine[]> {
  const accounts = await ledgerRepository.accounts(db, books.group.id);
  // Members' savings are a cooperative's whose chart keeps them (Indonesia's koperasi); a cooperative
  // elsewhere books its members' capital as owners' capital on its country's micro chart.
  if (
    (COOPERATIVE_KINDS as readonly string[]).includes(t.kind) &&
    (books.group.kind !== 'cooperative' || !keepsMembersSavings(accounts))
  ) {
    throw ruleBroken(
      'cooperative-only',
      `${t.kind} is a cooperative's members' savings; this group's chart does not keep them.`,
      [
        {
          path: 'kind',
          code: 'cooperative_only',
          message: "is only for a cooperative whose chart keeps members' savings",
        },
      ],
    );
  }
  const currency = books.book.currency;
  const typed = 'costOfGoods' in t && t.costOfGoods ? minorOf(t.costOfGoods, currency, 'costOfGoods') : 0n;
  const amounts = {
    amount: minorOf(t.amount, currency, 'amount'),
    costOfGoods: costOfGoods ?? typed,
    interest: 'interest' in t && t.interest ? minorOf(t.interest, currency, 'interest') : 0n,
  };
  const paths = {
    amount: 'amount',
    costOfGoods: costOfGoods === undefined ? 'costOfGoods' : 'items',
    interest: 'interest',
  };
  return planTransaction(t, amounts.costOfGoods > 0n)
    .map((l) => {
      const account = accountFor(accounts, l.account, t.kind === 'expense' && t.accountCode ? 'accountCode' : 'kind');
      if ('code' in l.account && account.type !== 'expense') {
        throw invalid([{ path: 'accountCode', code: 'not_an_expense_account', message: 'must be an expense account' }]);
      }
      const value = amounts[l.of];
      return {
        accountId: account.id,
        account,
        debit: l.side === 'debit' ? value : 0n,
        credit: l.side === 'credit' ? value : 0n,
        path: paths[l.of],
      };
    })
    .filter((l) => l.debit !== 0n || l.credit !== 0n);
}

/**
 * For a group that records batches, stock and its cost come from them: a sale names what it took
 * (`items`), never a typed cost, and production is recorded as a batch. Answers the cost taken.
 */
async function stockOfTransaction(tx: TxCtx, books: Books, t: SimpleTransactionBody) {
  const tracks = await tracksBatches(tx.db, books.group.id);
  const items = 'items' in t ? t.items : undefined;
  if (tracks && 'costOfGoods' in t && t.costOfGoods) {
    throw ruleBroken(
      'cost-from-batches',
      'This group records batches: the cost of goods comes from the batches a sale takes. Name them in items.',
      [
        {
          path: 'costOfGoods',
          code: 'cost_from_batches',
          message: 'comes from the batches; name the products sold in items instead',
        },
      ],
    );
  }
  if (tracks && t.kind === 'production') {
    throw ruleBroken('production-from-batches', 'This group records batches: record production as a batch.', [
      { path: 'kind', code: 'production_as_batch', message: 'is recorded as a production batch in this group' },
    ]);
  }
  if (!items) return undefined;
  const picked = await pickForSale(tx.db, books.group.id, items, t.date);
  return takeStock(tx.db, picked);
}

/** Records a one-tap transaction (cash sale, expense …) as the balanced entry it stands for. */
export async function recordTransaction(ctx: Ctx, groupId: string, t: SimpleTransactionBody) {
  return inTransaction(ctx, async (tx) => {
    const books = await booksFor(tx, groupId, 'post');
    const actorId = requireUser(tx.actor).id;
    const { id, kind, date, memo, ...details } = t;
    return postOnce(tx, books, id, { kind, date, memo, details }, async (entryId) => {
      const takes = await stockOfTransaction(tx, books, t);
      const cost = takes?.reduce((s, x) => s + x.costMinor, 0n);
      return {
        date,
        kind,
        memo,
        details,
        lines: await linesOf(tx.db, books, t, cost),
        actorId,
        afterwards: async () => {
          if (takes) await batchesRepository.insertMovements(tx.db, movementsOf(takes, 'sold', date, actorId, entryId));
          if (t.kind === 'asset_bought') await recordAssetBought(tx, books, entryId, t);
        },
      } satisfies Posting;
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
      if (minor === 0n)
        throw invalid([{ path: `lines.${i}.${side}`, code: 'more_than_zero', message: 'must be more than zero' }]);
      return {
        accountId: account.id,
        debit: side === 'debit' ? minor : 0n,
        credit: side === 'credit' ? minor : 0n,
        path: `lines.${i}.${side}`,
      };
    });
    const content = { date: body.date, kind: 'journal', memo: body.memo, details: { lines: body.lines } };
    return postOnce(tx, books, body.id, content, async () => ({
      ...content,
      lines,
      actorId: requireUser(tx.actor).id,
    }));
  });
}

/**
 * Corrects a posted entry the only way the books allow: a new entry with debits and credits
 * swapped, and any stock it took put back. Dated as asked, else on the original's date when that
 * period is open, else on the first open day; `details.dated` says which. A reversal's id names it:
 * sent again (perhaps a day later, with no date) it is the reversal already posted, whatever else
 * the retry carries.
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
          throw conflict(
            `Entry #${original.entry_no} is already reversed.`,
            {
              current: reversal && (await presentStored(tx.db, reversal, book.currency)),
            },
            { code: 'entry-reversed', params: { entryNo: original.entry_no } },
          );
        }
        if (movesProduction(original.kind)) {
          throw ruleBroken(
            'reversal-of-production',
            'A production batch stays in the books; record its stock as spoiled to take it out.',
          );
        }
        const lines = (await ledgerRepository.lines(tx.db, [entryId])).map((l) => ({
          accountId: l.account_id,
          debit: BigInt(l.credit),
          credit: BigInt(l.debit),
        }));
        const open = !book.closed_through || original.entry_date > book.closed_through;
        const dated = body.date ? 'as-asked' : open ? 'original-date' : 'first-open-day';
        const date = body.date ?? (open ? original.entry_date : addDays(book.closed_through!, 1));
        const actorId = requireUser(tx.actor).id;
        return insertPosting(tx, books, book, id, {
          date,
          kind: 'reversal',
          memo: body.memo ?? original.memo,
          details: { reversesNumber: original.entry_no, dated },
          reverses: entryId,
          lines,
          actorId,
          afterwards: () => returnStockOf(tx, entryId, id, date, actorId),
        });
      },
    });
  });
}

export async function listJournal(ctx: Ctx, groupId: string, query: JournalQuery) {
  return inSnapshot(ctx, async (tx) => {
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
  return inSnapshot(ctx, async (tx) => {
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
  /** Where it was sold (an order's market); an export names the buyer's country. */
  market: SaleMarket;
  destination?: string | undefined;
  /**
   * A sale made in another currency: the amount the buyer owes in it and the rate (books' currency
   * per one unit of it) that gave `amount`; kept in the entry's details beside the posted lines.
   */
  foreign?: { amount: Money; rate: string };
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
  const books = { group, book: await openBooks(db, group), opened: true };
  const posted = await ledgerRepository.entryBySource(db, input.sourceType, input.sourceId);
  if (posted) return { entryId: posted.id };
  const sold = { market: input.market, ...(input.destination ? { destination: input.destination } : {}) };
  const t: SimpleTransactionBody =
    input.settlement === 'cash'
      ? {
          kind: 'cash_sale',
          date: input.on,
          amount: input.amount,
          memo: input.memo,
          via: 'cash',
          ...sold,
          ...cost(input),
        }
      : { kind: 'credit_sale', date: input.on, amount: input.amount, memo: input.memo, ...sold, ...cost(input) };
  const { kind, date, memo, ...details } = t;
  const book = await ledgerRepository.lock(db, group.id);
  const record = await insertPosting(tx, books, book, uuidv7(), {
    date,
    kind,
    memo,
    details: input.foreign ? { ...details, foreign: input.foreign } : details,
    source: { type: input.sourceType, id: input.sourceId },
    lines: await linesOf(
      db,
      books,
      t,
      input.costOfGoods ? minorOf(input.costOfGoods, book.currency, 'costOfGoods') : 0n,
    ),
    actorId: input.actorId,
  });
  if (input.sourceType === 'order') await batchesRepository.linkOrderMovements(db, input.sourceId, record.id);
  return { entryId: record.id };
}

const cost = (input: SaleToRecord) => (input.costOfGoods ? { costOfGoods: input.costOfGoods } : {});

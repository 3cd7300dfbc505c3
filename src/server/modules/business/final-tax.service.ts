import { v7 as uuidv7 } from 'uuid';
import { inTransaction, type Ctx, type TxCtx } from '../../http/context.js';
import { ruleBroken } from '../../http/errors.js';
import type { Queryable } from '../../db/database.js';
import { addDays, dateIn } from '../../../shared/dates.js';
import { fromMinor } from '../../../shared/money.js';
import type { BooksSettingsBody, FinalTaxPaymentBody } from '../../../shared/schemas/business.js';
import { requireUser } from '../platform/index.js';
import { booksFor, lastDayOf, presentBooks, type Books } from './books.service.js';
import { ledgerRepository, type LockedBook } from './ledger.repository.js';
import { accountFor, insertPosting, line, postOnce, type PresentedEntry } from './posting.js';

/**
 * The UMKM final tax (PPh final, PP 55/2022 Pasal 56–60; docs/books-tax.md): 0.5 % of a month's
 * gross turnover, owed month by month. A group chooses it in its books' settings from a month on.
 * The tax is posted, never only computed, so the statements stay balanced: each month that has
 * ended is accrued Dr 6-301 beban pajak / Cr 2-102 utang pajak — when the month closes, or when
 * the treasurer taps "Bayar PPh final" for it, whichever comes first — and the payment then takes
 * the accrued tax out of cash or bank (Dr utang pajak / Cr kas). A sale back-dated into a month
 * already accrued is accrued on top at the next close or payment.
 */
export const FINAL_TAX_PER_MILLE = 5n;

/** 0.5 % of a month's turnover, rounded half up to the currency's minor unit; nothing on no turnover. */
export function finalTaxOf(turnoverMinor: bigint): bigint {
  return turnoverMinor > 0n ? (turnoverMinor * FINAL_TAX_PER_MILLE + 500n) / 1000n : 0n;
}

/** Turns the final tax on from a month, or off. Only for those who may change the books' settings. */
export async function setBooksSettings(ctx: Ctx, groupId: string, body: BooksSettingsBody) {
  return inTransaction(ctx, async (tx) => {
    const books = await booksFor(tx, groupId, 'settings');
    await ledgerRepository.lock(tx.db, groupId);
    const book = await ledgerRepository.setFinalTax(tx.db, groupId, body.finalTaxFrom);
    return presentBooks(tx, { ...books, book });
  });
}

/**
 * Accrues the final tax of every ended month from the first the group chose through `through`
 * (`YYYY-MM`) not accrued in full yet: on the month's last day, or on the first open day when that
 * month is closed. Runs under the books' lock.
 */
export async function accrueFinalTax(
  tx: TxCtx,
  books: Books,
  book: LockedBook,
  through: string,
): Promise<PresentedEntry[]> {
  if (!book.final_tax_from || through < book.final_tax_from) return [];
  const today = dateIn(tx.clock.now());
  const months = await ledgerRepository.finalTaxMonths(
    tx.db,
    books.group.id,
    `${book.final_tax_from}-01`,
    lastDayOf(through),
  );
  const accounts = await ledgerRepository.accounts(tx.db, books.group.id);
  const expense = accountFor(accounts, { role: 'income_tax' }, 'month');
  const payable = accountFor(accounts, { role: 'tax_payable' }, 'month');
  const posted: PresentedEntry[] = [];
  for (const m of months) {
    const end = lastDayOf(m.month);
    if (end >= today) continue;
    const owed = finalTaxOf(BigInt(m.turnover)) - BigInt(m.accrued);
    if (owed <= 0n) continue;
    const date = book.closed_through && end <= book.closed_through ? addDays(book.closed_through, 1) : end;
    posted.push(
      await insertPosting(tx, books, book, uuidv7(), {
        date: date > today ? today : date,
        datePath: 'month',
        kind: 'final_tax',
        memo: `PPh final 0,5% ${m.month}`,
        details: { month: m.month, turnover: fromMinor(BigInt(m.turnover), book.currency) },
        lines: [line(expense, 'debit', owed), line(payable, 'credit', owed)],
        actorId: requireUser(tx.actor).id,
      }),
    );
  }
  return posted;
}

/** "Bayar PPh final" for a month that has ended: its tax accrued if not yet, then paid. */
export async function payFinalTax(ctx: Ctx, groupId: string, body: FinalTaxPaymentBody) {
  return inTransaction(ctx, async (tx) => {
    const books = await booksFor(tx, groupId, 'post');
    const content = {
      kind: 'final_tax_paid',
      date: body.date,
      memo: body.memo || `Bayar PPh final ${body.month}`,
      details: { month: body.month, via: body.via },
    };
    return postOnce(tx, books, body.id, content, async (_entryId, book) => {
      if (!book.final_tax_from || body.month < book.final_tax_from) {
        throw ruleBroken(
          'final-tax-off',
          `This group does not use the UMKM final tax for ${body.month}.`,
          [{ path: 'month', code: 'not_under_final_tax', message: 'is not under the final tax (books settings)' }],
          {},
          { month: body.month },
        );
      }
      if (lastDayOf(body.month) >= dateIn(tx.clock.now())) {
        throw ruleBroken(
          'period-not-ended',
          `${body.month} has not ended yet; its tax is paid after its last day.`,
          [{ path: 'month', code: 'period_not_ended', message: 'has not ended yet' }],
          {},
          { month: body.month },
        );
      }
      await accrueFinalTax(tx, books, book, body.month);
      const [m] = await ledgerRepository.finalTaxMonths(tx.db, groupId, `${body.month}-01`, lastDayOf(body.month));
      const owed = BigInt(m?.accrued ?? '0') - BigInt(m?.paid ?? '0');
      if (owed <= 0n) {
        throw ruleBroken(
          'final-tax-nothing-due',
          `Nothing is owed in final tax for ${body.month}.`,
          [{ path: 'month', code: 'no_final_tax_due', message: 'has no final tax left to pay' }],
          {},
          { month: body.month },
        );
      }
      const accounts = await ledgerRepository.accounts(tx.db, groupId);
      return {
        ...content,
        lines: [
          line(accountFor(accounts, { role: 'tax_payable' }, 'month'), 'debit', owed),
          line(accountFor(accounts, { role: body.via === 'bank' ? 'bank' : 'cash' }, 'via'), 'credit', owed, 'month'),
        ],
        actorId: requireUser(tx.actor).id,
      };
    });
  });
}

/**
 * The final tax of a period for the income statement: the turnover it is due on (from the month
 * the group chose), the tax month by month, and what of it is posted; null when the group does not
 * use it.
 */
export async function finalTaxOver(db: Queryable, books: Books, from: string, to: string) {
  const since = books.book.final_tax_from;
  if (!since) return null;
  const start = `${since}-01` > from ? `${since}-01` : from;
  const months = start > to ? [] : await ledgerRepository.finalTaxMonths(db, books.group.id, start, to);
  const currency = books.book.currency;
  const turnover = months.reduce((s, m) => s + BigInt(m.turnover), 0n);
  const due = months.reduce((s, m) => s + finalTaxOf(BigInt(m.turnover)), 0n);
  const posted = months.reduce((s, m) => s + BigInt(m.accrued), 0n);
  return {
    from: since,
    turnover: fromMinor(turnover, currency),
    due: fromMinor(due, currency),
    posted: fromMinor(posted, currency),
  };
}

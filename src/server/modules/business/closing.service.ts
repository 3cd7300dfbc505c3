import { inTransaction, type Ctx } from '../../http/context.js';
import { ruleBroken } from '../../http/errors.js';
import { dateIn } from '../../../shared/dates.js';
import { requireUser } from '../platform/index.js';
import { depreciateThrough } from './assets.service.js';
import { accrueFinalTax } from './final-tax.service.js';
import { booksFor, lastDayOf, presentBooks } from './books.service.js';
import { ledgerRepository } from './ledger.repository.js';

/**
 * Closes the books through the end of a month: no entry may be dated in it or before it again.
 * Months close in order — closing March closes every month before it — and never ahead of today.
 * Depreciation of every month through it is posted first, and the UMKM final tax when the group uses it.
 */
export async function closePeriod(ctx: Ctx, groupId: string, month: string) {
  return inTransaction(ctx, async (tx) => {
    const books = await booksFor(tx, groupId, 'closePeriod');
    const book = await ledgerRepository.lock(tx.db, groupId);
    const through = lastDayOf(month);
    if (book.closed_through && through <= book.closed_through) {
      throw ruleBroken(
        'period-already-closed',
        `The books are already closed through ${book.closed_through}.`,
        [
          {
            path: 'month',
            code: 'period_closed',
            params: { closedThrough: book.closed_through },
            message: `is already closed (through ${book.closed_through})`,
          },
        ],
        {},
        { closedThrough: book.closed_through },
      );
    }
    if (through >= dateIn(tx.clock.now())) {
      throw ruleBroken(
        'period-not-ended',
        `${month} has not ended yet; a month closes after its last day.`,
        [{ path: 'month', code: 'period_not_ended', message: 'has not ended yet' }],
        {},
        { month },
      );
    }
    // A month closes with its depreciation posted (SAK EMKM: assets shown net of it).
    await depreciateThrough(tx, books, book, month);
    await accrueFinalTax(tx, books, book, month);
    const closed = await ledgerRepository.close(tx.db, groupId, through, requireUser(tx.actor).id);
    return presentBooks(tx, { ...books, book: closed });
  });
}

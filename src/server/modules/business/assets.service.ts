import { v7 as uuidv7 } from 'uuid';
import { inSnapshot, inTransaction, type Ctx, type TxCtx } from '../../http/context.js';
import { conflict, invalid, notFound, ruleBroken } from '../../http/errors.js';
import { addDays, dateIn } from '../../../shared/dates.js';
import { fromMinor } from '../../../shared/money.js';
import type { DisposeAssetBody, SimpleTransactionBody } from '../../../shared/schemas/business.js';
import { requireUser } from '../platform/index.js';
import { assetsRepository, type AssetRow } from './assets.repository.js';
import { bookAbilities, booksFor, lastDayOf, type Books } from './books.service.js';
import { ledgerRepository, type LockedBook } from './ledger.repository.js';
import { accountFor, insertPosting, line, minorOf, postOnce, type PresentedEntry } from './posting.js';

/**
 * Fixed assets (SAK EMKM: shown at cost less accumulated depreciation). Straight-line over the
 * useful life down to the residual value, a month at a time from the month of purchase:
 * Dr beban penyusutan / Cr akumulasi penyusutan — never cash. Month k of n takes
 * floor(base·k/n) − floor(base·(k−1)/n), so the months add up to the base exactly.
 */

const monthOf = (date: string) => date.slice(0, 7);
function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y! * 12 + (m! - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
const monthsBetween = (from: string, to: string) => {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return (ty! - fy!) * 12 + (tm! - fm!);
};

/** The depreciation of month `k` (1-based) of an asset's life. */
export function depreciationOfMonth(asset: Pick<AssetRow, 'cost_minor' | 'residual_minor' | 'life_months'>, k: number) {
  if (k < 1 || k > asset.life_months) return 0n;
  const base = BigInt(asset.cost_minor) - BigInt(asset.residual_minor);
  const n = BigInt(asset.life_months);
  return (base * BigInt(k)) / n - (base * BigInt(k - 1)) / n;
}

/** Records the fixed asset an `asset_bought` transaction paid for, once its entry exists. */
export async function recordAssetBought(
  tx: TxCtx,
  books: Books,
  entryId: string,
  t: Extract<SimpleTransactionBody, { kind: 'asset_bought' }>,
) {
  const currency = books.book.currency;
  const cost = minorOf(t.amount, currency, 'amount');
  const residual = t.residualValue ? minorOf(t.residualValue, currency, 'residualValue') : 0n;
  if (residual >= cost)
    throw invalid([
      { path: 'residualValue', code: 'residual_too_high', message: 'must be less than what the asset cost' },
    ]);
  await assetsRepository.insert(tx.db, {
    id: uuidv7(),
    group_id: books.group.id,
    name: t.memo || 'Aset tetap',
    acquired_on: t.date,
    cost_minor: cost.toString(),
    residual_minor: residual.toString(),
    life_months: t.lifeMonths,
    purchase_entry_id: entryId,
  });
}

/** What the reader may do with the assets, from what they may do with the books. */
const assetsAbilities = (books: { post: boolean }) => ({ read: true, depreciate: books.post });

export function presentAsset(row: AssetRow, currency: string, books: { post: boolean }) {
  const cost = BigInt(row.cost_minor);
  const accumulated = BigInt(row.depreciated_minor);
  return {
    id: row.id,
    name: row.name,
    acquiredOn: row.acquired_on,
    lifeMonths: row.life_months,
    cost: fromMinor(cost, currency),
    residualValue: fromMinor(row.residual_minor, currency),
    monthlyDepreciation: fromMinor(depreciationOfMonth(row, 1), currency),
    accumulatedDepreciation: fromMinor(accumulated, currency),
    netBookValue: fromMinor(row.disposed_on ? 0n : cost - accumulated, currency),
    depreciatedThrough: row.last_month,
    disposedOn: row.disposed_on,
    abilities: { read: true, dispose: books.post && !row.disposed_on },
  };
}

/**
 * Posts every month of depreciation not yet posted through `month`, asset by asset, under the
 * books' lock: each on the month's last day, or on the first open day when that month is closed.
 */
export async function depreciateThrough(
  tx: TxCtx,
  books: Books,
  book: LockedBook,
  month: string,
  onlyAsset?: string,
): Promise<PresentedEntry[]> {
  const groupId = books.group.id;
  const assets = await assetsRepository.list(tx.db, groupId, null, onlyAsset);
  const accounts = await ledgerRepository.accounts(tx.db, groupId);
  const expense = accountFor(accounts, { role: 'depreciation' }, 'month');
  const accumulated = accountFor(accounts, { role: 'accumulated_depreciation' }, 'month');
  const actorId = requireUser(tx.actor).id;
  const today = dateIn(tx.clock.now());
  const posted: PresentedEntry[] = [];
  for (const asset of assets) {
    const first = monthOf(asset.acquired_on);
    const lastOfLife = addMonths(first, asset.life_months - 1);
    const until = [month, lastOfLife, ...(asset.disposed_on ? [monthOf(asset.disposed_on)] : [])].sort()[0]!;
    for (let m = asset.last_month ? addMonths(asset.last_month, 1) : first; m <= until; m = addMonths(m, 1)) {
      const amount = depreciationOfMonth(asset, monthsBetween(first, m) + 1);
      if (amount === 0n) continue;
      const end = lastDayOf(m);
      const open = book.closed_through && end <= book.closed_through ? addDays(book.closed_through, 1) : end;
      // This month's depreciation is posted today, not on a last day still to come.
      const date = open > today ? today : open;
      const entry = await insertPosting(tx, books, book, uuidv7(), {
        date,
        datePath: 'month',
        kind: 'depreciation',
        memo: `Penyusutan ${asset.name} ${m}`,
        details: { assetId: asset.id, month: m },
        lines: [line(expense, 'debit', amount), line(accumulated, 'credit', amount)],
        actorId,
      });
      await assetsRepository.recordDepreciation(tx.db, asset.id, m, amount, entry.id);
      posted.push(entry);
    }
  }
  return posted;
}

/** The one-tap "post depreciation to this month": idempotent per asset and month. */
export async function postDepreciation(ctx: Ctx, groupId: string, month: string) {
  return inTransaction(ctx, async (tx) => {
    const books = await booksFor(tx, groupId, 'post');
    const book = await ledgerRepository.lock(tx.db, groupId);
    const current = monthOf(dateIn(tx.clock.now()));
    if (month > current) {
      throw ruleBroken('date-in-future', `${month} has not begun; depreciation is posted up to this month.`, [
        {
          path: 'month',
          code: 'after_this_month',
          params: { month: current },
          message: `is after this month (${current})`,
        },
      ]);
    }
    const entries = await depreciateThrough(tx, books, book, month);
    const assets = await assetsRepository.list(tx.db, groupId, null);
    const may = await bookAbilities(tx, books.group);
    return {
      month,
      entries,
      assets: assets.map((a) => presentAsset(a, book.currency, may)),
      abilities: assetsAbilities(may),
    };
  });
}

/** The group's fixed assets at a date: cost, depreciation posted through its month, net book value. */
export async function listAssets(ctx: Ctx, groupId: string, at: string | undefined) {
  return inSnapshot(ctx, async (tx) => {
    const books = await booksFor(tx, groupId, 'read');
    const date = at ?? dateIn(tx.clock.now());
    const currency = books.book.currency;
    const rows = (await assetsRepository.list(tx.db, groupId, monthOf(date))).filter((a) => a.acquired_on <= date);
    const may = await bookAbilities(tx, books.group);
    const items = rows.map((a) =>
      presentAsset(
        { ...a, disposed_on: a.disposed_on && a.disposed_on <= date ? a.disposed_on : null },
        currency,
        // Disposed of at any date (even after `date`): no second disposal.
        { post: may.post && !a.disposed_on },
      ),
    );
    const live = rows.filter((a) => !(a.disposed_on && a.disposed_on <= date));
    const cost = live.reduce((s, a) => s + BigInt(a.cost_minor), 0n);
    const accumulated = live.reduce((s, a) => s + BigInt(a.depreciated_minor), 0n);
    return {
      groupId,
      at: date,
      currency,
      items,
      totals: {
        cost: fromMinor(cost, currency),
        accumulatedDepreciation: fromMinor(accumulated, currency),
        netBookValue: fromMinor(cost - accumulated, currency),
      },
      abilities: assetsAbilities(may),
    };
  });
}

/**
 * Sells or scraps an asset: depreciation posted through the month before, then its cost and
 * accumulated depreciation leave the books, the proceeds come in, and the difference is a gain
 * (other income) or a loss (other expenses).
 */
export async function disposeAsset(ctx: Ctx, groupId: string, assetId: string, body: DisposeAssetBody) {
  return inTransaction(ctx, async (tx) => {
    const books = await booksFor(tx, groupId, 'post');
    const [found] = await assetsRepository.list(tx.db, groupId, null, assetId);
    if (!found) throw notFound('Fixed asset');
    const content = { kind: 'asset_disposed', date: body.date, memo: body.memo, details: { assetId, ...body } };
    delete (content.details as { id?: string }).id;
    return postOnce(tx, books, body.id, content, async (entryId, book) => {
      if (found.disposed_on)
        throw conflict(
          `${found.name} was disposed of on ${found.disposed_on}.`,
          {},
          {
            code: 'asset-disposed',
            params: { name: found.name, date: found.disposed_on },
          },
        );
      if (body.date < found.acquired_on)
        throw invalid([
          {
            path: 'date',
            code: 'before_acquired',
            params: { date: found.acquired_on },
            message: `is before the asset was bought (${found.acquired_on})`,
          },
        ]);
      await depreciateThrough(tx, books, book, addMonths(monthOf(body.date), -1), assetId);
      const [asset] = await assetsRepository.list(tx.db, groupId, null, assetId);
      const currency = book.currency;
      const accounts = await ledgerRepository.accounts(tx.db, groupId);
      const role = (r: Parameters<typeof accountFor>[1]) => accountFor(accounts, r, 'date');
      const cost = BigInt(asset!.cost_minor);
      const accumulated = BigInt(asset!.depreciated_minor);
      const proceeds = body.proceeds ? minorOf(body.proceeds, currency, 'proceeds') : 0n;
      const gain = proceeds - (cost - accumulated);
      return {
        ...content,
        lines: [
          line(role({ role: 'accumulated_depreciation' }), 'debit', accumulated),
          line(role({ role: body.via === 'bank' ? 'bank' : 'cash' }), 'debit', proceeds, 'proceeds'),
          line(role({ role: 'equipment' }), 'credit', cost),
          gain >= 0n
            ? line(role({ role: 'other_income' }), 'credit', gain)
            : line(role({ role: 'other_expenses' }), 'debit', -gain),
        ],
        actorId: requireUser(tx.actor).id,
        afterwards: () => assetsRepository.dispose(tx.db, assetId, body.date, entryId),
      };
    });
  });
}

import { v7 as uuidv7 } from 'uuid';
import type { Tx } from '../../db/database.js';
import { inSnapshot, type Ctx, type TxCtx } from '../../http/context.js';
import { invalid, notFound, ruleBroken, type FieldError } from '../../http/errors.js';
import { dateIn } from '../../../shared/dates.js';
import { fromMinor } from '../../../shared/money.js';
import { fromMilli, toMilli } from '../../../shared/quantity.js';
import { groupById } from '../registry/index.js';
import type { AccountRole } from './chart-templates.js';
import { batchesRepository, type BatchRow } from './batches.repository.js';
import { bookAbilities, booksFor, openBooks, signedBalance, type Books } from './books.service.js';
import { ledgerRepository, type AccountRow, type LockedBook } from './ledger.repository.js';
import { accountFor, insertPosting, line, type PostedLine, type Posting, type PresentedEntry } from './posting.js';

/**
 * Perpetual inventory (SAK EMKM; DOMAIN.md): a production run moves cost from raw materials (and
 * absorbed labour and overhead) into finished goods; a sale, spoilage or a sample moves it out of
 * the batches it takes, first to expire first or the named batch. Each batch holds the value of
 * its stock on hand; a movement out takes value × quantity / stock (all of it when the batch
 * empties), so the books' finished goods equal the batches' value at every date, to the cent.
 */

/** A movement out of a batch, at the cost it takes, waiting for the entry that posts it. */
export interface StockTake {
  batch: BatchRow;
  quantity: string;
  costMinor: bigint;
  /** The batch after the take. */
  after: BatchRow;
}

/** The cost of taking `quantity` out of a batch now: its share of the value on hand. */
export function costOfTaking(batch: Pick<BatchRow, 'stock' | 'value_minor'>, quantity: string): bigint {
  const stock = toMilli(batch.stock);
  const take = toMilli(quantity);
  const value = BigInt(batch.value_minor);
  if (take >= stock) return value;
  // Rounded half up, in integer arithmetic.
  return (value * take * 2n + stock) / (stock * 2n);
}

/**
 * Takes stock (and its value) out of locked batches, and what orders reserved of it when
 * `reserved`; answers what each take cost.
 */
export async function takeStock(
  db: Tx,
  takes: { batch: BatchRow; quantity: string }[],
  reserved = false,
): Promise<StockTake[]> {
  const done: StockTake[] = [];
  for (const t of takes) {
    const costMinor = costOfTaking(t.batch, t.quantity);
    const after = await batchesRepository.adjust(db, t.batch.id, {
      stock: `-${t.quantity}`,
      value: -costMinor,
      ...(reserved ? { reserved: `-${t.quantity}` } : {}),
    });
    done.push({ ...t, costMinor, after });
  }
  return done;
}

/** Whether the group records production batches: then its cost of goods comes from them. */
export const tracksBatches = (db: Tx, groupId: string) => batchesRepository.tracksBatches(db, groupId);

/**
 * Locks and picks the batches a sale takes: the named batch, or the group's batches of the product
 * that expire first (not expired on the sale's date); 422 naming the quantity when stock is short.
 */
export async function pickForSale(
  db: Tx,
  groupId: string,
  items: { productId: string; quantity: string; batchId?: string | undefined }[],
  on: string,
): Promise<{ batch: BatchRow; quantity: string }[]> {
  const picked: { batch: BatchRow; quantity: string }[] = [];
  const errors: FieldError[] = [];
  const taken = new Map<string, bigint>();
  const availableOf = (b: BatchRow) => toMilli(b.stock) - toMilli(b.reserved) - (taken.get(b.id) ?? 0n);
  for (const [i, item] of items.entries()) {
    const candidates = item.batchId
      ? await batchesRepository.lock(db, [item.batchId])
      : await batchesRepository.lockAvailable(db, item.productId, groupId, on);
    const batches = candidates
      .filter((b) => b.group_id === groupId && b.product_id === item.productId && b.produced_on <= on)
      .sort(
        (a, b) =>
          (a.expires_on ?? '9999-12-31').localeCompare(b.expires_on ?? '9999-12-31') ||
          a.produced_on.localeCompare(b.produced_on) ||
          a.id.localeCompare(b.id),
      );
    if (item.batchId && batches.length === 0) {
      errors.push({
        path: `items.${i}.batchId`,
        code: 'not_allowed_here',
        message: "is not a batch of this group's product",
      });
      continue;
    }
    let left = toMilli(item.quantity);
    const held = batches.reduce((s, b) => s + availableOf(b), 0n);
    if (held < left) {
      throw ruleBroken(
        'stock-insufficient',
        `Only ${fromMilli(held)} are in stock on ${on}; this sale takes ${fromMilli(left)}.`,
        [
          {
            path: `items.${i}.quantity`,
            code: 'stock_short',
            params: { available: fromMilli(held) },
            message: `is more than the ${fromMilli(held)} in stock`,
          },
        ],
        { amount: fromMilli(left), balance: fromMilli(held) },
      );
    }
    for (const batch of batches) {
      if (left === 0n) break;
      const take = availableOf(batch) < left ? availableOf(batch) : left;
      if (take <= 0n) continue;
      picked.push({ batch, quantity: fromMilli(take) });
      taken.set(batch.id, (taken.get(batch.id) ?? 0n) + take);
      left -= take;
    }
  }
  if (errors.length) throw invalid(errors);
  return picked;
}

/** The movements a take leaves behind, linked to the entry that posted their cost. */
export const movementsOf = (
  takes: StockTake[],
  kind: string,
  on: string,
  actorId: string,
  entryId: string | null,
  extra: { note?: string | null; orderId?: string | null; consumedBy?: string | null } = {},
) =>
  takes.map((t) => ({
    id: uuidv7(),
    batchId: t.batch.id,
    kind,
    quantity: t.quantity,
    on,
    actorId,
    costMinor: t.costMinor,
    entryId,
    ...extra,
  }));

/** Where the cost of stock that leaves goes: sold → cost of goods, spoiled → a loss, samples → marketing. */
const COST_GOES_TO: Record<string, AccountRole> = {
  sold: 'cost_of_goods',
  spoiled: 'inventory_loss',
  sample: 'packaging_marketing',
  consumed: 'cost_of_goods',
};

/** The books of a batch's group, opened if need be, locked for one posting. */
async function lockedBooksOf(tx: TxCtx, groupId: string): Promise<{ books: Books; book: LockedBook }> {
  const group = await groupById(tx.db, groupId);
  if (!group) throw notFound('Producer group');
  const opened = await openBooks(tx.db, group);
  const books = { group, book: opened, opened: true };
  return { books, book: await ledgerRepository.lock(tx.db, groupId) };
}

/**
 * Posts stock that left a group's batches by hand (sold at the stall, spoiled, given as samples)
 * or into another group's run: Dr where the cost goes / Cr finished goods. Nothing to post at zero cost.
 */
export async function postStockOut(
  tx: TxCtx,
  groupId: string,
  takes: StockTake[],
  p: { kind: string; on: string; datePath: string; memo: string; actorId: string; quantityPath: string },
): Promise<PresentedEntry | null> {
  const cost = takes.reduce((s, t) => s + t.costMinor, 0n);
  if (cost === 0n) return null;
  const { books, book } = await lockedBooksOf(tx, groupId);
  const accounts = await ledgerRepository.accounts(tx.db, groupId);
  const to = accountFor(accounts, { role: COST_GOES_TO[p.kind] ?? 'cost_of_goods' }, p.quantityPath);
  const fg = accountFor(accounts, { role: 'finished_goods' }, p.quantityPath);
  return insertPosting(tx, books, book, uuidv7(), {
    date: p.on,
    datePath: p.datePath,
    kind: `stock_${p.kind}`,
    memo: p.memo,
    details: { batches: takes.map((t) => ({ batchId: t.batch.id, lotCode: t.batch.lot_code, quantity: t.quantity })) },
    lines: [line(to, 'debit', cost, p.quantityPath), line(fg, 'credit', cost, p.quantityPath)],
    actorId: p.actorId,
  });
}

export interface RunCosts {
  materials: bigint;
  labour: bigint;
  overhead: bigint;
  /** What input batches of the same group brought (moved within finished goods). */
  inputs: bigint;
  /** The request field materials came from, for a guard's message. */
  materialsPath: string;
}

/**
 * Posts a production run: finished goods in at the run's cost; materials out of raw materials,
 * labour and overhead absorbed, input batches' value moved within finished goods.
 */
export async function postProduction(
  tx: TxCtx,
  batch: BatchRow,
  costs: RunCosts,
  actorId: string,
): Promise<PresentedEntry | null> {
  const total = costs.materials + costs.labour + costs.overhead + costs.inputs;
  if (total === 0n) return null;
  const { books, book } = await lockedBooksOf(tx, batch.group_id);
  const accounts = await ledgerRepository.accounts(tx.db, batch.group_id);
  const role = (r: AccountRole) => accountFor(accounts, { role: r }, 'costs');
  const lines: PostedLine[] = [
    line(role('finished_goods'), 'debit', total, 'costs'),
    line(role('finished_goods'), 'credit', costs.inputs, 'inputs'),
    line(role('materials'), 'credit', costs.materials, costs.materialsPath),
    line(role('labour_absorbed'), 'credit', costs.labour, 'costs.labour'),
    line(role('overhead_absorbed'), 'credit', costs.overhead, 'costs.overhead'),
  ];
  const posting: Posting = {
    date: batch.produced_on,
    datePath: 'producedOn',
    kind: 'production_batch',
    memo: `Produksi ${batch.lot_code}`,
    details: {
      batchId: batch.id,
      lotCode: batch.lot_code,
      quantity: batch.quantity,
      costs: Object.fromEntries(
        (['materials', 'labour', 'overhead', 'inputs'] as const).map((k) => [k, costs[k].toString()]),
      ),
    },
    source: { type: 'batch', id: batch.id },
    lines,
    actorId,
  };
  return insertPosting(tx, books, book, uuidv7(), posting);
}

/** Puts back the stock an entry took when it is reversed: the same quantities at the same cost. */
export async function returnStockOf(tx: TxCtx, entryId: string, reversalId: string, on: string, actorId: string) {
  const moved = (await batchesRepository.movementsOfEntry(tx.db, entryId)).filter((m) =>
    ['sold', 'spoiled', 'sample'].includes(m.kind),
  );
  if (moved.length === 0) return;
  await batchesRepository.lock(
    tx.db,
    moved.map((m) => m.batch_id),
  );
  for (const m of moved) {
    await batchesRepository.adjust(tx.db, m.batch_id, { stock: m.quantity, value: BigInt(m.cost_minor ?? '0') });
  }
  await batchesRepository.insertMovements(
    tx.db,
    moved.map((m) => ({
      id: uuidv7(),
      batchId: m.batch_id,
      kind: 'returned',
      quantity: m.quantity,
      on,
      actorId,
      costMinor: BigInt(m.cost_minor ?? '0'),
      entryId: reversalId,
      orderId: m.order_id,
    })),
  );
}

/** Whether an entry was posted by a production run (corrected by recording stock out, not by reversal). */
export const movesProduction = (kind: string) => kind === 'production_batch';

/**
 * The books' inventory beside the valuation of stock on hand, on a date: finished goods in the
 * books should equal the batches' value (zero difference); raw materials are shown from the books.
 */
export async function inventoryCheck(ctx: Ctx, groupId: string, on: string | undefined) {
  return inSnapshot(ctx, async (tx) => {
    const books = await booksFor(tx, groupId, 'read');
    const date = on ?? dateIn(tx.clock.now());
    const currency = books.book.currency;
    const accounts: AccountRow[] = books.opened ? await ledgerRepository.accounts(tx.db, groupId) : [];
    const balances = books.opened ? await ledgerRepository.balances(tx.db, groupId, null, date) : [];
    const balanceOf = (role: string) =>
      accounts
        .filter((a) => a.role === role)
        .reduce((s, a) => {
          const b = balances.find((x) => x.account_id === a.id);
          return s + (b ? signedBalance(a, BigInt(b.debit), BigInt(b.credit)) : 0n);
        }, 0n);
    const batches = await batchesRepository.valuation(tx.db, groupId, date);
    const stockValue = batches.reduce((s, b) => s + BigInt(b.value_minor), 0n);
    const finishedGoods = balanceOf('finished_goods');
    const tracks = await tracksBatches(tx.db, groupId);
    return {
      groupId,
      on: date,
      currency,
      tracksBatches: tracks,
      books: {
        materials: fromMinor(balanceOf('materials'), currency),
        finishedGoods: fromMinor(finishedGoods, currency),
      },
      stock: {
        value: fromMinor(stockValue, currency),
        batches: batches
          .filter((b) => toMilli(b.stock) !== 0n || b.value_minor !== '0')
          .map((b) => ({
            batchId: b.id,
            lotCode: b.lot_code,
            productName: b.product_name,
            stock: fromMilli(toMilli(b.stock)),
            unit: b.unit,
            value: fromMinor(b.value_minor, currency),
          })),
      },
      difference: fromMinor(finishedGoods - stockValue, currency),
      // A group without batches keeps finished goods in the books alone: nothing to agree with.
      agrees: !tracks || finishedGoods === stockValue,
      abilities: { read: true, post: (await bookAbilities(tx, books.group)).post },
    };
  });
}

import { pathCodes } from '../../../shared/area-path.js';
import { v7 as uuidv7 } from 'uuid';
import { inTransaction, type Ctx, type TxCtx } from '../../http/context.js';
import { forbidden, invalid, notFound, ruleBroken } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { dateIn } from '../../../shared/dates.js';
import { fromMinor } from '../../../shared/money.js';
import { quantityText } from '../../../shared/quantity.js';
import { recordSale, releaseStock, reserveStock, sellStock } from '../business/index.js';
import { authorize, can, notify, recordAudit, requireUser, scopeOf } from '../platform/index.js';
import { programById } from '../programs/index.js';
import { buyersRepository } from './buyers.repository.js';
import type { InquiryRow, QuoteRow } from './inquiries.repository.js';
import { quoteTotals } from './trade-terms.js';
import { inquiriesRepository } from './inquiries.repository.js';
import type { ListOrdersQuery, OrderAnswer, OrderStatus, OrderTransitionBody } from './market.schemas.js';
import { marketNotice, noticeName } from './notices.js';
import { ordersRepository, type AllocationRow, type OrderRow } from './orders.repository.js';
import { orderPolicy, sideOf, tradeColumns, tradeTarget, viewerOf, type Side, type Viewer } from './trade.policy.js';

/**
 * The order state machine (DESIGN §3.7): every move not listed here is refused with 422, and each
 * listed move names the sides that may make it.
 */
export const TRANSITIONS: Record<OrderStatus, Partial<Record<OrderStatus, readonly Side[]>>> = {
  placed: { confirmed: ['group'], cancelled: ['group', 'buyer'] },
  confirmed: { shipped: ['group'], cancelled: ['group'] },
  shipped: { delivered: ['group', 'buyer'] },
  delivered: {},
  cancelled: {},
};

/** The buttons of an order: each the move to one state. */
const MOVES = { confirm: 'confirmed', ship: 'shipped', deliver: 'delivered', cancel: 'cancelled' } as const;

/**
 * What the viewer may do with the order now: move it where the state machine lets their side go
 * from here (the policy says whether they may move it at all, and which side they are on).
 */
function orderAbilities(viewer: Viewer, row: OrderRow): OrderAnswer['abilities'] {
  const target = tradeTarget(row);
  const side = sideOf(viewer.actor, orderPolicy, 'move', target);
  const may = (to: OrderStatus) => side !== null && (TRANSITIONS[row.status][to]?.includes(side) ?? false);
  return {
    read: can(viewer.actor, orderPolicy, 'read', target),
    confirm: may(MOVES.confirm),
    ship: may(MOVES.ship),
    deliver: may(MOVES.deliver),
    cancel: may(MOVES.cancel),
  };
}

function presentOrder(row: OrderRow, allocations: AllocationRow[]): Omit<OrderAnswer, 'abilities'> {
  const at = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: row.id,
    programId: row.program_id,
    groupId: row.group_id,
    groupName: row.group_name,
    productId: row.product_id,
    productName: row.product_name,
    buyer: { id: row.buyer_id, companyName: row.company_name, country: row.buyer_country },
    inquiryId: row.inquiry_id,
    quoteId: row.quote_id,
    quantity: quantityText(row.quantity),
    unit: row.unit,
    unitPrice: fromMinor(row.unit_price_minor, row.currency),
    total: fromMinor(row.total_minor, row.currency),
    rate: row.rate,
    groupTotal: fromMinor(row.group_total_minor, row.group_currency),
    terms: row.terms,
    market: row.market,
    status: row.status,
    next: Object.keys(TRANSITIONS[row.status]) as OrderStatus[],
    allocations: allocations
      .filter((a) => a.order_id === row.id)
      .map((a) => ({ batchId: a.batch_id, lotCode: a.lot_code, quantity: quantityText(a.quantity) })),
    saleEntryId: row.sale_entry_id,
    placedAt: row.placed_at.toISOString(),
    confirmedAt: at(row.confirmed_at),
    shippedAt: at(row.shipped_at),
    deliveredAt: at(row.delivered_at),
    cancelledAt: at(row.cancelled_at),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const answer = (viewer: Viewer, row: OrderRow, allocations: AllocationRow[]): OrderAnswer => ({
  ...presentOrder(row, allocations),
  abilities: orderAbilities(viewer, row),
});

/**
 * Where a sale goes, for the impact indicators: abroad when the buyer is in another country than
 * the program; local when the buyer is in the village's regency (the second level of the area
 * tree: kabupaten/kota in Indonesia); national otherwise.
 */
export function marketOf(
  buyer: { country: string; areaPath: string | null },
  group: { country: string; areaPath: string },
): 'local' | 'national' | 'export' {
  if (buyer.country !== group.country) return 'export';
  const regency = pathCodes(group.areaPath)[1];
  return regency !== undefined && pathCodes(buyer.areaPath)[1] === regency ? 'local' : 'national';
}

const link = (id: string) => `/app/orders/${id}`;

/** An accepted quote becomes a placed order (called by acceptQuote, inside its transaction). */
export async function placeOrder(tx: TxCtx, inquiry: InquiryRow, quote: QuoteRow): Promise<OrderAnswer> {
  const buyer = await buyersRepository.byUser(tx.db, inquiry.buyer_id);
  const program = await programById(tx.db, inquiry.program_id);
  // The inquiry references both: a buyer's profile and a program are never deleted.
  if (!buyer || !program) throw new Error(`Inquiry ${inquiry.id} lost its buyer or program.`);
  const { totalMinor, groupTotalMinor } = quoteTotals(quote);
  const row = await ordersRepository.insert(tx.db, {
    id: uuidv7(),
    program_id: inquiry.program_id,
    group_id: inquiry.group_id,
    product_id: inquiry.product_id,
    area_path: inquiry.area_path,
    buyer_id: inquiry.buyer_id,
    inquiry_id: inquiry.id,
    quote_id: quote.id,
    quantity: quote.quantity,
    unit: inquiry.product_unit,
    unit_price_minor: quote.unit_price_minor,
    total_minor: totalMinor.toString(),
    currency: quote.currency,
    group_currency: quote.group_currency,
    rate: quote.rate,
    group_total_minor: groupTotalMinor.toString(),
    terms: quote.terms,
    market: marketOf(
      { country: buyer.country, areaPath: buyer.area_path },
      { country: program.country, areaPath: inquiry.area_path },
    ),
  });
  await recordAudit(tx.db, tx, {
    action: 'order.place',
    entity: 'order',
    entityId: row.id,
    after: presentOrder(row, []),
  });
  await notify(
    tx.db,
    marketNotice(
      'order.placed',
      await inquiriesRepository.groupManagerIds(tx.db, inquiry.group_id),
      { product: noticeName(inquiry.product_name), company: buyer.company_name },
      link(row.id),
    ),
  );
  return answer(viewerOf(tx), row, []);
}

export async function listOrders(ctx: Ctx, query: ListOrdersQuery) {
  requireUser(ctx.actor);
  const scope = scopeOf(ctx.actor, orderPolicy, 'read', tradeColumns('o'));
  const before = decodeCursor(query.cursor, 1)?.[0] ?? null;
  const rows = await ordersRepository.list(ctx.db, scope, { ...query, before });
  const allocations = await ordersRepository.allocations(
    ctx.db,
    rows.map((r) => r.id),
  );
  const viewer = viewerOf(ctx);
  return toPage(
    rows,
    query.limit,
    (r) => answer(viewer, r, allocations),
    (r) => [r.id],
  );
}

export async function getOrder(ctx: Ctx, id: string): Promise<OrderAnswer> {
  const row = await ordersRepository.byId(ctx.db, id);
  if (!row) throw notFound('Order');
  authorize(ctx.actor, orderPolicy, 'read', tradeTarget(row));
  return answer(viewerOf(ctx), row, await ordersRepository.allocations(ctx.db, [id]));
}

/**
 * Moves an order to its next state. Confirming reserves stock (named batches or FIFO by expiry);
 * shipping sells it and posts the sale to the group's books; cancelling a confirmed order gives
 * the stock back. The order row is locked first, so two moves of one order never interleave.
 */
export async function moveOrder(ctx: Ctx, id: string, input: OrderTransitionBody): Promise<OrderAnswer> {
  return inTransaction(ctx, async (tx) => {
    const row = await ordersRepository.byId(tx.db, id, true);
    if (!row) throw notFound('Order');
    const target = tradeTarget(row);
    const actor = authorize(tx.actor, orderPolicy, 'move', target);
    // Whoever may move it is on one side or the other.
    const side = sideOf(tx.actor, orderPolicy, 'move', target)!;
    const sides = TRANSITIONS[row.status][input.to];
    if (!sides) {
      throw ruleBroken('illegal-transition', `An order cannot move from ${row.status} to ${input.to}.`, [
        { path: 'to', code: 'status_transition', params: { from: row.status }, message: `cannot follow ${row.status}` },
      ]);
    }
    if (!sides.includes(side))
      throw forbidden(`The ${side} may not move an order to ${input.to}.`, {
        code: 'order-move-refused',
        params: { side, to: input.to },
      });
    if (input.allocations && input.to !== 'confirmed')
      throw invalid([
        { path: 'allocations', code: 'allocations_on_confirm', message: 'are named only when confirming' },
      ]);
    const held = await ordersRepository.allocations(tx.db, [id]);
    const before = presentOrder(row, held);
    let saleEntryId: string | undefined;
    if (input.to === 'confirmed') {
      const allocations = await reserveStock(
        tx,
        { id, productId: row.product_id, groupId: row.group_id, quantity: row.quantity, actorId: actor.id },
        input.allocations,
      );
      await ordersRepository.insertAllocations(tx.db, id, allocations);
    } else if (input.to === 'shipped') {
      const on = dateIn(tx.clock.now());
      const costOfGoods = await sellStock(tx, id, before.allocations, on, actor.id);
      ({ entryId: saleEntryId } = await recordSale(tx, {
        groupId: row.group_id,
        on,
        amount: before.groupTotal,
        settlement: 'credit',
        memo: `Order ${id.slice(-8)}: ${before.quantity} ${row.unit} ${noticeName(row.product_name)} — ${row.company_name}${
          row.rate === null
            ? ''
            : ` (${before.total.currency} ${before.total.amount} at ${row.rate} ${row.group_currency}/${row.currency})`
        }`,
        ...(row.rate === null ? {} : { foreign: { amount: before.total, rate: row.rate } }),
        sourceType: 'order',
        sourceId: id,
        costOfGoods,
        actorId: actor.id,
        market: row.market,
        destination: row.market === 'export' ? row.buyer_country : undefined,
      }));
    } else if (input.to === 'cancelled' && row.status === 'confirmed') {
      await releaseStock(tx, id, before.allocations, actor.id);
    }
    const moved = await ordersRepository.setStatus(tx.db, id, input.to, saleEntryId);
    // Confirming is the one move that adds allocations (with their lot codes); the others keep them.
    const allocations = input.to === 'confirmed' ? await ordersRepository.allocations(tx.db, [id]) : held;
    const after = presentOrder(moved, allocations);
    await recordAudit(tx.db, tx, { action: `order.${input.to}`, entity: 'order', entityId: id, before, after });
    const managers = await inquiriesRepository.groupManagerIds(tx.db, row.group_id);
    await notify(
      tx.db,
      marketNotice(
        `order.${input.to}`,
        [row.buyer_id, ...managers].filter((u) => u !== actor.id),
        { product: noticeName(row.product_name), company: row.company_name, group: row.group_name },
        link(id),
      ),
    );
    return { ...after, abilities: orderAbilities(viewerOf(tx), moved) };
  });
}

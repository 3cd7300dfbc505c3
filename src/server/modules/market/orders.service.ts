import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '../../db/database.js';
import type { Ctx } from '../../http/context.js';
import { forbidden, invalid, notFound, ruleBroken } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { fromMinor } from '../../../shared/money.js';
import { lineTotalMinor, quantityText, toMilli } from '../../../shared/quantity.js';
import { recordSale, releaseStock, reserveStock, sellStock } from '../business/index.js';
import { notify, recordAudit, requireUser } from '../platform/index.js';
import { programsRepository } from '../programs/index.js';
import { buyersRepository } from './buyers.repository.js';
import type { InquiryRow, QuoteRow } from './inquiries.repository.js';
import { inquiriesRepository } from './inquiries.repository.js';
import { marketNotice } from './notices.js';
import { ordersRepository, type AllocationRow, type OrderRow } from './orders.repository.js';
import type { ListOrdersQuery, OrderStatus, OrderTransitionBody } from './orders.schemas.js';
import { assertMayRead, sideOf, tradeScope, type Side } from './trade.policy.js';

const today = () => new Date().toISOString().slice(0, 10);
const nameOf = (text: Record<string, string>) => text.id ?? text.en ?? Object.values(text)[0] ?? '';

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

export function presentOrder(row: OrderRow, allocations: AllocationRow[] = []) {
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
    market: row.market,
    status: row.status,
    /** The moves the order may make next (which of them the caller may make is the server's call). */
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
type PresentedOrder = ReturnType<typeof presentOrder>;

const pathCodes = (path: string | null) => (path ?? '').split('/').filter((code) => code !== '');

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

async function presented(db: Queryable, id: string) {
  return presentOrder((await ordersRepository.byId(db, id))!, await ordersRepository.allocations(db, [id]));
}

const link = (id: string) => `/app/orders/${id}`;

/** An accepted quote becomes a placed order (called by acceptQuote, inside its transaction). */
export async function placeOrder(
  tx: Queryable,
  ctx: Pick<Ctx, 'actor' | 'requestId'>,
  inquiry: InquiryRow,
  quote: QuoteRow,
): Promise<PresentedOrder> {
  const buyer = (await buyersRepository.byUser(tx, inquiry.buyer_id))!;
  const program = (await programsRepository.byId(tx, inquiry.program_id))!;
  const id = uuidv7();
  await ordersRepository.insert(tx, {
    id,
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
    total_minor: lineTotalMinor(BigInt(quote.unit_price_minor), toMilli(quote.quantity)).toString(),
    currency: quote.currency,
    market: marketOf(
      { country: buyer.country, areaPath: buyer.area_path },
      { country: program.country, areaPath: inquiry.area_path },
    ),
  });
  const order = await presented(tx, id);
  await recordAudit(tx, ctx, { action: 'order.place', entity: 'order', entityId: id, after: order });
  await notify(
    tx,
    marketNotice(
      'order.placed',
      await inquiriesRepository.groupManagerIds(tx, inquiry.group_id),
      { product: nameOf(inquiry.product_name), company: buyer.company_name },
      link(id),
    ),
  );
  return order;
}

export async function listOrders(ctx: Ctx, query: ListOrdersQuery) {
  const params: unknown[] = [];
  const scope = tradeScope(ctx.actor, 'o', params);
  const before = decodeCursor(query.cursor, 1)?.[0] ?? null;
  const rows = await ordersRepository.list(ctx.db, scope, params, { ...query, before });
  const allocations = await ordersRepository.allocations(
    ctx.db,
    rows.map((r) => r.id),
  );
  return toPage(
    rows,
    query.limit,
    (r) => presentOrder(r, allocations),
    (r) => [r.id],
  );
}

export async function getOrder(ctx: Ctx, id: string): Promise<PresentedOrder> {
  const row = await ordersRepository.byId(ctx.db, id);
  if (!row) throw notFound('Order');
  assertMayRead(ctx.actor, row, 'Order');
  return presented(ctx.db, id);
}

/**
 * Moves an order to its next state. Confirming reserves stock (named batches or FIFO by expiry);
 * shipping sells it and posts the sale to the group's books; cancelling a confirmed order gives
 * the stock back. The order row is locked first, so two moves of one order never interleave.
 */
export async function moveOrder(ctx: Ctx, id: string, input: OrderTransitionBody): Promise<PresentedOrder> {
  const actor = requireUser(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const row = await ordersRepository.byId(tx, id, true);
    if (!row) throw notFound('Order');
    const side = sideOf(ctx.actor, row, 'Order');
    const sides = TRANSITIONS[row.status][input.to];
    if (!sides) {
      throw ruleBroken('illegal-transition', `An order cannot move from ${row.status} to ${input.to}.`, [
        { path: 'to', message: `cannot follow ${row.status}` },
      ]);
    }
    if (!sides.includes(side)) throw forbidden(`The ${side} may not move an order to ${input.to}.`);
    if (input.allocations && input.to !== 'confirmed')
      throw invalid([{ path: 'allocations', message: 'are named only when confirming' }]);
    const before = await presented(tx, id);
    let saleEntryId: string | undefined;
    if (input.to === 'confirmed') {
      const allocations = await reserveStock(
        tx,
        { id, productId: row.product_id, groupId: row.group_id, quantity: row.quantity, actorId: actor.id },
        input.allocations,
      );
      await ordersRepository.insertAllocations(tx, id, allocations);
    } else if (input.to === 'shipped') {
      const on = today();
      const costOfGoods = await sellStock(tx, id, before.allocations, on, actor.id);
      ({ entryId: saleEntryId } = await recordSale(tx, {
        groupId: row.group_id,
        on,
        amount: before.total,
        settlement: 'credit',
        memo: `Order ${id.slice(-8)}: ${before.quantity} ${row.unit} ${nameOf(row.product_name)} — ${row.company_name}`,
        sourceType: 'order',
        sourceId: id,
        costOfGoods,
        actorId: actor.id,
      }));
    } else if (input.to === 'cancelled' && row.status === 'confirmed') {
      await releaseStock(tx, id, before.allocations, actor.id);
    }
    await ordersRepository.setStatus(tx, id, input.to, saleEntryId);
    const after = await presented(tx, id);
    await recordAudit(tx, ctx, { action: `order.${input.to}`, entity: 'order', entityId: id, before, after });
    const managers = await inquiriesRepository.groupManagerIds(tx, row.group_id);
    await notify(
      tx,
      marketNotice(
        `order.${input.to}`,
        [row.buyer_id, ...managers].filter((u) => u !== actor.id),
        { product: nameOf(row.product_name), company: row.company_name, group: row.group_name },
        link(id),
      ),
    );
    return after;
  });
}

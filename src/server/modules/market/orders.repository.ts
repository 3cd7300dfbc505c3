import type { Queryable } from '../../db/database.js';
import { Where, lockRow, type Sql } from '../../db/sql.js';
import type { TradeTermsAnswer } from './market.schemas.js';

type Localized = Record<string, string>;

export interface OrderRow {
  id: string;
  program_id: string;
  group_id: string;
  product_id: string;
  area_path: string;
  buyer_id: string;
  inquiry_id: string | null;
  quote_id: string | null;
  quantity: string;
  unit: string;
  unit_price_minor: string;
  total_minor: string;
  currency: string;
  group_currency: string;
  rate: string | null;
  group_total_minor: string;
  terms: TradeTermsAnswer | null;
  market: 'local' | 'national' | 'export';
  status: 'placed' | 'confirmed' | 'shipped' | 'delivered' | 'cancelled';
  sale_entry_id: string | null;
  product_name: Localized;
  group_name: string;
  company_name: string;
  buyer_country: string;
  placed_at: Date;
  confirmed_at: Date | null;
  shipped_at: Date | null;
  delivered_at: Date | null;
  cancelled_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface AllocationRow {
  order_id: string;
  batch_id: string;
  lot_code: string;
  quantity: string;
}

const COLUMNS = `o.id, o.program_id, o.group_id, o.product_id, o.area_path, o.buyer_id, o.inquiry_id, o.quote_id,
  o.quantity, o.unit, o.unit_price_minor, o.total_minor, o.currency, o.group_currency, o.rate::text AS rate,
  o.group_total_minor, o.terms, o.market, o.status, o.sale_entry_id,
  p.name AS product_name, g.name AS group_name, b.company_name, b.country AS buyer_country,
  o.placed_at, o.confirmed_at, o.shipped_at, o.delivered_at, o.cancelled_at, o.version, o.created_at, o.updated_at`;
/** Joined to an order `o` (a table or a CTE of what was just written). */
const JOINS = `JOIN registry_products p ON p.id = o.product_id JOIN registry_groups g ON g.id = o.group_id
  JOIN buyers b ON b.user_id = o.buyer_id`;
const SELECT = `SELECT ${COLUMNS} FROM orders o ${JOINS}`;

/** The timestamp column each state stamps when an order enters it. */
const STAMP = {
  placed: 'placed_at',
  confirmed: 'confirmed_at',
  shipped: 'shipped_at',
  delivered: 'delivered_at',
  cancelled: 'cancelled_at',
} as const;

export const ordersRepository = {
  /** With `lock`, the order row is held until the transaction ends: one state change at a time. */
  async byId(db: Queryable, id: string, lock = false): Promise<OrderRow | undefined> {
    if (lock) await lockRow(db, 'orders', id);
    return (await db.query<OrderRow>(`${SELECT} WHERE o.id = $1`, [id]))[0];
  },

  async list(
    db: Queryable,
    scope: Sql,
    f: { groupId?: string | undefined; status?: string | undefined; before: string | null; limit: number },
  ): Promise<OrderRow[]> {
    const params: unknown[] = [];
    const where = new Where(params, scope);
    where.equal('o.group_id', f.groupId);
    where.equal('o.status', f.status);
    if (f.before) where.and(`o.id < ${where.bind(f.before)}`);
    return db.query<OrderRow>(`${SELECT} WHERE ${where} ORDER BY o.id DESC LIMIT ${where.bind(f.limit + 1)}`, params);
  },

  async insert(
    db: Queryable,
    o: Pick<
      OrderRow,
      | 'id'
      | 'program_id'
      | 'group_id'
      | 'product_id'
      | 'area_path'
      | 'buyer_id'
      | 'inquiry_id'
      | 'quote_id'
      | 'quantity'
      | 'unit'
      | 'unit_price_minor'
      | 'total_minor'
      | 'currency'
      | 'group_currency'
      | 'rate'
      | 'group_total_minor'
      | 'terms'
      | 'market'
    >,
  ): Promise<OrderRow> {
    const rows = await db.query<OrderRow>(
      `WITH o AS (
         INSERT INTO orders (id, program_id, group_id, product_id, area_path, buyer_id, inquiry_id, quote_id, quantity, unit,
           unit_price_minor, total_minor, currency, group_currency, rate, group_total_minor, terms, market, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, 'placed') RETURNING *
       ) SELECT ${COLUMNS} FROM o ${JOINS}`,
      [
        o.id,
        o.program_id,
        o.group_id,
        o.product_id,
        o.area_path,
        o.buyer_id,
        o.inquiry_id,
        o.quote_id,
        o.quantity,
        o.unit,
        o.unit_price_minor,
        o.total_minor,
        o.currency,
        o.group_currency,
        o.rate,
        o.group_total_minor,
        o.terms === null ? null : JSON.stringify(o.terms),
        o.market,
      ],
    );
    return rows[0]!;
  },

  async setStatus(db: Queryable, id: string, status: OrderRow['status'], saleEntryId?: string): Promise<OrderRow> {
    const rows = await db.query<OrderRow>(
      `WITH o AS (
         UPDATE orders SET status = $2, ${STAMP[status]} = now(), sale_entry_id = coalesce($3, sale_entry_id),
           version = version + 1, updated_at = now() WHERE id = $1 RETURNING *
       ) SELECT ${COLUMNS} FROM o ${JOINS}`,
      [id, status, saleEntryId ?? null],
    );
    return rows[0]!;
  },

  async allocations(db: Queryable, orderIds: string[]): Promise<AllocationRow[]> {
    return db.query<AllocationRow>(
      `SELECT a.order_id, a.batch_id, b.lot_code, a.quantity FROM order_allocations a JOIN business_batches b ON b.id = a.batch_id
       WHERE a.order_id = ANY($1::uuid[]) ORDER BY a.order_id, b.lot_code`,
      [orderIds],
    );
  },

  async insertAllocations(
    db: Queryable,
    orderId: string,
    rows: { batchId: string; quantity: string }[],
  ): Promise<void> {
    await db.query(
      `INSERT INTO order_allocations (order_id, batch_id, quantity) SELECT $1, * FROM unnest($2::uuid[], $3::numeric[])`,
      [orderId, rows.map((r) => r.batchId), rows.map((r) => r.quantity)],
    );
  },
};

import type { Queryable } from '../../db/database.js';
import { Where, type Sql } from '../../db/sql.js';
import type { MovementKind } from '../../../shared/schemas/batches.js';

import type { Localized } from '../../../shared/localized.js';
import { readOnce } from '../../http/batch-memo.js';

export interface BatchRow {
  id: string;
  program_id: string;
  group_id: string;
  product_id: string;
  area_path: string;
  product_name: Localized;
  lot_code: string;
  /** numeric columns arrive as exact decimal strings ("12.500") on both engines. */
  quantity: string;
  unit: string;
  produced_on: string;
  expires_on: string | null;
  cost_per_unit_minor: string | null;
  cost_minor: string | null;
  costs: {
    from: 'breakdown' | 'per-unit' | 'inputs';
    materials: string;
    labour: string;
    overhead: string;
    inputs: string;
  } | null;
  value_minor: string;
  currency: string;
  stock: string;
  reserved: string;
  notes: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface BatchInputRow {
  batch_id: string;
  input_batch_id: string;
  lot_code: string;
  quantity: string;
}

export interface MovementRow {
  id: string;
  batch_id: string;
  kind: MovementKind;
  quantity: string;
  on_date: string;
  order_id: string | null;
  consumed_by_batch_id: string | null;
  note: string | null;
  created_at: Date;
  cost_minor?: string;
}

export type BatchValues = Pick<
  BatchRow,
  | 'id'
  | 'program_id'
  | 'group_id'
  | 'product_id'
  | 'area_path'
  | 'lot_code'
  | 'quantity'
  | 'unit'
  | 'produced_on'
  | 'expires_on'
  | 'cost_per_unit_minor'
  | 'cost_minor'
  | 'costs'
  | 'currency'
  | 'notes'
>;

const COLUMNS = `b.id, b.program_id, b.group_id, b.product_id, b.area_path, p.name AS product_name, b.lot_code, b.quantity,
  b.unit, b.produced_on, b.expires_on, b.cost_per_unit_minor, b.cost_minor, b.costs, b.value_minor, b.currency, b.stock, b.reserved, b.notes, b.version,
  b.created_at, b.updated_at`;
const FROM = 'batches b JOIN registry_products p ON p.id = b.product_id';

export const batchesRepository = {
  async byId(db: Queryable, id: string): Promise<BatchRow | undefined> {
    return (await db.query<BatchRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE b.id = $1`, [id]))[0];
  },

  async byLotCode(db: Queryable, groupId: string, lotCode: string): Promise<BatchRow | undefined> {
    return (
      await db.query<BatchRow>(
        `SELECT ${COLUMNS} FROM ${FROM} WHERE b.group_id = $1 AND lower(b.lot_code) = lower($2)`,
        [groupId, lotCode],
      )
    )[0];
  },

  /**
   * Locks batches against concurrent stock changes until the transaction ends, always in id
   * order so that two commands locking overlapping sets cannot deadlock.
   */
  async lock(db: Queryable, ids: string[]): Promise<BatchRow[]> {
    if (ids.length === 0) return [];
    await db.query('SELECT id FROM batches WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [ids]);
    return db.query<BatchRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE b.id = ANY($1::uuid[]) ORDER BY b.id`, [ids]);
  },

  /**
   * Locks every batch of a product in a group that has stock available and has not expired by
   * `today` (id order), for FIFO reservation: expired food is never sold.
   */
  async lockAvailable(db: Queryable, productId: string, groupId: string, today: string): Promise<BatchRow[]> {
    const ids = await db.query<{ id: string }>(
      `SELECT id FROM batches WHERE product_id = $1 AND group_id = $2 AND stock > reserved
         AND (expires_on IS NULL OR expires_on >= $3::date)
       ORDER BY id FOR UPDATE`,
      [productId, groupId, today],
    );
    return this.lock(
      db,
      ids.map((r) => r.id),
    );
  },

  async list(
    db: Queryable,
    scope: Sql,
    f: {
      programId?: string | undefined;
      groupId?: string | undefined;
      productId?: string | undefined;
      available?: boolean | undefined;
      after: string | null;
      limit: number;
    },
  ): Promise<BatchRow[]> {
    const params: unknown[] = [];
    const where = new Where(params, scope);
    where.equal('b.program_id', f.programId);
    where.equal('b.group_id', f.groupId);
    where.equal('b.product_id', f.productId);
    if (f.available) where.and('b.stock > b.reserved');
    if (f.after) where.and(`b.id < ${where.bind(f.after)}`);
    return db.query<BatchRow>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where} ORDER BY b.id DESC LIMIT ${where.bind(f.limit + 1)}`,
      params,
    );
  },

  /** Writes a batch with all its stock; answers it as `byId` would. */
  async insert(db: Queryable, b: BatchValues): Promise<BatchRow> {
    const rows = await db.query<BatchRow>(
      `WITH b AS (
         INSERT INTO batches (id, program_id, group_id, product_id, area_path, lot_code, quantity, unit, produced_on,
           expires_on, cost_per_unit_minor, currency, stock, notes, cost_minor, costs, value_minor)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $7, $13, $14::bigint, $15, coalesce($14::bigint, 0))
         RETURNING *)
       SELECT ${COLUMNS} FROM b JOIN registry_products p ON p.id = b.product_id`,
      [
        b.id,
        b.program_id,
        b.group_id,
        b.product_id,
        b.area_path,
        b.lot_code,
        b.quantity,
        b.unit,
        b.produced_on,
        b.expires_on,
        b.cost_per_unit_minor,
        b.currency,
        b.notes,
        b.cost_minor,
        b.costs && JSON.stringify(b.costs),
      ],
    );
    return rows[0]!;
  },

  /** Writes what a batch consumed; answers it as `inputs` would. */
  async insertInputs(
    db: Queryable,
    batchId: string,
    inputs: { batchId: string; quantity: string }[],
  ): Promise<BatchInputRow[]> {
    if (inputs.length === 0) return [];
    return db.query<BatchInputRow>(
      `WITH i AS (
         INSERT INTO batch_inputs (batch_id, input_batch_id, quantity)
         SELECT $1, * FROM unnest($2::uuid[], $3::numeric[])
         RETURNING *)
       SELECT i.batch_id, i.input_batch_id, b.lot_code, i.quantity FROM i JOIN batches b ON b.id = i.input_batch_id
       ORDER BY i.batch_id, b.lot_code`,
      [batchId, inputs.map((i) => i.batchId), inputs.map((i) => i.quantity)],
    );
  },

  async inputs(db: Queryable, batchIds: string[]): Promise<BatchInputRow[]> {
    return db.query<BatchInputRow>(
      `SELECT i.batch_id, i.input_batch_id, b.lot_code, i.quantity FROM batch_inputs i
       JOIN batches b ON b.id = i.input_batch_id WHERE i.batch_id = ANY($1::uuid[]) ORDER BY i.batch_id, b.lot_code`,
      [batchIds],
    );
  },

  /**
   * Changes stock, reservation and value on hand by signed deltas (the table's CHECKs refuse
   * anything negative); answers the batch.
   */
  async adjust(
    db: Queryable,
    id: string,
    delta: { stock?: string; reserved?: string; value?: bigint },
  ): Promise<BatchRow> {
    const rows = await db.query<BatchRow>(
      `WITH b AS (
         UPDATE batches SET stock = stock + $2::numeric, reserved = reserved + $3::numeric,
           value_minor = value_minor + $4::bigint, updated_at = now()
         WHERE id = $1 RETURNING *)
       SELECT ${COLUMNS} FROM b JOIN registry_products p ON p.id = b.product_id`,
      [id, delta.stock ?? '0', delta.reserved ?? '0', (delta.value ?? 0n).toString()],
    );
    return rows[0]!;
  },

  async insertMovements(
    db: Queryable,
    rows: {
      id: string;
      batchId: string;
      kind: string;
      quantity: string;
      on: string;
      orderId?: string | null;
      consumedBy?: string | null;
      note?: string | null;
      actorId: string | null;
      costMinor?: bigint;
      entryId?: string | null;
    }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await db.query(
      `INSERT INTO stock_movements (id, batch_id, kind, quantity, on_date, order_id, consumed_by_batch_id, note, actor_id,
         cost_minor, entry_id)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::numeric[], $5::date[], $6::uuid[], $7::uuid[],
         $8::text[], $9::uuid[], $10::bigint[], $11::uuid[])`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.batchId),
        rows.map((r) => r.kind),
        rows.map((r) => r.quantity),
        rows.map((r) => r.on),
        rows.map((r) => r.orderId ?? null),
        rows.map((r) => r.consumedBy ?? null),
        rows.map((r) => r.note ?? null),
        rows.map((r) => r.actorId),
        rows.map((r) => (r.costMinor ?? 0n).toString()),
        rows.map((r) => r.entryId ?? null),
      ],
    );
  },

  /** Marks the sold movements of an order, not yet linked, as posted by an entry. */
  async linkOrderMovements(db: Queryable, orderId: string, entryId: string): Promise<void> {
    await db.query(
      `UPDATE stock_movements SET entry_id = $2 WHERE order_id = $1 AND kind = 'sold' AND entry_id IS NULL`,
      [orderId, entryId],
    );
  },

  /** The movements out of stock whose cost an entry posted (what reversing it puts back). */
  async movementsOfEntry(db: Queryable, entryId: string): Promise<MovementRow[]> {
    return db.query<MovementRow>(
      `SELECT id, batch_id, kind, quantity, on_date, order_id, consumed_by_batch_id,
         note, created_at, cost_minor::text AS cost_minor
       FROM stock_movements WHERE entry_id = $1 ORDER BY id`,
      [entryId],
    );
  },

  async tracksBatches(db: Queryable, groupId: string): Promise<boolean> {
    return readOnce(
      ['batches'],
      `tracks-batches:${groupId}`,
      async () => (await db.query(`SELECT 1 FROM batches WHERE group_id = $1 LIMIT 1`, [groupId])).length > 0,
    );
  },

  /**
   * The group's batches with their stock and value on a date: what was produced by then less what
   * left by then, each movement at the cost it moved.
   */
  async valuation(db: Queryable, groupId: string, on: string) {
    return db.query<{
      id: string;
      lot_code: string;
      product_name: Localized;
      unit: string;
      stock: string;
      value_minor: string;
    }>(
      `SELECT b.id, b.lot_code, p.name AS product_name, b.unit,
         sum(CASE WHEN m.kind IN ('produced', 'returned') THEN m.quantity ELSE -m.quantity END)::text AS stock,
         sum(CASE WHEN m.kind IN ('produced', 'returned') THEN m.cost_minor ELSE -m.cost_minor END)::text AS value_minor
       FROM batches b JOIN registry_products p ON p.id = b.product_id
       JOIN stock_movements m ON m.batch_id = b.id AND m.on_date <= $2::date
         AND m.kind IN ('produced', 'returned', 'sold', 'spoiled', 'sample', 'consumed')
       WHERE b.group_id = $1
       GROUP BY b.id, b.lot_code, p.name, b.unit
       ORDER BY b.lot_code`,
      [groupId, on],
    );
  },

  async movementById(db: Queryable, id: string): Promise<MovementRow | undefined> {
    return (
      await db.query<MovementRow>(
        `SELECT id, batch_id, kind, quantity, on_date, order_id, consumed_by_batch_id, note, created_at
         FROM stock_movements WHERE id = $1`,
        [id],
      )
    )[0];
  },

  async movements(db: Queryable, batchId: string, f: { after: string | null; limit: number }): Promise<MovementRow[]> {
    return db.query<MovementRow>(
      `SELECT id, batch_id, kind, quantity, on_date, order_id, consumed_by_batch_id, note, created_at
       FROM stock_movements WHERE batch_id = $1 AND ($2::uuid IS NULL OR id > $2) ORDER BY id LIMIT $3`,
      [batchId, f.after, f.limit + 1],
    );
  },
};

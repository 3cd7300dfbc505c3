import { v7 as uuidv7 } from 'uuid';
import type { Tx } from '../../db/database.js';
import { inTransaction, type Ctx, type TxCtx, type UserActor } from '../../http/context.js';
import { dateIn } from '../../../shared/dates.js';
import { createOnce, type Created } from '../../http/create-once.js';
import { conflict, forbidden, invalid, notFound, ruleBroken, type FieldError } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { fromMinor, minorDigits, toMinor, type Money } from '../../../shared/money.js';
import { fromMilli, lineTotalMinor, quantityText, toMilli } from '../../../shared/quantity.js';
import { abilities, authorize, can, canSomewhere, recordAudit, requireUser, scopeOf } from '../platform/index.js';
import { productById, productTarget } from '../registry/index.js';
import { batchesPolicy } from './business.policy.js';
import { movementsOf, postProduction, postStockOut, takeStock, type StockTake } from './inventory.service.js';
import { batchesRepository, type BatchInputRow, type BatchRow, type MovementRow } from './batches.repository.js';
import type { CreateBatchBody, ListBatchesQuery, RecordMovementBody } from './batches.schemas.js';

export const batchTarget = (row: Pick<BatchRow, 'program_id' | 'area_path' | 'group_id'>) => ({
  programId: row.program_id,
  areaPath: row.area_path,
  groupId: row.group_id,
});

export function presentBatch(row: BatchRow, inputs: BatchInputRow[] = []) {
  const stock = toMilli(row.stock);
  const reserved = toMilli(row.reserved);
  return {
    id: row.id,
    programId: row.program_id,
    groupId: row.group_id,
    productId: row.product_id,
    productName: row.product_name,
    lotCode: row.lot_code,
    quantity: quantityText(row.quantity),
    unit: row.unit,
    producedOn: row.produced_on,
    expiresOn: row.expires_on,
    costPerUnit: row.cost_per_unit_minor === null ? null : fromMinor(row.cost_per_unit_minor, row.currency),
    cost: row.cost_minor === null ? null : fromMinor(row.cost_minor, row.currency),
    costs: row.costs
      ? {
          materials: fromMinor(row.costs.materials, row.currency),
          labour: fromMinor(row.costs.labour, row.currency),
          overhead: fromMinor(row.costs.overhead, row.currency),
          inputs: fromMinor(row.costs.inputs, row.currency),
        }
      : null,
    value: fromMinor(row.value_minor, row.currency),
    stock: fromMilli(stock),
    reserved: fromMilli(reserved),
    available: fromMilli(stock - reserved),
    inputs: inputs
      .filter((i) => i.batch_id === row.id)
      .map((i) => ({ batchId: i.input_batch_id, lotCode: i.lot_code, quantity: quantityText(i.quantity) })),
    notes: row.notes,
    /** The public provenance page the batch's QR code opens. */
    provenancePath: `/b/${row.id}`,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A batch as answered to the caller: the record and what they may do with it. */
export function batchAnswer(actor: Ctx['actor'], row: BatchRow, inputs: BatchInputRow[] = []) {
  return { ...presentBatch(row, inputs), abilities: abilities(actor, batchesPolicy, batchTarget(row)) };
}
export type BatchAnswer = ReturnType<typeof batchAnswer>;

/** What makes two creates with the same id the same production run. */
const sameRun = (r: {
  productId: string;
  lotCode: string;
  quantity: string;
  producedOn: string;
  expiresOn: string | null;
  cost: { minor: string; currency: string } | null;
  costs: { materials: string; labour: string; overhead: string } | null;
  inputs: { batchId: string; quantity: string }[];
  notes: string | null;
}) => ({
  ...r,
  quantity: quantityText(r.quantity),
  inputs: r.inputs
    .map((i) => ({ batchId: i.batchId, quantity: quantityText(i.quantity) }))
    .sort((x, y) => x.batchId.localeCompare(y.batchId)),
});

const storedRun = ({ row, inputs }: { row: BatchRow; inputs: BatchInputRow[] }) =>
  sameRun({
    productId: row.product_id,
    lotCode: row.lot_code,
    quantity: row.quantity,
    producedOn: row.produced_on,
    expiresOn: row.expires_on,
    cost:
      row.costs?.from === 'breakdown' || row.cost_per_unit_minor === null
        ? null
        : { minor: row.cost_per_unit_minor, currency: row.currency },
    costs:
      row.costs?.from === 'breakdown'
        ? { materials: row.costs.materials, labour: row.costs.labour, overhead: row.costs.overhead }
        : null,
    inputs: inputs.map((i) => ({ batchId: i.input_batch_id, quantity: i.quantity })),
    notes: row.notes,
  });

const inputRun = (input: CreateBatchBody) =>
  sameRun({
    productId: input.productId,
    lotCode: input.lotCode,
    quantity: input.quantity,
    producedOn: input.producedOn,
    expiresOn: input.expiresOn ?? null,
    cost: input.costPerUnit
      ? {
          minor: toMinor(input.costPerUnit.amount, input.costPerUnit.currency)?.toString() ?? 'not an amount',
          currency: input.costPerUnit.currency,
        }
      : null,
    costs: input.costs
      ? {
          materials:
            toMinor(input.costs.materials?.amount ?? '0', input.costs.materials?.currency ?? 'IDR')?.toString() ?? '',
          labour: toMinor(input.costs.labour?.amount ?? '0', input.costs.labour?.currency ?? 'IDR')?.toString() ?? '',
          overhead:
            toMinor(input.costs.overhead?.amount ?? '0', input.costs.overhead?.currency ?? 'IDR')?.toString() ?? '',
        }
      : null,
    inputs: input.inputs,
    notes: input.notes ?? null,
  });

function presentMovement(row: MovementRow) {
  return {
    id: row.id,
    kind: row.kind,
    quantity: quantityText(row.quantity),
    on: row.on_date,
    orderId: row.order_id,
    consumedByBatchId: row.consumed_by_batch_id,
    note: row.note,
    createdAt: row.created_at.toISOString(),
  };
}

/** A batch the actor may read, or 404 (nobody learns what exists outside their scope). */
export async function readBatch(ctx: Ctx, id: string): Promise<BatchRow> {
  requireUser(ctx.actor);
  const row = await batchesRepository.byId(ctx.db, id);
  if (!row) throw notFound('Batch');
  authorize(ctx.actor, batchesPolicy, 'read', batchTarget(row));
  return row;
}

export async function getBatch(ctx: Ctx, id: string): Promise<BatchAnswer> {
  const row = await readBatch(ctx, id);
  return batchAnswer(ctx.actor, row, await batchesRepository.inputs(ctx.db, [row.id]));
}

export async function listBatches(ctx: Ctx, query: ListBatchesQuery) {
  requireUser(ctx.actor);
  const scope = scopeOf(ctx.actor, batchesPolicy, 'read', {
    program: 'b.program_id',
    path: 'b.area_path',
    group: 'b.group_id',
  });
  const after = decodeCursor(query.cursor, 1)?.[0] ?? null;
  const rows = await batchesRepository.list(ctx.db, scope, {
    ...query,
    available: query.available === 'true',
    after,
  });
  const inputs = await batchesRepository.inputs(
    ctx.db,
    rows.map((r) => r.id),
  );
  const page = toPage(
    rows,
    query.limit,
    (r) => batchAnswer(ctx.actor, r, inputs),
    (r) => [r.id],
  );
  return { ...page, abilities: { create: canSomewhere(ctx.actor, batchesPolicy, 'create', query.programId) } };
}

export async function listMovements(ctx: Ctx, id: string, query: { limit: number; cursor?: string | undefined }) {
  const row = await readBatch(ctx, id);
  const after = decodeCursor(query.cursor, 1)?.[0] ?? null;
  const rows = await batchesRepository.movements(ctx.db, row.id, { after, limit: query.limit });
  return toPage(rows, query.limit, presentMovement, (r) => [r.id]);
}

function costMinor(cost: Money | null | undefined, currency: string): string | null {
  if (!cost) return null;
  const errors: FieldError[] = [];
  if (cost.currency !== currency)
    errors.push({
      path: 'costPerUnit.currency',
      code: 'wrong_currency',
      params: { currency },
      message: `must be ${currency}`,
    });
  const minor = toMinor(cost.amount, cost.currency);
  if (minor === undefined)
    errors.push({
      path: 'costPerUnit.amount',
      code: 'money_decimals',
      params: { currency, decimals: minorDigits(currency) },
      message: `has more decimals than ${currency} allows`,
    });
  if (errors.length) throw invalid(errors);
  return minor!.toString();
}

/**
 * Records a production run: the batch with its stock, and the input batches it consumed — each a
 * 'consumed' movement on the input, refused (422) when the input has not that much available.
 */
export async function createBatch(ctx: Ctx, input: CreateBatchBody): Promise<{ batch: BatchAnswer; created: boolean }> {
  const actor = requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const product = await productById(tx.db, input.productId);
    if (!product || !can(actor, batchesPolicy, 'read', productTarget(product)))
      throw invalid([{ path: 'productId', code: 'unknown_reference', message: 'no such product' }]);
    if (!can(actor, batchesPolicy, 'create', productTarget(product)))
      throw forbidden('You may not record batches of this product.');
    const { record, created } = await createOnce(tx.db, {
      id: input.id,
      find: async (id) => {
        const row = await batchesRepository.byId(tx.db, id);
        return row && { row, inputs: await batchesRepository.inputs(tx.db, [id]) };
      },
      visible: ({ row }) => can(actor, batchesPolicy, 'read', batchTarget(row)),
      stored: storedRun,
      input: inputRun(input),
      present: ({ row, inputs }) => batchAnswer(actor, row, inputs),
      create: async (id) => {
        if (input.expiresOn && input.expiresOn < input.producedOn)
          throw invalid([{ path: 'expiresOn', code: 'before_production', message: 'is before the production date' }]);
        refuseFuture(tx, input.producedOn, 'producedOn');
        if (input.costs && input.costPerUnit)
          throw invalid([
            { path: 'costPerUnit', code: 'cost_derived', message: 'is derived from costs; send one or the other' },
          ]);
        const perUnit = costMinor(input.costPerUnit, product.currency);
        const parts = runCostsOf(input, product.currency, perUnit);
        if (await batchesRepository.byLotCode(tx.db, product.group_id, input.lotCode)) {
          throw conflict(
            `The group already has a batch with lot code ${input.lotCode}.`,
            {
              errors: [{ path: 'lotCode', code: 'taken', message: 'is already used in this group' }],
            },
            { code: 'lot-code-taken', params: { lotCode: input.lotCode } },
          );
        }
        const consumed = await consumeInputs(tx.db, actor, input);
        const own = consumed.filter((c) => c.batch.group_id === product.group_id);
        const inputs = own.reduce((sum, c) => sum + c.costMinor, 0n);
        const total = parts.materials + parts.labour + parts.overhead + inputs;
        const costed = parts.from !== null || inputs > 0n;
        const quantityMilli = toMilli(input.quantity);
        const row = await batchesRepository.insert(tx.db, {
          id,
          program_id: product.program_id,
          group_id: product.group_id,
          product_id: product.id,
          area_path: product.area_path,
          lot_code: input.lotCode,
          quantity: input.quantity,
          unit: product.unit,
          produced_on: input.producedOn,
          expires_on: input.expiresOn ?? null,
          cost_per_unit_minor:
            perUnit ?? (costed ? ((total * 2000n + quantityMilli) / (quantityMilli * 2n)).toString() : null),
          cost_minor: costed ? total.toString() : null,
          costs: costed
            ? {
                from: parts.from ?? 'inputs',
                materials: parts.materials.toString(),
                labour: parts.labour.toString(),
                overhead: parts.overhead.toString(),
                inputs: inputs.toString(),
              }
            : null,
          currency: product.currency,
          notes: input.notes ?? null,
        });
        const entry = await postProduction(tx, row, { ...parts, inputs }, actor.id);
        // Input batches of another group leave its stock as that group's cost of goods.
        const elsewhere = new Map<string, StockTake[]>();
        for (const c of consumed.filter((c) => c.batch.group_id !== product.group_id))
          elsewhere.set(c.batch.group_id, [...(elsewhere.get(c.batch.group_id) ?? []), c]);
        const entryOf = new Map<string, string | null>();
        for (const [groupId, takes] of elsewhere) {
          const posted = await postStockOut(tx, groupId, takes, {
            kind: 'consumed',
            on: input.producedOn,
            datePath: 'producedOn',
            memo: `Bahan untuk ${input.lotCode}`,
            actorId: actor.id,
            quantityPath: 'inputs',
          });
          entryOf.set(groupId, posted?.id ?? null);
        }
        const inputRows = await batchesRepository.insertInputs(tx.db, id, input.inputs);
        await batchesRepository.insertMovements(tx.db, [
          {
            id: uuidv7(),
            batchId: id,
            kind: 'produced',
            quantity: input.quantity,
            on: input.producedOn,
            actorId: actor.id,
            costMinor: costed ? total : 0n,
            entryId: entry?.id ?? null,
          },
          ...consumed.flatMap((c) =>
            movementsOf(
              [c],
              'consumed',
              input.producedOn,
              actor.id,
              entryOf.get(c.batch.group_id) ?? entry?.id ?? null,
              {
                consumedBy: id,
              },
            ),
          ),
        ]);
        await recordAudit(tx.db, tx, {
          action: 'batch.create',
          entity: 'batch',
          entityId: id,
          after: presentBatch(row, inputRows),
        });
        return batchAnswer(actor, row, inputRows);
      },
    });
    return { batch: record, created };
  });
}

/** Dates after today are refused for stock: it moves on the day it moves. */
function refuseFuture(tx: TxCtx, date: string, path: string) {
  const today = dateIn(tx.clock.now());
  if (date > today)
    throw ruleBroken('date-in-future', `${date} is after today (${today}).`, [
      { path, code: 'after_today', params: { today }, message: `is after today (${today})` },
    ]);
}

/** The run's costs in minor units: the breakdown, or the cost per unit × quantity as materials. */
function runCostsOf(input: CreateBatchBody, currency: string, perUnit: string | null) {
  if (input.costs) {
    const part = (key: 'materials' | 'labour' | 'overhead') => {
      const m = input.costs![key];
      if (!m) return 0n;
      const errors: FieldError[] = [];
      if (m.currency !== currency)
        errors.push({
          path: `costs.${key}.currency`,
          code: 'wrong_currency',
          params: { currency },
          message: `must be ${currency}`,
        });
      const minor = toMinor(m.amount, currency);
      if (minor === undefined)
        errors.push({
          path: `costs.${key}.amount`,
          code: 'money_decimals',
          params: { currency, decimals: minorDigits(currency) },
          message: `has too many decimals`,
        });
      if (errors.length) throw invalid(errors);
      return minor!;
    };
    return {
      from: 'breakdown' as const,
      materials: part('materials'),
      labour: part('labour'),
      overhead: part('overhead'),
      materialsPath: 'costs.materials',
    };
  }
  const materials = perUnit === null ? 0n : lineTotalMinor(BigInt(perUnit), toMilli(input.quantity));
  return {
    from: perUnit === null ? null : ('per-unit' as const),
    materials,
    labour: 0n,
    overhead: 0n,
    materialsPath: 'costPerUnit',
  };
}

/** Locks the input batches, checks each has enough available and was made first, and takes the stock. */
async function consumeInputs(tx: Tx, actor: UserActor, input: CreateBatchBody): Promise<StockTake[]> {
  const locked = await batchesRepository.lock(
    tx,
    input.inputs.map((i) => i.batchId),
  );
  const errors: FieldError[] = [];
  input.inputs.forEach((wanted, i) => {
    const batch = locked.find((b) => b.id === wanted.batchId);
    if (!batch || !can(actor, batchesPolicy, 'read', batchTarget(batch))) {
      errors.push({ path: `inputs.${i}.batchId`, code: 'unknown_reference', message: 'no such batch' });
    } else if (!can(actor, batchesPolicy, 'consume', batchTarget(batch))) {
      errors.push({
        path: `inputs.${i}.batchId`,
        code: 'batch_not_yours',
        message: 'is a batch you may not take stock from',
      });
    }
  });
  if (errors.length) throw invalid(errors);
  const broken: FieldError[] = [];
  input.inputs.forEach((wanted, i) => {
    const batch = locked.find((b) => b.id === wanted.batchId)!;
    const available = toMilli(batch.stock) - toMilli(batch.reserved);
    if (toMilli(wanted.quantity) > available)
      broken.push({
        path: `inputs.${i}.quantity`,
        code: 'stock_short',
        params: { available: `${fromMilli(available)} ${batch.unit}` },
        message: `only ${fromMilli(available)} ${batch.unit} available`,
      });
    if (batch.produced_on > input.producedOn)
      broken.push({ path: `inputs.${i}.batchId`, code: 'produced_later', message: 'was produced after this batch' });
  });
  if (broken.length)
    throw ruleBroken('stock-insufficient', 'An input batch cannot supply what this run consumed.', broken);
  return takeStock(
    tx,
    input.inputs.map((wanted) => ({ batch: locked.find((b) => b.id === wanted.batchId)!, quantity: wanted.quantity })),
  );
}

/** What makes two movements sent under the same id the same movement. */
const sameMovement = (m: { batchId: string; kind: string; quantity: string; on: string; note: string | null }) => ({
  ...m,
  quantity: quantityText(m.quantity),
});

/**
 * Sold at the market stall, spoiled, or given as samples: stock leaves the batch, never below what
 * is reserved. Under the client's id a movement sent again (an outbox replay after a lost answer)
 * is recorded once and answered with the batch as it is now (200).
 */
export async function recordMovement(
  ctx: Ctx,
  batchId: string,
  input: RecordMovementBody,
): Promise<Created<BatchAnswer>> {
  return inTransaction(ctx, async (tx: TxCtx) => {
    const actor = requireUser(tx.actor);
    const [row] = await batchesRepository.lock(tx.db, [batchId]);
    if (!row) throw notFound('Batch');
    authorize(actor, batchesPolicy, 'recordMovement', batchTarget(row));
    const inputs = await batchesRepository.inputs(tx.db, [batchId]);
    return createOnce(tx.db, {
      id: input.id,
      find: async (id) => {
        const movement = await batchesRepository.movementById(tx.db, id);
        if (!movement) return undefined;
        const batch = movement.batch_id === row.id ? row : await batchesRepository.byId(tx.db, movement.batch_id);
        return batch && { movement, batch };
      },
      visible: ({ batch }) => can(actor, batchesPolicy, 'read', batchTarget(batch)),
      stored: ({ movement: m }) =>
        sameMovement({ batchId: m.batch_id, kind: m.kind, quantity: m.quantity, on: m.on_date, note: m.note }),
      input: sameMovement({
        batchId,
        kind: input.kind,
        quantity: input.quantity,
        on: input.on,
        note: input.note ?? null,
      }),
      present: async ({ batch }) =>
        batchAnswer(actor, batch, batch.id === row.id ? inputs : await batchesRepository.inputs(tx.db, [batch.id])),
      create: async (id) => {
        const available = toMilli(row.stock) - toMilli(row.reserved);
        if (toMilli(input.quantity) > available) {
          throw ruleBroken(
            'stock-insufficient',
            `Only ${fromMilli(available)} ${row.unit} of lot ${row.lot_code} are available.`,
            [
              {
                path: 'quantity',
                code: 'stock_short',
                params: { available: fromMilli(available) },
                message: `is more than the ${fromMilli(available)} available`,
              },
            ],
            { amount: quantityText(input.quantity), balance: fromMilli(available) },
          );
        }
        if (input.on < row.produced_on)
          throw invalid([{ path: 'on', code: 'before_production', message: 'is before the batch was produced' }]);
        refuseFuture(tx, input.on, 'on');
        const takes = await takeStock(tx.db, [{ batch: row, quantity: input.quantity }]);
        const changed = takes[0]!.after;
        // The cost leaves finished goods with the stock: cost of goods, a loss, or marketing.
        const entry = await postStockOut(tx, row.group_id, takes, {
          kind: input.kind,
          on: input.on,
          datePath: 'on',
          memo: `${input.kind} ${quantityText(input.quantity)} ${row.unit} ${row.lot_code}`,
          actorId: actor.id,
          quantityPath: 'quantity',
        });
        const moved = movementsOf(takes, input.kind, input.on, actor.id, entry?.id ?? null, {
          note: input.note ?? null,
        });
        // One batch, one take: the movement carries the client's id.
        await batchesRepository.insertMovements(
          tx.db,
          moved.map((m) => ({ ...m, id })),
        );
        await recordAudit(tx.db, tx, {
          action: `batch.${input.kind}`,
          entity: 'batch',
          entityId: batchId,
          before: presentBatch(row, inputs),
          after: presentBatch(changed, inputs),
        });
        return batchAnswer(actor, changed, inputs);
      },
    });
  });
}

// ---- stock for orders (called by the market module inside its own transaction) -----------------

export interface Allocation {
  batchId: string;
  quantity: string;
}

/**
 * Reserves `quantity` of a product for an order: from the named batches, or from the batches
 * that expire first (FIFO by expiry, then production date). The batches are locked first, so two
 * orders racing for the last units are served one after the other and the second is refused (422).
 */
export async function reserveStock(
  caller: TxCtx,
  order: { id: string; productId: string; groupId: string; quantity: string; actorId: string },
  named?: Allocation[],
): Promise<Allocation[]> {
  const tx = caller.db;
  const on = dateIn(caller.clock.now());
  const wanted = toMilli(order.quantity);
  const batches = named
    ? await batchesRepository.lock(
        tx,
        named.map((a) => a.batchId),
      )
    : await batchesRepository.lockAvailable(tx, order.productId, order.groupId, on);
  let allocations: Allocation[];
  if (named) {
    const errors: FieldError[] = [];
    named.forEach((a, i) => {
      const batch = batches.find((b) => b.id === a.batchId);
      if (!batch || batch.product_id !== order.productId || batch.group_id !== order.groupId)
        errors.push({
          path: `allocations.${i}.batchId`,
          code: 'not_allowed_here',
          message: "is not a batch of this order's product",
        });
      else if (batch.expires_on !== null && batch.expires_on < on)
        errors.push({
          path: `allocations.${i}.batchId`,
          code: 'batch_expired',
          params: { date: batch.expires_on },
          message: `expired on ${batch.expires_on}`,
        });
      else if (toMilli(a.quantity) > toMilli(batch.stock) - toMilli(batch.reserved))
        errors.push({
          path: `allocations.${i}.quantity`,
          code: 'stock_short',
          params: { available: fromMilli(toMilli(batch.stock) - toMilli(batch.reserved)) },
          message: `only ${fromMilli(toMilli(batch.stock) - toMilli(batch.reserved))} available`,
        });
    });
    const total = named.reduce((sum, a) => sum + toMilli(a.quantity), 0n);
    if (total !== wanted)
      errors.push({
        path: 'allocations',
        code: 'allocations_sum',
        params: { wanted: fromMilli(wanted) },
        message: `must add up to the ordered ${fromMilli(wanted)}`,
      });
    if (errors.length) throw ruleBroken('stock-insufficient', 'The named batches cannot supply this order.', errors);
    allocations = named;
  } else {
    const fifo = [...batches].sort(
      (a, b) =>
        (a.expires_on ?? '9999-12-31').localeCompare(b.expires_on ?? '9999-12-31') ||
        a.produced_on.localeCompare(b.produced_on) ||
        a.id.localeCompare(b.id),
    );
    allocations = [];
    let left = wanted;
    for (const batch of fifo) {
      if (left === 0n) break;
      const take = [toMilli(batch.stock) - toMilli(batch.reserved), left].reduce((x, y) => (x < y ? x : y));
      if (take > 0n) {
        allocations.push({ batchId: batch.id, quantity: fromMilli(take) });
        left -= take;
      }
    }
    if (left > 0n) {
      const available = fromMilli(wanted - left);
      throw ruleBroken('stock-insufficient', `Only ${available} are available of the ${fromMilli(wanted)} ordered.`, [
        {
          path: 'quantity',
          code: 'stock_short',
          params: { available },
          message: `is more than the ${available} available`,
        },
      ]);
    }
  }
  for (const a of allocations) await batchesRepository.adjust(tx, a.batchId, { reserved: a.quantity });
  await batchesRepository.insertMovements(
    tx,
    allocations.map((a) => ({
      id: uuidv7(),
      batchId: a.batchId,
      kind: 'reserved',
      quantity: a.quantity,
      on,
      orderId: order.id,
      actorId: order.actorId,
    })),
  );
  return allocations;
}

/** Gives back what a cancelled order held. */
export async function releaseStock(caller: TxCtx, orderId: string, allocations: Allocation[], actorId: string) {
  const tx = caller.db;
  await batchesRepository.lock(
    tx,
    allocations.map((a) => a.batchId),
  );
  for (const a of allocations) await batchesRepository.adjust(tx, a.batchId, { reserved: `-${a.quantity}` });
  await batchesRepository.insertMovements(
    tx,
    allocations.map((a) => ({
      id: uuidv7(),
      batchId: a.batchId,
      kind: 'released',
      quantity: a.quantity,
      on: dateIn(caller.clock.now()),
      orderId,
      actorId,
    })),
  );
}

/**
 * Ships what an order held: stock leaves the batches as sold. Returns the cost of the goods when
 * every batch has a cost per unit (for the sale's cost-of-goods posting), else null.
 */
export async function sellStock(
  caller: TxCtx,
  orderId: string,
  allocations: Allocation[],
  on: string,
  actorId: string,
): Promise<Money | null> {
  const tx = caller.db;
  const batches = await batchesRepository.lock(
    tx,
    allocations.map((a) => a.batchId),
  );
  const takes = await takeStock(
    tx,
    allocations.map((a) => ({ batch: batches.find((b) => b.id === a.batchId)!, quantity: a.quantity })),
    true,
  );
  // recordSale links these movements to the sale's entry.
  await batchesRepository.insertMovements(tx, movementsOf(takes, 'sold', on, actorId, null, { orderId }));
  if (batches.length === 0) return null;
  return fromMinor(
    takes.reduce((sum, t) => sum + t.costMinor, 0n),
    batches[0]!.currency,
  );
}

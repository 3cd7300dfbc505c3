import { describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../../test/app.js';
import { buildStaff, signedIn } from '../../../../test/factories.js';
import { marketWorld } from '../../../../test/market-fixtures.js';
import { marketOf, TRANSITIONS } from './orders.service.js';

const t = useTestApp();

const move = (as: Session, id: string, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: `/api/v1/orders/${id}/transitions`, as, payload });

describe('the market of a sale', () => {
  const village = { country: 'ID', areaPath: '/51/51.07/51.07.06/51.07.06.2004/' };
  it('is local in the same regency, national elsewhere in the country, and export abroad', () => {
    expect(marketOf({ country: 'ID', areaPath: '/51/51.07/51.07.01/' }, village)).toBe('local');
    expect(marketOf({ country: 'ID', areaPath: '/51/51.03/' }, village)).toBe('national');
    expect(marketOf({ country: 'ID', areaPath: null }, village)).toBe('national');
    expect(marketOf({ country: 'JP', areaPath: null }, village)).toBe('export');
  });
});

describe('the order state machine', () => {
  it('lists every move it allows; delivered and cancelled are final', () => {
    expect(TRANSITIONS).toEqual({
      placed: { confirmed: ['group'], cancelled: ['group', 'buyer'] },
      confirmed: { shipped: ['group'], cancelled: ['group'] },
      shipped: { delivered: ['group', 'buyer'] },
      delivered: {},
      cancelled: {},
    });
  });
});

describe('orders', () => {
  it('reserves the earliest-expiring stock on confirming, sells it and posts the sale to the books on shipping', async () => {
    const w = await marketWorld(t);
    const later = await w.batch(w.products.bali.id, { lotCode: 'LATE', quantity: '10', expiresOn: '2099-12-01' });
    const sooner = await w.batch(w.products.bali.id, {
      lotCode: 'SOON',
      quantity: '5',
      expiresOn: '2099-06-01',
      costPerUnit: { amount: '10000', currency: 'IDR' },
    });
    const buyer = await w.buyer({ companyName: 'Toko Oleh-oleh Amlapura', country: 'ID', areaCode: '51.07.01' });
    const order = await w.order(buyer, w.products.bali.id, w.managers.bali, '8');
    expect(order).toMatchObject({ market: 'local', status: 'placed', total: { amount: '96000.00' } });

    const confirmed = await move(w.managers.bali, order.id, { to: 'confirmed' });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({
      status: 'confirmed',
      next: ['shipped', 'cancelled'],
      allocations: [
        { batchId: later.id, lotCode: 'LATE', quantity: '3' },
        { batchId: sooner.id, lotCode: 'SOON', quantity: '5' },
      ],
    });
    const batch = async (id: string) =>
      (await t.request({ method: 'GET', url: `/api/v1/batches/${id}`, as: w.admin })).json();
    expect(await batch(sooner.id)).toMatchObject({ stock: '5', reserved: '5', available: '0' });
    expect(await batch(later.id)).toMatchObject({ stock: '10', reserved: '3', available: '7' });

    const shipped = await move(w.managers.bali, order.id, { to: 'shipped' });
    expect(shipped.statusCode).toBe(200);
    expect(shipped.json()).toMatchObject({ status: 'shipped', saleEntryId: expect.any(String) });
    expect(await batch(sooner.id)).toMatchObject({ stock: '0', reserved: '0' });
    expect(await batch(later.id)).toMatchObject({ stock: '7', reserved: '0', available: '7' });
    const entry = await t.request({
      method: 'GET',
      url: `/api/v1/groups/${w.groups.bali.id}/journal/${shipped.json().saleEntryId}`,
      as: w.managers.bali,
    });
    expect(entry.statusCode).toBe(200);
    expect(JSON.stringify(entry.json())).toContain('96000.00');

    const delivered = await move(buyer, order.id, { to: 'delivered' });
    expect(delivered.json()).toMatchObject({ status: 'delivered', next: [], deliveredAt: expect.any(String) });
    const kinds = (await t.request({ method: 'GET', url: '/api/v1/notifications', as: buyer }))
      .json()
      .items.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(['order.shipped', 'order.confirmed', 'quote.sent']);
    const managerKinds = (await t.request({ method: 'GET', url: '/api/v1/notifications', as: w.managers.bali }))
      .json()
      .items.map((n: { kind: string }) => n.kind);
    expect(managerKinds).toEqual(['order.delivered', 'order.placed', 'inquiry.received']);
  });

  it('reserves from the batches named on confirming and refuses ones of another product', async () => {
    const w = await marketWorld(t);
    const a = await w.batch(w.products.bali.id, { quantity: '10' });
    const honey = await w.batch(w.products.lombok.id, { quantity: '10' });
    const buyer = await w.buyer();
    const order = await w.order(buyer, w.products.bali.id, w.managers.bali, '4');
    const wrong = await move(w.managers.bali, order.id, {
      to: 'confirmed',
      allocations: [{ batchId: honey.id, quantity: '4' }],
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors).toEqual([
      expect.objectContaining({ path: 'allocations.0.batchId', message: "is not a batch of this order's product" }),
    ]);
    const short = await move(w.managers.bali, order.id, {
      to: 'confirmed',
      allocations: [{ batchId: a.id, quantity: '3' }],
    });
    expect(short.json().errors).toEqual([
      expect.objectContaining({ path: 'allocations', message: 'must add up to the ordered 4' }),
    ]);
    const ok = await move(w.managers.bali, order.id, {
      to: 'confirmed',
      allocations: [{ batchId: a.id, quantity: '4' }],
    });
    expect(ok.json().allocations).toEqual([{ batchId: a.id, lotCode: a.lotCode, quantity: '4' }]);
  });

  it('never reserves an expired batch, named or first-in-first-out', async () => {
    const w = await marketWorld(t);
    const expired = await w.batch(w.products.bali.id, {
      quantity: '10',
      producedOn: '2025-01-01',
      expiresOn: '2025-07-01',
    });
    const buyer = await w.buyer();
    const order = await w.order(buyer, w.products.bali.id, w.managers.bali, '4');
    const named = await move(w.managers.bali, order.id, {
      to: 'confirmed',
      allocations: [{ batchId: expired.id, quantity: '4' }],
    });
    expect(named.statusCode).toBe(422);
    expect(named.json().errors).toEqual([
      expect.objectContaining({ path: 'allocations.0.batchId', message: 'expired on 2025-07-01' }),
    ]);
    const fifo = await move(w.managers.bali, order.id, { to: 'confirmed' });
    expect(fifo.statusCode).toBe(422);
    const fresh = await w.batch(w.products.bali.id, { quantity: '5' });
    const ok = await move(w.managers.bali, order.id, { to: 'confirmed' });
    expect(ok.json().allocations).toEqual([{ batchId: fresh.id, lotCode: fresh.lotCode, quantity: '4' }]);
  });

  it('refuses illegal moves with 422 naming where from and where to', async () => {
    const w = await marketWorld(t);
    await w.batch(w.products.bali.id, { quantity: '10' });
    const buyer = await w.buyer();
    const order = await w.order(buyer, w.products.bali.id, w.managers.bali, '2');
    const shipEarly = await move(w.managers.bali, order.id, { to: 'shipped' });
    expect(shipEarly.statusCode).toBe(422);
    expect(shipEarly.json()).toMatchObject({
      type: '/problems/illegal-transition',
      detail: 'An order cannot move from placed to shipped.',
      errors: [expect.objectContaining({ path: 'to', message: 'cannot follow placed' })],
    });
    expect((await move(w.managers.bali, order.id, { to: 'placed' })).statusCode).toBe(422);
    expect((await move(buyer, order.id, { to: 'confirmed' })).statusCode).toBe(403);
    await move(w.managers.bali, order.id, { to: 'confirmed' });
    expect((await move(buyer, order.id, { to: 'cancelled' })).statusCode).toBe(403);
    await move(w.managers.bali, order.id, { to: 'shipped' });
    await move(w.managers.bali, order.id, { to: 'delivered' });
    const cancelDelivered = await move(w.managers.bali, order.id, { to: 'cancelled' });
    expect(cancelDelivered.statusCode).toBe(422);
    expect(cancelDelivered.json().detail).toBe('An order cannot move from delivered to cancelled.');
  });

  it('gives the reserved stock back when a confirmed order is cancelled', async () => {
    const w = await marketWorld(t);
    const batch = await w.batch(w.products.bali.id, { quantity: '10' });
    const buyer = await w.buyer();
    const order = await w.order(buyer, w.products.bali.id, w.managers.bali, '6');
    await move(w.managers.bali, order.id, { to: 'confirmed' });
    const cancelled = await move(w.managers.bali, order.id, { to: 'cancelled' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', next: [] });
    const after = await t.request({ method: 'GET', url: `/api/v1/batches/${batch.id}`, as: w.admin });
    expect(after.json()).toMatchObject({ stock: '10', reserved: '0', available: '10' });
    const moves = await t.request({ method: 'GET', url: `/api/v1/batches/${batch.id}/movements`, as: w.admin });
    expect(moves.json().items.map((m: { kind: string }) => m.kind)).toEqual(['produced', 'reserved', 'released']);
  });

  it('lets only one of two confirmations racing for the last units win; the other fails cleanly', async () => {
    const w = await marketWorld(t);
    const batch = await w.batch(w.products.bali.id, { quantity: '10' });
    const first = await w.order(await w.buyer(), w.products.bali.id, w.managers.bali, '8');
    const second = await w.order(await w.buyer(), w.products.bali.id, w.managers.bali, '8');
    const results = await Promise.all([
      move(w.managers.bali, first.id, { to: 'confirmed' }),
      move(w.admin, second.id, { to: 'confirmed' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 422]);
    const loser = results.find((r) => r.statusCode === 422)!;
    expect(loser.json()).toMatchObject({
      type: '/problems/stock-insufficient',
      detail: 'Only 2 are available of the 8 ordered.',
    });
    const after = await t.request({ method: 'GET', url: `/api/v1/batches/${batch.id}`, as: w.admin });
    expect(after.json()).toMatchObject({ stock: '10', reserved: '8', available: '2' });
    const orders = await t.request({ method: 'GET', url: '/api/v1/orders', as: w.admin });
    expect(
      orders
        .json()
        .items.map((o: { status: string }) => o.status)
        .sort(),
    ).toEqual(['confirmed', 'placed']);
    const rows = await t.database.db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM order_allocations)::int + (SELECT count(*) FROM stock_movements WHERE kind = 'reserved')::int AS n`,
    );
    expect(rows[0]!.n).toBe(2);
  });

  it('shows a buyer only their own orders, a group manager only the group’s, and another program nothing', async () => {
    const w = await marketWorld(t);
    const hanako = await w.buyer();
    const kenji = await w.buyer({ companyName: 'Kyushu Trading' });
    const bali = await w.order(hanako, w.products.bali.id, w.managers.bali, '1');
    const lombok = await w.order(kenji, w.products.lombok.id, w.managers.lombok, '1');
    const ids = async (as: Session) =>
      (await t.request({ method: 'GET', url: '/api/v1/orders', as })).json().items.map((o: { id: string }) => o.id);
    expect(await ids(hanako)).toEqual([bali.id]);
    expect(await ids(kenji)).toEqual([lombok.id]);
    expect(await ids(w.managers.bali)).toEqual([bali.id]);
    expect(await ids(w.managers.lombok)).toEqual([lombok.id]);
    const { user } = await buildStaff(t.database.db, 'program_manager');
    const otherProgram = await signedIn(t.app, user);
    expect(await ids(otherProgram)).toEqual([]);
    for (const as of [otherProgram, kenji, w.managers.lombok]) {
      expect((await t.request({ method: 'GET', url: `/api/v1/orders/${bali.id}`, as })).statusCode).toBe(404);
      expect((await move(as, bali.id, { to: 'cancelled' })).statusCode).toBe(404);
    }
    expect((await t.request({ method: 'GET', url: `/api/v1/orders/${bali.id}`, as: hanako })).statusCode).toBe(200);
  });
});

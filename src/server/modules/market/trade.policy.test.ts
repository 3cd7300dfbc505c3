import { describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../../test/app.js';
import { marketWorld, type MarketWorld } from '../../../../test/market-fixtures.js';

const t = useTestApp();

const KARANGASEM = '51.07'; // the regency of the Bali group's village (Sibetan)

async function ask(w: MarketWorld, buyer: Session, productId: string) {
  const r = await t.request({
    method: 'POST',
    url: '/api/v1/inquiries',
    as: buyer,
    payload: { productId, kind: 'quotation', quantity: '10', message: 'Please quote for 10 packs.' },
  });
  return r.json() as { id: string };
}

const read = (as: Session, url: string) => t.request({ method: 'GET', url, as });
const abilitiesAt = async (as: Session, url: string) => (await read(as, url)).json().abilities;

describe('what each side may do with an inquiry', () => {
  it('lets the buyer write and accept, the group manager write and quote, a member only read', async () => {
    const w = await marketWorld(t);
    const buyer = await w.buyer();
    const member = await w.as('group_member', { groupId: w.groups.bali.id });
    const inquiry = await ask(w, buyer, w.products.bali.id);
    const url = `/api/v1/inquiries/${inquiry.id}`;

    expect(await abilitiesAt(buyer, url)).toEqual({ read: true, reply: true, quote: false, accept: false });
    expect(await abilitiesAt(w.managers.bali, url)).toEqual({ read: true, reply: true, quote: true, accept: false });
    expect(await abilitiesAt(member, url)).toEqual({ read: true, reply: false, quote: false, accept: false });
    // An admin may do anything the group may, but only the buyer accepts.
    expect(await abilitiesAt(w.admin, url)).toEqual({ read: true, reply: true, quote: true, accept: false });
    const memberReply = await t.request({
      method: 'POST',
      url: `${url}/messages`,
      as: member,
      payload: { body: 'I only read.' },
    });
    expect(memberReply.statusCode).toBe(403);

    const quoted = await t.request({
      method: 'POST',
      url: `${url}/quotes`,
      as: w.managers.bali,
      payload: { unitPrice: { amount: '12000', currency: 'IDR' }, quantity: '10', validUntil: '2099-12-31' },
    });
    expect(quoted.json().abilities).toEqual({ read: true, reply: true, quote: true, accept: false });
    expect(await abilitiesAt(buyer, url)).toEqual({ read: true, reply: true, quote: false, accept: true });
    const inbox = await read(buyer, '/api/v1/inquiries');
    expect(inbox.json().items[0].abilities).toEqual({ read: true, reply: true, quote: false, accept: true });
  });

  it('offers no accept once the open quote has lapsed, and the server agrees', async () => {
    const w = await marketWorld(t);
    const buyer = await w.buyer();
    const inquiry = await ask(w, buyer, w.products.bali.id);
    const quote = (
      await t.request({
        method: 'POST',
        url: `/api/v1/inquiries/${inquiry.id}/quotes`,
        as: w.managers.bali,
        payload: { unitPrice: { amount: '12000', currency: 'IDR' }, quantity: '10', validUntil: '2099-12-31' },
      })
    ).json().quotes[0];
    await t.database.db.query(`UPDATE quotes SET valid_until = '2020-01-31' WHERE id = $1`, [quote.id]);
    expect((await abilitiesAt(buyer, `/api/v1/inquiries/${inquiry.id}`)).accept).toBe(false);
    const accepted = await t.request({
      method: 'POST',
      url: `/api/v1/inquiries/${inquiry.id}/quotes/${quote.id}/accept`,
      as: buyer,
    });
    expect(accepted.statusCode).toBe(422);
    expect(accepted.json().type).toBe('/problems/quote-expired');
  });

  it('lets a facilitator narrowed to one regency answer there, and answers 404 elsewhere', async () => {
    const w = await marketWorld(t);
    const buyer = await w.buyer();
    const facilitator = await w.as('facilitator', { areaCode: KARANGASEM });
    const bali = await ask(w, buyer, w.products.bali.id);
    const lombok = await ask(w, buyer, w.products.lombok.id);

    expect(await abilitiesAt(facilitator, `/api/v1/inquiries/${bali.id}`)).toEqual({
      read: true,
      reply: true,
      quote: true,
      accept: false,
    });
    expect((await read(facilitator, `/api/v1/inquiries/${lombok.id}`)).statusCode).toBe(404);
    const quoteThere = await t.request({
      method: 'POST',
      url: `/api/v1/inquiries/${lombok.id}/quotes`,
      as: facilitator,
      payload: { unitPrice: { amount: '12000', currency: 'IDR' }, quantity: '10', validUntil: '2099-12-31' },
    });
    expect(quoteThere.statusCode).toBe(404);
    const listed = (await read(facilitator, '/api/v1/inquiries')).json().items.map((i: { id: string }) => i.id);
    expect(listed).toEqual([bali.id]);
  });
});

describe('what each side may do with an order', () => {
  it('follows the state machine: the group confirms and ships, the buyer cancels early and takes delivery', async () => {
    const w = await marketWorld(t);
    await w.batch(w.products.bali.id, { quantity: '10' });
    const buyer = await w.buyer();
    const member = await w.as('group_member', { groupId: w.groups.bali.id });
    const order = await w.order(buyer, w.products.bali.id, w.managers.bali, '2');
    const url = `/api/v1/orders/${order.id}`;
    const none = { confirm: false, ship: false, deliver: false, cancel: false };

    expect(order.abilities).toEqual({ ...none, read: true, cancel: true });
    expect(await abilitiesAt(w.managers.bali, url)).toEqual({ ...none, read: true, confirm: true, cancel: true });
    expect(await abilitiesAt(member, url)).toEqual({ ...none, read: true });
    expect(await abilitiesAt(w.admin, url)).toEqual({ ...none, read: true, confirm: true, cancel: true });

    const move = (as: Session, to: string) =>
      t.request({ method: 'POST', url: `${url}/transitions`, as, payload: { to } });
    expect((await move(member, 'confirmed')).statusCode).toBe(403);
    const confirmed = await move(w.managers.bali, 'confirmed');
    expect(confirmed.json().abilities).toEqual({ ...none, read: true, ship: true, cancel: true });
    expect(await abilitiesAt(buyer, url)).toEqual({ ...none, read: true });
    await move(w.managers.bali, 'shipped');
    expect(await abilitiesAt(buyer, url)).toEqual({ ...none, read: true, deliver: true });
    const delivered = await move(buyer, 'delivered');
    expect(delivered.json()).toMatchObject({ status: 'delivered', abilities: { ...none, read: true } });
    const list = await read(w.managers.bali, '/api/v1/orders');
    expect(list.json().items[0].abilities).toEqual({ ...none, read: true });
  });

  it('answers 404 to staff outside the order’s scope, a regency facilitator included', async () => {
    const w = await marketWorld(t);
    await w.batch(w.products.lombok.id, { quantity: '10' });
    const buyer = await w.buyer();
    const order = await w.order(buyer, w.products.lombok.id, w.managers.lombok, '1');
    const facilitator = await w.as('facilitator', { areaCode: KARANGASEM });
    for (const as of [facilitator, w.managers.bali]) {
      expect((await read(as, `/api/v1/orders/${order.id}`)).statusCode).toBe(404);
      const move = await t.request({
        method: 'POST',
        url: `/api/v1/orders/${order.id}/transitions`,
        as,
        payload: { to: 'confirmed' },
      });
      expect(move.statusCode).toBe(404);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../../test/app.js';
import { buildUser, signedIn } from '../../../../test/factories.js';
import { rp } from '../../../../test/books-fixtures.js';
import { registryWorld } from '../../../../test/registry-fixtures.js';

const t = useTestApp();

/** The Bali group with a machine bought in January, its manager, treasurer, plain member and facilitators. */
async function world() {
  const w = await registryWorld(t);
  const bali = w.groups.bali.id;
  const manager = await w.as('group_manager', { groupId: bali });
  const person = async (name: string, role: string) => {
    const user = await buildUser(t.database.db, { name });
    await w.alsoGrant(user.id, 'group_member', { groupId: bali });
    const member = await t.request({
      method: 'POST',
      url: `/api/v1/groups/${bali}/members`,
      as: w.admin,
      payload: { name, sex: 'female', birthYear: 1975, role, joinedOn: '2012-03-15', userId: user.id },
    });
    expect(member.statusCode, member.body).toBe(201);
    return signedIn(t.app, user);
  };
  const post = (path: string, payload: object, as: Session = manager) =>
    t.request({ method: 'POST', url: `/api/v1/groups/${bali}/${path}`, as, payload });
  const get = (path: string, as: Session) => t.request({ url: `/api/v1/groups/${bali}/${path}`, as });
  expect(
    (await post('transactions', { kind: 'owner_capital', date: '2026-01-02', amount: rp('9000000') })).statusCode,
  ).toBe(201);
  const bought = await post('transactions', {
    kind: 'asset_bought',
    date: '2026-01-10',
    amount: rp('1200000'),
    lifeMonths: 12,
    memo: 'Mesin',
  });
  expect(bought.statusCode, bought.body).toBe(201);
  return {
    manager,
    treasurer: await person('Ni Made Suartini', 'treasurer'),
    member: await person('Ni Luh Sari', 'member'),
    karangasem: await w.as('facilitator', { areaCode: '51.07' }),
    lombok: await w.as('facilitator', { areaCode: '52.01' }),
    post,
    get,
  };
}

describe('abilities on the fixed assets, depreciation and inventory check', () => {
  it('lets the treasurer depreciate and dispose; the member reads the same answers with every action off', async () => {
    const w = await world();
    for (const [who, as, may] of [
      ['manager', w.manager, true],
      ['treasurer', w.treasurer, true],
      ['facilitator of the regency', w.karangasem, true],
      ['member', w.member, false],
    ] as const) {
      const assets = await w.get('assets', as);
      expect(assets.statusCode, who).toBe(200);
      expect(assets.json().abilities, who).toEqual({ read: true, depreciate: may });
      expect(assets.json().items[0].abilities, who).toEqual({ read: true, dispose: may });
      const check = await w.get('books/inventory-check', as);
      expect(check.statusCode, who).toBe(200);
      expect(check.json().abilities, who).toEqual({ read: true, post: may });
    }
    const depreciated = await w.post('depreciation', { month: '2026-02' }, w.treasurer);
    expect(depreciated.statusCode, depreciated.body).toBe(200);
    expect(depreciated.json().abilities).toEqual({ read: true, depreciate: true });
    expect(depreciated.json().entries).toHaveLength(2);
    expect((await w.post('depreciation', { month: '2026-03' }, w.member)).statusCode).toBe(403);
  });

  it('turns dispose off for an asset already disposed of', async () => {
    const w = await world();
    const [asset] = (await w.get('assets', w.manager)).json().items;
    const sold = await w.post(`assets/${asset.id}/dispose`, { date: '2026-03-05', proceeds: rp('900000') });
    expect(sold.statusCode, sold.body).toBe(201);
    expect((await w.get('assets', w.manager)).json().items[0].abilities).toEqual({ read: true, dispose: false });
  });

  it('answers 404 to a facilitator of another regency, on every one of them', async () => {
    const w = await world();
    for (const path of ['assets', 'books/inventory-check']) expect((await w.get(path, w.lombok)).statusCode).toBe(404);
    expect((await w.post('depreciation', { month: '2026-02' }, w.lombok)).statusCode).toBe(404);
  });
});

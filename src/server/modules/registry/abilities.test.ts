import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { buildStaff, signedIn } from '../../../../test/factories.js';
import { KARANGASEM, registryWorld } from '../../../../test/registry-fixtures.js';
import { GROUP_ACTIONS, MEMBER_ACTIONS, PRODUCT_ACTIONS, VILLAGE_ACTIONS } from '../../../shared/schemas/registry.js';
import { setProductBadge } from './product-standing.js';
import { groupPolicy, memberPolicy, productPolicy, villagePolicy } from './registry.policy.js';

const t = useTestApp();

describe('the registry policies', () => {
  it('name the same actions as the abilities the answers declare', () => {
    expect(Object.keys(villagePolicy.rules).sort()).toEqual([...VILLAGE_ACTIONS].sort());
    expect(Object.keys(groupPolicy.rules).sort()).toEqual([...GROUP_ACTIONS].sort());
    expect(Object.keys(memberPolicy.rules).sort()).toEqual([...MEMBER_ACTIONS].sort());
    expect(Object.keys(productPolicy.rules).sort()).toEqual([...PRODUCT_ACTIONS].sort());
  });
});

describe('abilities in registry answers', () => {
  it('tell a facilitator of one regency they may edit its groups, and hide the groups of another', async () => {
    const w = await registryWorld(t);
    const facilitator = await w.as('facilitator', { areaCode: KARANGASEM });
    const own = await t.request({ method: 'GET', url: `/api/v1/groups/${w.groups.bali.id}`, as: facilitator });
    expect(own.statusCode).toBe(200);
    expect(own.json().abilities).toEqual({ read: true, update: true, addMember: true, addProduct: true, invite: true });
    const other = await t.request({ method: 'GET', url: `/api/v1/groups/${w.groups.lombok.id}`, as: facilitator });
    expect(other.statusCode).toBe(404);
    const list = await t.request({ method: 'GET', url: '/api/v1/groups', as: facilitator });
    expect(
      list.json().items.map((g: { id: string; abilities: { update: boolean } }) => [g.id, g.abilities.update]),
    ).toEqual([[w.groups.bali.id, true]]);
  });

  it('let an admin and a program manager update any group, and a group member only read theirs', async () => {
    const w = await registryWorld(t);
    const manager = await w.as('program_manager');
    for (const session of [w.admin, manager]) {
      const r = await t.request({ method: 'GET', url: `/api/v1/groups/${w.groups.lombok.id}`, as: session });
      expect(r.json().abilities).toMatchObject({ read: true, update: true });
    }
    const member = await w.as('group_member', { groupId: w.groups.bali.id });
    const own = await t.request({ method: 'GET', url: `/api/v1/groups/${w.groups.bali.id}`, as: member });
    expect(own.json().abilities).toEqual({
      read: true,
      update: false,
      addMember: false,
      addProduct: false,
      invite: false,
    });
  });

  it('show an assessor a village to read but not to change, and a facilitator one to change', async () => {
    const w = await registryWorld(t);
    const assessor = await w.as('assessor');
    const seen = await t.request({ method: 'GET', url: `/api/v1/villages/${w.villages.bali.id}`, as: assessor });
    expect(seen.json().abilities).toEqual({ read: true, update: false, enrol: false, registerGroup: false });
    const facilitator = await w.as('facilitator', { areaCode: KARANGASEM });
    const list = await t.request({ method: 'GET', url: '/api/v1/villages', as: facilitator });
    expect(list.json().items.every((v: { abilities: { update: boolean } }) => v.abilities.update)).toBe(true);
  });

  it('tell who may see a member’s personal data, and who may only read the member', async () => {
    const w = await registryWorld(t);
    const added = await w.post(`/api/v1/groups/${w.groups.bali.id}/members`, {
      name: 'Ni Made Sari',
      sex: 'female',
      birthYear: 1985,
      joinedOn: '2020-01-01',
    });
    expect(added.abilities).toEqual({
      read: true,
      update: true,
      delete: true,
      seePersonalData: true,
      linkAccount: true,
    });
    const facilitator = await w.as('facilitator', { areaCode: KARANGASEM });
    const byFacilitator = await t.request({ method: 'GET', url: `/api/v1/members/${added.id}`, as: facilitator });
    expect(byFacilitator.json()).toMatchObject({
      personalData: 'masked',
      abilities: { read: true, update: true, delete: true, seePersonalData: false, linkAccount: true },
    });
    const trainer = await w.as('trainer');
    const list = await t.request({ method: 'GET', url: `/api/v1/groups/${w.groups.bali.id}/members`, as: trainer });
    expect(list.json().items[0].abilities).toEqual({
      read: true,
      update: false,
      delete: false,
      seePersonalData: false,
      linkAccount: false,
    });
  });

  it('let a group manager change their products and a trainer only read them', async () => {
    const w = await registryWorld(t);
    const product = await w.post('/api/v1/products', {
      groupId: w.groups.bali.id,
      name: { id: 'Keripik salak' },
      category: 'food',
      unit: '100 g',
      price: { amount: '12900.00', currency: 'IDR' },
    });
    const manager = await w.as('group_manager', { groupId: w.groups.bali.id });
    const own = await t.request({ method: 'GET', url: `/api/v1/products/${product.id}`, as: manager });
    expect(own.json().abilities).toEqual({ read: true, update: true, addPhoto: true, removePhoto: true });
    const trainer = await w.as('trainer');
    const list = await t.request({ method: 'GET', url: '/api/v1/products', as: trainer });
    expect(list.json().items[0].abilities).toEqual({ read: true, update: false, addPhoto: false, removePhoto: false });
  });
});

describe('a product’s star badge', () => {
  it('shows while valid and disappears once its end date has passed, with no write', async () => {
    const w = await registryWorld(t);
    const product = await w.post('/api/v1/products', {
      groupId: w.groups.bali.id,
      name: { id: 'Keripik salak' },
      category: 'food',
      unit: '100 g',
      price: { amount: '12900.00', currency: 'IDR' },
    });
    const read = async () =>
      (await t.request({ method: 'GET', url: `/api/v1/products/${product.id}`, as: w.admin })).json();
    expect(await read()).toMatchObject({ stars: null, starsValidUntil: null });
    await setProductBadge(t.database.db, product.id, { stars: 4, validUntil: '2999-12-31' });
    expect(await read()).toMatchObject({ stars: 4, starsValidUntil: '2999-12-31' });
    await setProductBadge(t.database.db, product.id, { stars: 4, validUntil: '2001-01-01' });
    expect(await read()).toMatchObject({ stars: null, starsValidUntil: null });
    const [row] = await t.database.db.query<{ stars: number }>('SELECT stars FROM products WHERE id = $1', [
      product.id,
    ]);
    expect(row!.stars).toBe(4);
  });
});

describe('abilities of registry lists', () => {
  it('offer enrolling villages, registering groups and recording batches only to roles that may', async () => {
    const w = await registryWorld(t);
    const roles = {
      admin: w.admin,
      programManager: await w.as('program_manager'),
      baliFacilitator: await w.as('facilitator', { areaCode: KARANGASEM }),
      assessor: await w.as('assessor'),
      trainer: await w.as('trainer'),
      groupManager: await w.as('group_manager', { groupId: w.groups.bali.id }),
      groupMember: await w.as('group_member', { groupId: w.groups.bali.id }),
      otherProgram: await signedIn(t.app, (await buildStaff(t.database.db, 'program_manager')).user),
    };
    const offered: Record<string, [boolean, boolean, boolean]> = {};
    for (const [name, as] of Object.entries(roles)) {
      const get = async (url: string) => {
        const r = await t.request({ method: 'GET', url: `${url}?programId=${w.program.id}`, as });
        expect(r.statusCode, url).toBe(200);
        return r.json().abilities as Record<string, boolean>;
      };
      offered[name] = [
        (await get('/api/v1/villages')).enrol!,
        (await get('/api/v1/groups')).create!,
        (await get('/api/v1/batches')).create!,
      ];
    }
    expect(offered).toEqual({
      admin: [true, true, true],
      programManager: [true, true, true],
      baliFacilitator: [true, true, true],
      assessor: [false, false, false],
      trainer: [false, false, false],
      groupManager: [false, false, true],
      groupMember: [false, false, false],
      // A program manager of another program is offered nothing in this one.
      otherProgram: [false, false, false],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { KARANGASEM, LOMBOK_BARAT, paths, registryWorld } from '../../../../test/registry-fixtures.js';

const t = useTestApp();

describe('producer groups', () => {
  it('are registered in an enrolled village by its facilitator', async () => {
    const w = await registryWorld(t);
    const facilitator = await w.as('facilitator', { areaCode: KARANGASEM });
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/groups',
      as: facilitator,
      payload: {
        programId: w.program.id,
        villageId: w.villages.bali.id,
        name: 'KWT Dewi Sri',
        kind: 'women_group',
        foundedOn: '2019-03-08',
        legalIds: { nib: '9120301234567' },
        contact: { phone: '+62 812 3456 7890', address: 'Banjar Dinas Sibetan' },
      },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      kind: 'women_group',
      legalIds: { nib: '9120301234567' },
      village: { name: 'Sibetan' },
      version: 1,
    });
  });

  it('names every invalid field', async () => {
    const w = await registryWorld(t);
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/groups',
      as: w.admin,
      payload: {
        programId: w.program.id,
        villageId: 'x',
        name: '',
        kind: 'club',
        foundedOn: '2019-02-30',
        legalIds: { nib: '123' },
        contact: { email: 'nope', fax: '1' },
      },
    });
    expect(r.statusCode).toBe(400);
    expect(paths(r)).toEqual([
      'contact.email',
      'contact.fax',
      'foundedOn',
      'kind',
      'legalIds.nib',
      'name',
      'villageId',
    ]);
  });

  it('refuses a village of another program or outside the facilitator area', async () => {
    const w = await registryWorld(t);
    const facilitator = await w.as('facilitator', { areaCode: KARANGASEM });
    const outside = await t.request({
      method: 'POST',
      url: '/api/v1/groups',
      as: facilitator,
      payload: { programId: w.program.id, villageId: w.villages.lombok.id, name: 'X', kind: 'cooperative' },
    });
    expect(outside.statusCode).toBe(400);
    expect(paths(outside)).toEqual(['villageId']);
    const assessor = await w.as('assessor');
    const byAssessor = await t.request({
      method: 'POST',
      url: '/api/v1/groups',
      as: assessor,
      payload: { programId: w.program.id, villageId: w.villages.bali.id, name: 'X', kind: 'cooperative' },
    });
    expect(byAssessor.statusCode).toBe(403);
    expect(await t.database.db.query(`SELECT 1 FROM producer_groups WHERE name = 'X'`)).toHaveLength(0);
  });

  it('keeps a facilitator of one regency from listing, reading or changing a group of another', async () => {
    const w = await registryWorld(t);
    const lombok = await w.as('facilitator', { areaCode: LOMBOK_BARAT });
    const list = await t.request({ method: 'GET', url: `/api/v1/groups?programId=${w.program.id}`, as: lombok });
    expect(list.json().items.map((g: { id: string }) => g.id)).toEqual([w.groups.lombok.id]);
    const filtered = await t.request({ method: 'GET', url: `/api/v1/groups?area=${KARANGASEM}`, as: lombok });
    expect(filtered.json().items).toEqual([]);
    const read = await t.request({ method: 'GET', url: `/api/v1/groups/${w.groups.bali.id}`, as: lombok });
    expect(read.statusCode).toBe(404);
    const change = await t.request({
      method: 'PATCH',
      url: `/api/v1/groups/${w.groups.bali.id}`,
      as: lombok,
      payload: { version: 1, name: 'Taken over' },
    });
    expect(change.statusCode).toBe(404);
    const [row] = await t.database.db.query<{ name: string }>('SELECT name FROM producer_groups WHERE id = $1', [
      w.groups.bali.id,
    ]);
    expect(row!.name).toBe('Kelompok Tani Salak Sibetan');
  });

  it('lets a group manager edit only their own group, and a group member only read it', async () => {
    const w = await registryWorld(t);
    const manager = await w.as('group_manager', { groupId: w.groups.bali.id });
    const own = await t.request({
      method: 'PATCH',
      url: `/api/v1/groups/${w.groups.bali.id}`,
      as: manager,
      payload: { version: 1, contact: { phone: '+62 811 111 222' } },
    });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      version: 2,
      contact: { phone: '+62 811 111 222' },
      name: 'Kelompok Tani Salak Sibetan',
    });
    const other = await t.request({
      method: 'PATCH',
      url: `/api/v1/groups/${w.groups.lombok.id}`,
      as: manager,
      payload: { version: 1, name: 'x' },
    });
    expect(other.statusCode).toBe(404);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/groups', as: manager }))
        .json()
        .items.map((g: { id: string }) => g.id),
    ).toEqual([w.groups.bali.id]);
    const member = await w.as('group_member', { groupId: w.groups.bali.id });
    expect((await t.request({ method: 'GET', url: `/api/v1/groups/${w.groups.bali.id}`, as: member })).statusCode).toBe(
      200,
    );
    const byMember = await t.request({
      method: 'PATCH',
      url: `/api/v1/groups/${w.groups.bali.id}`,
      as: member,
      payload: { version: 2, name: 'x' },
    });
    expect(byMember.statusCode).toBe(403);
  });

  it('lets program-wide staff read every group and filter by village and kind', async () => {
    const w = await registryWorld(t);
    const trainer = await w.as('trainer');
    const all = await t.request({ method: 'GET', url: '/api/v1/groups', as: trainer });
    expect(all.json().items).toHaveLength(2);
    const byVillage = await t.request({
      method: 'GET',
      url: `/api/v1/groups?villageId=${w.villages.lombok.id}`,
      as: trainer,
    });
    expect(byVillage.json().items.map((g: { id: string }) => g.id)).toEqual([w.groups.lombok.id]);
    const byKind = await t.request({ method: 'GET', url: '/api/v1/groups?kind=farmer_group', as: trainer });
    expect(byKind.json().items.map((g: { id: string }) => g.id)).toEqual([w.groups.bali.id]);
  });

  it('replays a create with the same id and refuses a stale edit', async () => {
    const w = await registryWorld(t);
    const payload = {
      id: '01936a3e-7b7c-7cc0-8000-00000000b001',
      programId: w.program.id,
      villageId: w.villages.bali2.id,
      name: 'Koperasi Bambu',
      kind: 'cooperative',
    };
    const first = await t.request({ method: 'POST', url: '/api/v1/groups', as: w.admin, payload });
    const replay = await t.request({ method: 'POST', url: '/api/v1/groups', as: w.admin, payload });
    expect([first.statusCode, replay.statusCode]).toEqual([201, 200]);
    const conflicting = await t.request({
      method: 'POST',
      url: '/api/v1/groups',
      as: w.admin,
      payload: { ...payload, kind: 'bumdes' },
    });
    expect(conflicting.statusCode).toBe(409);
    await t.request({
      method: 'PATCH',
      url: `/api/v1/groups/${payload.id}`,
      as: w.admin,
      payload: { version: 1, name: 'Koperasi Bambu Lestari' },
    });
    const stale = await t.request({
      method: 'PATCH',
      url: `/api/v1/groups/${payload.id}`,
      as: w.admin,
      payload: { version: 1, name: 'Old' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.name).toBe('Koperasi Bambu Lestari');
  });
});

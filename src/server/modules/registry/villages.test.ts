import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import {
  BANYUMULEK,
  KARANGASEM,
  LOMBOK_BARAT,
  paths,
  registryWorld,
  SIBETAN,
} from '../../../../test/registry-fixtures.js';

const t = useTestApp();

describe('villages', () => {
  it('lets a facilitator enrol a village inside their regency, and records it', async () => {
    const w = await registryWorld(t);
    const facilitator = await w.as('facilitator', { areaCode: KARANGASEM });
    const area = (
      await t.database.db.query<{ code: string }>(`SELECT code FROM areas WHERE parent_code = '51.07.01' LIMIT 1`)
    )[0]!.code;
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/villages',
      as: facilitator,
      payload: {
        programId: w.program.id,
        areaCode: area,
        profile: { population: 3200, households: 900, potentials: ['kopi'] },
      },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      areaCode: area,
      area: { level: 'village' },
      profile: { population: 3200, potentials: ['kopi'] },
      version: 1,
    });
    const audit = await t.database.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'village.enrol' AND entity_id = $1`,
      [r.json().id],
    );
    expect(audit).toHaveLength(1);
  });

  it('refuses a facilitator outside their regency, and non-village areas', async () => {
    const w = await registryWorld(t);
    const facilitator = await w.as('facilitator', { areaCode: KARANGASEM });
    const outside = await t.database.db.query<{ code: string }>(
      `SELECT code FROM areas WHERE parent_code = '52.01.02' AND code <> $1 LIMIT 1`,
      [BANYUMULEK],
    );
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/villages',
      as: facilitator,
      payload: { programId: w.program.id, areaCode: outside[0]!.code },
    });
    expect(r.statusCode).toBe(403);
    const regency = await t.request({
      method: 'POST',
      url: '/api/v1/villages',
      as: w.admin,
      payload: { programId: w.program.id, areaCode: KARANGASEM },
    });
    expect(regency.statusCode).toBe(422);
    expect(paths(regency)).toEqual(['areaCode']);
    const trainer = await w.as('trainer');
    const byTrainer = await t.request({
      method: 'POST',
      url: '/api/v1/villages',
      as: trainer,
      payload: { programId: w.program.id, areaCode: outside[0]!.code },
    });
    expect(byTrainer.statusCode).toBe(403);
    expect(await t.database.db.query('SELECT 1 FROM villages WHERE area_code = $1', [outside[0]!.code])).toHaveLength(
      0,
    );
  });

  it('enrols a village once per program', async () => {
    const w = await registryWorld(t);
    const again = await t.request({
      method: 'POST',
      url: '/api/v1/villages',
      as: w.admin,
      payload: { programId: w.program.id, areaCode: SIBETAN },
    });
    expect(again.statusCode).toBe(409);
  });

  it('names every invalid field', async () => {
    const w = await registryWorld(t);
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/villages',
      as: w.admin,
      payload: {
        programId: 'nope',
        areaCode: '',
        profile: { population: -1, potentials: 'salak', notes: 5 },
        facilitatorId: 3,
      },
    });
    expect(r.statusCode).toBe(400);
    expect(paths(r)).toEqual([
      'areaCode',
      'facilitatorId',
      'profile.notes',
      'profile.population',
      'profile.potentials',
      'programId',
    ]);
    const unknown = await t.request({
      method: 'POST',
      url: '/api/v1/villages',
      as: w.admin,
      payload: { programId: w.program.id, areaCode: '99.99.99.9999' },
    });
    expect(paths(unknown)).toEqual(['areaCode']);
    const notFacilitator = await t.request({
      method: 'POST',
      url: '/api/v1/villages',
      as: w.admin,
      payload: {
        programId: w.program.id,
        areaCode: (
          await t.database.db.query<{ code: string }>(`SELECT code FROM areas WHERE parent_code = '51.07.02' LIMIT 1`)
        )[0]!.code,
        facilitatorId: w.program.id,
      },
    });
    expect(paths(notFacilitator)).toEqual(['facilitatorId']);
  });

  it('replays a create with the same client id and content, and refuses other content for that id', async () => {
    const w = await registryWorld(t);
    const area = (
      await t.database.db.query<{ code: string }>(`SELECT code FROM areas WHERE parent_code = '51.07.03' LIMIT 1`)
    )[0]!.code;
    const payload = {
      id: '01936a3e-7b7c-7cc0-8000-00000000a001',
      programId: w.program.id,
      areaCode: area,
      profile: { population: 10 },
    };
    const first = await t.request({ method: 'POST', url: '/api/v1/villages', as: w.admin, payload });
    const replay = await t.request({ method: 'POST', url: '/api/v1/villages', as: w.admin, payload });
    expect([first.statusCode, replay.statusCode]).toEqual([201, 200]);
    expect(replay.json()).toEqual(first.json());
    const different = await t.request({
      method: 'POST',
      url: '/api/v1/villages',
      as: w.admin,
      payload: { ...payload, profile: { population: 11 } },
    });
    expect(different.statusCode).toBe(409);
    expect(different.json().current.profile.population).toBe(10);
  });

  it('updates the profile with the current version and refuses a stale one', async () => {
    const w = await registryWorld(t);
    const url = `/api/v1/villages/${w.villages.bali.id}`;
    const ok = await t.request({
      method: 'PATCH',
      url,
      as: w.admin,
      payload: { version: 1, profile: { households: 1500 } },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().profile).toEqual({ population: 6000, households: 1500, potentials: ['salak'], notes: null });
    const stale = await t.request({
      method: 'PATCH',
      url,
      as: w.admin,
      payload: { version: 1, profile: { households: 1 } },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2, profile: { households: 1500 } });
  });

  it('shows a facilitator only the villages of their area, and hides the rest', async () => {
    const w = await registryWorld(t);
    const lombokFacilitator = await w.as('facilitator', { areaCode: LOMBOK_BARAT });
    const list = await t.request({ method: 'GET', url: '/api/v1/villages', as: lombokFacilitator });
    expect(list.json().items.map((v: { id: string }) => v.id)).toEqual([w.villages.lombok.id]);
    const read = await t.request({
      method: 'GET',
      url: `/api/v1/villages/${w.villages.bali.id}`,
      as: lombokFacilitator,
    });
    expect(read.statusCode).toBe(404);
    const change = await t.request({
      method: 'PATCH',
      url: `/api/v1/villages/${w.villages.bali.id}`,
      as: lombokFacilitator,
      payload: { version: 1, profile: { notes: 'x' } },
    });
    expect(change.statusCode).toBe(404);
    const groupManager = await w.as('group_manager', { groupId: w.groups.bali.id });
    expect((await t.request({ method: 'GET', url: '/api/v1/villages', as: groupManager })).json().items).toEqual([]);
  });

  it('filters by area subtree and pages with a cursor', async () => {
    const w = await registryWorld(t);
    const karangasem = await t.request({ method: 'GET', url: `/api/v1/villages?area=${KARANGASEM}`, as: w.admin });
    expect(
      karangasem
        .json()
        .items.map((v: { id: string }) => v.id)
        .sort(),
    ).toEqual([w.villages.bali.id, w.villages.bali2.id].sort());
    const first = (await t.request({ method: 'GET', url: '/api/v1/villages?limit=2', as: w.admin })).json();
    const second = (
      await t.request({ method: 'GET', url: `/api/v1/villages?limit=2&cursor=${first.nextCursor}`, as: w.admin })
    ).json();
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((v: { id: string }) => v.id).sort()).toEqual(
      [w.villages.bali.id, w.villages.bali2.id, w.villages.lombok.id].sort(),
    );
    const bad = await t.request({ method: 'GET', url: '/api/v1/villages?area=99&limit=0', as: w.admin });
    expect(paths(bad)).toEqual(['query.limit']);
    const unknownArea = await t.request({ method: 'GET', url: '/api/v1/villages?area=99', as: w.admin });
    expect(paths(unknownArea)).toEqual(['query.area']);
  });

  it('answers 401 without a session', async () => {
    const w = await registryWorld(t);
    for (const [method, url] of [
      ['GET', '/api/v1/villages'],
      ['POST', '/api/v1/villages'],
      ['GET', `/api/v1/villages/${w.villages.bali.id}`],
      ['PATCH', `/api/v1/villages/${w.villages.bali.id}`],
    ] as const) {
      expect((await t.request({ method, url, payload: method === 'GET' ? undefined : {} })).statusCode, url).toBe(401);
    }
  });
});

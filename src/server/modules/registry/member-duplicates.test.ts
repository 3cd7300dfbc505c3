import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { KARANGASEM, paths, registryWorld } from '../../../../test/registry-fixtures.js';

const t = useTestApp();

// Karangasem's Bebandem district (51.07.06): women born 5 May 1985, serials 0001–0008.
const nikOf = (serial: number) => `5107064505850${String(serial).padStart(3, '0')}`;
const REGISTERED = nikOf(1);

const member = (overrides: Record<string, unknown> = {}) => ({
  name: 'Ni Made Suastini',
  sex: 'female',
  birthYear: 1985,
  disability: false,
  role: 'member',
  joinedOn: '2019-03-08',
  ...overrides,
});

/** What an answer tells apart from another: its status, its keys, any error, and the duplicate flag. */
function shapeOf(r: { statusCode: number; json(): Record<string, unknown> }) {
  const body = r.json();
  return {
    status: r.statusCode,
    keys: Object.keys(body).sort(),
    abilities: body.abilities,
    personalData: body.personalData,
    possibleDuplicate: body.possibleDuplicate,
    errors: body.errors,
  };
}

describe('duplicate national ids', () => {
  it('answers someone who sees NIKs masked the same whether a guessed NIK is registered in the group or not', async () => {
    const w = await registryWorld(t);
    const url = `/api/v1/groups/${w.groups.bali.id}/members`;
    const first = await t.request({ method: 'POST', url, as: w.admin, payload: member({ nationalId: REGISTERED }) });
    expect(first.statusCode).toBe(201);
    const facilitator = await w.as('facilitator', { areaCode: KARANGASEM });

    // Adding: every guess, the registered one among them, gets the same answer.
    const guesses = [2, 3, 1, 4, 5].map(nikOf);
    const added = [];
    for (const nationalId of guesses) {
      added.push(await t.request({ method: 'POST', url, as: facilitator, payload: member({ nationalId }) }));
    }
    const addShapes = added.map(shapeOf);
    for (const shape of addShapes) expect(shape).toEqual(addShapes[0]);
    expect(addShapes[0]).toMatchObject({ status: 201, personalData: 'masked', possibleDuplicate: null });

    // Changing a member's NIK: the same again.
    const target = added[0]!.json();
    let version = target.version as number;
    const changed = [];
    for (const nationalId of [nikOf(6), REGISTERED, nikOf(7)]) {
      const r = await t.request({
        method: 'PATCH',
        url: `/api/v1/members/${target.id}`,
        as: facilitator,
        payload: { version, nationalId },
      });
      changed.push(r);
      if (r.statusCode === 200) version = r.json().version;
    }
    const changeShapes = changed.map(shapeOf);
    for (const shape of changeShapes) expect(shape).toEqual(changeShapes[0]);
    expect(changeShapes[0]).toMatchObject({ status: 200, personalData: 'masked', possibleDuplicate: null });

    // Nor does the list tell: no member carries a flag for a masked reader.
    const list = await t.request({ method: 'GET', url, as: facilitator });
    for (const item of list.json().items) expect(item.possibleDuplicate).toBeNull();
  });

  it('refuses a duplicate NIK to those who see NIKs in clear, and flags one entered by others for them', async () => {
    const w = await registryWorld(t);
    const url = `/api/v1/groups/${w.groups.bali.id}/members`;
    const manager = await w.as('group_manager', { groupId: w.groups.bali.id });
    const programManager = await w.as('program_manager');
    const original = await t.request({ method: 'POST', url, as: manager, payload: member({ nationalId: REGISTERED }) });
    expect(original.json().possibleDuplicate).toBe(false);

    for (const session of [manager, programManager]) {
      const again = await t.request({ method: 'POST', url, as: session, payload: member({ nationalId: REGISTERED }) });
      expect(again.statusCode).toBe(409);
      expect(paths(again)).toEqual(['nationalId']);
    }
    const other = await t.request({ method: 'POST', url, as: manager, payload: member({ nationalId: nikOf(2) }) });
    const change = await t.request({
      method: 'PATCH',
      url: `/api/v1/members/${other.json().id}`,
      as: manager,
      payload: { version: 1, nationalId: REGISTERED },
    });
    expect(change.statusCode).toBe(409);
    expect(paths(change)).toEqual(['nationalId']);

    // A facilitator's entry of the same NIK is kept, and both records are flagged for the manager.
    const facilitator = await w.as('facilitator', { areaCode: KARANGASEM });
    const entered = await t.request({
      method: 'POST',
      url,
      as: facilitator,
      payload: member({ nationalId: REGISTERED }),
    });
    expect(entered.statusCode).toBe(201);
    const seen = (await t.request({ method: 'GET', url, as: manager })).json().items as {
      id: string;
      possibleDuplicate: boolean | null;
    }[];
    const flagged = seen.filter((m) => m.possibleDuplicate).map((m) => m.id);
    expect(flagged.sort()).toEqual([original.json().id, entered.json().id].sort());
    expect(seen.find((m) => m.id === other.json().id)!.possibleDuplicate).toBe(false);
    const one = await t.request({ method: 'GET', url: `/api/v1/members/${entered.json().id}`, as: programManager });
    expect(one.json()).toMatchObject({ possibleDuplicate: true, nationalId: REGISTERED });
    // The flagged record stays editable for the manager who resolves it.
    const renamed = await t.request({
      method: 'PATCH',
      url: `/api/v1/members/${entered.json().id}`,
      as: manager,
      payload: { version: 1, name: 'Ni Made Suastini (Banjar Kaler)' },
    });
    expect(renamed.statusCode).toBe(200);
  });
});

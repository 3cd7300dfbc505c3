import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { KARANGASEM, registryWorld } from '../../../test/registry-fixtures.js';

const t = useTestApp();

describe('a create with a client id', () => {
  it('answers every one of many identical creates racing with one id as the same record, never a conflict', async () => {
    const w = await registryWorld(t);
    const facilitator = await w.as('facilitator', { areaCode: KARANGASEM });
    const id = '01936a3e-7b7c-7cc0-8000-00000000c0de';
    const create = () =>
      t.request({
        method: 'POST',
        url: '/api/v1/groups',
        as: facilitator,
        payload: { id, programId: w.program.id, villageId: w.villages.bali.id, name: 'KWT Mekar', kind: 'women_group' },
      });
    const answers = await Promise.all(Array.from({ length: 24 }, create));
    const statuses = answers.map((a) => a.statusCode).sort();
    // One made it (201); every retry, however it raced, is a replay (200) of the same record.
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(23);
    expect(new Set(answers.map((a) => a.json().id))).toEqual(new Set([id]));
    const rows = await t.database.db.query('SELECT count(*)::int AS n FROM producer_groups WHERE id = $1', [id]);
    expect(rows[0]!.n).toBe(1);
  });

  it('still refuses the same id with other content while racing, as a conflict carrying the record', async () => {
    const w = await registryWorld(t);
    const facilitator = await w.as('facilitator', { areaCode: KARANGASEM });
    const id = '01936a3e-7b7c-7cc0-8000-00000000c0df';
    const create = (name: string) =>
      t.request({
        method: 'POST',
        url: '/api/v1/groups',
        as: facilitator,
        payload: { id, programId: w.program.id, villageId: w.villages.bali.id, name, kind: 'women_group' },
      });
    const names = ['KWT Mekar', 'KWT Lestari', 'KWT Mekar', 'KWT Lestari'];
    const answers = await Promise.all(names.map(create));
    const made = answers.filter((a) => a.statusCode === 201);
    expect(made).toHaveLength(1);
    const winner = made[0]!.json().name as string;
    answers.forEach((a, i) => {
      // The winner's name is made once and replayed once; the other name is a conflict naming the record.
      if (names[i] === winner) expect([200, 201]).toContain(a.statusCode);
      else expect(a.statusCode === 409 && a.json().current.name === winner).toBe(true);
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/database.js';
import { ROLES, type Grant, type UserActor } from '../../http/context.js';
import { reaches, scopeCondition, type ScopeTarget } from './access.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase({ areas: false });
  await t.db.query('CREATE TABLE scope_probe (n int PRIMARY KEY, program_id text, area_path text, group_id text)');
});
afterAll(async () => {
  await t.db.query('DROP TABLE scope_probe');
  await t.close();
});

// A small seeded generator, so a failure is reproducible.
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const PROGRAMS = ['p1', 'p2'];
const PATHS = ['/51/', '/51/51.07/', '/51/51.07/51.07.06/', '/51/51.71/', '/52/', '/52/52.01/', '/5_/', '/51%/'];
const GROUPS = ['g1', 'g2', 'g3'];

describe('the scope rule', () => {
  it('gives the same answer in SQL (lists) as in code (single records), for random grants and records', async () => {
    const next = random(20_261_128);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    const targets: (ScopeTarget & { n: number })[] = Array.from({ length: 60 }, (_, n) => ({
      n,
      programId: pick(PROGRAMS),
      areaPath: `${pick(PATHS)}${n}/`,
      groupId: next() < 0.5 ? pick(GROUPS) : null,
    }));
    for (const target of targets) {
      await t.db.query('INSERT INTO scope_probe VALUES ($1, $2, $3, $4)', [
        target.n,
        target.programId,
        target.areaPath,
        target.groupId,
      ]);
    }
    for (let round = 0; round < 40; round++) {
      const grants: Grant[] = Array.from({ length: Math.floor(next() * 4) }, (_, i) => {
        const kind = next();
        return {
          id: `grant-${i}`,
          programId: pick(PROGRAMS),
          role: pick(ROLES),
          areaCode: null,
          areaPath: kind < 0.4 ? pick(PATHS) : null,
          groupId: kind > 0.7 ? pick(GROUPS) : null,
        };
      });
      const actor: UserActor = {
        kind: 'user',
        id: 'u',
        email: 'u@example.id',
        name: 'U',
        locale: 'id',
        isAdmin: false,
        grants,
        via: 'session',
      };
      const roles = ROLES.filter(() => next() < 0.5);
      const params: unknown[] = [];
      const condition = scopeCondition(
        actor,
        roles,
        { program: 'program_id', path: 'area_path', group: 'group_id' },
        params,
      );
      const rows = await t.db.query<{ n: number }>(`SELECT n FROM scope_probe WHERE ${condition} ORDER BY n`, params);
      const expected = targets.filter((target) => reaches(actor, target, roles)).map((target) => target.n);
      expect(
        rows.map((r) => r.n),
        JSON.stringify({ grants, roles }),
      ).toEqual(expected);
    }
  });

  it('lets an admin reach everything and an actor without grants nothing', async () => {
    const base = {
      kind: 'user' as const,
      id: 'u',
      email: 'u@example.id',
      name: 'U',
      locale: 'id',
      grants: [],
      via: 'session' as const,
    };
    const target = { programId: 'p1', areaPath: '/51/', groupId: null };
    expect(reaches({ ...base, isAdmin: true }, target, ['facilitator'])).toBe(true);
    expect(reaches({ ...base, isAdmin: false }, target, ROLES)).toBe(false);
    expect(scopeCondition({ ...base, isAdmin: false }, ROLES, { program: 'a', path: 'b', group: 'c' }, [])).toBe(
      'false',
    );
    expect(reaches({ kind: 'anonymous' }, target, ROLES)).toBe(false);
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/database.js';
import { joinSql, sql, Where } from '../../db/sql.js';
import { ROLES, type Actor, type Grant, type Role, type UserActor } from '../../http/context.js';
import { Problem } from '../../http/errors.js';
import {
  abilities,
  authorize,
  can,
  definePolicy,
  programTarget,
  scopeOf,
  type Rule,
  type ScopeColumns,
  type Target,
} from './authorize.js';

const P1 = '00000000-0000-7000-8000-0000000000a1';
const P2 = '00000000-0000-7000-8000-0000000000a2';
const G1 = '00000000-0000-7000-8000-0000000000b1';
const G2 = '00000000-0000-7000-8000-0000000000b2';
const ME = '00000000-0000-7000-8000-0000000000c1';
const OTHER = '00000000-0000-7000-8000-0000000000c2';

const grant = (g: Partial<Grant> & Pick<Grant, 'role'>): Grant => ({
  id: `grant-${g.role}`,
  programId: P1,
  areaCode: g.areaPath ? 'code' : null,
  areaPath: null,
  groupId: null,
  ...g,
});
const user = (grants: Grant[], isAdmin = false): UserActor => ({
  kind: 'user',
  id: ME,
  email: 'me@example.id',
  name: 'Me',
  locale: 'id',
  isAdmin,
  grants,
  via: 'session',
});
const anonymous: Actor = { kind: 'anonymous' };

/** A record kind as the modules declare them: staff read, some change, the owner may withdraw. */
const policy = definePolicy('Thing', {
  read: ['program_manager', 'facilitator', 'group_manager', 'group_member'],
  update: ['program_manager', 'facilitator', 'group_manager'],
  withdraw: { roles: ['program_manager'], owner: true },
  approve: ['program_manager'],
});

/** The answer `authorize` gives: 'ok', or the status of the problem it throws. */
function answer(actor: Actor, action: 'read' | 'update' | 'withdraw' | 'approve', target: Target): number | 'ok' {
  try {
    authorize(actor, policy, action, target);
    return 'ok';
  } catch (error) {
    if (error instanceof Problem) return error.status;
    throw error;
  }
}

const inKarangasem: Target = { programId: P1, areaPath: '/51/51.07/51.07.06/', groupId: G1 };
const inDenpasar: Target = { programId: P1, areaPath: '/51/51.71/', groupId: G2 };

describe('authorize', () => {
  it('answers 401 to the anonymous, whatever the record', () => {
    expect(answer(anonymous, 'read', inKarangasem)).toBe(401);
    expect(answer(anonymous, 'update', inKarangasem)).toBe(401);
  });

  it('answers 404 outside the scope and 403 when the record may be read but not changed', () => {
    const facilitator = user([grant({ role: 'facilitator', areaPath: '/51/51.07/' })]);
    expect(answer(facilitator, 'update', inKarangasem)).toBe('ok');
    expect(answer(facilitator, 'approve', inKarangasem)).toBe(403);
    expect(answer(facilitator, 'read', inDenpasar)).toBe(404);
    expect(answer(facilitator, 'update', inDenpasar)).toBe(404);
    expect(answer(user([]), 'read', inKarangasem)).toBe(404);
    const member = user([grant({ role: 'group_member', groupId: G1 })]);
    expect(answer(member, 'read', inKarangasem)).toBe('ok');
    expect(answer(member, 'update', inKarangasem)).toBe(403);
  });

  it('returns the signed-in user it authorized', () => {
    const manager = user([grant({ role: 'program_manager' })]);
    expect(authorize(manager, policy, 'approve', inDenpasar)).toBe(manager);
  });

  it('lets an admin do everything, without a single grant', () => {
    const admin = user([], true);
    expect(answer(admin, 'approve', { programId: P2, areaPath: '/52/' })).toBe('ok');
    expect(abilities(admin, policy, inDenpasar)).toEqual({ read: true, update: true, withdraw: true, approve: true });
  });

  it('lets the owner do what the owner rule allows, and nothing more', () => {
    const owner = user([]);
    const own = { ...inKarangasem, ownerId: ME };
    expect(can(owner, policy, 'withdraw', own)).toBe(true);
    expect(can(owner, policy, 'withdraw', { ...inKarangasem, ownerId: OTHER })).toBe(false);
    expect(can(owner, policy, 'withdraw', { ...inKarangasem, ownerId: null })).toBe(false);
    // The owner rule is for `withdraw` only: reading goes by roles, so the owner is told 404.
    expect(answer(owner, 'withdraw', own)).toBe(404);
  });

  it('lets only the owner do an owner-only action: no admin, no staff speaks for them', () => {
    const commitment = definePolicy('Offer', {
      read: { roles: ['program_manager'], owner: true },
      accept: { roles: [], ownerOnly: true },
    });
    const own = { ...inKarangasem, ownerId: ME };
    const others = { ...inKarangasem, ownerId: OTHER };
    const columns = { program: 'program_id', path: 'area_path', group: null, owner: 'buyer_id' };
    expect(can(user([]), commitment, 'accept', own)).toBe(true);
    expect(can(user([], true), commitment, 'accept', others)).toBe(false);
    expect(can(user([grant({ role: 'program_manager' })]), commitment, 'accept', others)).toBe(false);
    expect(can(user([]), commitment, 'accept', { ...inKarangasem, ownerId: null })).toBe(false);
    expect(can(user([], true), commitment, 'read', others)).toBe(true);
    expect(scopeOf(user([], true), commitment, 'accept', columns).render()).toEqual({
      text: 'buyer_id = $1',
      params: [ME],
    });
    expect(scopeOf(anonymous, commitment, 'accept', columns).render().text).toBe('false');
  });

  it('tells a group grant from an area grant from a program-wide grant', () => {
    const group = user([grant({ role: 'group_manager', groupId: G1 })]);
    const area = user([grant({ role: 'facilitator', areaPath: '/51/51.07/' })]);
    const program = user([grant({ role: 'facilitator' })]);
    const otherProgram = user([grant({ role: 'facilitator', programId: P2 })]);
    const reach = (actor: Actor) => [inKarangasem, inDenpasar].map((t) => can(actor, policy, 'update', t));
    expect(reach(group)).toEqual([true, false]);
    expect(reach(area)).toEqual([true, false]);
    expect(reach(program)).toEqual([true, true]);
    expect(reach(otherProgram)).toEqual([false, false]);
    // A group grant reaches nothing that belongs to no group, even in its own area.
    expect(can(group, policy, 'update', { programId: P1, areaPath: inKarangasem.areaPath, groupId: null })).toBe(false);
  });

  it('reaches nothing through an area grant whose area has no path (fail closed)', () => {
    const broken = user([grant({ role: 'facilitator', areaCode: '51.07', areaPath: null })]);
    expect(can(broken, policy, 'update', inKarangasem)).toBe(false);
    expect(scopeOf(broken, policy, 'update', COLUMNS).render().text).toBe('false');
  });

  it('lets only grants over the whole program reach the program itself, unless the rule says anywhere', () => {
    const programPolicy = definePolicy('Program', {
      read: { roles: ROLES, anywhere: true },
      update: ['program_manager'],
    });
    const narrowedManager = user([grant({ role: 'program_manager', areaPath: '/51/' })]);
    const manager = user([grant({ role: 'program_manager' })]);
    const member = user([grant({ role: 'group_member', groupId: G1 })]);
    expect(abilities(narrowedManager, programPolicy, programTarget(P1))).toEqual({ read: true, update: false });
    expect(abilities(manager, programPolicy, programTarget(P1))).toEqual({ read: true, update: true });
    expect(abilities(member, programPolicy, programTarget(P1))).toEqual({ read: true, update: false });
    expect(abilities(member, programPolicy, programTarget(P2))).toEqual({ read: false, update: false });
  });
});

// ---------------------------------------------------------------------------------------------
// The core guarantee: a list (scopeOf, in SQL) and a single read (can, in code) always agree.

const COLUMNS: ScopeColumns = {
  program: 't.program_id',
  path: 't.area_path',
  group: 't.group_id',
  owner: 't.owner_id',
};

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase({ areas: false });
});
afterAll(async () => {
  await t?.close();
});

// Paths with LIKE wildcards in them: a grant over '/5_/' must not reach '/51/'.
const PATHS = ['/51/', '/51/51.07/', '/51/51.07/51.07.06/', '/51/51.71/', '/52/', '/5_/', '/51%/', '/51\\/'];
const role = fc.constantFrom(...ROLES);
const program = fc.constantFrom(P1, P2);
const group = fc.constantFrom(G1, G2);
const path = fc.constantFrom(...PATHS);

const grantArb: fc.Arbitrary<Grant> = fc
  .record({
    programId: program,
    role,
    kind: fc.constantFrom('program', 'area', 'group', 'area-without-path'),
    path,
    group,
  })
  .map(({ kind, ...g }) => ({
    id: 'grant',
    programId: g.programId,
    role: g.role,
    areaCode: kind === 'area' || kind === 'area-without-path' ? 'code' : null,
    areaPath: kind === 'area' ? g.path : null,
    groupId: kind === 'group' ? g.group : null,
  }));

const actorArb: fc.Arbitrary<Actor> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(anonymous) },
  { weight: 1, arbitrary: fc.constant(user([], true)) },
  { weight: 8, arbitrary: fc.array(grantArb, { maxLength: 4 }).map((grants) => user(grants)) },
);

const ruleArb: fc.Arbitrary<Rule> = fc.record({
  roles: fc.subarray([...ROLES] as Role[]),
  owner: fc.boolean(),
  anywhere: fc.boolean(),
});

const targetArb = fc.record({
  programId: program,
  areaPath: fc.oneof(
    path.map((p) => `${p}x/`),
    path,
    fc.constant(''),
  ),
  groupId: fc.option(group),
  ownerId: fc.option(fc.constantFrom(ME, OTHER)),
});

describe('scopeOf', () => {
  it('selects exactly the rows that can() allows, for random grants, rules and records', async () => {
    await fc.assert(
      fc.asyncProperty(
        actorArb,
        ruleArb,
        fc.array(targetArb, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.boolean(),
        async (actor, rule, targets, groupColumn, ownerColumn) => {
          const { owner, ...rest } = COLUMNS;
          const columns: ScopeColumns = {
            ...rest,
            group: groupColumn ? rest.group : null,
            ...(ownerColumn ? { owner } : {}),
          };
          // A list without a group (or owner) column has rows that belong to no group (or owner).
          const rows = targets.map((target) => ({
            ...target,
            groupId: groupColumn ? target.groupId : null,
            ownerId: ownerColumn ? target.ownerId : null,
          }));
          const probe = definePolicy('Probe', { read: rule });
          const params: unknown[] = [];
          const where = new Where(params, scopeOf(actor, probe, 'read', columns));
          const values = joinSql(
            rows.map(
              (r, n) =>
                sql`(${n}::int, ${r.programId}::uuid, ${r.areaPath}::text, ${r.groupId}::uuid, ${r.ownerId}::uuid)`,
            ),
            ', ',
          ).renderInto(params);
          const selected = await t.db.query<{ n: number }>(
            `SELECT t.n FROM (VALUES ${values}) AS t(n, program_id, area_path, group_id, owner_id)
             WHERE ${where} ORDER BY t.n`,
            params,
          );
          const allowed = rows.flatMap((r, n) => (can(actor, probe, 'read', r) ? [n] : []));
          expect(selected.map((r) => r.n)).toEqual(allowed);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers one record the same as its condition evaluated on that row', async () => {
    await fc.assert(
      fc.asyncProperty(actorArb, ruleArb, targetArb, async (actor, rule, target) => {
        const probe = definePolicy('Probe', { read: rule });
        const condition = scopeOf(actor, probe, 'read', {
          program: 'program_id',
          path: 'area_path',
          group: 'group_id',
          owner: 'owner_id',
        });
        const params: unknown[] = [target.programId, target.areaPath, target.groupId, target.ownerId];
        const [row] = await t.db.query<{ ok: boolean | null }>(
          `SELECT coalesce(${condition.renderInto(params)}, false) AS ok
           FROM (VALUES ($1::uuid, $2::text, $3::uuid, $4::uuid)) AS t(program_id, area_path, group_id, owner_id)`,
          params,
        );
        expect(row!.ok).toBe(can(actor, probe, 'read', target));
      }),
      { numRuns: 200 },
    );
  });
});

import { isDeepStrictEqual } from 'node:util';
import { lockRow } from '../../db/sql.js';
import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../http/context.js';
import { conflict, invalid, notFound, ruleBroken } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { assertVersion } from '../../http/versioning.js';
import { getArea } from '../geography/index.js';
import { isAdmin, programIdsOf, recordAudit, usersRepository } from '../platform/index.js';
import {
  assertMayCreateProgram,
  assertMayGrant,
  assertMayManageProgram,
  assertMayReadProgram,
} from './programs.policy.js';
import { programsRepository, type GrantRow, type ProgramRow } from './programs.repository.js';
import type { CreateProgramBody, GrantRoleBody, ListProgramsQuery, PatchProgramBody } from './programs.schemas.js';

export function presentProgram(row: ProgramRow) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    country: row.country,
    currency: row.currency,
    locales: row.locales,
    startedOn: row.started_on,
    categories: row.categories,
    templateProgramId: row.template_program_id,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
type PresentedProgram = ReturnType<typeof presentProgram>;

export function presentGrant(row: GrantRow) {
  return {
    id: row.id,
    programId: row.program_id,
    userId: row.user_id,
    user: { email: row.user_email, name: row.user_name },
    role: row.role,
    areaCode: row.area_code,
    groupId: row.group_id,
    createdAt: row.created_at.toISOString(),
  };
}

export async function listPrograms(ctx: Ctx, query: ListProgramsQuery) {
  const after = decodeCursor(query.cursor, 1)?.[0] ?? null;
  const ids = isAdmin(ctx.actor) ? null : programIdsOf(ctx.actor);
  const rows = await programsRepository.list(ctx.db, { ids, after, limit: query.limit });
  return toPage(rows, query.limit, presentProgram, (r) => [r.code]);
}

export async function getProgram(ctx: Ctx, id: string): Promise<PresentedProgram> {
  assertMayReadProgram(ctx.actor, id);
  const row = await programsRepository.byId(ctx.db, id);
  if (!row) throw notFound('Program');
  return presentProgram(row);
}

/** Creates a program, optionally from another as a template (replication to a new country). */
export async function createProgram(
  ctx: Ctx,
  input: CreateProgramBody,
): Promise<{ program: PresentedProgram; created: boolean }> {
  assertMayCreateProgram(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const template = input.templateProgramId ? await programsRepository.byId(tx, input.templateProgramId) : undefined;
    if (input.templateProgramId && !template)
      throw invalid([{ path: 'templateProgramId', message: 'no such program' }]);
    const currency = input.currency ?? template?.currency;
    const locales = input.locales ?? template?.locales;
    if (!currency) throw invalid([{ path: 'currency', message: 'is required without a template' }]);
    if (!locales) throw invalid([{ path: 'locales', message: 'is required without a template' }]);
    const values = {
      id: input.id ?? uuidv7(),
      code: input.code,
      name: input.name,
      country: input.country,
      currency,
      locales,
      started_on: input.startedOn,
      categories: input.categories ?? template?.categories ?? [],
      template_program_id: template?.id ?? null,
    };
    if (input.id) {
      const existing = await programsRepository.byId(tx, input.id);
      if (existing) {
        if (!sameProgram(existing, values))
          throw conflict('Another program already has this id.', { current: presentProgram(existing) });
        return { program: presentProgram(existing), created: false };
      }
    }
    if (await programsRepository.byCode(tx, input.code)) {
      throw conflict('A program with this code exists.', { errors: [{ path: 'code', message: 'is taken' }] });
    }
    const program = presentProgram(await programsRepository.insert(tx, values));
    await recordAudit(tx, ctx, { action: 'program.create', entity: 'program', entityId: program.id, after: program });
    return { program, created: true };
  });
}

/** The same id with the same content is a retry of one create (offline capture), not a conflict. */
function sameProgram(row: ProgramRow, v: Omit<ProgramRow, 'version' | 'created_at' | 'updated_at'>): boolean {
  const content = (p: typeof v) => [
    p.code,
    p.name,
    p.country,
    p.currency,
    p.locales,
    p.started_on,
    p.categories,
    p.template_program_id,
  ];
  return isDeepStrictEqual(content(row), content(v));
}

export async function patchProgram(
  ctx: Ctx,
  id: string,
  base: number,
  input: PatchProgramBody,
): Promise<PresentedProgram> {
  assertMayManageProgram(ctx.actor, id);
  return ctx.db.transaction(async (tx) => {
    await lockRow(tx, 'programs', id);
    const current = await programsRepository.byId(tx, id);
    if (!current) throw notFound('Program');
    assertVersion(current, base, () => presentProgram(current));
    const row = await programsRepository.update(tx, id, {
      name: input.name ?? current.name,
      country: input.country ?? current.country,
      currency: input.currency ?? current.currency,
      locales: input.locales ?? current.locales,
      started_on: input.startedOn ?? current.started_on,
      categories: input.categories ?? current.categories,
    });
    const after = presentProgram(row);
    await recordAudit(tx, ctx, {
      action: 'program.update',
      entity: 'program',
      entityId: id,
      before: presentProgram(current),
      after,
    });
    return after;
  });
}

export async function listGrants(ctx: Ctx, programId: string) {
  assertMayManageProgram(ctx.actor, programId);
  return { items: (await programsRepository.grants(ctx.db, programId)).map(presentGrant) };
}

export async function grantRole(ctx: Ctx, programId: string, input: GrantRoleBody) {
  assertMayGrant(ctx.actor, programId, input.role);
  const groupRole = input.role === 'group_manager' || input.role === 'group_member';
  if (groupRole && !input.groupId) throw invalid([{ path: 'groupId', message: `is required for ${input.role}` }]);
  if (!groupRole && input.groupId) throw invalid([{ path: 'groupId', message: `does not apply to ${input.role}` }]);
  return ctx.db.transaction(async (tx) => {
    const program = await programsRepository.byId(tx, programId);
    if (!program) throw notFound('Program');
    if (!(await usersRepository.byId(tx, input.userId))) throw invalid([{ path: 'userId', message: 'no such user' }]);
    if (input.areaCode) {
      const area = await getArea({ db: tx }, input.areaCode).catch(() => undefined);
      if (!area) throw invalid([{ path: 'areaCode', message: 'no such area' }]);
      if (area.country !== program.country) {
        throw ruleBroken(
          'area-outside-program',
          `Area ${input.areaCode} is not in the program's country ${program.country}.`,
          [{ path: 'areaCode', message: `is not in ${program.country}` }],
        );
      }
    }
    const id = uuidv7();
    await programsRepository.insertGrant(tx, {
      id,
      programId,
      userId: input.userId,
      role: input.role,
      areaCode: input.areaCode ?? null,
      groupId: input.groupId ?? null,
    });
    const grant = presentGrant((await programsRepository.grantById(tx, programId, id))!);
    await recordAudit(tx, ctx, { action: 'role.grant', entity: 'role_grant', entityId: id, after: grant });
    return grant;
  });
}

export async function revokeRole(ctx: Ctx, programId: string, grantId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const grant = await programsRepository.grantById(tx, programId, grantId);
    if (!grant) {
      assertMayManageProgram(ctx.actor, programId);
      throw notFound('Role grant');
    }
    assertMayGrant(ctx.actor, programId, grant.role);
    await programsRepository.deleteGrant(tx, grantId);
    await recordAudit(tx, ctx, {
      action: 'role.revoke',
      entity: 'role_grant',
      entityId: grantId,
      before: presentGrant(grant),
    });
  });
}

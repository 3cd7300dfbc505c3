import { v7 as uuidv7 } from 'uuid';
import { lockRow } from '../../db/sql.js';
import { inTransaction, type Actor, type Ctx, type TxCtx } from '../../http/context.js';
import { createOnce, type Created } from '../../http/create-once.js';
import { conflict, forbidden, invalid, notFound, ruleBroken } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { assertVersion } from '../../http/versioning.js';
import { getArea } from '../geography/index.js';
import {
  abilities,
  accountById,
  authorize,
  can,
  programTarget,
  recordAudit,
  requireUser,
  scopeOf,
} from '../platform/index.js';
import { GROUP_ROLES, invitableRoles, mayCreateProgram, programPolicy, staffingAction } from './programs.policy.js';
import { PROGRAM_SCOPE, programsRepository, type GrantRow, type ProgramRow } from './programs.repository.js';
import type {
  CreateProgramBody,
  GrantAnswer,
  GrantRoleBody,
  ListProgramsQuery,
  PatchProgramBody,
  ProgramAnswer,
} from './programs.schemas.js';

/** The members' minimum age of a program that sets none (the column's default, 0029_registry_facts.sql). */
const DEFAULT_MEMBER_MIN_AGE = 15;

/** A program's facts (what the audit log keeps). */
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
    memberMinAge: row.member_min_age,
    templateProgramId: row.template_program_id,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A program as the actor gets it: its facts and what they may do with it. */
export function answerProgram(actor: Actor, row: ProgramRow): ProgramAnswer {
  return {
    ...presentProgram(row),
    abilities: abilities(actor, programPolicy, programTarget(row.id)),
    invitable: invitableRoles(actor, row.id),
  };
}

export function presentGrant(row: GrantRow): GrantAnswer {
  return {
    id: row.id,
    programId: row.program_id,
    userId: row.user_id,
    user: { email: row.user_email, phone: row.user_phone, name: row.user_name },
    role: row.role,
    areaCode: row.area_code,
    area:
      row.area_code && row.area_name && row.area_level
        ? { code: row.area_code, name: row.area_name, level: row.area_level, ancestors: row.area_ancestors }
        : null,
    groupId: row.group_id,
    group:
      row.group_id && row.group_name ? { id: row.group_id, name: row.group_name, villageName: row.village_name } : null,
    createdAt: row.created_at.toISOString(),
  };
}

export async function listPrograms(ctx: Ctx, query: ListProgramsQuery) {
  const after = decodeCursor(query.cursor, 1)?.[0] ?? null;
  const scope = scopeOf(ctx.actor, programPolicy, 'read', PROGRAM_SCOPE);
  const rows = await programsRepository.list(ctx.db, { scope, after, limit: query.limit });
  const page = toPage(
    rows,
    query.limit,
    (row) => answerProgram(ctx.actor, row),
    (r) => [r.code],
  );
  return { ...page, abilities: { create: mayCreateProgram(ctx.actor) } };
}

export async function getProgram(ctx: Ctx, id: string): Promise<ProgramAnswer> {
  authorize(ctx.actor, programPolicy, 'read', programTarget(id));
  const row = await programsRepository.byId(ctx.db, id);
  if (!row) throw notFound('Program');
  return answerProgram(ctx.actor, row);
}

/** Creates a program, optionally from another as a template (replication to a new country). */
export async function createProgram(ctx: Ctx, input: CreateProgramBody): Promise<Created<ProgramAnswer>> {
  requireUser(ctx.actor);
  if (!mayCreateProgram(ctx.actor)) throw forbidden('Only a platform admin may do this.', { code: 'admin-only' });
  return inTransaction(ctx, async (tx) => {
    const template = input.templateProgramId
      ? await programsRepository.byId(tx.db, input.templateProgramId)
      : undefined;
    if (input.templateProgramId && !template)
      throw invalid([{ path: 'templateProgramId', code: 'unknown_reference', message: 'no such program' }]);
    const currency = input.currency ?? template?.currency;
    const locales = input.locales ?? template?.locales;
    if (!currency)
      throw invalid([
        { path: 'currency', code: 'required_without_template', message: 'is required without a template' },
      ]);
    if (!locales)
      throw invalid([
        { path: 'locales', code: 'required_without_template', message: 'is required without a template' },
      ]);
    // What is stored, from the input with the template's values filled in.
    const values = {
      code: input.code,
      name: input.name,
      country: input.country,
      currency,
      locales,
      started_on: input.startedOn,
      categories: input.categories ?? template?.categories ?? [],
      member_min_age: input.memberMinAge ?? template?.member_min_age ?? DEFAULT_MEMBER_MIN_AGE,
      template_program_id: template?.id ?? null,
    };
    return createOnce(tx.db, {
      id: input.id,
      find: (id) => programsRepository.byId(tx.db, id),
      visible: (row) => can(tx.actor, programPolicy, 'read', programTarget(row.id)),
      stored: (row) => ({
        code: row.code,
        name: row.name,
        country: row.country,
        currency: row.currency,
        locales: row.locales,
        started_on: row.started_on,
        categories: row.categories,
        member_min_age: row.member_min_age,
        template_program_id: row.template_program_id,
      }),
      input: values,
      present: (row) => answerProgram(tx.actor, row),
      create: async (id) => {
        if (await programsRepository.byCode(tx.db, input.code)) {
          throw conflict(
            'A program with this code exists.',
            { errors: [{ path: 'code', code: 'taken', message: 'is taken' }] },
            { code: 'program-code-taken' },
          );
        }
        const row = await programsRepository.insert(tx.db, { id, ...values });
        await recordAudit(tx.db, tx, {
          action: 'program.create',
          entity: 'program',
          entityId: id,
          after: presentProgram(row),
        });
        return answerProgram(tx.actor, row);
      },
    });
  });
}

export async function patchProgram(
  ctx: Ctx,
  id: string,
  base: number,
  input: PatchProgramBody,
): Promise<ProgramAnswer> {
  authorize(ctx.actor, programPolicy, 'update', programTarget(id));
  return inTransaction(ctx, async (tx) => {
    await lockRow(tx.db, 'programs', id);
    const current = await programsRepository.byId(tx.db, id);
    if (!current) throw notFound('Program');
    assertVersion(current, base, () => answerProgram(tx.actor, current));
    // A grant's area must stay in the program's country, so a move abroad waits for those grants to go.
    if (input.country && input.country !== current.country)
      if (await programsRepository.hasAreaGrantsOutside(tx.db, id, input.country))
        throw ruleBroken(
          'program-areas-in-use',
          `Role grants are narrowed to areas of ${current.country}.`,
          [
            {
              path: 'country',
              code: 'not_allowed_here',
              message: `role grants are narrowed to areas of ${current.country}`,
            },
          ],
          {},
          { country: current.country },
        );
    const row = await programsRepository.update(tx.db, id, {
      name: input.name ?? current.name,
      country: input.country ?? current.country,
      currency: input.currency ?? current.currency,
      locales: input.locales ?? current.locales,
      started_on: input.startedOn ?? current.started_on,
      categories: input.categories ?? current.categories,
      member_min_age: input.memberMinAge ?? current.member_min_age,
    });
    await recordAudit(tx.db, tx, {
      action: 'program.update',
      entity: 'program',
      entityId: id,
      before: presentProgram(current),
      after: presentProgram(row),
    });
    return answerProgram(tx.actor, row);
  });
}

export async function listGrants(ctx: Ctx, programId: string) {
  authorize(ctx.actor, programPolicy, 'listRoles', programTarget(programId));
  return { items: (await programsRepository.grants(ctx.db, programId)).map(presentGrant) };
}

/** A group's roles need a group; every other role must not name one. */
export function assertGroupFitsRole(role: GrantRoleBody['role'], groupId: string | undefined): void {
  const groupRole = GROUP_ROLES.includes(role);
  if (groupRole && !groupId)
    throw invalid([
      { path: 'groupId', code: 'required_for_role', params: { role }, message: `is required for ${role}` },
    ]);
  if (!groupRole && groupId)
    throw invalid([{ path: 'groupId', code: 'not_for_role', params: { role }, message: `does not apply to ${role}` }]);
}

export async function grantRole(ctx: Ctx, programId: string, input: GrantRoleBody) {
  authorize(ctx.actor, programPolicy, staffingAction(input.role, 'grant'), programTarget(programId));
  assertGroupFitsRole(input.role, input.groupId);
  return inTransaction(ctx, async (tx) => {
    await lockRow(tx.db, 'programs', programId); // its country is read below and may not move meanwhile
    const program = await programsRepository.byId(tx.db, programId);
    if (!program) throw notFound('Program');
    if (!(await accountById(tx.db, input.userId)))
      throw invalid([{ path: 'userId', code: 'unknown_reference', message: 'no such user' }]);
    await assertInProgram(tx, program, input);
    const grant = presentGrant(
      await programsRepository.insertGrant(tx.db, {
        id: uuidv7(),
        programId,
        userId: input.userId,
        role: input.role,
        areaCode: input.areaCode ?? null,
        groupId: input.groupId ?? null,
      }),
    );
    await recordAudit(tx.db, tx, { action: 'role.grant', entity: 'role_grant', entityId: grant.id, after: grant });
    return grant;
  });
}

/**
 * A grant's group and area must be the program's own: a group of another program would make its
 * holder one of that group's staff (its market notices) through a program they do not work in.
 * The answer does not tell whether the group exists elsewhere.
 */
async function assertInProgram(tx: TxCtx, program: ProgramRow, input: GrantRoleBody): Promise<void> {
  if (input.groupId && !(await programsRepository.groupInProgram(tx.db, program.id, input.groupId)))
    throw invalid([{ path: 'groupId', code: 'unknown_reference', message: 'no such group in this program' }]);
  if (input.areaCode) {
    const area = await getArea(tx, input.areaCode).catch(() => undefined);
    if (!area) throw invalid([{ path: 'areaCode', code: 'unknown_reference', message: 'no such area' }]);
    if (area.country !== program.country)
      throw invalid([
        {
          path: 'areaCode',
          code: 'not_in_country',
          params: { country: program.country },
          message: `is not an area of the program's country (${program.country})`,
        },
      ]);
  }
}

export async function revokeRole(ctx: Ctx, programId: string, grantId: string): Promise<void> {
  authorize(ctx.actor, programPolicy, 'revokeRole', programTarget(programId));
  await inTransaction(ctx, async (tx) => {
    const grant = await programsRepository.grantById(tx.db, programId, grantId);
    if (!grant) throw notFound('Role grant');
    authorize(tx.actor, programPolicy, staffingAction(grant.role, 'revoke'), programTarget(programId));
    await programsRepository.deleteGrant(tx.db, grantId);
    await recordAudit(tx.db, tx, {
      action: 'role.revoke',
      entity: 'role_grant',
      entityId: grantId,
      before: presentGrant(grant),
    });
  });
}

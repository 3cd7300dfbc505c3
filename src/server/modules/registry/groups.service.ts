import { v7 as uuidv7 } from 'uuid';
import { lockRow } from '../../db/sql.js';
import type { Queryable } from '../../db/database.js';
import type { Ctx } from '../../http/context.js';
import { forbidden, invalid, notFound } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { assertVersion, idInUse, replayOrConflict } from '../../http/versioning.js';
import { reaches, recordAudit, requireUser, scopeCondition } from '../platform/index.js';
import { groupsRepository, type GroupRow, type GroupValues } from './groups.repository.js';
import { assertMayRead, assertMayWrite, ROLES } from './registry.policy.js';
import type { CreateGroupBody, ListGroupsQuery, PatchGroupBody } from './registry.schemas.js';
import { villagesRepository } from './villages.repository.js';
import { pathOf } from './villages.service.js';

export function presentGroup(row: GroupRow) {
  return {
    id: row.id,
    programId: row.program_id,
    villageId: row.village_id,
    village: { areaCode: row.area_code, name: row.village_name },
    name: row.name,
    kind: row.kind,
    foundedOn: row.founded_on,
    legalIds: row.nib ? { nib: row.nib } : {},
    contact: row.contact,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
type PresentedGroup = ReturnType<typeof presentGroup>;

export const groupTarget = (row: Pick<GroupRow, 'program_id' | 'area_path' | 'id'>) => ({
  programId: row.program_id,
  areaPath: row.area_path,
  groupId: row.id,
});

const content = (g: PresentedGroup) => ({
  programId: g.programId,
  villageId: g.villageId,
  name: g.name,
  kind: g.kind,
  foundedOn: g.foundedOn,
  legalIds: g.legalIds,
  contact: g.contact,
});

/** A group the actor may read, or 404. */
export async function readGroup(ctx: Pick<Ctx, 'actor'> & { db: Queryable }, id: string): Promise<GroupRow> {
  const row = await groupsRepository.byId(ctx.db, id);
  if (!row) throw notFound('Producer group');
  assertMayRead(ctx.actor, groupTarget(row), ROLES.readGroup, 'Producer group');
  return row;
}

export async function getGroup(ctx: Ctx, id: string): Promise<PresentedGroup> {
  return presentGroup(await readGroup(ctx, id));
}

export async function listGroups(ctx: Ctx, query: ListGroupsQuery) {
  requireUser(ctx.actor);
  const params: unknown[] = [];
  const scope = scopeCondition(
    ctx.actor,
    ROLES.readGroup,
    { program: 'g.program_id', path: 'g.area_path', group: 'g.id' },
    params,
  );
  const areaPath = query.area ? await pathOf(ctx.db, query.area, 'query.area') : undefined;
  const after = decodeCursor(query.cursor, 1)?.[0] ?? null;
  const rows = await groupsRepository.list(ctx.db, scope, params, { ...query, areaPath, after });
  return toPage(rows, query.limit, presentGroup, (r) => [r.id]);
}

export async function registerGroup(
  ctx: Ctx,
  input: CreateGroupBody,
): Promise<{ group: PresentedGroup; created: boolean }> {
  requireUser(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const village = await villagesRepository.byId(tx, input.villageId);
    const villageTarget = village && { programId: village.program_id, areaPath: village.area_path };
    if (!village || !villageTarget || !reaches(ctx.actor, villageTarget, ROLES.readGroup)) {
      throw invalid([{ path: 'villageId', message: 'no such village' }]);
    }
    if (village.program_id !== input.programId) {
      throw invalid([{ path: 'villageId', message: 'is not enrolled in this program' }]);
    }
    if (!reaches(ctx.actor, villageTarget, ROLES.writeVillage))
      throw forbidden('You may not register groups in this village.');
    const values: GroupValues = {
      name: input.name,
      kind: input.kind,
      founded_on: input.foundedOn ?? null,
      nib: input.legalIds.nib ?? null,
      contact: input.contact,
    };
    if (input.id) {
      const existing = await groupsRepository.byId(tx, input.id);
      if (existing && !reaches(ctx.actor, groupTarget(existing), ROLES.readGroup)) throw idInUse();
      if (existing) {
        const current = presentGroup(existing);
        const incoming = {
          programId: input.programId,
          villageId: input.villageId,
          name: values.name,
          kind: values.kind,
          foundedOn: values.founded_on,
          legalIds: input.legalIds,
          contact: input.contact,
        };
        return { group: replayOrConflict(content(current), incoming, () => current), created: false };
      }
    }
    const id = input.id ?? uuidv7();
    await groupsRepository.insert(tx, {
      id,
      program_id: village.program_id,
      village_id: village.id,
      area_path: village.area_path,
      ...values,
    });
    const group = presentGroup((await groupsRepository.byId(tx, id))!);
    await recordAudit(tx, ctx, { action: 'group.register', entity: 'producer_group', entityId: id, after: group });
    return { group, created: true };
  });
}

export async function patchGroup(ctx: Ctx, id: string, base: number, input: PatchGroupBody): Promise<PresentedGroup> {
  return ctx.db.transaction(async (tx) => {
    await lockRow(tx, 'producer_groups', id);
    const current = await groupsRepository.byId(tx, id);
    if (!current) throw notFound('Producer group');
    assertMayWrite(ctx.actor, groupTarget(current), ROLES.readGroup, ROLES.writeGroup, 'Producer group');
    const before = presentGroup(current);
    assertVersion(current, base, () => before);
    await groupsRepository.update(tx, id, {
      name: input.name ?? current.name,
      kind: input.kind ?? current.kind,
      founded_on: input.foundedOn === undefined ? current.founded_on : input.foundedOn,
      nib: input.legalIds === undefined ? current.nib : (input.legalIds.nib ?? null),
      contact: input.contact ?? current.contact,
    });
    const after = presentGroup((await groupsRepository.byId(tx, id))!);
    await recordAudit(tx, ctx, { action: 'group.update', entity: 'producer_group', entityId: id, before, after });
    return after;
  });
}

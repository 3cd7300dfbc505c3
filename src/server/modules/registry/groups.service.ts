import { lockRow } from '../../db/sql.js';
import { inTransaction, type Actor, type Ctx, type TxCtx } from '../../http/context.js';
import { createOnce, type Created } from '../../http/create-once.js';
import { forbidden, invalid, notFound } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { assertVersion } from '../../http/versioning.js';
import { abilities, authorize, can, canSomewhere, recordAudit, requireUser, scopeOf } from '../platform/index.js';
import { mayInviteIntoGroup } from '../programs/index.js';
import { groupsRepository, type GroupRow, type GroupValues, type LegalId } from './groups.repository.js';
import { groupPolicy, groupTarget, villagePolicy, villageTarget } from './registry.policy.js';
import type { CreateGroupBody, LegalDocument, ListGroupsQuery, PatchGroupBody } from './registry.schemas.js';
import { villagesRepository } from './villages.repository.js';
import { pathOf } from './villages.service.js';

/** A producer group as recorded (and audited). */
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
    legalDocuments: row.legal_ids,
    contact: row.contact,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A group as the actor gets it: with what they may do with it. */
export const groupAnswer = (actor: Actor, row: GroupRow) => ({
  ...presentGroup(row),
  abilities: {
    ...abilities(actor, groupPolicy, groupTarget(row)),
    invite: mayInviteIntoGroup(actor, groupTarget(row)),
  },
});
type GroupAnswer = ReturnType<typeof groupAnswer>;

/**
 * A group the actor may read, or 404; on the pool or inside the caller's transaction. Other
 * modules use it to check a group before they attach to it.
 */
export async function readGroup(ctx: Pick<Ctx | TxCtx, 'actor' | 'db'>, id: string): Promise<GroupRow> {
  const row = await groupsRepository.byId(ctx.db, id);
  if (!row) throw notFound('Producer group');
  authorize(ctx.actor, groupPolicy, 'read', groupTarget(row));
  return row;
}

export async function getGroup(ctx: Ctx, id: string): Promise<GroupAnswer> {
  return groupAnswer(ctx.actor, await readGroup(ctx, id));
}

export async function listGroups(ctx: Ctx, query: ListGroupsQuery) {
  requireUser(ctx.actor);
  const scope = scopeOf(ctx.actor, groupPolicy, 'read', {
    program: 'g.program_id',
    path: 'g.area_path',
    group: 'g.id',
  });
  const areaPath = query.area ? await pathOf(ctx.db, query.area, 'query.area') : undefined;
  const after = decodeCursor(query.cursor, 1)?.[0] ?? null;
  const rows = await groupsRepository.list(ctx.db, scope, { ...query, areaPath, after });
  const page = toPage(
    rows,
    query.limit,
    (r) => groupAnswer(ctx.actor, r),
    (r) => [r.id],
  );
  return { ...page, abilities: { create: canSomewhere(ctx.actor, villagePolicy, 'registerGroup', query.programId) } };
}

export async function registerGroup(ctx: Ctx, input: CreateGroupBody): Promise<Created<GroupAnswer>> {
  requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const village = await villagesRepository.byId(tx.db, input.villageId);
    if (!village || !can(tx.actor, villagePolicy, 'read', villageTarget(village))) {
      throw invalid([{ path: 'villageId', code: 'unknown_reference', message: 'no such village' }]);
    }
    if (village.program_id !== input.programId) {
      throw invalid([{ path: 'villageId', code: 'not_allowed_here', message: 'is not enrolled in this program' }]);
    }
    if (!can(tx.actor, villagePolicy, 'registerGroup', villageTarget(village)))
      throw forbidden('You may not register groups in this village.');
    const values: GroupValues = {
      name: input.name,
      kind: input.kind,
      founded_on: input.foundedOn ?? null,
      legal_ids: legalIdsOf([], input.legalDocuments, input.legalIds),
      contact: input.contact,
    };
    return createOnce(tx.db, {
      id: input.id,
      find: (id) => groupsRepository.byId(tx.db, id),
      visible: (row) => can(tx.actor, groupPolicy, 'read', groupTarget(row)),
      stored: (row) => ({ programId: row.program_id, villageId: row.village_id, ...valuesOf(row) }),
      input: { programId: input.programId, villageId: input.villageId, ...values },
      present: (row) => groupAnswer(tx.actor, row),
      create: async (id) => {
        const row = await groupsRepository.insert(tx.db, {
          id,
          program_id: village.program_id,
          village_id: village.id,
          area_path: village.area_path,
          ...values,
        });
        await recordAudit(tx.db, tx, {
          action: 'group.register',
          entity: 'producer_group',
          entityId: id,
          after: presentGroup(row),
        });
        return groupAnswer(tx.actor, row);
      },
    });
  });
}

const valuesOf = (row: GroupRow): GroupValues => ({
  name: row.name,
  kind: row.kind,
  founded_on: row.founded_on,
  legal_ids: row.legal_ids,
  contact: row.contact,
});

/**
 * The legal ids a request leaves the group with. `legalDocuments` is the whole list; `legalIds.nib`
 * (clients from before the list) sets or, absent, removes the NIB and keeps the other ids. Sent
 * together, the NIB they name must be the same.
 */
function legalIdsOf(
  kept: LegalId[],
  list: LegalDocument[] | undefined,
  nibOnly: { nib?: string | undefined } | undefined,
): LegalId[] {
  const given = list?.map((d) => ({ kind: d.kind, number: d.number, issuedOn: d.issuedOn ?? null }));
  if (given) {
    const listed = given.find((d) => d.kind === 'nib')?.number;
    if (nibOnly?.nib !== undefined && nibOnly.nib !== listed)
      throw invalid([
        { path: 'legalIds.nib', code: 'nib_disagrees', message: 'differs from the NIB in legalDocuments' },
      ]);
    return given;
  }
  if (!nibOnly) return kept;
  const others = kept.filter((d) => d.kind !== 'nib');
  if (!nibOnly.nib) return others;
  const before = kept.find((d) => d.kind === 'nib' && d.number === nibOnly.nib);
  return [{ kind: 'nib', number: nibOnly.nib, issuedOn: before?.issuedOn ?? null }, ...others];
}

export async function patchGroup(ctx: Ctx, id: string, base: number, input: PatchGroupBody): Promise<GroupAnswer> {
  return inTransaction(ctx, async (tx) => {
    await lockRow(tx.db, 'producer_groups', id);
    const current = await groupsRepository.byId(tx.db, id);
    if (!current) throw notFound('Producer group');
    authorize(tx.actor, groupPolicy, 'update', groupTarget(current));
    assertVersion(current, base, () => groupAnswer(tx.actor, current));
    const row = await groupsRepository.update(tx.db, id, {
      name: input.name ?? current.name,
      kind: input.kind ?? current.kind,
      founded_on: input.foundedOn === undefined ? current.founded_on : input.foundedOn,
      legal_ids: legalIdsOf(current.legal_ids, input.legalDocuments, input.legalIds),
      contact: input.contact ?? current.contact,
    });
    await recordAudit(tx.db, tx, {
      action: 'group.update',
      entity: 'producer_group',
      entityId: id,
      before: presentGroup(current),
      after: presentGroup(row),
    });
    return groupAnswer(tx.actor, row);
  });
}

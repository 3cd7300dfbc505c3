import type { Queryable } from '../../db/database.js';
import { lockRow } from '../../db/sql.js';
import { inTransaction, type Actor, type Ctx, type TxCtx } from '../../http/context.js';
import { createOnce, type Created } from '../../http/create-once.js';
import { conflict, forbidden, invalid, notFound, ruleBroken } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { assertVersion } from '../../http/versioning.js';
import { areaPath, getArea } from '../geography/index.js';
import {
  abilities,
  authorize,
  can,
  canSomewhere,
  grantsOf,
  recordAudit,
  requireUser,
  scopeOf,
} from '../platform/index.js';
import { programById, worksInProgram } from '../programs/index.js';
import { villagePolicy, villageTarget } from './registry.policy.js';
import type { CreateVillageBody, ListVillagesQuery, PatchVillageBody } from './registry.schemas.js';
import { villagesRepository, type VillageRow, type VillageValues } from './villages.repository.js';

/** A village as recorded (and audited). */
export function presentVillage(row: VillageRow) {
  return {
    id: row.id,
    programId: row.program_id,
    areaCode: row.area_code,
    area: { code: row.area_code, name: row.area_name, level: row.area_level },
    profile: { population: row.population, households: row.households, potentials: row.potentials, notes: row.notes },
    facilitatorId: row.facilitator_id,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A village as the actor gets it: with what they may do with it. */
export const villageAnswer = (actor: Actor, row: VillageRow) => ({
  ...presentVillage(row),
  abilities: abilities(actor, villagePolicy, villageTarget(row)),
});
type VillageAnswer = ReturnType<typeof villageAnswer>;

/** A village the actor may read, or 404. */
export async function readVillage(ctx: Pick<Ctx | TxCtx, 'actor' | 'db'>, id: string): Promise<VillageRow> {
  const row = await villagesRepository.byId(ctx.db, id);
  if (!row) throw notFound('Village');
  authorize(ctx.actor, villagePolicy, 'read', villageTarget(row));
  return row;
}

export async function getVillage(ctx: Ctx, id: string): Promise<VillageAnswer> {
  return villageAnswer(ctx.actor, await readVillage(ctx, id));
}

export async function listVillages(ctx: Ctx, query: ListVillagesQuery) {
  requireUser(ctx.actor);
  const scope = scopeOf(ctx.actor, villagePolicy, 'read', {
    program: 'v.program_id',
    path: 'v.area_path',
    group: null,
  });
  const path = query.area ? await pathOf(ctx.db, query.area, 'query.area') : undefined;
  const after = decodeCursor(query.cursor, 1)?.[0] ?? null;
  const rows = await villagesRepository.list(ctx.db, scope, {
    programId: query.programId,
    areaPath: path,
    after,
    limit: query.limit,
  });
  const page = toPage(
    rows,
    query.limit,
    (r) => villageAnswer(ctx.actor, r),
    (r) => [r.id],
  );
  return { ...page, abilities: { enrol: canSomewhere(ctx.actor, villagePolicy, 'enrol', query.programId) } };
}

/** The materialised path of an area named in a request, or a 400 naming the field. */
export async function pathOf(db: Queryable, code: string, field: string): Promise<string> {
  const path = await areaPath(db, code);
  if (path === undefined) throw invalid([{ path: field, code: 'unknown_reference', message: 'no such area' }]);
  return path;
}

/** Enrols a village-level area (a leaf of the area tree) in a program, once per program. */
export async function enrolVillage(ctx: Ctx, input: CreateVillageBody): Promise<Created<VillageAnswer>> {
  requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const program = await programById(tx.db, input.programId);
    if (!program || !worksInProgram(tx.actor, program.id)) {
      throw invalid([{ path: 'programId', code: 'unknown_reference', message: 'no such program' }]);
    }
    const area = await getArea(tx, input.areaCode).catch(() => undefined);
    if (!area) throw invalid([{ path: 'areaCode', code: 'unknown_reference', message: 'no such area' }]);
    const path = await pathOf(tx.db, input.areaCode, 'areaCode');
    if (!can(tx.actor, villagePolicy, 'enrol', { programId: program.id, areaPath: path })) {
      throw forbidden('This area is outside your scope.', { code: 'outside-scope' });
    }
    const profile = normalProfile(input.profile);
    const facilitatorId = input.facilitatorId ?? null;
    return createOnce(tx.db, {
      id: input.id,
      find: (id) => villagesRepository.byId(tx.db, id),
      visible: (row) => can(tx.actor, villagePolicy, 'read', villageTarget(row)),
      stored: (row) => ({
        programId: row.program_id,
        areaCode: row.area_code,
        profile: presentVillage(row).profile,
        facilitatorId: row.facilitator_id,
      }),
      input: { programId: input.programId, areaCode: input.areaCode, profile, facilitatorId },
      present: (row) => villageAnswer(tx.actor, row),
      create: async (id) => {
        if (area.country !== program.country) {
          throw ruleBroken('area-outside-program', `Area ${area.code} is not in the program's country.`, [
            {
              path: 'areaCode',
              code: 'not_in_country',
              params: { country: program.country },
              message: `is not in ${program.country}`,
            },
          ]);
        }
        if (area.childCount > 0) {
          throw ruleBroken('not-a-village', `${area.name} is a ${area.level}; enrol one of its villages.`, [
            { path: 'areaCode', code: 'not_village_level', message: 'is not a village-level area' },
          ]);
        }
        if (await villagesRepository.byArea(tx.db, program.id, area.code)) {
          throw conflict(
            'This village is already enrolled in the program.',
            {
              errors: [{ path: 'areaCode', code: 'taken', message: 'is already enrolled' }],
            },
            { code: 'village-enrolled' },
          );
        }
        await assertFacilitator(tx, facilitatorId, program.id, path);
        const row = await villagesRepository.insert(tx.db, {
          id,
          program_id: program.id,
          area_code: area.code,
          area_path: path,
          ...profile,
          facilitator_id: facilitatorId,
        });
        await recordAudit(tx.db, tx, {
          action: 'village.enrol',
          entity: 'village',
          entityId: id,
          after: presentVillage(row),
        });
        return villageAnswer(tx.actor, row);
      },
    });
  });
}

export async function patchVillage(
  ctx: Ctx,
  id: string,
  base: number,
  input: PatchVillageBody,
): Promise<VillageAnswer> {
  return inTransaction(ctx, async (tx) => {
    await lockRow(tx.db, 'villages', id);
    const current = await villagesRepository.byId(tx.db, id);
    if (!current) throw notFound('Village');
    authorize(tx.actor, villagePolicy, 'update', villageTarget(current));
    assertVersion(current, base, () => villageAnswer(tx.actor, current));
    const before = presentVillage(current);
    const profile = { ...before.profile, ...input.profile };
    const facilitatorId = input.facilitatorId === undefined ? current.facilitator_id : input.facilitatorId;
    if (input.facilitatorId !== undefined)
      await assertFacilitator(tx, facilitatorId, current.program_id, current.area_path);
    const row = await villagesRepository.update(tx.db, id, values(profile, facilitatorId));
    const after = presentVillage(row);
    await recordAudit(tx.db, tx, { action: 'village.update', entity: 'village', entityId: id, before, after });
    return villageAnswer(tx.actor, row);
  });
}

function normalProfile(p: CreateVillageBody['profile']) {
  return {
    population: p.population ?? null,
    households: p.households ?? null,
    potentials: p.potentials ?? [],
    notes: p.notes ?? null,
  };
}

function values(p: CreateVillageBody['profile'], facilitatorId: string | null): VillageValues {
  return { ...normalProfile(p), facilitator_id: facilitatorId };
}

/** The village's facilitator must be a facilitator of the program whose area covers the village. */
async function assertFacilitator(tx: TxCtx, userId: string | null, programId: string, path: string): Promise<void> {
  if (userId === null) return;
  const grants = await grantsOf(tx.db, userId);
  const covers = grants.some(
    (g) =>
      g.programId === programId && g.role === 'facilitator' && (g.areaPath === null || path.startsWith(g.areaPath)),
  );
  if (!covers)
    throw invalid([
      {
        path: 'facilitatorId',
        code: 'not_a_facilitator',
        message: 'is not a facilitator of this program for this area',
      },
    ]);
}

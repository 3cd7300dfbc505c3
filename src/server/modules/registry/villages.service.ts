import { v7 as uuidv7 } from 'uuid';
import { lockRow } from '../../db/sql.js';
import type { Queryable } from '../../db/database.js';
import type { Ctx } from '../../http/context.js';
import { conflict, forbidden, invalid, notFound, ruleBroken } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { assertVersion, idInUse, replayOrConflict } from '../../http/versioning.js';
import { getArea } from '../geography/index.js';
import { holdsAnyRole, reaches, recordAudit, requireUser, scopeCondition, usersRepository } from '../platform/index.js';
import { programsRepository } from '../programs/index.js';
import { assertMayRead, assertMayWrite, ROLES } from './registry.policy.js';
import type { CreateVillageBody, ListVillagesQuery, PatchVillageBody } from './registry.schemas.js';
import { villagesRepository, type VillageRow, type VillageValues } from './villages.repository.js';

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
type PresentedVillage = ReturnType<typeof presentVillage>;

const target = (row: VillageRow) => ({ programId: row.program_id, areaPath: row.area_path });

/** The comparable content of an enrolment, for offline replays. */
const content = (v: PresentedVillage) => ({
  programId: v.programId,
  areaCode: v.areaCode,
  profile: v.profile,
  facilitatorId: v.facilitatorId,
});

/** A village the actor may read, or 404. Other modules use it to check a village before they attach to it. */
export async function readVillage(ctx: Pick<Ctx, 'actor'> & { db: Queryable }, id: string): Promise<VillageRow> {
  const row = await villagesRepository.byId(ctx.db, id);
  if (!row) throw notFound('Village');
  assertMayRead(ctx.actor, target(row), ROLES.readVillage, 'Village');
  return row;
}

export async function getVillage(ctx: Ctx, id: string): Promise<PresentedVillage> {
  return presentVillage(await readVillage(ctx, id));
}

export async function listVillages(ctx: Ctx, query: ListVillagesQuery) {
  requireUser(ctx.actor);
  const params: unknown[] = [];
  const scope = scopeCondition(
    ctx.actor,
    ROLES.readVillage,
    { program: 'v.program_id', path: 'v.area_path', group: null },
    params,
  );
  const areaPath = query.area ? await pathOf(ctx.db, query.area, 'query.area') : undefined;
  const after = decodeCursor(query.cursor, 1)?.[0] ?? null;
  const rows = await villagesRepository.list(ctx.db, scope, params, {
    programId: query.programId,
    areaPath,
    after,
    limit: query.limit,
  });
  return toPage(rows, query.limit, presentVillage, (r) => [r.id]);
}

export async function pathOf(db: Queryable, code: string, field: string): Promise<string> {
  const rows = await db.query<{ path: string }>('SELECT path FROM areas WHERE code = $1', [code]);
  if (!rows[0]) throw invalid([{ path: field, message: 'no such area' }]);
  return rows[0].path;
}

/** Enrols a village-level area (a leaf of the area tree) in a program, once per program. */
export async function enrolVillage(
  ctx: Ctx,
  input: CreateVillageBody,
): Promise<{ village: PresentedVillage; created: boolean }> {
  requireUser(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const program = await programsRepository.byId(tx, input.programId);
    if (!program || !holdsAnyRole(ctx.actor, program.id)) {
      throw invalid([{ path: 'programId', message: 'no such program' }]);
    }
    const area = await getArea({ db: tx }, input.areaCode).catch(() => undefined);
    if (!area) throw invalid([{ path: 'areaCode', message: 'no such area' }]);
    const areaPath = await pathOf(tx, input.areaCode, 'areaCode');
    if (!reaches(ctx.actor, { programId: program.id, areaPath }, ROLES.writeVillage)) {
      throw forbidden('This area is outside your scope.');
    }
    if (input.id) {
      const existing = await villagesRepository.byId(tx, input.id);
      if (existing && !reaches(ctx.actor, target(existing), ROLES.readVillage)) throw idInUse();
      if (existing) {
        const current = presentVillage(existing);
        const incoming = {
          programId: input.programId,
          areaCode: input.areaCode,
          profile: normalProfile(input.profile),
          facilitatorId: input.facilitatorId ?? null,
        };
        return { village: replayOrConflict(content(current), incoming, () => current), created: false };
      }
    }
    if (area.country !== program.country) {
      throw ruleBroken('area-outside-program', `Area ${area.code} is not in the program's country.`, [
        { path: 'areaCode', message: `is not in ${program.country}` },
      ]);
    }
    if (area.childCount > 0) {
      throw ruleBroken('not-a-village', `${area.name} is a ${area.level}; enrol one of its villages.`, [
        { path: 'areaCode', message: 'is not a village-level area' },
      ]);
    }
    if (await villagesRepository.byArea(tx, program.id, area.code)) {
      throw conflict('This village is already enrolled in the program.', {
        errors: [{ path: 'areaCode', message: 'is already enrolled' }],
      });
    }
    await assertFacilitator(tx, input.facilitatorId ?? null, program.id, areaPath);
    const id = input.id ?? uuidv7();
    await villagesRepository.insert(tx, {
      id,
      program_id: program.id,
      area_code: area.code,
      area_path: areaPath,
      ...values(input.profile, input.facilitatorId ?? null),
    });
    const village = presentVillage((await villagesRepository.byId(tx, id))!);
    await recordAudit(tx, ctx, { action: 'village.enrol', entity: 'village', entityId: id, after: village });
    return { village, created: true };
  });
}

export async function patchVillage(
  ctx: Ctx,
  id: string,
  base: number,
  input: PatchVillageBody,
): Promise<PresentedVillage> {
  return ctx.db.transaction(async (tx) => {
    await lockRow(tx, 'villages', id);
    const current = await villagesRepository.byId(tx, id);
    if (!current) throw notFound('Village');
    assertMayWrite(ctx.actor, target(current), ROLES.readVillage, ROLES.writeVillage, 'Village');
    const before = presentVillage(current);
    assertVersion(current, base, () => before);
    const profile = { ...before.profile, ...input.profile };
    const facilitatorId = input.facilitatorId === undefined ? current.facilitator_id : input.facilitatorId;
    if (input.facilitatorId !== undefined)
      await assertFacilitator(tx, facilitatorId, current.program_id, current.area_path);
    await villagesRepository.update(tx, id, values(profile, facilitatorId));
    const after = presentVillage((await villagesRepository.byId(tx, id))!);
    await recordAudit(tx, ctx, { action: 'village.update', entity: 'village', entityId: id, before, after });
    return after;
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
  const profile = normalProfile(p);
  return { ...profile, facilitator_id: facilitatorId };
}

/** The village's facilitator must be a facilitator of the program whose area covers the village. */
async function assertFacilitator(
  db: Queryable,
  userId: string | null,
  programId: string,
  areaPath: string,
): Promise<void> {
  if (userId === null) return;
  const user = await usersRepository.byId(db, userId);
  const grants = user ? await usersRepository.grantsOf(db, userId) : [];
  const covers = grants.some(
    (g) =>
      g.programId === programId && g.role === 'facilitator' && (g.areaPath === null || areaPath.startsWith(g.areaPath)),
  );
  if (!covers)
    throw invalid([{ path: 'facilitatorId', message: 'is not a facilitator of this program for this area' }]);
}

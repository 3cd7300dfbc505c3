import { v7 as uuidv7 } from 'uuid';
import { lockRow } from '../../db/sql.js';
import type { Ctx } from '../../http/context.js';
import { conflict, invalid, notFound, ruleBroken } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { assertVersion, replayOrConflict } from '../../http/versioning.js';
import { holdsAnyRole, isAdmin, programIdsOf, recordAudit, requireUser, usersRepository } from '../platform/index.js';
import { programsRepository } from '../programs/index.js';
import { assertMayReadScheme, assertMayWriteScheme } from './quality.policy.js';
import {
  schemeDefinition,
  type CreateSchemeBody,
  type ListSchemesQuery,
  type PatchSchemeBody,
  type SetAssessorTierBody,
} from './quality.schemas.js';
import { SCHEME_TEMPLATES } from './scheme-templates.js';
import { schemesRepository, type SchemeRow } from './schemes.repository.js';

export function presentScheme(row: SchemeRow) {
  return {
    id: row.id,
    familyId: row.family_id,
    programId: row.program_id as string | null,
    templateId: row.template_id,
    template: false,
    latest: row.latest,
    definition: row.definition,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
type PresentedScheme = ReturnType<typeof presentScheme>;

const SHIPPED_AT = '2026-01-01T00:00:00.000Z';
function presentTemplate(tpl: (typeof SCHEME_TEMPLATES)[number]): PresentedScheme {
  return {
    id: tpl.id,
    familyId: tpl.id,
    programId: null,
    templateId: null,
    template: true,
    latest: true,
    definition: schemeDefinition.parse(tpl.definition),
    version: 1,
    createdAt: SHIPPED_AT,
    updatedAt: SHIPPED_AT,
  };
}

/** A scheme version the actor may read (templates included), or 404. */
export async function readScheme(ctx: Pick<Ctx, 'actor' | 'db'>, id: string): Promise<PresentedScheme> {
  const template = SCHEME_TEMPLATES.find((tpl) => tpl.id === id);
  if (template) {
    assertMayReadScheme(ctx.actor, null);
    return presentTemplate(template);
  }
  const row = await schemesRepository.byId(ctx.db, id);
  if (!row) throw notFound('Rating scheme');
  assertMayReadScheme(ctx.actor, row.program_id);
  return presentScheme(row);
}

export const getScheme = (ctx: Ctx, id: string) => readScheme(ctx, id);

/** Templates and the latest version of each program family the actor may read (or one family's versions), in one id order. */
export async function listSchemes(ctx: Ctx, query: ListSchemesQuery) {
  requireUser(ctx.actor);
  const after = decodeCursor(query.cursor, 1)?.[0] ?? null;
  const templates =
    query.templates === 'false' || query.programId || query.familyId
      ? []
      : SCHEME_TEMPLATES.filter((tpl) => after === null || tpl.id > after).map(presentTemplate);
  const rows =
    query.templates === 'true'
      ? []
      : await schemesRepository.list(ctx.db, {
          programIds: isAdmin(ctx.actor) ? null : programIdsOf(ctx.actor),
          programId: query.programId,
          familyId: query.familyId,
          after,
          limit: query.limit,
        });
  const items = [...templates, ...rows.map(presentScheme)].sort((a, b) => (a.id < b.id ? -1 : 1));
  return toPage(
    items.slice(0, query.limit + 1),
    query.limit,
    (s) => s,
    (s) => [s.id],
  );
}

export async function createScheme(
  ctx: Ctx,
  input: CreateSchemeBody,
): Promise<{ scheme: PresentedScheme; created: boolean }> {
  requireUser(ctx.actor);
  const program = await programsRepository.byId(ctx.db, input.programId);
  if (!program || !holdsAnyRole(ctx.actor, program.id))
    throw invalid([{ path: 'programId', message: 'no such program' }]);
  assertMayWriteScheme(ctx.actor, program.id);
  const template = input.templateId ? SCHEME_TEMPLATES.find((tpl) => tpl.id === input.templateId) : undefined;
  if (input.templateId && !template) throw invalid([{ path: 'templateId', message: 'no such template' }]);
  const definition = input.definition ?? schemeDefinition.parse(template!.definition);
  return ctx.db.transaction(async (tx) => {
    if (input.id) {
      const existing = await schemesRepository.byId(tx, input.id);
      if (existing) {
        const current = presentScheme(existing);
        const incoming = { programId: program.id, templateId: template?.id ?? null, definition };
        const stored = { programId: current.programId, templateId: current.templateId, definition: current.definition };
        return { scheme: replayOrConflict(stored, incoming, () => current), created: false };
      }
    }
    const id = input.id ?? uuidv7();
    await schemesRepository.insert(tx, {
      id,
      family_id: id,
      program_id: program.id,
      template_id: template?.id ?? null,
      version: 1,
      definition,
    });
    const scheme = presentScheme((await schemesRepository.byId(tx, id))!);
    await recordAudit(tx, ctx, {
      action: 'rating_scheme.create',
      entity: 'rating_scheme',
      entityId: id,
      after: scheme,
    });
    return { scheme, created: true };
  });
}

/**
 * Edits a scheme. A version no assessment uses is edited in place; a version in use is never
 * touched: the edit becomes version + 1 of the same family (a new id), and assessments keep the
 * version they were scored with.
 */
export async function patchScheme(
  ctx: Ctx,
  id: string,
  base: number,
  input: PatchSchemeBody,
): Promise<{ scheme: PresentedScheme; created: boolean }> {
  if (SCHEME_TEMPLATES.some((tpl) => tpl.id === id)) {
    requireUser(ctx.actor);
    throw ruleBroken('template-read-only', 'Shipped templates are read-only; copy one into a program first.');
  }
  return ctx.db.transaction(async (tx) => {
    await lockRow(tx, 'rating_schemes', id);
    const current = await schemesRepository.byId(tx, id);
    if (!current) throw notFound('Rating scheme');
    assertMayWriteScheme(ctx.actor, current.program_id);
    const before = presentScheme(current);
    if (!current.latest) {
      throw conflict(`Version ${current.version} has been superseded; edit the latest version.`, { current: before });
    }
    assertVersion(current, base, () => before);
    let newId = id;
    if (await schemesRepository.inUse(tx, id)) {
      newId = uuidv7();
      await schemesRepository.supersede(tx, id);
      await schemesRepository.insert(tx, {
        id: newId,
        family_id: current.family_id,
        program_id: current.program_id,
        template_id: current.template_id,
        version: current.version + 1,
        definition: input.definition,
      });
    } else {
      await schemesRepository.updateInPlace(tx, id, input.definition);
    }
    const after = presentScheme((await schemesRepository.byId(tx, newId))!);
    await recordAudit(tx, ctx, {
      action: newId === id ? 'rating_scheme.update' : 'rating_scheme.new_version',
      entity: 'rating_scheme',
      entityId: current.family_id,
      before,
      after,
    });
    return { scheme: after, created: newId !== id };
  });
}

// ---- assessor panel tiers ---------------------------------------------------------------------

export async function listAssessorTiers(ctx: Ctx, programId: string) {
  assertMayWriteScheme(ctx.actor, programId);
  const rows = await schemesRepository.tiers(ctx.db, programId);
  return {
    items: rows.map((r) => ({ programId, userId: r.user_id, tier: r.tier, updatedAt: r.updated_at.toISOString() })),
  };
}

/** The program manager puts an assessor of the program on a panel tier (set again to change it). */
export async function setAssessorTier(ctx: Ctx, programId: string, input: SetAssessorTierBody) {
  assertMayWriteScheme(ctx.actor, programId);
  return ctx.db.transaction(async (tx) => {
    const grants = await usersRepository.grantsOf(tx, input.userId);
    if (!grants.some((g) => g.programId === programId && g.role === 'assessor'))
      throw invalid([{ path: 'userId', message: 'is not an assessor of this program' }]);
    const before = await schemesRepository.tierOf(tx, programId, input.userId);
    await schemesRepository.setTier(tx, programId, input.userId, input.tier);
    const after = { programId, userId: input.userId, tier: input.tier };
    await recordAudit(tx, ctx, {
      action: 'assessor_tier.set',
      entity: 'assessor_tier',
      entityId: `${programId}/${input.userId}`,
      before: before ? { ...after, tier: before } : undefined,
      after,
    });
    return after;
  });
}

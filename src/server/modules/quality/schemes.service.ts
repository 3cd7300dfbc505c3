import { v7 as uuidv7 } from 'uuid';
import { lockRow } from '../../db/sql.js';
import { inTransaction, type Actor, type Ctx } from '../../http/context.js';
import { createOnce, type Created } from '../../http/create-once.js';
import { conflict, invalid, notFound, ruleBroken } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { assertVersion } from '../../http/versioning.js';
import {
  abilities,
  authorize,
  can,
  grantsOf,
  programTarget,
  recordAudit,
  requireUser,
  scopeOf,
} from '../platform/index.js';
import { programById } from '../programs/index.js';
import { assessorTierPolicy, programColumns, qualityProgramAbilities, schemePolicy } from './quality.policy.js';
import {
  schemeDefinition,
  type CreateSchemeBody,
  type ListSchemesQuery,
  type PatchSchemeBody,
  type SetAssessorTierBody,
} from './quality.schemas.js';
import { SCHEME_TEMPLATES } from './scheme-templates.js';
import { schemesRepository, type SchemeRow } from './schemes.repository.js';

/** What the actor may do with a program's schemes. */
const schemeAbilities = (actor: Actor, programId: string) => abilities(actor, schemePolicy, programTarget(programId));

/** A stored scheme version as the audit log keeps it. */
function schemeFacts(row: SchemeRow) {
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

/** A scheme version as answered: its facts and what the actor may do with it. */
const presentScheme = (row: SchemeRow, actor: Actor) => ({
  ...schemeFacts(row),
  abilities: schemeAbilities(actor, row.program_id),
});
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
    abilities: { read: true, update: false },
  };
}

/** A scheme version the actor may read (templates included), or 404. */
async function readScheme(ctx: Pick<Ctx, 'actor' | 'db'>, id: string): Promise<PresentedScheme> {
  const template = SCHEME_TEMPLATES.find((tpl) => tpl.id === id);
  if (template) {
    requireUser(ctx.actor);
    return presentTemplate(template);
  }
  const row = await schemesRepository.byId(ctx.db, id);
  if (!row) throw notFound('Rating scheme');
  authorize(ctx.actor, schemePolicy, 'read', programTarget(row.program_id));
  return presentScheme(row, ctx.actor);
}

export const getScheme = (ctx: Ctx, id: string) => readScheme(ctx, id);

/**
 * Templates and the latest version of each program family the actor may read (or one family's
 * versions), in one id order; with `programId`, what the actor may do in the program's quality work.
 */
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
      : await schemesRepository.list(ctx.db, scopeOf(ctx.actor, schemePolicy, 'read', programColumns('s.program_id')), {
          programId: query.programId,
          familyId: query.familyId,
          after,
          limit: query.limit,
        });
  const items = [...templates, ...rows.map((r) => presentScheme(r, ctx.actor))].sort((a, b) => (a.id < b.id ? -1 : 1));
  const page = toPage(
    items.slice(0, query.limit + 1),
    query.limit,
    (s) => s,
    (s) => [s.id],
  );
  return query.programId ? { ...page, abilities: qualityProgramAbilities(ctx.actor, query.programId) } : page;
}

/** Copies a template into a program, or starts a scheme from a definition: the program manager. */
export async function createScheme(ctx: Ctx, input: CreateSchemeBody): Promise<Created<PresentedScheme>> {
  const actor = requireUser(ctx.actor);
  const template = input.templateId ? SCHEME_TEMPLATES.find((tpl) => tpl.id === input.templateId) : undefined;
  return inTransaction(ctx, async (tx) => {
    const program = await programById(tx.db, input.programId);
    if (!program || !can(actor, schemePolicy, 'read', programTarget(program.id)))
      throw invalid([{ path: 'programId', code: 'unknown_reference', message: 'no such program' }]);
    authorize(actor, schemePolicy, 'update', programTarget(program.id));
    if (input.templateId && !template)
      throw invalid([{ path: 'templateId', code: 'unknown_reference', message: 'no such template' }]);
    const definition = input.definition ?? schemeDefinition.parse(template!.definition);
    return createOnce(tx.db, {
      id: input.id,
      find: (id) => schemesRepository.byId(tx.db, id),
      visible: (row) => can(actor, schemePolicy, 'read', programTarget(row.program_id)),
      stored: (row) => ({ programId: row.program_id, templateId: row.template_id, definition: row.definition }),
      input: { programId: program.id, templateId: template?.id ?? null, definition },
      present: (row) => presentScheme(row, tx.actor),
      create: async (id) => {
        const row = await schemesRepository.insert(tx.db, {
          id,
          family_id: id,
          program_id: program.id,
          template_id: template?.id ?? null,
          version: 1,
          definition,
        });
        await recordAudit(tx.db, tx, {
          action: 'rating_scheme.create',
          entity: 'rating_scheme',
          entityId: id,
          after: schemeFacts(row),
        });
        return presentScheme(row, tx.actor);
      },
    });
  });
}

/**
 * Edits a scheme. A version no assessment uses is edited in place; a version in use is never
 * touched: the edit becomes version + 1 of the same family (a new id, answered as created), and
 * assessments keep the version they were scored with.
 */
export async function patchScheme(
  ctx: Ctx,
  id: string,
  base: number,
  input: PatchSchemeBody,
): Promise<Created<PresentedScheme>> {
  if (SCHEME_TEMPLATES.some((tpl) => tpl.id === id)) {
    requireUser(ctx.actor);
    throw ruleBroken('template-read-only', 'Shipped templates are read-only; copy one into a program first.');
  }
  return inTransaction(ctx, async (tx) => {
    await lockRow(tx.db, 'rating_schemes', id);
    const current = await schemesRepository.byId(tx.db, id);
    if (!current) throw notFound('Rating scheme');
    authorize(tx.actor, schemePolicy, 'update', programTarget(current.program_id));
    const before = presentScheme(current, tx.actor);
    if (!current.latest) {
      throw conflict(
        `Version ${current.version} has been superseded; edit the latest version.`,
        { current: before },
        { code: 'version-conflict', params: { base, version: current.version } },
      );
    }
    assertVersion(current, base, () => before);
    let row: SchemeRow;
    if (await schemesRepository.inUse(tx.db, id)) {
      await schemesRepository.supersede(tx.db, id);
      row = await schemesRepository.insert(tx.db, {
        id: uuidv7(),
        family_id: current.family_id,
        program_id: current.program_id,
        template_id: current.template_id,
        version: current.version + 1,
        definition: input.definition,
      });
    } else {
      row = await schemesRepository.updateInPlace(tx.db, id, input.definition);
    }
    await recordAudit(tx.db, tx, {
      action: row.id === id ? 'rating_scheme.update' : 'rating_scheme.new_version',
      entity: 'rating_scheme',
      entityId: current.family_id,
      before: schemeFacts(current),
      after: schemeFacts(row),
    });
    return { record: presentScheme(row, tx.actor), created: row.id !== id };
  });
}

// ---- assessor panel tiers ---------------------------------------------------------------------

export async function listAssessorTiers(ctx: Ctx, programId: string) {
  authorize(ctx.actor, assessorTierPolicy, 'list', programTarget(programId));
  const rows = await schemesRepository.tiers(ctx.db, programId);
  return {
    items: rows.map((r) => ({ programId, userId: r.user_id, tier: r.tier, updatedAt: r.updated_at.toISOString() })),
  };
}

/** The program manager puts an assessor of the program on a panel tier (set again to change it). */
export async function setAssessorTier(ctx: Ctx, programId: string, input: SetAssessorTierBody) {
  authorize(ctx.actor, assessorTierPolicy, 'set', programTarget(programId));
  return inTransaction(ctx, async (tx) => {
    const grants = await grantsOf(tx.db, input.userId);
    if (!grants.some((g) => g.programId === programId && g.role === 'assessor'))
      throw invalid([{ path: 'userId', code: 'not_an_assessor', message: 'is not an assessor of this program' }]);
    const before = await schemesRepository.tierOf(tx.db, programId, input.userId);
    await schemesRepository.setTier(tx.db, programId, input.userId, input.tier);
    const after = { programId, userId: input.userId, tier: input.tier };
    await recordAudit(tx.db, tx, {
      action: 'assessor_tier.set',
      entity: 'assessor_tier',
      entityId: `${programId}/${input.userId}`,
      before: before ? { ...after, tier: before } : undefined,
      after,
    });
    return after;
  });
}

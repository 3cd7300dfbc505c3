import { v7 as uuidv7 } from 'uuid';
import { lockRow } from '../../db/sql.js';
import type { Queryable } from '../../db/database.js';
import type { Ctx, UserActor } from '../../http/context.js';
import { forbidden, invalid, notFound, ruleBroken, type FieldError } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { assertVersion, replayOrConflict } from '../../http/versioning.js';
import { managesProgram, reaches, recordAudit, requireUser, scopeCondition } from '../platform/index.js';
import { groupsRepository, productsRepository, productTarget } from '../registry/index.js';
import {
  assessmentsRepository,
  type AppealRow,
  type AssessmentRow,
  type EvidenceRow,
  type PanelScoreRow,
} from './assessments.repository.js';
import { certificationsRepository } from './certifications.repository.js';
import { assertMayReadAssessment, assertRole, assessorMayJudge, ROLES } from './quality.policy.js';
import type { CreateAssessmentBody, ListAssessmentsQuery, SchemeDefinition, ScoresBody } from './quality.schemas.js';
import { addMonths, checkGates, rate, today, unscoredCriteria } from './scoring.js';
import { schemesRepository } from './schemes.repository.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentEvidence(e: EvidenceRow) {
  return {
    id: e.id,
    uploadedBy: e.uploaded_by,
    criterion: e.criterion,
    url: `/media/${e.storage_key}`,
    contentType: e.content_type,
    byteSize: e.byte_size,
    createdAt: e.created_at.toISOString(),
  };
}

export function presentAppeal(a: AppealRow) {
  return {
    id: a.id,
    filedBy: a.filed_by,
    reason: a.reason,
    filedAt: a.filed_at.toISOString(),
    decision: a.decision,
    note: a.note,
    decidedBy: a.decided_by,
    decidedAt: iso(a.decided_at),
  };
}

export function presentAssessment(
  row: AssessmentRow,
  more: { scores: PanelScoreRow[]; appeals: AppealRow[]; evidence: EvidenceRow[] } = {
    scores: [],
    appeals: [],
    evidence: [],
  },
) {
  return {
    id: row.id,
    programId: row.program_id,
    productId: row.product_id,
    groupId: row.group_id,
    schemeId: row.scheme_id,
    year: row.year,
    panelTier: row.panel_tier,
    assessedOn: row.assessed_on,
    status: row.status,
    selfAssessment: row.self_scores ? { scores: row.self_scores, by: row.self_assessed_by } : null,
    panelScores: more.scores.map((s) => ({
      assessorId: s.assessor_id,
      criterion: s.criterion,
      points: Number(s.points),
      comment: s.comment,
      scoredAt: s.scored_at.toISOString(),
    })),
    evidence: more.evidence.map(presentEvidence),
    result: row.result,
    stars: row.stars,
    validUntil: row.valid_until,
    appeals: more.appeals.map(presentAppeal),
    history: {
      createdAt: row.created_at.toISOString(),
      selfAssessedAt: iso(row.self_assessed_at),
      finalisedAt: iso(row.finalised_at),
      finalisedBy: row.finalised_by,
      reopenedAt: iso(row.reopened_at),
    },
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}
type PresentedAssessment = ReturnType<typeof presentAssessment>;

export const target = (row: AssessmentRow) => ({
  programId: row.program_id,
  areaPath: row.area_path,
  groupId: row.group_id,
  panelTier: row.panel_tier,
});

async function tierOf(db: Queryable, actor: Ctx['actor'], programId: string) {
  return actor.kind === 'user' ? schemesRepository.tierOf(db, programId, actor.id) : undefined;
}

export async function full(db: Queryable, row: AssessmentRow): Promise<PresentedAssessment> {
  const [scores, appeals, evidence] = await Promise.all([
    assessmentsRepository.panelScores(db, row.id),
    assessmentsRepository.appeals(db, row.id),
    assessmentsRepository.evidence(db, row.id),
  ]);
  return presentAssessment(row, { scores, appeals, evidence });
}

/** An assessment the actor may read (assessors only within their panel tier), or 404. */
export async function readAssessment(ctx: Pick<Ctx, 'actor'> & { db: Queryable }, id: string): Promise<AssessmentRow> {
  requireUser(ctx.actor);
  const row = await assessmentsRepository.byId(ctx.db, id);
  if (!row) throw notFound('Assessment');
  assertMayReadAssessment(ctx.actor, target(row), await tierOf(ctx.db, ctx.actor, row.program_id));
  return row;
}

export async function schemeOf(db: Queryable, row: AssessmentRow): Promise<SchemeDefinition> {
  return (await schemesRepository.byId(db, row.scheme_id))!.definition;
}

export async function getAssessment(ctx: Ctx, id: string): Promise<PresentedAssessment> {
  // Reads keep products.stars honest: badges past their validity are cleared first.
  return ctx.db.transaction(async (tx) => {
    await assessmentsRepository.clearExpiredBadges(tx, today());
    return full(tx, await readAssessment({ actor: ctx.actor, db: tx }, id));
  });
}

export async function listAssessments(ctx: Ctx, query: ListAssessmentsQuery) {
  const user = requireUser(ctx.actor);
  await ctx.db.transaction((tx) => assessmentsRepository.clearExpiredBadges(tx, today()));
  const params: unknown[] = [];
  const columns = { program: 'a.program_id', path: 'a.area_path', group: 'a.group_id' };
  const staff = scopeCondition(ctx.actor, ROLES.readProduct, columns, params);
  const judges = scopeCondition(ctx.actor, ROLES.assessor, columns, params);
  const scope = `(${staff} OR ${assessmentsRepository.withinPanelTier(judges, user.id, params)})`;
  const after = decodeCursor(query.cursor, 1)?.[0] ?? null;
  const rows = await assessmentsRepository.list(ctx.db, scope, params, { ...query, after });
  return toPage(
    rows,
    query.limit,
    (r) => presentAssessment(r),
    (r) => [r.id],
  );
}

/** Enters a product in a rating round: the facilitator, the program manager or the group's manager. */
export async function createAssessment(
  ctx: Ctx,
  input: CreateAssessmentBody,
): Promise<{ assessment: PresentedAssessment; created: boolean }> {
  const user = requireUser(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const product = await productsRepository.byId(tx, input.productId);
    if (!product || !reaches(ctx.actor, productTarget(product), ROLES.readProduct))
      throw invalid([{ path: 'productId', message: 'no such product' }]);
    assertRole(ctx.actor, productTarget(product), ROLES.enterProduct, 'enter this product in a rating round');
    const scheme = await schemesRepository.byId(tx, input.schemeId);
    if (!scheme || scheme.program_id !== product.program_id)
      throw invalid([{ path: 'schemeId', message: "is not a rating scheme of the product's program" }]);
    if (input.id) {
      const existing = await assessmentsRepository.byId(tx, input.id);
      if (existing) {
        const current = presentAssessment(existing);
        const stored = {
          productId: current.productId,
          schemeId: current.schemeId,
          year: current.year,
          panelTier: current.panelTier,
          assessedOn: current.assessedOn,
        };
        const { id: _id, ...incoming } = input;
        return { assessment: replayOrConflict(stored, incoming, () => current), created: false };
      }
    }
    if (!scheme.latest) throw invalid([{ path: 'schemeId', message: 'has a newer version; enter with the latest' }]);
    const id = input.id ?? uuidv7();
    await assessmentsRepository.insert(tx, {
      id,
      program_id: product.program_id,
      product_id: product.id,
      group_id: product.group_id,
      area_path: product.area_path,
      scheme_id: scheme.id,
      year: input.year,
      panel_tier: input.panelTier,
      assessed_on: input.assessedOn,
      created_by: user.id,
    });
    const assessment = presentAssessment((await assessmentsRepository.byId(tx, id))!);
    await recordAudit(tx, ctx, { action: 'assessment.create', entity: 'assessment', entityId: id, after: assessment });
    return { assessment, created: true };
  });
}

/** Each score names a criterion of the scheme and one of its levels' points. */
function checkScores(def: SchemeDefinition, scores: ScoresBody['scores']): void {
  const criteria = new Map(def.parts.flatMap((p) => p.criteria.map((c) => [c.code, c] as const)));
  const errors: FieldError[] = [];
  scores.forEach((s, i) => {
    const c = criteria.get(s.criterion);
    if (!c) errors.push({ path: `scores.${i}.criterion`, message: 'is not a criterion of the scheme' });
    else if (!c.levels.some((l) => l.points === s.points))
      errors.push({
        path: `scores.${i}.points`,
        message: `must be one of the criterion's levels (${c.levels.map((l) => l.points).join(', ')})`,
      });
  });
  if (errors.length) throw invalid(errors);
}

export function assertOpen(row: AssessmentRow): void {
  if (row.status !== 'open')
    throw ruleBroken('assessment-closed', `The assessment is ${row.status}; scores can no longer change.`);
}

/** The group's own scores, by the manager of the product's group, before the panel (OCOP: self-assessment first). */
export async function recordSelfAssessment(ctx: Ctx, id: string, input: ScoresBody) {
  const user = requireUser(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    await lockRow(tx, 'assessments', id);
    const row = await readAssessment({ actor: ctx.actor, db: tx }, id);
    assertRole(ctx.actor, target(row), ROLES.groupManager, "self-assess another group's product");
    if (input.version !== undefined) assertVersion(row, input.version, () => presentAssessment(row));
    assertOpen(row);
    checkScores(await schemeOf(tx, row), input.scores);
    const scores = input.scores.map((s) => ({ criterion: s.criterion, points: s.points }));
    await assessmentsRepository.setSelfScores(tx, id, scores, user.id);
    const after = await full(tx, (await assessmentsRepository.byId(tx, id))!);
    await recordAudit(tx, ctx, {
      action: 'assessment.self_assess',
      entity: 'assessment',
      entityId: id,
      before: row.self_scores,
      after: scores,
    });
    return after;
  });
}

/** An assessor's scores, comments per criterion; only within the assessor's panel tier. */
export async function recordPanelScores(ctx: Ctx, id: string, input: ScoresBody) {
  const user = requireUser(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    await lockRow(tx, 'assessments', id);
    const row = await judgedAssessment(tx, user, id);
    if (input.version !== undefined) assertVersion(row, input.version, () => presentAssessment(row));
    assertOpen(row);
    const def = await schemeOf(tx, row);
    if (def.selfAssessmentRequired && !row.self_assessed_at)
      throw ruleBroken('self-assessment-first', 'The group assesses itself before the panel scores.');
    checkScores(def, input.scores);
    const before = (await assessmentsRepository.panelScores(tx, id)).filter((s) => s.assessor_id === user.id);
    await assessmentsRepository.upsertPanelScores(tx, id, user.id, input.scores);
    const after = await full(tx, (await assessmentsRepository.byId(tx, id))!);
    await recordAudit(tx, ctx, {
      action: 'assessment.panel_score',
      entity: 'assessment',
      entityId: id,
      before: before.map((s) => ({ criterion: s.criterion, points: Number(s.points), comment: s.comment })),
      after: input.scores,
    });
    return after;
  });
}

export async function readAssessmentRow(db: Queryable, id: string): Promise<AssessmentRow> {
  const row = await assessmentsRepository.byId(db, id);
  if (!row) throw notFound('Assessment');
  return row;
}

/**
 * An assessment the user may judge. An assessor of the program outside the assessment's panel
 * tier is refused (403); anyone else who may not even read it is told it does not exist.
 */
export async function judgedAssessment(db: Queryable, user: UserActor, id: string): Promise<AssessmentRow> {
  const row = await readAssessmentRow(db, id);
  if (user.isAdmin) return row;
  if (!reaches(user, target(row), ROLES.assessor)) {
    assertMayReadAssessment(user, target(row), undefined);
    throw forbidden('Only assessors judge an assessment.');
  }
  if (!assessorMayJudge(user, target(row), await tierOf(db, user, row.program_id)))
    throw forbidden(`Only assessors of the ${row.panel_tier} panel tier or above may judge this assessment.`);
  return row;
}

/**
 * Closes scoring and computes the result: the panel's scores averaged per criterion and weighted
 * as the scheme says, the gates checked against certificates valid on the assessment date, the
 * stars capped by the panel tier and failed gates. The badge is valid for the scheme's validity
 * from the assessment date, and is mirrored into products.stars for the catalog.
 */
export async function finaliseAssessment(ctx: Ctx, id: string, base: number | undefined) {
  const user = requireUser(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    await lockRow(tx, 'assessments', id);
    const row = await readAssessment({ actor: ctx.actor, db: tx }, id);
    if (!managesProgram(ctx.actor, row.program_id)) throw forbidden('Only the program manager finalises a rating.');
    if (base !== undefined) assertVersion(row, base, () => presentAssessment(row));
    assertOpen(row);
    const def = await schemeOf(tx, row);
    const scores = (await assessmentsRepository.panelScores(tx, id)).map((s) => ({
      criterion: s.criterion,
      points: Number(s.points),
    }));
    const missing = unscoredCriteria(def, scores);
    if (missing.length)
      throw ruleBroken(
        'criteria-unscored',
        'Every criterion needs a panel score before the rating is final.',
        missing.map((c) => ({ path: `scores.${c}`, message: 'has no panel score' })),
      );
    const product = (await productsRepository.byId(tx, row.product_id))!;
    const group = (await groupsRepository.byId(tx, row.group_id))!;
    const certs = await certificationsRepository.covering(tx, row.product_id, row.group_id);
    const gates = checkGates(
      def,
      {
        certificates: certs.map((c) => ({ kind: c.kind, issuedOn: c.issued_on, expiresOn: c.expires_on })),
        nib: group.nib,
        category: product.category,
      },
      row.assessed_on,
    );
    const result = rate(def, scores, gates, row.panel_tier);
    const validUntil = result.stars === null ? null : addMonths(row.assessed_on, def.validityMonths);
    await assessmentsRepository.finalise(tx, id, { result, stars: result.stars, validUntil, by: user.id });
    // The latest finalised round decides the badge; a blocked or failed round removes an older one.
    if (result.stars !== null && validUntil !== null)
      await assessmentsRepository.setBadge(tx, row.product_id, id, result.stars, validUntil);
    else await assessmentsRepository.clearBadge(tx, row.product_id);
    await assessmentsRepository.clearExpiredBadges(tx, today());
    const after = await full(tx, (await assessmentsRepository.byId(tx, id))!);
    await recordAudit(tx, ctx, {
      action: 'assessment.finalise',
      entity: 'assessment',
      entityId: id,
      after: { result, stars: result.stars, validUntil },
    });
    return after;
  });
}

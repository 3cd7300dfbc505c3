import { isDeepStrictEqual } from 'node:util';
import type { Queryable } from '../../db/database.js';
import { lockRow, sql } from '../../db/sql.js';
import { inTransaction, type Actor, type Ctx, type TxCtx } from '../../http/context.js';
import { createOnce, type Created } from '../../http/create-once.js';
import { conflict, forbidden, invalid, notFound, ruleBroken, type FieldError } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { assertVersion } from '../../http/versioning.js';
import { dateIn } from '../../../shared/dates.js';
import { authorize, can, recordAudit, requireUser, scopeOf } from '../platform/index.js';
import { groupById, productById, productTarget, setProductBadge } from '../registry/index.js';
import {
  assessmentsRepository,
  type AppealRow,
  type AssessmentRow,
  type EvidenceRow,
  type PanelScoreRow,
} from './assessments.repository.js';
import { certificationsRepository } from './certifications.repository.js';
import {
  assessmentAbilities,
  assessmentPolicy,
  holderPolicy,
  onPanel,
  qualityProgramAbilities,
} from './quality.policy.js';
import type {
  AssessmentAction,
  CreateAssessmentBody,
  ListAssessmentsQuery,
  SchemeDefinition,
  ScoresBody,
} from './quality.schemas.js';
import { addMonths, checkGates, rate, unscoredCriteria } from './scoring.js';
import { mediaUrl, type LinkSigner } from '../../storage/media-links.js';
import { schemesRepository } from './schemes.repository.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Evidence as the audit log keeps it: where the file is stored, never a link. */
export function evidenceFacts(e: EvidenceRow) {
  return {
    id: e.id,
    uploadedBy: e.uploaded_by,
    criterion: e.criterion,
    key: e.storage_key,
    contentType: e.content_type,
    byteSize: e.byte_size,
    createdAt: e.created_at.toISOString(),
  };
}

/** Evidence as answered: a link that opens the file for the caller for a few minutes. */
const withLink = (signer: LinkSigner, { key, ...facts }: ReturnType<typeof evidenceFacts>) => ({
  ...facts,
  url: mediaUrl(signer, key),
});

export const presentEvidence = (signer: LinkSigner, e: EvidenceRow) => withLink(signer, evidenceFacts(e));

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
    evidence: more.evidence.map(evidenceFacts),
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

const target = (row: AssessmentRow) => ({
  programId: row.program_id,
  areaPath: row.area_path,
  groupId: row.group_id,
});

async function tierOf(db: Queryable, actor: Actor, programId: string) {
  return actor.kind === 'user' ? schemesRepository.tierOf(db, programId, actor.id) : undefined;
}

/** An assessment with its scores, appeals and evidence: what the audit log keeps. */
export async function details(db: Queryable, row: AssessmentRow): Promise<PresentedAssessment> {
  const [scores, appeals, evidence] = await Promise.all([
    assessmentsRepository.panelScores(db, row.id),
    assessmentsRepository.appeals(db, row.id),
    assessmentsRepository.evidence(db, row.id),
  ]);
  return presentAssessment(row, { scores, appeals, evidence });
}

/** What the actor may do on the assessment: one flag per button of the assessment page. */
export async function abilitiesOn(db: Queryable, actor: Actor, row: AssessmentRow) {
  const tier = await tierOf(db, actor, row.program_id);
  return assessmentAbilities(actor, { ...target(row), panelTier: row.panel_tier, status: row.status }, tier);
}

/** An assessment as answered: its details (evidence as links for the caller) and the caller's abilities. */
export async function answer(ctx: Ctx | TxCtx, row: AssessmentRow) {
  return answerFrom(ctx, await details(ctx.db, row), await abilitiesOn(ctx.db, ctx.actor, row));
}

/** The presented assessment with its evidence as links for the caller. */
const withEvidenceLinks = (signer: LinkSigner, presented: PresentedAssessment) => ({
  ...presented,
  evidence: presented.evidence.map((e) => withLink(signer, e)),
});

export const answerFrom = <A>(signer: LinkSigner, presented: PresentedAssessment, abilities: A) => ({
  ...withEvidenceLinks(signer, presented),
  abilities,
});
type AssessmentAnswer = Awaited<ReturnType<typeof answer>>;

/** Whether the actor may read the assessment: its staff, and assessors within their panel tier. */
export async function mayReadAssessment(db: Queryable, actor: Actor, row: AssessmentRow): Promise<boolean> {
  const panel = onPanel(actor, await tierOf(db, actor, row.program_id), row.panel_tier);
  return can(panel, assessmentPolicy, 'read', target(row));
}

/**
 * An assessment the actor may see and do `action` on: 404 when they may not see it, 403 when they
 * may not act. Assessors count only within their panel tier; an assessor of the program outside
 * it is told why (403) when they try to act.
 */
export async function readAssessment(
  ctx: Ctx | TxCtx,
  id: string,
  action: AssessmentAction = 'read',
): Promise<AssessmentRow> {
  requireUser(ctx.actor);
  const row = await assessmentsRepository.byId(ctx.db, id);
  if (!row) throw notFound('Assessment');
  const panel = onPanel(ctx.actor, await tierOf(ctx.db, ctx.actor, row.program_id), row.panel_tier);
  if (
    action !== 'read' &&
    !can(panel, assessmentPolicy, action, target(row)) &&
    can(ctx.actor, assessmentPolicy, action, target(row))
  )
    throw forbidden(`Only assessors of the ${row.panel_tier} panel tier or above may judge this assessment.`, {
      code: 'panel-tier-too-low',
      params: { tier: row.panel_tier },
    });
  authorize(panel, assessmentPolicy, action, target(row));
  return row;
}

export async function schemeOf(db: Queryable, row: AssessmentRow): Promise<SchemeDefinition> {
  const scheme = await schemesRepository.byId(db, row.scheme_id);
  if (!scheme) throw notFound('Rating scheme');
  return scheme.definition;
}

/** One assessment; a badge past its date is shown as it was given (readers of the badge hide it by date). */
export async function getAssessment(ctx: Ctx, id: string): Promise<AssessmentAnswer> {
  return answer(ctx, await readAssessment(ctx, id));
}

/**
 * Assessments the actor sees: the product's staff, and assessors of the program within their panel
 * tier; with `programId`, what the actor may do in the program's quality work.
 */
export async function listAssessments(ctx: Ctx, query: ListAssessmentsQuery) {
  const user = requireUser(ctx.actor);
  const columns = { program: 'a.program_id', path: 'a.area_path', group: 'a.group_id' };
  const staff = scopeOf(ctx.actor, holderPolicy, 'read', columns);
  const judges = scopeOf(ctx.actor, assessmentPolicy, 'score', columns);
  const scope = sql`(${staff} OR (${judges} AND ${assessmentsRepository.withinPanelTier(user.id)}))`;
  const after = decodeCursor(query.cursor, 1)?.[0] ?? null;
  const rows = await assessmentsRepository.list(ctx.db, scope, { ...query, after });
  const page = toPage(
    rows,
    query.limit,
    (r) => withEvidenceLinks(ctx, presentAssessment(r)),
    (r) => [r.id],
  );
  return query.programId ? { ...page, abilities: qualityProgramAbilities(ctx.actor, query.programId) } : page;
}

/** Enters a product in a rating round: the facilitator, the program manager or the group's manager. */
export async function createAssessment(ctx: Ctx, input: CreateAssessmentBody): Promise<Created<AssessmentAnswer>> {
  const user = requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const product = await productById(tx.db, input.productId);
    if (!product || !can(tx.actor, holderPolicy, 'read', productTarget(product)))
      throw invalid([{ path: 'productId', code: 'unknown_reference', message: 'no such product' }]);
    authorize(tx.actor, holderPolicy, 'enterInRound', productTarget(product));
    const scheme = await schemesRepository.byId(tx.db, input.schemeId);
    if (!scheme || scheme.program_id !== product.program_id)
      throw invalid([
        { path: 'schemeId', code: 'not_allowed_here', message: "is not a rating scheme of the product's program" },
      ]);
    const { id: _id, ...fields } = input;
    return createOnce(tx.db, {
      id: input.id,
      find: (id) => assessmentsRepository.byId(tx.db, id),
      visible: (row) => can(tx.actor, holderPolicy, 'read', target(row)),
      stored: (row) => ({
        productId: row.product_id,
        schemeId: row.scheme_id,
        year: row.year,
        panelTier: row.panel_tier,
        assessedOn: row.assessed_on,
      }),
      input: fields,
      present: (row) => answer(tx, row),
      create: async (id) => {
        if (!scheme.latest)
          throw invalid([
            { path: 'schemeId', code: 'scheme_outdated', message: 'has a newer version; enter with the latest' },
          ]);
        const taken = await assessmentsRepository.inRound(tx.db, product.id, input.year);
        if (taken)
          throw conflict(
            `The product is already entered in the ${input.year} round.`,
            {
              errors: [
                { path: 'year', code: 'round_taken', params: { year: input.year }, message: 'has an assessment' },
              ],
              current: presentAssessment(taken),
            },
            { code: 'round-taken', params: { year: input.year } },
          );
        const row = await assessmentsRepository.insert(tx.db, {
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
        await recordAudit(tx.db, tx, {
          action: 'assessment.create',
          entity: 'assessment',
          entityId: id,
          after: presentAssessment(row),
        });
        return answer(tx, row);
      },
    });
  });
}

/** Each score names a criterion of the scheme and one of its levels' points. */
function checkScores(def: SchemeDefinition, scores: ScoresBody['scores']): void {
  const criteria = new Map(def.parts.flatMap((p) => p.criteria.map((c) => [c.code, c] as const)));
  const errors: FieldError[] = [];
  scores.forEach((s, i) => {
    const c = criteria.get(s.criterion);
    if (!c)
      errors.push({
        path: `scores.${i}.criterion`,
        code: 'not_allowed_here',
        message: 'is not a criterion of the scheme',
      });
    else if (!c.levels.some((l) => l.points === s.points))
      errors.push({
        path: `scores.${i}.points`,
        code: 'level_not_allowed',
        params: { levels: c.levels.map((l) => l.points).join(', ') },
        message: `must be one of the criterion's levels (${c.levels.map((l) => l.points).join(', ')})`,
      });
  });
  if (errors.length) throw invalid(errors);
}

export function assertOpen(row: AssessmentRow): void {
  if (row.status !== 'open')
    throw ruleBroken(
      'assessment-closed',
      `The assessment is ${row.status}; scores can no longer change.`,
      undefined,
      undefined,
      {
        status: row.status,
      },
    );
}

/** Scores as a replay compares them: by criterion, points as numbers, a missing comment as null. */
const scoreSet = (
  scores: { criterion: string; points: number | string; comment?: string | null | undefined }[],
  withComments = false,
) =>
  scores
    .map((s) => ({
      criterion: s.criterion,
      points: Number(s.points),
      ...(withComments ? { comment: s.comment ?? null } : {}),
    }))
    .sort((a, b) => a.criterion.localeCompare(b.criterion));

/**
 * Scores are set as a whole (PUT). Sent again after its answer was lost (the field app's outbox),
 * a PUT carries the version it was based on, stale by then: when it sets what is already stored it
 * is that replay, and is answered as stored instead of as a conflict.
 */
const isReplay = (row: AssessmentRow, base: number | undefined, stored: unknown, sent: unknown) =>
  base !== undefined && base !== row.version && isDeepStrictEqual(stored, sent);

/** The group's own scores, by the manager of the product's group, before the panel (OCOP: self-assessment first). */
export async function recordSelfAssessment(ctx: Ctx, id: string, input: ScoresBody) {
  const user = requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    await lockRow(tx.db, 'assessments', id);
    const row = await readAssessment(tx, id, 'selfAssess');
    if (isReplay(row, input.version, scoreSet(row.self_scores ?? []), scoreSet(input.scores))) return answer(tx, row);
    if (input.version !== undefined) assertVersion(row, input.version, () => presentAssessment(row));
    assertOpen(row);
    checkScores(await schemeOf(tx.db, row), input.scores);
    const scores = input.scores.map((s) => ({ criterion: s.criterion, points: s.points }));
    const updated = await assessmentsRepository.setSelfScores(tx.db, id, scores, user.id);
    await recordAudit(tx.db, tx, {
      action: 'assessment.self_assess',
      entity: 'assessment',
      entityId: id,
      before: row.self_scores,
      after: scores,
    });
    return answer(tx, updated);
  });
}

/** An assessor's scores, comments per criterion; only within the assessor's panel tier. */
export async function recordPanelScores(ctx: Ctx, id: string, input: ScoresBody) {
  const user = requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    await lockRow(tx.db, 'assessments', id);
    const row = await readAssessment(tx, id, 'score');
    const before = (await assessmentsRepository.panelScores(tx.db, id)).filter((s) => s.assessor_id === user.id);
    if (isReplay(row, input.version, scoreSet(before, true), scoreSet(input.scores, true))) return answer(tx, row);
    if (input.version !== undefined) assertVersion(row, input.version, () => presentAssessment(row));
    assertOpen(row);
    const def = await schemeOf(tx.db, row);
    if (def.selfAssessmentRequired && !row.self_assessed_at)
      throw ruleBroken('self-assessment-first', 'The group assesses itself before the panel scores.');
    checkScores(def, input.scores);
    const updated = await assessmentsRepository.upsertPanelScores(tx.db, id, user.id, input.scores);
    await recordAudit(tx.db, tx, {
      action: 'assessment.panel_score',
      entity: 'assessment',
      entityId: id,
      before: before.map((s) => ({ criterion: s.criterion, points: Number(s.points), comment: s.comment })),
      after: input.scores,
    });
    return answer(tx, updated);
  });
}

/**
 * Sets or removes the product's badge after a rating decision, in the command's transaction. The
 * newest decided round decides it (a round decided again after a newer one — an appeal — changes
 * nothing public); a blocked or failed round, one whose badge has already lapsed, or stars below
 * what the scheme shows in public (`minPublicStars`) remove an older badge: the product is "not
 * rated" in public. Readers hide a badge past its date themselves.
 */
async function settleBadge(tx: TxCtx, row: AssessmentRow, def: SchemeDefinition): Promise<void> {
  const newest = await assessmentsRepository.newestDecided(tx.db, row.product_id);
  if (newest?.id !== row.id) return;
  const today = dateIn(tx.clock.now());
  const shown = row.stars !== null && row.stars >= def.minPublicStars;
  if (shown && row.valid_until !== null && row.valid_until >= today) {
    await assessmentsRepository.setBadge(tx.db, row.product_id, row.id, row.stars!, row.valid_until);
    await setProductBadge(tx.db, row.product_id, { stars: row.stars!, validUntil: row.valid_until });
  } else {
    await assessmentsRepository.clearBadge(tx.db, row.product_id);
    await setProductBadge(tx.db, row.product_id, null);
  }
}

/**
 * Closes scoring and computes the result: the panel's scores averaged per criterion and weighted
 * as the scheme says, the gates checked against certificates valid on the assessment date, the
 * stars capped by the panel tier and failed gates. The badge is valid for the scheme's validity
 * from the assessment date, and is shown on the product (the registry's setProductBadge).
 */
export async function finaliseAssessment(ctx: Ctx, id: string, base: number | undefined) {
  const user = requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    await lockRow(tx.db, 'assessments', id);
    const row = await readAssessment(tx, id, 'finalise');
    if (base !== undefined) assertVersion(row, base, () => presentAssessment(row));
    assertOpen(row);
    const def = await schemeOf(tx.db, row);
    const scores = (await assessmentsRepository.panelScores(tx.db, id)).map((s) => ({
      criterion: s.criterion,
      points: Number(s.points),
    }));
    const missing = unscoredCriteria(def, scores);
    if (missing.length)
      throw ruleBroken(
        'criteria-unscored',
        'Every criterion needs a panel score before the rating is final.',
        missing.map((c) => ({ path: `scores.${c}`, code: 'no_panel_score', message: 'has no panel score' })),
      );
    const [product, group, certs] = await Promise.all([
      productById(tx.db, row.product_id),
      groupById(tx.db, row.group_id),
      certificationsRepository.covering(tx.db, row.product_id, row.group_id),
    ]);
    if (!product || !group) throw notFound('Product');
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
    const updated = await assessmentsRepository.finalise(tx.db, id, {
      result,
      stars: result.stars,
      validUntil,
      by: user.id,
    });
    await settleBadge(tx, updated, def);
    await recordAudit(tx.db, tx, {
      action: 'assessment.finalise',
      entity: 'assessment',
      entityId: id,
      after: { result, stars: result.stars, validUntil },
    });
    return answer(tx, updated);
  });
}

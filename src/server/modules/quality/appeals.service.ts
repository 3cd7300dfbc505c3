import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../http/context.js';
import { conflict, forbidden, notFound, ruleBroken } from '../../http/errors.js';
import { managesProgram, recordAudit, requireUser } from '../platform/index.js';
import { assessmentsRepository } from './assessments.repository.js';
import { full, presentAppeal, presentAssessment, readAssessment, target } from './assessments.service.js';
import { assertRole, ROLES } from './quality.policy.js';
import type { DecideAppealBody } from './quality.schemas.js';

/** The group's manager appeals a final rating, giving a reason; one appeal is pending at a time. */
export async function fileAppeal(ctx: Ctx, id: string, reason: string) {
  const user = requireUser(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const row = await readAssessment({ actor: ctx.actor, db: tx }, id);
    assertRole(ctx.actor, target(row), ROLES.groupManager, "appeal another group's rating");
    if (row.status !== 'finalised')
      throw ruleBroken('not-appealable', `Only a final rating can be appealed; this one is ${row.status}.`);
    const appealId = uuidv7();
    await assessmentsRepository.insertAppeal(tx, { id: appealId, assessmentId: id, filedBy: user.id, reason });
    await assessmentsRepository.setStatus(tx, id, 'appealed');
    const after = await full(tx, (await assessmentsRepository.byId(tx, id))!);
    await recordAudit(tx, ctx, {
      action: 'assessment.appeal',
      entity: 'assessment',
      entityId: id,
      after: after.appeals.find((a) => a.id === appealId),
    });
    return after;
  });
}

/**
 * The program manager decides an appeal, with a note. Upheld: scoring reopens — the result and
 * the badge from this assessment are set aside, the panel may re-score, and the manager finalises
 * again. Rejected: the rating stands as it was.
 */
export async function decideAppeal(ctx: Ctx, id: string, appealId: string, input: DecideAppealBody) {
  const user = requireUser(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const row = await readAssessment({ actor: ctx.actor, db: tx }, id);
    if (!managesProgram(ctx.actor, row.program_id)) throw forbidden('Only the program manager decides appeals.');
    const appeal = (await assessmentsRepository.appeals(tx, id)).find((a) => a.id === appealId);
    if (!appeal) throw notFound('Appeal');
    if (appeal.decision !== null) throw conflict('This appeal has been decided.', { current: presentAppeal(appeal) });
    await assessmentsRepository.decideAppeal(tx, appealId, { ...input, by: user.id });
    if (input.decision === 'upheld') {
      await assessmentsRepository.reopen(tx, id);
      await assessmentsRepository.clearBadge(tx, row.product_id, id);
    } else {
      await assessmentsRepository.setStatus(tx, id, 'finalised');
    }
    const after = await full(tx, (await assessmentsRepository.byId(tx, id))!);
    await recordAudit(tx, ctx, {
      action: `assessment.appeal_${input.decision}`,
      entity: 'assessment',
      entityId: id,
      before: presentAssessment(row),
      after,
    });
    return after;
  });
}

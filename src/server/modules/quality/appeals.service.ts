import { v7 as uuidv7 } from 'uuid';
import { lockRow } from '../../db/sql.js';
import { inTransaction, type Ctx } from '../../http/context.js';
import { conflict, notFound, ruleBroken } from '../../http/errors.js';
import { recordAudit, requireUser } from '../platform/index.js';
import { setProductBadge } from '../registry/index.js';
import { assessmentsRepository } from './assessments.repository.js';
import {
  abilitiesOn,
  answer,
  answerFrom,
  details,
  presentAppeal,
  presentAssessment,
  readAssessment,
} from './assessments.service.js';
import type { DecideAppealBody } from './quality.schemas.js';

/** The group's manager appeals a final rating, giving a reason; one appeal is pending at a time. */
export async function fileAppeal(ctx: Ctx, id: string, reason: string) {
  const user = requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    await lockRow(tx.db, 'assessments', id);
    const row = await readAssessment(tx, id, 'appeal');
    if (row.status !== 'finalised')
      throw ruleBroken(
        'not-appealable',
        `Only a final rating can be appealed; this one is ${row.status}.`,
        undefined,
        undefined,
        {
          status: row.status,
        },
      );
    const appeal = await assessmentsRepository.insertAppeal(tx.db, {
      id: uuidv7(),
      assessmentId: id,
      filedBy: user.id,
      reason,
    });
    const updated = await assessmentsRepository.setStatus(tx.db, id, 'appealed');
    await recordAudit(tx.db, tx, {
      action: 'assessment.appeal',
      entity: 'assessment',
      entityId: id,
      after: presentAppeal(appeal),
    });
    return answer(tx, updated);
  });
}

/**
 * The program manager decides an appeal, with a note. Upheld: scoring reopens — the result and
 * the badge from this assessment are set aside, the panel may re-score, and the manager finalises
 * again. Rejected: the rating stands as it was.
 */
export async function decideAppeal(ctx: Ctx, id: string, appealId: string, input: DecideAppealBody) {
  const user = requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    await lockRow(tx.db, 'assessments', id);
    const row = await readAssessment(tx, id, 'decideAppeal');
    const appeal = (await assessmentsRepository.appeals(tx.db, id)).find((a) => a.id === appealId);
    if (!appeal) throw notFound('Appeal');
    if (appeal.decision !== null)
      throw conflict('This appeal has been decided.', { current: presentAppeal(appeal) }, { code: 'appeal-decided' });
    await assessmentsRepository.decideAppeal(tx.db, appealId, { ...input, by: user.id });
    let updated;
    if (input.decision === 'upheld') {
      updated = await assessmentsRepository.reopen(tx.db, id);
      if (await assessmentsRepository.clearBadge(tx.db, row.product_id, id))
        await setProductBadge(tx.db, row.product_id, null);
    } else {
      updated = await assessmentsRepository.setStatus(tx.db, id, 'finalised');
    }
    const after = await details(tx.db, updated);
    await recordAudit(tx.db, tx, {
      action: `assessment.appeal_${input.decision}`,
      entity: 'assessment',
      entityId: id,
      before: presentAssessment(row),
      after,
    });
    return answerFrom(tx, after, await abilitiesOn(tx.db, tx.actor, updated));
  });
}

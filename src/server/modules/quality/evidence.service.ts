import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../http/context.js';
import { invalid } from '../../http/errors.js';
import type { FileStorage } from '../../storage/file-storage.js';
import { managesProgram, recordAudit, requireUser } from '../platform/index.js';
import { attachmentType } from './attachments.js';
import { assessmentsRepository } from './assessments.repository.js';
import { assertOpen, judgedAssessment, presentEvidence, readAssessmentRow, schemeOf } from './assessments.service.js';
import { criterionCodes } from './scoring.js';

/** Evidence for the panel's scores (a photo of the premises, a lab report): assessors who may judge, and the program manager. */
export async function addEvidence(
  ctx: Ctx,
  files: FileStorage,
  id: string,
  upload: { data: Buffer; criterion: string | null },
) {
  const user = requireUser(ctx.actor);
  const found = await readAssessmentRow(ctx.db, id);
  const row = managesProgram(ctx.actor, found.program_id) ? found : await judgedAssessment(ctx.db, user, id);
  assertOpen(row);
  if (upload.criterion !== null && !criterionCodes(await schemeOf(ctx.db, row)).includes(upload.criterion))
    throw invalid([{ path: 'query.criterion', message: 'is not a criterion of the scheme' }]);
  const { type, ext } = attachmentType(upload.data, 'file');
  const evidenceId = uuidv7();
  const key = `assessments/${id}/${evidenceId}.${ext}`;
  await files.put(key, upload.data);
  return ctx.db.transaction(async (tx) => {
    const evidence = {
      id: evidenceId,
      assessment_id: id,
      uploaded_by: user.id,
      criterion: upload.criterion,
      content_type: type,
      byte_size: upload.data.length,
      storage_key: key,
    };
    await assessmentsRepository.insertEvidence(tx, evidence);
    const presented = presentEvidence({ ...evidence, created_at: new Date() });
    await recordAudit(tx, ctx, { action: 'assessment.evidence', entity: 'assessment', entityId: id, after: presented });
    return presented;
  });
}

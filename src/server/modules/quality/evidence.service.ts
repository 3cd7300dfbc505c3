import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '../../db/database.js';
import { lockRow } from '../../db/sql.js';
import { inTransaction, type Ctx, type UserActor } from '../../http/context.js';
import { invalid } from '../../http/errors.js';
import { recordIdOf } from '../../storage/media-links.js';
import { recordAudit, requireUser } from '../platform/index.js';
import { attachmentType } from './attachments.js';
import { assessmentsRepository } from './assessments.repository.js';
import {
  assertOpen,
  evidenceFacts,
  mayReadAssessment,
  presentEvidence,
  readAssessment,
  schemeOf,
} from './assessments.service.js';
import { criterionCodes } from './scoring.js';

/** Evidence for the panel's scores (a photo of the premises, a lab report): assessors who may judge, and the program manager. */
export async function addEvidence(ctx: Ctx, id: string, upload: { data: Buffer; criterion: string | null }) {
  const user = requireUser(ctx.actor);
  // Refused early, before a file is stored; checked again under the assessment's lock below.
  const found = await readAssessment(ctx, id, 'addEvidence');
  assertOpen(found);
  if (upload.criterion !== null && !criterionCodes(await schemeOf(ctx.db, found)).includes(upload.criterion))
    throw invalid([{ path: 'query.criterion', code: 'not_allowed_here', message: 'is not a criterion of the scheme' }]);
  const { type, ext } = attachmentType(upload.data, 'file');
  const evidenceId = uuidv7();
  const key = `assessments/${id}/${evidenceId}.${ext}`;
  // File first: a crash leaves at worst an unreferenced file, never a row pointing at nothing.
  await ctx.files.put(key, upload.data);
  try {
    return await inTransaction(ctx, async (tx) => {
      await lockRow(tx.db, 'assessments', id);
      assertOpen(await readAssessment(tx, id, 'addEvidence'));
      const row = await assessmentsRepository.insertEvidence(tx.db, {
        id: evidenceId,
        assessment_id: id,
        uploaded_by: user.id,
        criterion: upload.criterion,
        content_type: type,
        byte_size: upload.data.length,
        storage_key: key,
      });
      await recordAudit(tx.db, tx, {
        action: 'assessment.evidence',
        entity: 'assessment',
        entityId: id,
        after: evidenceFacts(row),
      });
      return presentEvidence(tx, row);
    });
  } catch (error) {
    await ctx.files.delete(key);
    throw error;
  }
}

/** Whether the reader may open an evidence file: it is on record, and they may read its assessment. */
export async function mayReadEvidenceFile(reader: { db: Queryable; actor: UserActor }, key: string): Promise<boolean> {
  const assessmentId = recordIdOf(key, 'assessments');
  if (!assessmentId) return false;
  const [row, evidence] = await Promise.all([
    assessmentsRepository.byId(reader.db, assessmentId),
    assessmentsRepository.evidence(reader.db, assessmentId),
  ]);
  return (
    !!row && evidence.some((e) => e.storage_key === key) && (await mayReadAssessment(reader.db, reader.actor, row))
  );
}

import type {
  AssessmentAnswer,
  AssessmentPageAnswer,
  CreateAssessmentBody,
  DecideAppealBody,
  EvidenceAnswer,
  ScoresBody,
} from '../../../../shared/schemas/quality';
import { formQuiet } from '../../../components/form';
import { api, withQuery } from '../../../lib/http';
import { sendOrReplace } from '../../../lib/outbox/natural-key';

export const listAssessments = (
  query: { programId?: string; productId?: string; groupId?: string },
  cursor?: string,
  signal?: AbortSignal,
) => api<AssessmentPageAnswer>(withQuery('/api/v1/assessments', { ...query, cursor }), { signal });

export const getAssessment = (id: string, signal?: AbortSignal) =>
  api<AssessmentAnswer>(`/api/v1/assessments/${id}`, { signal, quiet: (e) => e.status === 404 || e.status === 400 });

export const createAssessment = (body: CreateAssessmentBody) =>
  api<AssessmentAnswer>('/api/v1/assessments', { method: 'POST', body, quiet: formQuiet });

/** Multipart upload, field "file": a PDF, JPEG or PNG backing the panel's score of one criterion. */
export const uploadEvidence = (assessmentId: string, file: File, criterion: string) => {
  const body = new FormData();
  body.append('file', file);
  return api<EvidenceAnswer>(withQuery(`/api/v1/assessments/${assessmentId}/evidence`, { criterion }), {
    method: 'POST',
    body,
  });
};

/** The outbox key of one user's scores of one assessment, in one of its two forms. */
export const scoresKey = (assessmentId: string, form: 'panel' | 'self', userId: string) =>
  `${form === 'self' ? 'self-scores' : 'scores'}:${assessmentId}:${userId}`;

/**
 * The scores of one form: the assessor's own panel scores, or the group's self-assessment. Through
 * the outbox under a natural key (the assessment, the form, the user): a save made while an earlier
 * one still waits on the phone replaces it. Sent again after a lost answer, the same scores are
 * recognised by the server (200) although their version is stale by then.
 */
export const recordScores = (
  assessmentId: string,
  form: 'panel' | 'self',
  userId: string,
  label: string,
  body: ScoresBody,
) =>
  sendOrReplace<AssessmentAnswer>({
    clientId: scoresKey(assessmentId, form, userId),
    kind: form === 'self' ? 'self-scores' : 'scores',
    label,
    method: 'PUT',
    url: `/api/v1/assessments/${assessmentId}/${form === 'self' ? 'self-assessment' : 'panel-scores'}`,
    body,
  });

export const finaliseAssessment = (id: string, version: number) =>
  api<AssessmentAnswer>(`/api/v1/assessments/${id}/finalise`, { method: 'POST', body: { version } });

export const fileAppeal = (id: string, reason: string) =>
  api<AssessmentAnswer>(`/api/v1/assessments/${id}/appeals`, { method: 'POST', body: { reason }, quiet: formQuiet });

export const decideAppeal = (id: string, appealId: string, body: DecideAppealBody) =>
  api<AssessmentAnswer>(`/api/v1/assessments/${id}/appeals/${appealId}/decision`, {
    method: 'POST',
    body,
    quiet: formQuiet,
  });

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

export const recordPanelScores = (id: string, body: ScoresBody) =>
  api<AssessmentAnswer>(`/api/v1/assessments/${id}/panel-scores`, { method: 'PUT', body, quiet: formQuiet });

export const recordSelfAssessment = (id: string, body: ScoresBody) =>
  api<AssessmentAnswer>(`/api/v1/assessments/${id}/self-assessment`, { method: 'PUT', body, quiet: formQuiet });

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

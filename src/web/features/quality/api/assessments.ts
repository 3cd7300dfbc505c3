import type { CreateAssessmentBody } from '../../../../shared/schemas/quality';
import { formQuiet } from '../../../components/form';
import { api, withQuery, type Page } from '../../../lib/http';

export interface ScoreInput {
  criterion: string;
  points: number;
  comment?: string;
}
export interface PanelScore {
  assessorId: string;
  criterion: string;
  points: number;
  comment: string | null;
}
export interface GateResult {
  code: string;
  ok: boolean;
  effect: 'block' | 'cap';
  maxStars: number | null;
}
export interface RatingResult {
  criteria: { code: string; average: number; points: number; weight: number }[];
  points: number;
  maxPoints: number;
  percent: number;
  scoreStars: number | null;
  gates: GateResult[];
  tierMaxStars: number;
  stars: number | null;
  outcome: 'rated' | 'blocked' | 'below_threshold';
  cappedBy: string[];
}
export interface Appeal {
  id: string;
  filedBy: string;
  reason: string;
  filedAt: string;
  decision: 'upheld' | 'rejected' | null;
  note: string | null;
  decidedAt: string | null;
}
export type AssessmentStatus = 'open' | 'finalised' | 'appealed';
export interface Assessment {
  id: string;
  programId: string;
  productId: string;
  groupId: string;
  schemeId: string;
  year: number;
  panelTier: string;
  assessedOn: string;
  status: AssessmentStatus;
  selfAssessment: { scores: { criterion: string; points: number }[] } | null;
  panelScores: PanelScore[];
  result: RatingResult | null;
  stars: number | null;
  validUntil: string | null;
  appeals: Appeal[];
  evidence: Evidence[];
  version: number;
}
export interface Evidence {
  id: string;
  uploadedBy: string;
  criterion: string | null;
  url: string;
  contentType: string;
  byteSize: number;
  createdAt: string;
}

export const listAssessments = (
  query: { programId?: string; productId?: string; groupId?: string },
  cursor?: string,
  signal?: AbortSignal,
) => api<Page<Assessment>>(withQuery('/api/v1/assessments', { ...query, cursor }), { signal });

export const getAssessment = (id: string, signal?: AbortSignal) =>
  api<Assessment>(`/api/v1/assessments/${id}`, { signal, quiet: (e) => e.status === 404 || e.status === 400 });

export const createAssessment = (body: CreateAssessmentBody) =>
  api<Assessment>('/api/v1/assessments', { method: 'POST', body, quiet: formQuiet });

/** Multipart upload, field "file": a PDF, JPEG or PNG backing the panel's score of one criterion. */
export const uploadEvidence = (assessmentId: string, file: File, criterion: string) => {
  const body = new FormData();
  body.append('file', file);
  return api<Evidence>(withQuery(`/api/v1/assessments/${assessmentId}/evidence`, { criterion }), {
    method: 'POST',
    body,
  });
};

export const recordPanelScores = (id: string, body: { version?: number; scores: ScoreInput[] }) =>
  api<Assessment>(`/api/v1/assessments/${id}/panel-scores`, { method: 'PUT', body, quiet: formQuiet });

export const recordSelfAssessment = (id: string, body: { version?: number; scores: ScoreInput[] }) =>
  api<Assessment>(`/api/v1/assessments/${id}/self-assessment`, { method: 'PUT', body, quiet: formQuiet });

export const finaliseAssessment = (id: string, version: number) =>
  api<Assessment>(`/api/v1/assessments/${id}/finalise`, { method: 'POST', body: { version } });

export const fileAppeal = (id: string, reason: string) =>
  api<Appeal>(`/api/v1/assessments/${id}/appeals`, { method: 'POST', body: { reason }, quiet: formQuiet });

export const decideAppeal = (id: string, appealId: string, body: { decision: 'upheld' | 'rejected'; note: string }) =>
  api<Appeal>(`/api/v1/assessments/${id}/appeals/${appealId}/decision`, { method: 'POST', body, quiet: formQuiet });

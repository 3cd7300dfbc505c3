import { formQuiet } from '../../../components/form';
import { api, withQuery, type Page } from '../../../lib/http';
import type { CreateAssessmentBody, PanelTier, SchemeDefinition } from '../../../../shared/schemas/quality';

// ---- rating schemes -------------------------------------------------------------------------
export type { SchemeDefinition } from '../../../../shared/schemas/quality';
export type SchemePart = SchemeDefinition['parts'][number];
export type SchemeCriterion = SchemePart['criteria'][number];
export type SchemeGate = SchemeDefinition['gates'][number];
export interface Scheme {
  id: string;
  familyId: string;
  programId: string | null;
  templateId: string | null;
  template: boolean;
  latest: boolean;
  definition: SchemeDefinition;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const getScheme = (id: string, signal?: AbortSignal) => api<Scheme>(`/api/v1/rating-schemes/${id}`, { signal });

/** Templates and the program's schemes (latest versions), or with `familyId` one scheme's version history. */
export const listSchemes = (
  query: { programId?: string; familyId?: string; templates?: 'true' | 'false' },
  signal?: AbortSignal,
) => api<Page<Scheme>>(withQuery('/api/v1/rating-schemes', { ...query, limit: 100 }), { signal });

export const createScheme = (body: { id: string; programId: string; templateId: string }) =>
  api<Scheme>('/api/v1/rating-schemes', { method: 'POST', body, quiet: formQuiet });

/** Edits a scheme; a version already used by an assessment comes back as a new version (a new id). */
export const patchScheme = (id: string, body: { version: number; definition: SchemeDefinition }) =>
  api<Scheme>(`/api/v1/rating-schemes/${id}`, { method: 'PATCH', body, quiet: formQuiet });

export interface AssessorTier {
  programId: string;
  userId: string;
  tier: PanelTier;
}

export const listAssessorTiers = (programId: string, signal?: AbortSignal) =>
  api<{ items: AssessorTier[] }>(`/api/v1/programs/${programId}/assessor-tiers`, { signal });

export const setAssessorTier = (programId: string, body: { userId: string; tier: PanelTier }) =>
  api<AssessorTier>(`/api/v1/programs/${programId}/assessor-tiers`, { method: 'PUT', body, quiet: formQuiet });

// ---- assessments ----------------------------------------------------------------------------
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

// ---- certifications and export readiness ----------------------------------------------------
export interface Certification {
  id: string;
  groupId: string;
  productId: string | null;
  kind: string;
  number: string;
  issuer: string;
  issuedOn: string;
  expiresOn: string | null;
  document: { url: string; contentType: string; byteSize: number } | null;
  version: number;
}

export const listCertifications = (
  query: { productId?: string; groupId?: string },
  cursor?: string,
  signal?: AbortSignal,
) => api<Page<Certification>>(withQuery('/api/v1/certifications', { ...query, cursor, limit: 100 }), { signal });

export const createCertification = (body: Record<string, unknown>) =>
  api<Certification>('/api/v1/certifications', { method: 'POST', body, quiet: formQuiet });

export const patchCertification = (id: string, body: Record<string, unknown>) =>
  api<Certification>(`/api/v1/certifications/${id}`, { method: 'PATCH', body, quiet: formQuiet });

/** Multipart upload, field "document": the certificate itself (PDF, JPEG or PNG), replacing any earlier one. */
export const uploadCertificationDocument = (id: string, file: File) => {
  const body = new FormData();
  body.append('document', file);
  return api<Certification>(`/api/v1/certifications/${id}/document`, { method: 'PUT', body });
};

export const deleteCertification = (id: string) => api<void>(`/api/v1/certifications/${id}`, { method: 'DELETE' });

export interface ReadinessCheck {
  code: string;
  ok: boolean | null;
  manual?: true;
  reason: string;
}
export interface ExportReadiness {
  productId: string;
  on: string;
  status: string;
  readyAnywhere: boolean;
  markets: { market: 'JP' | 'EU' | 'US'; ready: boolean; checks: ReadinessCheck[] }[];
}

export const getExportReadiness = (productId: string, signal?: AbortSignal) =>
  api<ExportReadiness>(`/api/v1/products/${productId}/export-readiness`, { signal });

/** Days from today to a `YYYY-MM-DD` date (negative once past). */
export function daysUntil(isoDate: string, from = new Date()): number {
  const day = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  return Math.round((Date.parse(`${isoDate}T00:00:00Z`) - day) / 86_400_000);
}

/** A certificate's standing: expired, expiring within 30 or 90 days, or fine. */
export function expiryState(expiresOn: string | null, from = new Date()): 'expired' | 'soon30' | 'soon90' | 'ok' {
  if (expiresOn === null) return 'ok';
  const days = daysUntil(expiresOn, from);
  if (days < 0) return 'expired';
  if (days <= 30) return 'soon30';
  if (days <= 90) return 'soon90';
  return 'ok';
}

import { formQuiet } from '../../../components/form';
import { api, withQuery, type Page } from '../../../lib/http';
import type { Localized } from '../../registry/api/registry.types';

// ---- rating schemes -------------------------------------------------------------------------
export interface SchemeLevel {
  points: number;
  descriptor: Localized;
}
export interface SchemeCriterion {
  code: string;
  name: Localized;
  weight: number;
  levels: SchemeLevel[];
}
export interface SchemePart {
  code: string;
  name: Localized;
  placeholder?: boolean;
  criteria: SchemeCriterion[];
}
export interface SchemeGate {
  code: string;
  name: Localized;
  anyOf: string[];
  categories?: string[];
  onFail: { effect: 'block' } | { effect: 'cap'; maxStars: number };
}
export interface SchemeDefinition {
  name: Localized;
  description?: Localized;
  validityMonths: number;
  selfAssessmentRequired: boolean;
  parts: SchemePart[];
  gates: SchemeGate[];
  thresholds: { stars: number; minPercent: number }[];
  starTiers: Record<'1' | '2' | '3' | '4' | '5', string>;
}
export interface Scheme {
  id: string;
  programId: string | null;
  template: boolean;
  latest: boolean;
  definition: SchemeDefinition;
  version: number;
}

export const getScheme = (id: string, signal?: AbortSignal) => api<Scheme>(`/api/v1/rating-schemes/${id}`, { signal });

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
  version: number;
}

export const listAssessments = (
  query: { programId?: string; productId?: string; groupId?: string },
  cursor?: string,
  signal?: AbortSignal,
) => api<Page<Assessment>>(withQuery('/api/v1/assessments', { ...query, cursor }), { signal });

export const getAssessment = (id: string, signal?: AbortSignal) =>
  api<Assessment>(`/api/v1/assessments/${id}`, { signal, quiet: (e) => e.status === 404 || e.status === 400 });

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

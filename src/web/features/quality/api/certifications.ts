import type {
  CertificationAnswer,
  CertificationPageAnswer,
  CreateCertificationBody,
  PatchCertificationBody,
} from '../../../../shared/schemas/quality';
import { formQuiet } from '../../../components/form';
import { api, withQuery } from '../../../lib/http';

export const listCertifications = (
  query: { productId?: string; groupId?: string },
  cursor?: string,
  signal?: AbortSignal,
) => api<CertificationPageAnswer>(withQuery('/api/v1/certifications', { ...query, cursor, limit: 100 }), { signal });

export const createCertification = (body: CreateCertificationBody) =>
  api<CertificationAnswer>('/api/v1/certifications', { method: 'POST', body, quiet: formQuiet });

export const patchCertification = (id: string, body: PatchCertificationBody) =>
  api<CertificationAnswer>(`/api/v1/certifications/${id}`, { method: 'PATCH', body, quiet: formQuiet });

/** Multipart upload, field "document": the certificate itself (PDF, JPEG or PNG), replacing any earlier one. */
export const uploadCertificationDocument = (id: string, file: File) => {
  const body = new FormData();
  body.append('document', file);
  return api<CertificationAnswer>(`/api/v1/certifications/${id}/document`, { method: 'PUT', body });
};

export const deleteCertification = (id: string) => api<void>(`/api/v1/certifications/${id}`, { method: 'DELETE' });

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

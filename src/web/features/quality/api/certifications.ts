import { formQuiet } from '../../../components/form';
import { api, withQuery, type Page } from '../../../lib/http';

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

import { api } from '../../../lib/http';
import type { VerificationAnswer } from '../../../../shared/schemas/training';

export const verifyCertificate = (id: string, signal?: AbortSignal) =>
  api<VerificationAnswer>(`/api/v1/certificates/${encodeURIComponent(id)}/verification`, {
    signal,
    quiet: (e) => e.status === 404 || e.status === 400,
  });

export const certificatePdfUrl = (id: string) => `/api/v1/certificates/${id}.pdf`;

/** A certificate by its printed number, as typed (a mistyped one is a 400). */
export const verifyCertificateNumber = (number: string, signal?: AbortSignal) =>
  api<VerificationAnswer>(`/api/v1/certificate-verification?number=${encodeURIComponent(number)}`, {
    signal,
    quiet: (e) => e.status === 404 || e.status === 400,
  });

import { formQuiet } from '../../../components/form';
import { api } from '../../../lib/http';
import type { CertificateSettingsAnswer, CertificateSettingsBody } from '../../../../shared/schemas/training';

const url = (programId: string) => `/api/v1/programs/${encodeURIComponent(programId)}/certificate-settings`;

export const getCertificateSettings = (programId: string, signal?: AbortSignal) =>
  api<CertificateSettingsAnswer>(url(programId), { signal, quiet: (e) => e.status === 403 });

export const saveCertificateSettings = (programId: string, body: CertificateSettingsBody) =>
  api<CertificateSettingsAnswer>(url(programId), { method: 'PUT', body, quiet: formQuiet });

/** Multipart upload, field "signature": a JPEG, PNG or WebP of the signing officer's signature. */
export const uploadSignature = (programId: string, file: File) => {
  const body = new FormData();
  body.append('signature', file);
  return api<CertificateSettingsAnswer>(`${url(programId)}/signature`, { method: 'PUT', body, quiet: formQuiet });
};

/** The stored signature, shown to the program manager (the version keeps a replaced one from the cache). */
export const signatureUrl = (programId: string, version: number) => `${url(programId)}/signature.png?v=${version}`;

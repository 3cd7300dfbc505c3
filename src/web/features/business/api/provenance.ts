// A type-only import: erased from the bundle, so the public provenance page loads no zod.
import type { ProvenanceAnswer } from '../../../../shared/schemas/batches';
import { api, withQuery } from '../../../lib/http';

export const getProvenance = (id: string, locale: string, signal?: AbortSignal) =>
  api<ProvenanceAnswer>(withQuery(`/api/v1/provenance/batches/${encodeURIComponent(id)}`, { locale }), {
    signal,
    quiet: (error) => error.status === 404 || error.status === 400,
  });

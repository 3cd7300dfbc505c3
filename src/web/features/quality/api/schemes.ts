import { formQuiet } from '../../../components/form';
import { api, withQuery } from '../../../lib/http';
import type {
  CreateSchemeBody,
  SchemeAnswer,
  SchemeDefinition,
  SchemePageAnswer,
} from '../../../../shared/schemas/quality';

export type { SchemeDefinition } from '../../../../shared/schemas/quality';
export type SchemePart = SchemeDefinition['parts'][number];
export type SchemeCriterion = SchemePart['criteria'][number];

export const getScheme = (id: string, signal?: AbortSignal) =>
  api<SchemeAnswer>(`/api/v1/rating-schemes/${id}`, { signal });

/** Templates and the program's schemes (latest versions), or with `familyId` one scheme's version history. */
export const listSchemes = (
  query: { programId?: string; familyId?: string; templates?: 'true' | 'false' },
  signal?: AbortSignal,
) => api<SchemePageAnswer>(withQuery('/api/v1/rating-schemes', { ...query, limit: 100 }), { signal });

export const createScheme = (body: CreateSchemeBody) =>
  api<SchemeAnswer>('/api/v1/rating-schemes', { method: 'POST', body, quiet: formQuiet });

/** Edits a scheme; a version already used by an assessment comes back as a new version (a new id). */
export const patchScheme = (id: string, body: { version: number; definition: SchemeDefinition }) =>
  api<SchemeAnswer>(`/api/v1/rating-schemes/${id}`, { method: 'PATCH', body, quiet: formQuiet });

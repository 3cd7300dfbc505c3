import { formQuiet } from '../../../components/form';
import { api, withQuery, type Page } from '../../../lib/http';
import type { SchemeDefinition } from '../../../../shared/schemas/quality';

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

import { formQuiet } from '../../../components/form';
import { api, withQuery, type Page } from '../../../lib/http';
import type { CreateVillage, Village } from './registry.types';

export const listVillages = (query: { programId?: string; area?: string }, cursor?: string, signal?: AbortSignal) =>
  api<Page<Village>>(withQuery('/api/v1/villages', { ...query, cursor }), { signal });

export const getVillage = (id: string, signal?: AbortSignal) =>
  api<Village>(`/api/v1/villages/${id}`, { signal, quiet: (e) => e.status === 404 || e.status === 400 });

export const enrolVillage = (body: CreateVillage) =>
  api<Village>('/api/v1/villages', { method: 'POST', body, quiet: formQuiet });

export const patchVillage = (id: string, body: Record<string, unknown>) =>
  api<Village>(`/api/v1/villages/${id}`, { method: 'PATCH', body, quiet: formQuiet });

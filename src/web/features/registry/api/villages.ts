import type { z } from 'zod';
import type { createVillageBody, VillageAnswer, villagePage } from '../../../../shared/schemas/registry';
import { formQuiet } from '../../../components/form';
import { api, withQuery } from '../../../lib/http';

export type CreateVillage = z.input<typeof createVillageBody>;

export const listVillages = (query: { programId?: string; area?: string }, cursor?: string, signal?: AbortSignal) =>
  api<z.infer<typeof villagePage>>(withQuery('/api/v1/villages', { ...query, cursor }), { signal });

export const getVillage = (id: string, signal?: AbortSignal) =>
  api<VillageAnswer>(`/api/v1/villages/${id}`, { signal, quiet: (e) => e.status === 404 || e.status === 400 });

export const enrolVillage = (body: CreateVillage) =>
  api<VillageAnswer>('/api/v1/villages', { method: 'POST', body, quiet: formQuiet });

export const patchVillage = (id: string, body: Record<string, unknown>) =>
  api<VillageAnswer>(`/api/v1/villages/${id}`, { method: 'PATCH', body, quiet: formQuiet });

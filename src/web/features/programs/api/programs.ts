import { formQuiet } from '../../../components/form';
import { api, withQuery, type Page } from '../../../lib/http';
import type { z } from 'zod';
import type { createProgramBody } from '../../../../shared/schemas/programs';

export interface Program {
  id: string;
  code: string;
  name: string;
  country: string;
  currency: string;
  locales: string[];
  startedOn: string;
  categories: { code: string; name: Record<string, string> }[];
  version: number;
}

export const listPrograms = (cursor?: string, signal?: AbortSignal) =>
  api<Page<Program>>(withQuery('/api/v1/programs', { cursor, limit: 100 }), { signal });

export const getProgram = (id: string, signal?: AbortSignal) =>
  api<Program>(`/api/v1/programs/${id}`, { signal, quiet: (e) => e.status === 404 || e.status === 400 });

export const createProgram = (body: z.input<typeof createProgramBody>) =>
  api<Program>('/api/v1/programs', { method: 'POST', body, quiet: formQuiet });

export const patchProgram = (id: string, body: Record<string, unknown>) =>
  api<Program>(`/api/v1/programs/${id}`, { method: 'PATCH', body, quiet: formQuiet });

import type { z } from 'zod';
import type { createProgramBody, ProgramAnswer, ProgramPageAnswer } from '../../../../shared/schemas/programs';
import { formQuiet } from '../../../components/form';
import { api, withQuery } from '../../../lib/http';

/** The caller's programs, and whether they may create one (`abilities.create`). */
export const listPrograms = (cursor?: string, signal?: AbortSignal) =>
  api<ProgramPageAnswer>(withQuery('/api/v1/programs', { cursor, limit: 100 }), { signal });

export const getProgram = (id: string, signal?: AbortSignal) =>
  api<ProgramAnswer>(`/api/v1/programs/${id}`, { signal, quiet: (e) => e.status === 404 || e.status === 400 });

export const createProgram = (body: z.input<typeof createProgramBody>) =>
  api<ProgramAnswer>('/api/v1/programs', { method: 'POST', body, quiet: formQuiet });

export const patchProgram = (id: string, body: Record<string, unknown>) =>
  api<ProgramAnswer>(`/api/v1/programs/${id}`, { method: 'PATCH', body, quiet: formQuiet });

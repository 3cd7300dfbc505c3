import type { z } from 'zod';
import type { createSessionBody } from '../../../../shared/schemas/training';
import { formQuiet } from '../../../components/form';
import { api, withQuery, type Page } from '../../../lib/http';
import type { TrainingSession } from './training.types';

export const listSessions = (query: { programId: string; from?: string; mine?: boolean }, signal?: AbortSignal) =>
  api<Page<TrainingSession>>(withQuery('/api/v1/sessions', { ...query, limit: 200 }), { signal });

export const getSession = (id: string, signal?: AbortSignal) =>
  api<TrainingSession>(`/api/v1/sessions/${id}`, { signal, quiet: (e) => e.status === 404 || e.status === 400 });

export const createSession = (body: z.input<typeof createSessionBody>) =>
  api<TrainingSession>('/api/v1/sessions', { method: 'POST', body, quiet: formQuiet });

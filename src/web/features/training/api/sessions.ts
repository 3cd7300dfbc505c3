import type { z } from 'zod';
import type {
  createSessionBody,
  SessionAnswer,
  SessionDetailAnswer,
  SessionPageAnswer,
} from '../../../../shared/schemas/training';
import { formQuiet } from '../../../components/form';
import { api, withQuery } from '../../../lib/http';

export const listSessions = (query: { programId: string; from?: string; mine?: boolean }, signal?: AbortSignal) =>
  api<SessionPageAnswer>(withQuery('/api/v1/sessions', { ...query, limit: 200 }), { signal });

export const getSession = (id: string, signal?: AbortSignal) =>
  api<SessionDetailAnswer>(`/api/v1/sessions/${id}`, { signal, quiet: (e) => e.status === 404 || e.status === 400 });

export const createSession = (body: z.input<typeof createSessionBody>) =>
  api<SessionAnswer>('/api/v1/sessions', { method: 'POST', body, quiet: formQuiet });

import { api, withQuery, type Page } from '../../../lib/http';
import type { TrainingSession } from './training.types';

export const listSessions = (query: { programId: string; from?: string; mine?: boolean }, signal?: AbortSignal) =>
  api<Page<TrainingSession>>(withQuery('/api/v1/sessions', { ...query, limit: 200 }), { signal });

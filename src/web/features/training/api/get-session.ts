import { api } from '../../../lib/http';
import type { TrainingSession } from './training.types';

export const getSession = (id: string, signal?: AbortSignal) =>
  api<TrainingSession>(`/api/v1/sessions/${id}`, { signal, quiet: (e) => e.status === 404 || e.status === 400 });

import { api } from '../../../lib/http';
import type { Enrolment } from './training.types';

export const listEnrolments = (sessionId: string, signal?: AbortSignal) =>
  api<{ items: Enrolment[] }>(`/api/v1/sessions/${sessionId}/enrolments`, { signal });

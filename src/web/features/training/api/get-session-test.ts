import { api } from '../../../lib/http';
import type { Question } from './training.types';

export const getSessionTest = (sessionId: string, kind: 'pre' | 'post', signal?: AbortSignal) =>
  api<{ kind: 'pre' | 'post'; questions: Question[] }>(`/api/v1/sessions/${sessionId}/tests/${kind}`, {
    signal,
    quiet: (e) => e.status === 404,
  });

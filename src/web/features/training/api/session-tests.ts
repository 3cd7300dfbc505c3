import { formQuiet } from '../../../components/form';
import { api } from '../../../lib/http';
import type { Question, TestAttempt } from './training.types';

export const getSessionTest = (sessionId: string, kind: 'pre' | 'post', signal?: AbortSignal) =>
  api<{ kind: 'pre' | 'post'; questions: Question[] }>(`/api/v1/sessions/${sessionId}/tests/${kind}`, {
    signal,
    quiet: (e) => e.status === 404,
  });

export const recordTestAttempt = (
  sessionId: string,
  enrolmentId: string,
  kind: 'pre' | 'post',
  body: { id: string; answers: (number | null)[] },
) =>
  api<TestAttempt>(`/api/v1/sessions/${sessionId}/enrolments/${enrolmentId}/tests/${kind}`, {
    method: 'POST',
    body,
    quiet: formQuiet,
  });

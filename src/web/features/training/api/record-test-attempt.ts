import { formQuiet } from '../../../components/form';
import { api } from '../../../lib/http';
import type { TestAttempt } from './training.types';

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

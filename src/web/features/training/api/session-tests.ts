import { formQuiet } from '../../../components/form';
import { api } from '../../../lib/http';
import type {
  SessionTestAnswer,
  TestAttemptAnswer,
  TestAttemptBody,
  TestKind,
} from '../../../../shared/schemas/training';

export const getSessionTest = (sessionId: string, kind: TestKind, signal?: AbortSignal) =>
  api<SessionTestAnswer>(`/api/v1/sessions/${sessionId}/tests/${kind}`, {
    signal,
    quiet: (e) => e.status === 404,
  });

export const recordTestAttempt = (sessionId: string, enrolmentId: string, kind: TestKind, body: TestAttemptBody) =>
  api<TestAttemptAnswer>(`/api/v1/sessions/${sessionId}/enrolments/${enrolmentId}/tests/${kind}`, {
    method: 'POST',
    body,
    quiet: formQuiet,
  });

import { formQuiet } from '../../../components/form';
import { api } from '../../../lib/http';
import type { Enrolment } from './training.types';

export const listEnrolments = (sessionId: string, signal?: AbortSignal) =>
  api<{ items: Enrolment[] }>(`/api/v1/sessions/${sessionId}/enrolments`, { signal });

export const enrol = (sessionId: string, body: { id: string; memberId: string }) =>
  api<Enrolment>(`/api/v1/sessions/${sessionId}/enrolments`, { method: 'POST', body, quiet: formQuiet });

export const cancelEnrolment = (sessionId: string, enrolmentId: string) =>
  api<{ enrolment: Enrolment; promoted: Enrolment | null }>(
    `/api/v1/sessions/${sessionId}/enrolments/${enrolmentId}/cancel`,
    { method: 'POST' },
  );

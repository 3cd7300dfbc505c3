import { api } from '../../../lib/http';
import type { Enrolment } from './training.types';

export const cancelEnrolment = (sessionId: string, enrolmentId: string) =>
  api<{ enrolment: Enrolment; promoted: Enrolment | null }>(
    `/api/v1/sessions/${sessionId}/enrolments/${enrolmentId}/cancel`,
    { method: 'POST' },
  );

import { formQuiet } from '../../../components/form';
import { api } from '../../../lib/http';
import type {
  CancelledEnrolmentAnswer,
  EnrolBody,
  EnrolmentAnswer,
  EnrolmentListAnswer,
} from '../../../../shared/schemas/training';

export const listEnrolments = (sessionId: string, signal?: AbortSignal) =>
  api<EnrolmentListAnswer>(`/api/v1/sessions/${sessionId}/enrolments`, { signal });

export const enrol = (sessionId: string, body: EnrolBody) =>
  api<EnrolmentAnswer>(`/api/v1/sessions/${sessionId}/enrolments`, { method: 'POST', body, quiet: formQuiet });

export const cancelEnrolment = (sessionId: string, enrolmentId: string) =>
  api<CancelledEnrolmentAnswer>(`/api/v1/sessions/${sessionId}/enrolments/${enrolmentId}/cancel`, { method: 'POST' });

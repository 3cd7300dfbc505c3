import { api } from '../../../lib/http';
import { sendOrQueue } from '../../../lib/outbox/outbox';
import type {
  CancelledEnrolmentAnswer,
  EnrolBody,
  EnrolmentAnswer,
  EnrolmentListAnswer,
} from '../../../../shared/schemas/training';

export const enrolmentsUrl = (sessionId: string) => `/api/v1/sessions/${sessionId}/enrolments`;

export const listEnrolments = (sessionId: string, signal?: AbortSignal) =>
  api<EnrolmentListAnswer>(enrolmentsUrl(sessionId), { signal });

/**
 * Through the outbox, under the client's id (a replay is answered 200). A member registered offline
 * is enrolled after it arrives. A member already in the session is refused (409 already-enrolled):
 * the form says so; the outbox counts it as arrived (lib/outbox/rules.ts).
 */
export const enrol = (sessionId: string, label: string, body: EnrolBody & { id: string }) =>
  sendOrQueue<EnrolmentAnswer>({
    clientId: body.id,
    kind: 'enrolment',
    label,
    method: 'POST',
    url: enrolmentsUrl(sessionId),
    body,
    dependsOn: body.memberId,
  });

export const cancelEnrolment = (sessionId: string, enrolmentId: string) =>
  api<CancelledEnrolmentAnswer>(`${enrolmentsUrl(sessionId)}/${enrolmentId}/cancel`, { method: 'POST' });

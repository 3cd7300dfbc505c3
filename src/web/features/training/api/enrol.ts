import { formQuiet } from '../../../components/form';
import { api } from '../../../lib/http';
import type { Enrolment } from './training.types';

export const enrol = (sessionId: string, body: { id: string; memberId: string }) =>
  api<Enrolment>(`/api/v1/sessions/${sessionId}/enrolments`, { method: 'POST', body, quiet: formQuiet });

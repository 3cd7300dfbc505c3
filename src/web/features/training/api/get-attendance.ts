import { api } from '../../../lib/http';
import type { AttendanceSheet } from './training.types';

export const getAttendance = (sessionId: string, date: string, signal?: AbortSignal) =>
  api<AttendanceSheet>(`/api/v1/sessions/${sessionId}/attendance/${date}`, { signal });

import { ApiError, api } from '../../../lib/http';
import { enqueue } from '../../../lib/outbox/outbox';
import type { AttendanceBody, AttendanceSheetAnswer } from '../../../../shared/schemas/training';

export const getAttendance = (sessionId: string, date: string, signal?: AbortSignal) =>
  api<AttendanceSheetAnswer>(`/api/v1/sessions/${sessionId}/attendance/${date}`, { signal });

const RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000];
const retryable = (error: unknown) => error instanceof ApiError && (error.status === 0 || error.status >= 500);

/**
 * Saves marks for one day. The PUT is idempotent (the same marks give the same state), so a lost
 * answer is simply sent again: up to five retries with growing pauses, quietly, before giving up.
 * Each mark carries when it was tapped (`markedAt`, the same in every retry), so a retry arriving
 * after a newer tap of the same name changes nothing on the server.
 */
export async function putAttendance(
  sessionId: string,
  date: string,
  items: AttendanceBody['items'],
  wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<AttendanceSheetAnswer> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await api<AttendanceSheetAnswer>(`/api/v1/sessions/${sessionId}/attendance/${date}`, {
        method: 'PUT',
        body: { items },
        quiet: (e) => retryable(e) && attempt < RETRY_DELAYS_MS.length,
      });
    } catch (error) {
      if (!retryable(error) || attempt >= RETRY_DELAYS_MS.length) throw error;
      await wait(RETRY_DELAYS_MS[attempt]!);
    }
  }
}

export const attendanceUrl = (sessionId: string, date: string) => `/api/v1/sessions/${sessionId}/attendance/${date}`;

/**
 * A mark made without a network, or whose retries all failed to reach the server: kept in the
 * outbox (IndexedDB), sent when the network is back. The PUT is idempotent and carries `markedAt`,
 * so it may arrive in any order with other taps.
 */
export const keepAttendanceOnDevice = (
  sessionId: string,
  date: string,
  label: string,
  items: AttendanceBody['items'],
) =>
  enqueue({
    clientId: crypto.randomUUID(),
    kind: 'attendance',
    label,
    method: 'PUT',
    url: attendanceUrl(sessionId, date),
    body: { items },
  });

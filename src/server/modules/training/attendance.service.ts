import { dateIn } from '../../../shared/dates.js';
import { inTransaction, type Ctx } from '../../http/context.js';
import { invalid, notFound, type FieldError } from '../../http/errors.js';
import { recordAudit, requireUser } from '../platform/index.js';
import { attendanceRepository, type SheetRow } from './attendance.repository.js';
import { settleCertificates } from './certificates.service.js';
import { sessionDays } from './completion.js';
import { enrolmentsRepository } from './enrolments.repository.js';
import { sessionAndCourse } from './enrolments.service.js';
import { sessionsRepository } from './sessions.repository.js';
import { assertScheduled } from './sessions.service.js';
import type { AttendanceBody } from './training.schemas.js';

const presentSheet = (date: string, rows: SheetRow[]) => ({
  date,
  items: rows.map((r) => ({
    enrolmentId: r.enrolment_id,
    memberId: r.member_id,
    name: r.member_name,
    groupName: r.group_name,
    present: r.present,
  })),
});

function assertDayOf(session: { starts_on: string; ends_on: string }, date: string): void {
  if (!sessionDays(session.starts_on, session.ends_on).includes(date))
    throw invalid([
      {
        path: 'params.date',
        code: 'not_a_session_day',
        params: { from: session.starts_on, to: session.ends_on },
        message: `is not a day of the session (${session.starts_on} to ${session.ends_on})`,
      },
    ]);
}

/**
 * The zone where a date begins first (UTC+14; IANA's sign is inverted): attendance is taken on the
 * day, never ahead of it, yet a trainer in Papua just after midnight is not refused because the
 * day has not begun in Jakarta or in UTC.
 */
const EARLIEST_ZONE = 'Etc/GMT-14';

/** A tap's time from a phone whose clock is a day or more ahead is not believed. */
const MAX_CLOCK_AHEAD_MS = 24 * 3_600_000;

export async function getAttendance(ctx: Ctx, sessionId: string, date: string) {
  const { session } = await sessionAndCourse(ctx, sessionId, 'markAttendance');
  assertDayOf(session, date);
  return presentSheet(date, await attendanceRepository.sheet(ctx.db, sessionId, date));
}

/**
 * Records a day's attendance. A PUT: the same request twice leaves the same state and the same rows,
 * so a phone on a flaky connection may retry freely, and a retry arriving after a newer tap changes
 * nothing (each mark carries when it was made). Participants who now complete get their certificate,
 * and those who no longer do lose it, in the same transaction.
 */
export async function recordAttendance(ctx: Ctx, sessionId: string, date: string, input: AttendanceBody) {
  const user = requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    // One writer per session at a time: completion is judged on marks no concurrent request is changing.
    if (!(await sessionsRepository.lock(tx.db, sessionId))) throw notFound('Session');
    const { session, course } = await sessionAndCourse(tx, sessionId, 'markAttendance');
    assertScheduled(session);
    assertDayOf(session, date);
    const now = tx.clock.now();
    if (date > dateIn(now, EARLIEST_ZONE))
      throw invalid([{ path: 'params.date', code: 'in_future', message: 'is later than today' }]);
    const latestTap = now.getTime() + MAX_CLOCK_AHEAD_MS;
    const memberIds = input.items.map((i) => i.memberId);
    const enrolments = new Map(
      (await enrolmentsRepository.byMembers(tx.db, sessionId, memberIds)).map((e) => [e.member_id, e.id]),
    );
    const errors = input.items.flatMap((item, i): FieldError[] => [
      ...(enrolments.has(item.memberId)
        ? []
        : [{ path: `items.${i}.memberId`, code: 'not_enrolled' as const, message: 'is not enrolled in the session' }]),
      ...(item.markedAt && Date.parse(item.markedAt) > latestTap
        ? [{ path: `items.${i}.markedAt`, code: 'in_future' as const, message: 'is in the future' }]
        : []),
    ]);
    if (errors.length) throw invalid(errors);
    const marks = input.items.map((i) => ({
      enrolmentId: enrolments.get(i.memberId)!,
      present: i.present,
      markedAt: i.markedAt ?? null,
    }));
    await attendanceRepository.upsert(tx.db, date, marks, user.id);
    await recordAudit(tx.db, tx, {
      action: 'attendance.record',
      entity: 'session',
      entityId: sessionId,
      after: { date, items: input.items },
    });
    await settleCertificates(tx, session, course, [...enrolments.values()]);
    return presentSheet(date, await attendanceRepository.sheet(tx.db, sessionId, date));
  });
}

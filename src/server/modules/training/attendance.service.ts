import type { Ctx } from '../../http/context.js';
import { invalid, notFound } from '../../http/errors.js';
import { recordAudit, requireUser } from '../platform/index.js';
import { attendanceRepository, type SheetRow } from './attendance.repository.js';
import { issueCompleted } from './certificates.service.js';
import { sessionDays } from './completion.js';
import { enrolmentsRepository } from './enrolments.repository.js';
import { sessionAndCourse } from './enrolments.service.js';
import { assertScheduled } from './sessions.service.js';
import { assertRunsSession, runsSession } from './training.policy.js';
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
      { path: 'params.date', message: `is not a day of the session (${session.starts_on} to ${session.ends_on})` },
    ]);
}

export async function getAttendance(ctx: Ctx, sessionId: string, date: string) {
  const { session } = await sessionAndCourse(ctx, sessionId);
  if (!runsSession(ctx.actor, session)) throw notFound('Attendance');
  assertDayOf(session, date);
  return presentSheet(date, await attendanceRepository.sheet(ctx.db, sessionId, date));
}

/**
 * Records a day's attendance. A PUT: the same request twice leaves the same state and the same rows,
 * so a phone on a flaky connection may retry freely. Participants who now complete get their
 * certificate in the same transaction.
 */
export async function recordAttendance(ctx: Ctx, sessionId: string, date: string, input: AttendanceBody) {
  const user = requireUser(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const { session, course } = await sessionAndCourse({ actor: ctx.actor, db: tx }, sessionId);
    assertRunsSession(ctx.actor, session);
    assertScheduled(session);
    assertDayOf(session, date);
    const memberIds = input.items.map((i) => i.memberId);
    const enrolments = new Map(
      (await enrolmentsRepository.byMembers(tx, sessionId, memberIds)).map((e) => [e.member_id, e.id]),
    );
    const errors = input.items.flatMap((item, i) =>
      enrolments.has(item.memberId) ? [] : [{ path: `items.${i}.memberId`, message: 'is not enrolled in the session' }],
    );
    if (errors.length) throw invalid(errors);
    const marks = input.items.map((i) => ({ enrolmentId: enrolments.get(i.memberId)!, present: i.present }));
    await attendanceRepository.upsert(tx, date, marks, user.id);
    await recordAudit(tx, ctx, {
      action: 'attendance.record',
      entity: 'session',
      entityId: sessionId,
      after: { date, items: input.items },
    });
    await issueCompleted(tx, ctx, session, course, [...enrolments.values()]);
    return presentSheet(date, await attendanceRepository.sheet(tx, sessionId, date));
  });
}

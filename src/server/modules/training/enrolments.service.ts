import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '../../db/database.js';
import type { Ctx } from '../../http/context.js';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { recordAudit, requireUser, scopeCondition } from '../platform/index.js';
import { settleCertificates } from './certificates.service.js';
import { completion, sessionDays } from './completion.js';
import { coursesRepository, type CourseRow } from './courses.repository.js';
import { enrolmentsRepository, type EnrolmentRow, type MemberScopeRow } from './enrolments.repository.js';
import { sessionsRepository, type SessionRow } from './sessions.repository.js';
import { assertScheduled, readSession } from './sessions.service.js';
import { mayActForMember, ROLES, runsSession } from './training.policy.js';
import type { EnrolBody } from './training.schemas.js';

export function presentEnrolment(row: EnrolmentRow, session: SessionRow, course: CourseRow) {
  const progress = completion(
    {
      daysPresent: row.days_present,
      totalDays: sessionDays(session.starts_on, session.ends_on).length,
      postTestBasisPoints: row.best_post,
      hasPostTest: course.post_test !== null,
    },
    { minAttendancePercent: course.min_attendance_percent, minPostTestPercent: course.min_post_test_percent },
  );
  return {
    id: row.id,
    sessionId: row.session_id,
    member: { id: row.member_id, name: row.member_name },
    group: { id: row.group_id, name: row.group_name },
    status: row.status,
    daysPresent: row.days_present,
    attendancePercent: progress.attendancePercent,
    preTestPercent: row.best_pre === null ? null : row.best_pre / 100,
    postTestPercent: progress.postTestPercent,
    complete: row.status === 'enrolled' && progress.complete,
    certificateId: row.certificate_id,
    createdAt: row.created_at.toISOString(),
  };
}
export type PresentedEnrolment = ReturnType<typeof presentEnrolment>;

const memberTarget = (m: Pick<MemberScopeRow, 'program_id' | 'area_path' | 'group_id'>) => ({
  programId: m.program_id,
  areaPath: m.area_path,
  groupId: m.group_id,
});

/** A session with its course, read in scope; the course gives the completion rule. */
export async function sessionAndCourse(ctx: Pick<Ctx, 'actor'> & { db: Queryable }, id: string) {
  const session = await readSession(ctx, id);
  const course = (await coursesRepository.byId(ctx.db, session.course_id))!;
  return { session, course };
}

/**
 * The trainer and the program manager see every participant; a facilitator those of their area,
 * a group's manager and members those of their group.
 */
export async function listEnrolments(ctx: Ctx, sessionId: string) {
  const { session, course } = await sessionAndCourse(ctx, sessionId);
  const params: unknown[] = [];
  const scope = runsSession(ctx.actor, session)
    ? 'true'
    : scopeCondition(
        ctx.actor,
        [...ROLES.enrol, 'group_member'],
        { program: 'e.program_id', path: 'e.area_path', group: 'e.group_id' },
        params,
      );
  const rows = await enrolmentsRepository.list(ctx.db, sessionId, scope, params);
  return { items: rows.map((r) => presentEnrolment(r, session, course)) };
}

/**
 * Enrols a group member: a place while the session has one, else the waitlist. The session row is
 * locked first, so two enrolments racing for the last place cannot both take it.
 */
export async function enrol(
  ctx: Ctx,
  sessionId: string,
  input: EnrolBody,
): Promise<{ enrolment: PresentedEnrolment; created: boolean }> {
  const user = requireUser(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    if (!(await sessionsRepository.lock(tx, sessionId))) throw notFound('Session');
    const { session, course } = await sessionAndCourse({ actor: ctx.actor, db: tx }, sessionId);
    const member = await enrolmentsRepository.member(tx, input.memberId);
    if (!member || member.program_id !== session.program_id)
      throw invalid([{ path: 'memberId', message: 'no such member in the program' }]);
    if (!mayActForMember(ctx.actor, session, memberTarget(member), ROLES.enrol))
      throw forbidden('You may enrol only members of your own area or group.');
    assertScheduled(session);
    const existing = await enrolmentsRepository.activeFor(tx, sessionId, member.id);
    if (existing) {
      if (input.id && input.id !== existing.id) throw conflict('The member is already enrolled in this session.');
      return { enrolment: presentEnrolment(existing, session, course), created: false };
    }
    if (input.id && (await enrolmentsRepository.byId(tx, input.id)))
      throw conflict('Another enrolment already has this id.');
    if (!member.active) throw invalid([{ path: 'memberId', message: 'has left the group' }]);
    const full = (await enrolmentsRepository.countEnrolled(tx, sessionId)) >= session.capacity;
    const id = input.id ?? uuidv7();
    await enrolmentsRepository.insert(tx, {
      id,
      session_id: sessionId,
      member_id: member.id,
      program_id: member.program_id,
      group_id: member.group_id,
      area_path: member.area_path,
      status: full ? 'waitlisted' : 'enrolled',
      enrolled_by: user.id,
    });
    const enrolment = presentEnrolment((await enrolmentsRepository.byId(tx, id))!, session, course);
    await recordAudit(tx, ctx, { action: 'enrolment.create', entity: 'enrolment', entityId: id, after: enrolment });
    return { enrolment, created: true };
  });
}

/**
 * Cancels an enrolment (repeating it changes nothing); a freed place goes to the first on the
 * waitlist, and a certificate the participant held is revoked.
 */
export async function cancelEnrolment(ctx: Ctx, sessionId: string, enrolmentId: string) {
  return ctx.db.transaction(async (tx) => {
    if (!(await sessionsRepository.lock(tx, sessionId))) throw notFound('Session');
    const { session, course } = await sessionAndCourse({ actor: ctx.actor, db: tx }, sessionId);
    const current = await enrolmentsRepository.byId(tx, enrolmentId);
    if (!current || current.session_id !== sessionId) throw notFound('Enrolment');
    if (!mayActForMember(ctx.actor, session, memberTarget(current), ROLES.enrol))
      throw forbidden('You may cancel only enrolments of your own area or group.');
    let promoted: PresentedEnrolment | null = null;
    if (current.status !== 'cancelled') {
      await enrolmentsRepository.setStatus(tx, enrolmentId, 'cancelled');
      const next =
        current.status === 'enrolled' ? await enrolmentsRepository.firstWaitlisted(tx, sessionId) : undefined;
      if (next && session.status === 'scheduled') {
        await enrolmentsRepository.setStatus(tx, next, 'enrolled');
        promoted = presentEnrolment((await enrolmentsRepository.byId(tx, next))!, session, course);
        await recordAudit(tx, ctx, {
          action: 'enrolment.promote',
          entity: 'enrolment',
          entityId: next,
          after: promoted,
        });
      }
      await recordAudit(tx, ctx, {
        action: 'enrolment.cancel',
        entity: 'enrolment',
        entityId: enrolmentId,
        before: presentEnrolment(current, session, course),
      });
      // A cancelled participant no longer completes: a certificate they held is revoked with them.
      await settleCertificates(tx, ctx, session, course, [enrolmentId]);
    }
    const cancelled = presentEnrolment((await enrolmentsRepository.byId(tx, enrolmentId))!, session, course);
    return { enrolment: cancelled, promoted };
  });
}

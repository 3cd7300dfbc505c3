import { dateIn } from '../../../shared/dates.js';
import type { EnrolmentAnswer } from '../../../shared/schemas/training.js';
import type { Queryable } from '../../db/database.js';
import { createOnce, type Created } from '../../http/create-once.js';
import { inTransaction, type Actor, type Ctx } from '../../http/context.js';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { abilities, authorize, can, recordAudit, requireUser, scopeOf } from '../platform/index.js';
import { settleCertificates } from './certificates.service.js';
import { progressOf } from './progress.js';
import { coursesRepository, type CourseRow } from './courses.repository.js';
import { enrolmentsRepository, type EnrolmentRow } from './enrolments.repository.js';
import { sessionsRepository, type SessionRow } from './sessions.repository.js';
import { assertScheduled, readSession } from './sessions.service.js';
import { enrolmentPolicy, participantTarget } from './training.policy.js';
import type { EnrolBody } from './training.schemas.js';

export function presentEnrolment(actor: Actor, row: EnrolmentRow, session: SessionRow, course: CourseRow) {
  return { ...progressOf(row, session, course), abilities: abilities(actor, enrolmentPolicy, enrolmentTarget(row)) };
}

/** Where an enrolment stands for the policy: its participant's group, owned by the session's trainer. */
export const enrolmentTarget = (row: EnrolmentRow) => participantTarget(row, row.trainer_id);

/** A session with its course, read in scope for `action`; the course gives the completion rule. */
export async function sessionAndCourse(
  ctx: { actor: Actor; db: Queryable },
  id: string,
  action?: 'read' | 'run' | 'markAttendance' | 'enrol',
) {
  const session = await readSession(ctx, id, action);
  const course = await coursesRepository.byId(ctx.db, session.course_id);
  if (!course) throw notFound('Course');
  return { session, course };
}

/**
 * The trainer and the program manager see every participant; a facilitator those of their area,
 * a group's manager and members those of their group.
 */
export async function listEnrolments(ctx: Ctx, sessionId: string) {
  const { session, course } = await sessionAndCourse(ctx, sessionId);
  const scope = scopeOf(ctx.actor, enrolmentPolicy, 'read', {
    program: 'e.program_id',
    path: 'e.area_path',
    group: 'e.group_id',
    owner: 's.trainer_id',
  });
  const rows = await enrolmentsRepository.list(ctx.db, sessionId, scope);
  return { items: rows.map((r) => presentEnrolment(ctx.actor, r, session, course)) };
}

/**
 * Enrols a group member: a place while the session has one, else the waitlist. The session row is
 * locked first, so two enrolments racing for the last place cannot both take it. Enrolling a member
 * who is already in the session answers their enrolment (200), as does a repeated create.
 */
export async function enrol(ctx: Ctx, sessionId: string, input: EnrolBody): Promise<Created<EnrolmentAnswer>> {
  const user = requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    if (!(await sessionsRepository.lock(tx.db, sessionId))) throw notFound('Session');
    const { session, course } = await sessionAndCourse(tx, sessionId, 'enrol');
    const member = await enrolmentsRepository.member(tx.db, input.memberId, dateIn(tx.clock.now()));
    if (!member || member.program_id !== session.program_id)
      throw invalid([{ path: 'memberId', code: 'unknown_reference', message: 'no such member in the program' }]);
    // The session is the caller's to enrol in; the member is a choice they make within their scope.
    if (!can(tx.actor, enrolmentPolicy, 'enrol', participantTarget(member, session.trainer_id)))
      throw forbidden('You may enrol only members of your own area or group.', { code: 'outside-scope' });
    assertScheduled(session);
    const active = await enrolmentsRepository.activeFor(tx.db, sessionId, member.id);
    return createOnce(tx.db, {
      id: input.id ?? active?.id,
      find: (id) => enrolmentsRepository.byId(tx.db, id),
      visible: (row) => can(tx.actor, enrolmentPolicy, 'read', enrolmentTarget(row)),
      stored: (row) => ({ sessionId: row.session_id, memberId: row.member_id }),
      input: { sessionId, memberId: member.id },
      present: (row) => presentEnrolment(tx.actor, row, session, course),
      create: async (id) => {
        if (active) throw conflict('The member is already enrolled in this session.', {}, { code: 'already-enrolled' });
        if (!member.active) throw invalid([{ path: 'memberId', code: 'member_left', message: 'has left the group' }]);
        const full = (await enrolmentsRepository.countEnrolled(tx.db, sessionId)) >= session.capacity;
        const row = await enrolmentsRepository.insert(tx.db, {
          id,
          session_id: sessionId,
          member_id: member.id,
          program_id: member.program_id,
          group_id: member.group_id,
          area_path: member.area_path,
          status: full ? 'waitlisted' : 'enrolled',
          enrolled_by: user.id,
        });
        const enrolment = presentEnrolment(tx.actor, row, session, course);
        await recordAudit(tx.db, tx, {
          action: 'enrolment.create',
          entity: 'enrolment',
          entityId: id,
          after: progressOf(row, session, course),
        });
        return enrolment;
      },
    });
  });
}

/**
 * Cancels an enrolment (repeating it changes nothing); a freed place goes to the first on the
 * waitlist, and a certificate the participant held is revoked.
 */
export async function cancelEnrolment(ctx: Ctx, sessionId: string, enrolmentId: string) {
  return inTransaction(ctx, async (tx) => {
    if (!(await sessionsRepository.lock(tx.db, sessionId))) throw notFound('Session');
    const { session, course } = await sessionAndCourse(tx, sessionId);
    const current = await enrolmentsRepository.byId(tx.db, enrolmentId);
    if (!current || current.session_id !== sessionId) throw notFound('Enrolment');
    authorize(tx.actor, enrolmentPolicy, 'withdraw', enrolmentTarget(current));
    if (current.status === 'cancelled')
      return { enrolment: presentEnrolment(tx.actor, current, session, course), promoted: null };
    const cancelled = await enrolmentsRepository.setStatus(tx.db, enrolmentId, 'cancelled');
    let promoted: EnrolmentAnswer | null = null;
    const next =
      current.status === 'enrolled' ? await enrolmentsRepository.firstWaitlisted(tx.db, sessionId) : undefined;
    if (next && session.status === 'scheduled') {
      const row = await enrolmentsRepository.setStatus(tx.db, next, 'enrolled');
      promoted = presentEnrolment(tx.actor, row, session, course);
      await recordAudit(tx.db, tx, {
        action: 'enrolment.promote',
        entity: 'enrolment',
        entityId: next,
        after: progressOf(row, session, course),
      });
    }
    await recordAudit(tx.db, tx, {
      action: 'enrolment.cancel',
      entity: 'enrolment',
      entityId: enrolmentId,
      before: progressOf(current, session, course),
    });
    // A cancelled participant no longer completes: a certificate they held is revoked with them.
    await settleCertificates(tx, session, course, [enrolmentId]);
    // Settling has just revoked any certificate: a cancelled participant holds none.
    const enrolment = presentEnrolment(tx.actor, { ...cancelled, certificate_id: null }, session, course);
    return { enrolment, promoted };
  });
}

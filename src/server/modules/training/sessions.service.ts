import { createOnce, type Created } from '../../http/create-once.js';
import { inTransaction, type Actor, type Ctx } from '../../http/context.js';
import type { Queryable } from '../../db/database.js';
import { conflict, forbidden, invalid, notFound, type FieldError } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { areaPath } from '../geography/index.js';
import { recordAudit, requireUser } from '../platform/index.js';
import type { SessionAnswer } from '../../../shared/schemas/training.js';
import { readCourse } from './courses.service.js';
import { sessionsRepository, type SessionRow } from './sessions.repository.js';
import {
  authorizeOffer,
  mayInOffer,
  offerAbilities,
  sessionPolicy,
  trainingProgramPolicy,
  withoutAbilities,
} from './training.policy.js';
import type { CreateSessionBody, ListSessionsQuery } from './training.schemas.js';

/** Where a session stands for the policy: the program's offer, owned by its trainer. */
export const sessionRecord = (row: Pick<SessionRow, 'program_id' | 'trainer_id'>) => ({
  programId: row.program_id,
  ownerId: row.trainer_id,
});

export function presentSession(actor: Actor, row: SessionRow): SessionAnswer {
  return {
    id: row.id,
    courseId: row.course_id,
    course: { title: row.course_title, topic: row.topic },
    programId: row.program_id,
    area: { code: row.area_code, name: row.area_name },
    address: row.address,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    trainer: { id: row.trainer_id, name: row.trainer_name },
    capacity: row.capacity,
    status: row.status,
    enrolled: row.enrolled,
    waitlisted: row.waitlisted,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    abilities: offerAbilities(actor, sessionPolicy, sessionRecord(row)),
  };
}

/** A session the actor may do `action` with (404 when they may not read it, 403 when they may only read it). */
export async function readSession(
  ctx: { actor: Actor; db: Queryable },
  id: string,
  action: 'read' | 'run' | 'markAttendance' | 'enrol' = 'read',
): Promise<SessionRow> {
  const row = await sessionsRepository.byId(ctx.db, id);
  if (!row) throw notFound('Session');
  authorizeOffer(ctx.actor, sessionPolicy, action, sessionRecord(row));
  return row;
}

export async function getSession(ctx: Ctx, id: string) {
  const session = presentSession(ctx.actor, await readSession(ctx, id));
  return { ...session, mayRun: session.abilities.markAttendance };
}

/** Sessions of a program by start date; `mine=true` lists the caller's own as trainer. */
export async function listSessions(ctx: Ctx, query: ListSessionsQuery) {
  const user = authorizeOffer(ctx.actor, trainingProgramPolicy, 'read', { programId: query.programId });
  const after = decodeCursor(query.cursor, 2) as [string, string] | null;
  const rows = await sessionsRepository.list(ctx.db, {
    ...query,
    trainerId: query.mine === 'true' ? user.id : null,
    after,
  });
  const page = toPage(
    rows,
    query.limit,
    (r) => presentSession(ctx.actor, r),
    (r) => [r.starts_on, r.id],
  );
  return { ...page, abilities: offerAbilities(ctx.actor, trainingProgramPolicy, { programId: query.programId }) };
}

/** The stored facts of a session in the shape of its create body. */
const content = (s: SessionRow) => ({
  courseId: s.course_id,
  areaCode: s.area_code,
  address: s.address,
  startsOn: s.starts_on,
  endsOn: s.ends_on,
  trainerId: s.trainer_id,
  capacity: s.capacity,
});

/** The program manager plans sessions for any trainer of the program; a trainer plans their own. */
export async function createSession(ctx: Ctx, input: CreateSessionBody): Promise<Created<SessionAnswer>> {
  const user = requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const course = await readCourse(tx, input.courseId).catch(() => {
      throw invalid([{ path: 'courseId', code: 'unknown_reference', message: 'no such course' }]);
    });
    const program = { programId: course.program_id };
    authorizeOffer(tx.actor, trainingProgramPolicy, 'planSession', program);
    if (input.trainerId !== user.id && !mayInOffer(tx.actor, trainingProgramPolicy, 'planForAnyTrainer', program))
      throw forbidden('A trainer plans sessions they run themselves.', { code: 'trainer-plans-own-sessions' });
    const { id, ...fields } = input;
    return createOnce(tx.db, {
      id,
      find: (id) => sessionsRepository.byId(tx.db, id),
      visible: (row) => mayInOffer(tx.actor, sessionPolicy, 'read', sessionRecord(row)),
      stored: content,
      input: fields,
      present: (row) => presentSession(tx.actor, row),
      create: async (id) => {
        const errors: FieldError[] = [];
        const path = await areaPath(tx.db, input.areaCode);
        if (!path) errors.push({ path: 'areaCode', code: 'unknown_reference', message: 'no such area' });
        if (!(await sessionsRepository.isTrainer(tx.db, course.program_id, input.trainerId)))
          errors.push({ path: 'trainerId', code: 'not_a_trainer', message: 'is not a trainer of the program' });
        if (errors.length) throw invalid(errors);
        const row = await sessionsRepository.insert(tx.db, id, {
          course_id: course.id,
          program_id: course.program_id,
          area_code: input.areaCode,
          area_path: path!,
          address: input.address,
          starts_on: input.startsOn,
          ends_on: input.endsOn,
          trainer_id: input.trainerId,
          capacity: input.capacity,
        });
        const session = presentSession(tx.actor, row);
        await recordAudit(tx.db, tx, {
          action: 'session.create',
          entity: 'session',
          entityId: id,
          after: withoutAbilities(session),
        });
        return session;
      },
    });
  });
}

/** Calls a whole session off; its enrolments stay as they were, for the record. */
export async function cancelSession(ctx: Ctx, id: string): Promise<SessionAnswer> {
  return inTransaction(ctx, async (tx) => {
    if (!(await sessionsRepository.lock(tx.db, id))) throw notFound('Session');
    const current = await readSession(tx, id, 'run');
    const before = presentSession(tx.actor, current);
    if (current.status === 'cancelled') return before;
    const after = presentSession(tx.actor, await sessionsRepository.cancel(tx.db, id));
    await recordAudit(tx.db, tx, {
      action: 'session.cancel',
      entity: 'session',
      entityId: id,
      before: withoutAbilities(before),
      after: withoutAbilities(after),
    });
    return after;
  });
}

export function assertScheduled(session: SessionRow): void {
  if (session.status === 'cancelled') throw conflict('The session is cancelled.', {}, { code: 'session-cancelled' });
}

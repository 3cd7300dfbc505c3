import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '../../db/database.js';
import type { Ctx } from '../../http/context.js';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { replayOrConflict } from '../../http/versioning.js';
import { areaPath } from '../geography/index.js';
import { holdsAnyRole, managesProgram, recordAudit, requireUser } from '../platform/index.js';
import { readCourse } from './courses.service.js';
import { sessionsRepository, type SessionRow } from './sessions.repository.js';
import { assertMayReadProgram, assertMayTeach, assertRunsSession, runsSession } from './training.policy.js';
import type { CreateSessionBody, ListSessionsQuery } from './training.schemas.js';

export function presentSession(row: SessionRow) {
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
  };
}
export type PresentedSession = ReturnType<typeof presentSession>;

export async function readSession(ctx: Pick<Ctx, 'actor'> & { db: Queryable }, id: string): Promise<SessionRow> {
  const row = await sessionsRepository.byId(ctx.db, id);
  if (!row) throw notFound('Session');
  assertMayReadProgram(ctx.actor, row.program_id, 'Session');
  return row;
}

export async function getSession(ctx: Ctx, id: string) {
  const row = await readSession(ctx, id);
  return { ...presentSession(row), mayRun: runsSession(ctx.actor, row) };
}

/** Sessions of a program by start date; `mine=true` lists the caller's own as trainer. */
export async function listSessions(ctx: Ctx, query: ListSessionsQuery) {
  const user = requireUser(ctx.actor);
  assertMayReadProgram(ctx.actor, query.programId, 'Program');
  const after = decodeCursor(query.cursor, 2) as [string, string] | null;
  const rows = await sessionsRepository.list(ctx.db, {
    ...query,
    trainerId: query.mine === 'true' ? user.id : null,
    after,
  });
  return toPage(rows, query.limit, presentSession, (r) => [r.starts_on, r.id]);
}

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
export async function createSession(
  ctx: Ctx,
  input: CreateSessionBody,
): Promise<{ session: PresentedSession; created: boolean }> {
  const user = requireUser(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const course = await readCourse({ actor: ctx.actor, db: tx }, input.courseId).catch(() => {
      throw invalid([{ path: 'courseId', message: 'no such course' }]);
    });
    assertMayTeach(ctx.actor, course.program_id, 'Course');
    if (!managesProgram(ctx.actor, course.program_id) && input.trainerId !== user.id)
      throw forbidden('A trainer plans sessions they run themselves.');
    const { id: givenId, ...fields } = input;
    if (givenId) {
      const existing = await sessionsRepository.byId(tx, givenId);
      if (existing) {
        // Another program's session (or one the caller may not read) is not shown.
        if (existing.program_id !== course.program_id || !holdsAnyRole(ctx.actor, existing.program_id))
          throw conflict('This id is already in use.');
        return { session: replayOrConflict(content(existing), fields, () => presentSession(existing)), created: false };
      }
    }
    const errors = [];
    const path = await areaPath(tx, input.areaCode);
    if (!path) errors.push({ path: 'areaCode', message: 'no such area' });
    if (!(await sessionsRepository.isTrainer(tx, course.program_id, input.trainerId)))
      errors.push({ path: 'trainerId', message: 'is not a trainer of the program' });
    if (errors.length) throw invalid(errors);
    const id = givenId ?? uuidv7();
    await sessionsRepository.insert(tx, id, {
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
    const session = presentSession((await sessionsRepository.byId(tx, id))!);
    await recordAudit(tx, ctx, { action: 'session.create', entity: 'session', entityId: id, after: session });
    return { session, created: true };
  });
}

/** Calls a whole session off; its enrolments stay as they were, for the record. */
export async function cancelSession(ctx: Ctx, id: string): Promise<PresentedSession> {
  return ctx.db.transaction(async (tx) => {
    if (!(await sessionsRepository.lock(tx, id))) throw notFound('Session');
    const current = await readSession({ actor: ctx.actor, db: tx }, id);
    assertRunsSession(ctx.actor, current);
    if (current.status === 'cancelled') return presentSession(current);
    await sessionsRepository.cancel(tx, id);
    const after = presentSession((await sessionsRepository.byId(tx, id))!);
    await recordAudit(tx, ctx, {
      action: 'session.cancel',
      entity: 'session',
      entityId: id,
      before: presentSession(current),
      after,
    });
    return after;
  });
}

export function assertScheduled(session: SessionRow): void {
  if (session.status === 'cancelled') throw conflict('The session is cancelled.');
}

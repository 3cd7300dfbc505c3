import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../http/context.js';
import { conflict, forbidden, invalid, notFound, ruleBroken } from '../../http/errors.js';
import { replayOrConflict } from '../../http/versioning.js';
import { recordAudit, requireUser } from '../platform/index.js';
import { settleCertificates } from './certificates.service.js';
import { basisPoints, scoreTest } from './completion.js';
import { withoutAnswers } from './courses.service.js';
import { enrolmentsRepository } from './enrolments.repository.js';
import { sessionAndCourse } from './enrolments.service.js';
import { testAttemptsRepository as attempts, type AttemptRow } from './test-attempts.repository.js';
import { sessionsRepository } from './sessions.repository.js';
import { assertScheduled } from './sessions.service.js';
import { mayActForMember, ROLES } from './training.policy.js';
import type { TestAttemptBody, TestKind } from './training.schemas.js';

const presentAttempt = (row: AttemptRow) => ({
  id: row.id,
  enrolmentId: row.enrolment_id,
  kind: row.kind,
  correct: row.correct,
  total: row.total,
  percent: basisPoints(row.correct, row.total) / 100,
  createdAt: row.created_at.toISOString(),
});

/** A course's test as the participant sees it: questions and choices, never the answers. */
export async function getSessionTest(ctx: Ctx, sessionId: string, kind: TestKind) {
  const { course } = await sessionAndCourse(ctx, sessionId);
  const test = kind === 'pre' ? course.pre_test : course.post_test;
  if (!test) throw notFound('Test');
  return { kind, ...withoutAnswers(test)! };
}

/**
 * Records a participant's answers, usually entered by the trainer or facilitator on one phone, and
 * scores them on the server. A retried request with the same id returns the same attempt
 * (`created: false`, answered 200 rather than 201).
 */
export async function recordTestAttempt(
  ctx: Ctx,
  sessionId: string,
  enrolmentId: string,
  kind: TestKind,
  input: TestAttemptBody,
) {
  const user = requireUser(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    // One writer per session at a time: completion is judged on marks no concurrent request is changing.
    if (!(await sessionsRepository.lock(tx, sessionId))) throw notFound('Session');
    const { session, course } = await sessionAndCourse({ actor: ctx.actor, db: tx }, sessionId);
    const enrolment = await enrolmentsRepository.byId(tx, enrolmentId);
    if (!enrolment || enrolment.session_id !== sessionId) throw notFound('Enrolment');
    const target = { programId: enrolment.program_id, areaPath: enrolment.area_path, groupId: enrolment.group_id };
    if (!mayActForMember(ctx.actor, session, target, ROLES.recordTest))
      throw forbidden('Only the trainer or a facilitator of the participant’s area may record test answers.');
    const test = kind === 'pre' ? course.pre_test : course.post_test;
    if (!test) throw ruleBroken('no-test', `The course has no ${kind}-test.`);
    if (input.answers.length !== test.questions.length)
      throw invalid([
        { path: 'answers', message: `must answer all ${test.questions.length} questions (null for none)` },
      ]);
    const { correct, total } = scoreTest(test, input.answers);
    if (input.id) {
      const existing = await attempts.byId(tx, input.id);
      if (existing) {
        // Another participant's attempt is not shown to whoever guesses its id.
        if (existing.enrolment_id !== enrolmentId) throw conflict('This id is already in use.');
        const same = { kind: existing.kind, answers: existing.answers };
        const attempt = replayOrConflict(same, { kind, answers: input.answers }, () => presentAttempt(existing));
        return { attempt, created: false };
      }
    }
    assertScheduled(session);
    if (enrolment.status !== 'enrolled') throw conflict('Only an enrolled participant takes the tests.');
    const id = input.id ?? uuidv7();
    await attempts.insert(tx, {
      id,
      enrolment_id: enrolmentId,
      kind,
      answers: input.answers,
      correct,
      total,
      recorded_by: user.id,
    });
    const attempt = presentAttempt((await attempts.byId(tx, id))!);
    await recordAudit(tx, ctx, { action: 'test.attempt', entity: 'enrolment', entityId: enrolmentId, after: attempt });
    if (kind === 'post') await settleCertificates(tx, ctx, session, course, [enrolmentId]);
    return { attempt, created: true };
  });
}

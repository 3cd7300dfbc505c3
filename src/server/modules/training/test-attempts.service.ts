import type { TestAttemptAnswer } from '../../../shared/schemas/training.js';
import { createOnce, type Created } from '../../http/create-once.js';
import { inTransaction, type Ctx } from '../../http/context.js';
import { conflict, invalid, notFound, ruleBroken } from '../../http/errors.js';
import { authorize, recordAudit, requireUser } from '../platform/index.js';
import { settleCertificates } from './certificates.service.js';
import { basisPoints, scoreTest } from './completion.js';
import { withoutAnswers } from './courses.service.js';
import { enrolmentsRepository } from './enrolments.repository.js';
import { enrolmentTarget, sessionAndCourse } from './enrolments.service.js';
import { testAttemptsRepository as attempts, type AttemptRow } from './test-attempts.repository.js';
import { sessionsRepository } from './sessions.repository.js';
import { assertScheduled } from './sessions.service.js';
import { enrolmentPolicy } from './training.policy.js';
import type { TestAttemptBody, TestKind } from './training.schemas.js';

const presentAttempt = (row: AttemptRow): TestAttemptAnswer => ({
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
): Promise<Created<TestAttemptAnswer>> {
  const user = requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    // One writer per session at a time: completion is judged on marks no concurrent request is changing.
    if (!(await sessionsRepository.lock(tx.db, sessionId))) throw notFound('Session');
    const { session, course } = await sessionAndCourse(tx, sessionId);
    const enrolment = await enrolmentsRepository.byId(tx.db, enrolmentId);
    if (!enrolment || enrolment.session_id !== sessionId) throw notFound('Enrolment');
    authorize(tx.actor, enrolmentPolicy, 'recordTest', enrolmentTarget(enrolment));
    const test = kind === 'pre' ? course.pre_test : course.post_test;
    if (!test) throw ruleBroken('no-test', `The course has no ${kind}-test.`);
    if (input.answers.length !== test.questions.length)
      throw invalid([
        {
          path: 'answers',
          code: 'answers_count',
          params: { count: test.questions.length },
          message: `must answer all ${test.questions.length} questions (null for none)`,
        },
      ]);
    return createOnce(tx.db, {
      id: input.id,
      find: (id) => attempts.byId(tx.db, id),
      // Another participant's attempt is not shown to whoever guesses its id.
      visible: (row) => row.enrolment_id === enrolmentId,
      stored: (row) => ({ kind: row.kind, answers: row.answers }),
      input: { kind, answers: input.answers },
      present: presentAttempt,
      create: async (id) => {
        assertScheduled(session);
        if (enrolment.status !== 'enrolled')
          throw conflict('Only an enrolled participant takes the tests.', {}, { code: 'not-enrolled' });
        const { correct, total } = scoreTest(test, input.answers);
        const row = await attempts.insert(tx.db, {
          id,
          enrolment_id: enrolmentId,
          kind,
          answers: input.answers,
          correct,
          total,
          recorded_by: user.id,
        });
        const attempt = presentAttempt(row);
        await recordAudit(tx.db, tx, {
          action: 'test.attempt',
          entity: 'enrolment',
          entityId: enrolmentId,
          after: attempt,
        });
        if (kind === 'post') await settleCertificates(tx, session, course, [enrolmentId]);
        return attempt;
      },
    });
  });
}

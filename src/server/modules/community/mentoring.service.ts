import { v7 as uuidv7 } from 'uuid';
import { inTransaction, type Actor, type Ctx, type TxCtx } from '../../http/context.js';
import { conflict, forbidden, invalid, notFound, ruleBroken } from '../../http/errors.js';
import type {
  FeedbackBody,
  MentorAnswer,
  MentorProfileBody,
  MentorsQuery,
  MentorshipAnswer,
  MentorshipRequestBody,
  SessionBody,
} from '../../../shared/schemas/community-mentoring.js';
import type { Queryable } from '../../db/database.js';
import { can, notify, programTarget, recordAudit, requireUser, scopeOf } from '../platform/index.js';
import { mentorPolicy, mentorshipPolicy } from './community.policy.js';
import { mentoringNotice } from './mentoring.notices.js';
import {
  mentorsRepository,
  mentorshipsRepository,
  sessionsRepository,
  type MentorRow,
  type MentorshipRow,
} from './mentoring.repository.js';
import { isCommunityStaff, viewerIn } from './spaces.service.js';

/** A mentor's capacity counts the requests of the calendar month (UTC) that wait or were accepted. */
const monthStart = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));

const presentMentor = (row: MentorRow): MentorAnswer => ({
  id: row.id,
  programId: row.program_id,
  user: { id: row.user_id, name: row.user_name },
  topics: row.topics,
  languages: row.languages,
  availability: row.availability,
  monthlyCapacity: row.monthly_capacity,
  takenThisMonth: row.taken_this_month,
  active: row.active,
  version: row.version,
});

/** A mentorship as the policy sees it: at the mentee's village, owned by its mentor. */
const mentorTarget = (row: MentorshipRow) => ({
  programId: row.program_id,
  areaPath: row.area_path,
  ownerId: row.mentor_user_id,
});

/**
 * The caller's side of a mentorship, or 404: the mentor, the mentee, or someone the policy lets
 * oversee it (a community manager over the mentee's village, the program's manager).
 */
function sideOf(actor: Actor, row: MentorshipRow): 'mentor' | 'mentee' | 'overseer' {
  const user = requireUser(actor);
  if (user.id === row.mentor_user_id) return 'mentor';
  if (user.id === row.mentee_id) return 'mentee';
  if (!can(actor, mentorshipPolicy, 'read', mentorTarget(row))) throw notFound('Mentorship');
  return 'overseer';
}

/** The two parties record sessions and follow-ups (the policy adds a platform admin); overseers only read. */
const mayRecord = (actor: Actor, row: MentorshipRow, side: string) =>
  side === 'mentee' || can(actor, mentorshipPolicy, 'record', mentorTarget(row));

async function presentMentorships(db: Queryable, actor: Actor, rows: MentorshipRow[]): Promise<MentorshipAnswer[]> {
  const sessions = await sessionsRepository.ofMentorships(
    db,
    rows.map((r) => r.id),
  );
  const followUps = await sessionsRepository.followUps(
    db,
    sessions.map((s) => s.id),
  );
  return rows.map((row) => {
    const side = sideOf(actor, row);
    return {
      id: row.id,
      programId: row.program_id,
      mentor: { id: row.mentor_id, userId: row.mentor_user_id, name: row.mentor_name },
      mentee: { id: row.mentee_id, name: row.mentee_name },
      topic: row.topic,
      message: row.message,
      status: row.status,
      declineReason: row.decline_reason,
      decidedAt: row.decided_at?.toISOString() ?? null,
      createdAt: row.created_at.toISOString(),
      side,
      sessions: sessions
        .filter((s) => s.mentorship_id === row.id)
        .map((s) => ({
          id: s.id,
          mentorshipId: s.mentorship_id,
          heldOn: s.held_on,
          mode: s.mode,
          notes: s.notes,
          feedback:
            s.feedback_at === null
              ? null
              : { rating: s.feedback_rating!, comment: s.feedback_comment ?? '', at: s.feedback_at.toISOString() },
          followUps: followUps
            .filter((f) => f.session_id === s.id)
            .map((f) => ({ id: f.id, sessionId: f.session_id, text: f.text, done: f.done })),
        })),
      abilities: {
        read: true,
        decide: row.status === 'requested' && can(actor, mentorshipPolicy, 'decide', mentorTarget(row)),
        record: row.status === 'accepted' && mayRecord(actor, row, side),
        feedback: row.status === 'accepted' && side === 'mentee',
      },
    };
  });
}

/** The caller's mentor profile in the program, and whether they may write one (a trainer there). */
export async function myMentorProfile(ctx: Ctx, programId: string) {
  const user = requireUser(ctx.actor);
  const row = await mentorsRepository.byUser(ctx.db, programId, user.id, monthStart(ctx.clock.now()));
  return {
    mentor: row ? presentMentor(row) : null,
    mayMentor: can(ctx.actor, mentorPolicy, 'mentor', programTarget(programId)),
  };
}

/** Writes the caller's mentor profile: only a trainer of the program is a mentor (by role). */
export async function writeMentorProfile(ctx: Ctx, programId: string, input: MentorProfileBody): Promise<MentorAnswer> {
  const user = requireUser(ctx.actor);
  if (!can(ctx.actor, mentorPolicy, 'mentor', programTarget(programId))) {
    if (!isCommunityStaff(ctx.actor, programId)) throw notFound('Community');
    throw forbidden('Mentors are the program’s trainers.', { code: 'mentors-are-trainers' });
  }
  return inTransaction(ctx, async (tx) => {
    const id = await mentorsRepository.upsert(tx.db, {
      id: uuidv7(),
      program_id: programId,
      user_id: user.id,
      topics: [...new Set(input.topics)],
      languages: [...new Set(input.languages)],
      availability: input.availability,
      monthly_capacity: input.monthlyCapacity,
      active: input.active,
    });
    const row = (await mentorsRepository.byId(tx.db, id, monthStart(tx.clock.now())))!;
    const mentor = presentMentor(row);
    await recordAudit(tx.db, tx, {
      action: 'community.mentor.profile',
      entity: 'community_mentor',
      entityId: id,
      after: mentor,
    });
    return mentor;
  });
}

/** The mentors a member may ask this month: active, with room left, on the topic if one is named. */
export async function listMentors(ctx: Ctx, programId: string, q: MentorsQuery) {
  const viewer = await viewerIn(ctx, ctx.db, programId);
  if (!viewer.member && !isCommunityStaff(ctx.actor, programId)) throw notFound('Community');
  const rows = await mentorsRepository.offered(ctx.db, programId, q.topic ?? null, monthStart(ctx.clock.now()));
  return { items: rows.map(presentMentor) };
}

/**
 * A welcomed member asks a mentor for mentoring on one of the mentor's topics. The mentor is held
 * while their month is counted, so two requests racing for the last place cannot both have it.
 */
export async function requestMentoring(ctx: Ctx, mentorId: string, input: MentorshipRequestBody) {
  const id = await inTransaction(ctx, async (tx) => {
    await mentorsRepository.lock(tx.db, mentorId);
    const mentor = await mentorsRepository.byId(tx.db, mentorId, monthStart(tx.clock.now()));
    if (!mentor) throw notFound('Mentor');
    const viewer = await viewerIn(tx, tx.db, mentor.program_id);
    if (!viewer.member) {
      if (!isCommunityStaff(tx.actor, mentor.program_id)) throw notFound('Mentor');
      throw forbidden('Only a welcomed member of the community asks for mentoring.', {
        code: 'community-members-only',
      });
    }
    if (mentor.user_id === viewer.user.id) throw ruleBroken('own-mentor', 'You cannot be your own mentee.');
    if (!mentor.topics.includes(input.topic))
      throw invalid([{ path: 'topic', code: 'not_mentor_topic', message: 'is not a topic this mentor offers' }]);
    if (!mentor.active || mentor.taken_this_month >= mentor.monthly_capacity)
      throw ruleBroken('mentor-at-capacity', 'This mentor has no room left this month.', undefined, undefined, {
        capacity: mentor.monthly_capacity,
      });
    const mentorshipId = uuidv7();
    await mentorshipsRepository.insert(tx.db, {
      id: mentorshipId,
      programId: mentor.program_id,
      mentorId,
      menteeId: viewer.user.id,
      joinId: viewer.member.id,
      topic: input.topic,
      message: input.message,
      at: tx.clock.now(),
    });
    await recordAudit(tx.db, tx, {
      action: 'community.mentoring.request',
      entity: 'community_mentorship',
      entityId: mentorshipId,
      after: { mentorId, topic: input.topic },
    });
    await notify(
      tx.db,
      mentoringNotice('mentoring.requested', mentor.user_id, mentorshipId, {
        name: viewer.user.name,
        topic: input.topic,
      }),
    );
    return mentorshipId;
  });
  return showMentorship(ctx, id);
}

/** The program's mentorships the caller is a party to, and those they oversee. */
export async function listMentorships(ctx: Ctx, programId: string) {
  const user = requireUser(ctx.actor);
  const oversee = scopeOf(ctx.actor, mentorshipPolicy, 'read', {
    program: 's.program_id',
    path: 'j.area_path',
    group: null,
  });
  const rows = await mentorshipsRepository.list(ctx.db, programId, user.id, oversee);
  return { items: await presentMentorships(ctx.db, ctx.actor, rows) };
}

export async function showMentorship(ctx: Ctx, id: string): Promise<MentorshipAnswer> {
  const row = await mentorshipsRepository.byId(ctx.db, id);
  if (!row) throw notFound('Mentorship');
  return (await presentMentorships(ctx.db, ctx.actor, [row]))[0]!;
}

/** The mentorship, locked, with the caller's side (or 404). */
async function lockedMentorship(tx: TxCtx, id: string) {
  await mentorshipsRepository.lock(tx.db, id);
  const row = await mentorshipsRepository.byId(tx.db, id);
  if (!row) throw notFound('Mentorship');
  return { row, side: sideOf(tx.actor, row) };
}

/** The mentor accepts or declines (with a reason) a waiting request, once; the mentee is told. */
export async function decideMentorship(
  ctx: Ctx,
  id: string,
  decision: 'accept' | 'decline',
  reason: string | null,
): Promise<MentorshipAnswer> {
  await inTransaction(ctx, async (tx) => {
    const { row } = await lockedMentorship(tx, id);
    if (!can(tx.actor, mentorshipPolicy, 'decide', mentorTarget(row)))
      throw forbidden('Only the mentor accepts or declines a request.');
    if (row.status !== 'requested')
      throw conflict(
        'This request was decided already.',
        {},
        { code: 'mentorship-decided', params: { status: row.status } },
      );
    const status = decision === 'accept' ? 'accepted' : 'declined';
    await mentorshipsRepository.decide(tx.db, id, { status, reason, at: tx.clock.now() });
    await recordAudit(tx.db, tx, {
      action: `community.mentoring.${decision}`,
      entity: 'community_mentorship',
      entityId: id,
      before: { status: row.status },
      after: { status, reason },
    });
    await notify(tx.db, mentoringNotice(`mentoring.${status}`, row.mentee_id, id, { name: row.mentor_name }));
  });
  return showMentorship(ctx, id);
}

/** What only an accepted mentorship takes (sessions, follow-ups, feedback). */
function requireAccepted(row: MentorshipRow): void {
  if (row.status !== 'accepted')
    throw ruleBroken(
      'mentorship-not-accepted',
      `This mentoring request is ${row.status}: sessions need an accepted one.`,
      undefined,
      undefined,
      { status: row.status },
    );
}

/** A session held under an accepted mentorship, recorded by either party; the other is told. */
export async function addSession(ctx: Ctx, mentorshipId: string, input: SessionBody): Promise<MentorshipAnswer> {
  await inTransaction(ctx, async (tx) => {
    const { row, side } = await lockedMentorship(tx, mentorshipId);
    if (!mayRecord(tx.actor, row, side)) throw forbidden('Only the mentor and the mentee record sessions.');
    requireAccepted(row);
    const id = uuidv7();
    const user = requireUser(tx.actor);
    await sessionsRepository.insert(tx.db, { id, mentorshipId, ...input, by: user.id });
    await recordAudit(tx.db, tx, {
      action: 'community.mentoring.session',
      entity: 'community_mentorship',
      entityId: mentorshipId,
      after: { sessionId: id, heldOn: input.heldOn, mode: input.mode },
    });
    const other = side === 'mentee' ? row.mentor_user_id : row.mentee_id;
    await notify(tx.db, mentoringNotice('mentoring.session', other, mentorshipId, { date: input.heldOn }));
  });
  return showMentorship(ctx, mentorshipId);
}

/** A session, locked, with its mentorship and the caller's side (or 404). */
async function lockedSession(tx: TxCtx, sessionId: string) {
  const session = await sessionsRepository.lockedById(tx.db, sessionId);
  if (!session) throw notFound('Mentoring session');
  const row = await mentorshipsRepository.byId(tx.db, session.mentorship_id);
  return { session, row: row!, side: sideOf(tx.actor, row!) };
}

/** A follow-up (a small to-do) on a session, by either party. */
export async function addFollowUp(ctx: Ctx, sessionId: string, text: string): Promise<MentorshipAnswer> {
  const mentorshipId = await inTransaction(ctx, async (tx) => {
    const { row, side } = await lockedSession(tx, sessionId);
    if (!mayRecord(tx.actor, row, side)) throw forbidden('Only the mentor and the mentee add follow-ups.');
    requireAccepted(row);
    await sessionsRepository.insertFollowUp(tx.db, { id: uuidv7(), sessionId, text });
    return row.id;
  });
  return showMentorship(ctx, mentorshipId);
}

/** Ticks a follow-up done (or not), by either party. */
export async function setFollowUpDone(
  ctx: Ctx,
  sessionId: string,
  followUpId: string,
  done: boolean,
): Promise<MentorshipAnswer> {
  const mentorshipId = await inTransaction(ctx, async (tx) => {
    const { row, side } = await lockedSession(tx, sessionId);
    if (!mayRecord(tx.actor, row, side)) throw forbidden('Only the mentor and the mentee tick follow-ups.');
    if (!(await sessionsRepository.setDone(tx.db, sessionId, followUpId, done))) throw notFound('Follow-up');
    return row.id;
  });
  return showMentorship(ctx, mentorshipId);
}

/** The mentee's feedback on a session (1–5 and a comment), once; the mentor is told. */
export async function giveFeedback(ctx: Ctx, sessionId: string, input: FeedbackBody): Promise<MentorshipAnswer> {
  const mentorshipId = await inTransaction(ctx, async (tx) => {
    const { session, row, side } = await lockedSession(tx, sessionId);
    if (side !== 'mentee')
      throw forbidden('Only the mentee gives feedback on a session.', { code: 'mentee-gives-feedback' });
    if (session.feedback_at !== null)
      throw conflict('Feedback on this session was given already.', {}, { code: 'feedback-given' });
    await sessionsRepository.feedback(tx.db, sessionId, { ...input, at: tx.clock.now() });
    await recordAudit(tx.db, tx, {
      action: 'community.mentoring.feedback',
      entity: 'community_mentorship',
      entityId: row.id,
      after: { sessionId, rating: input.rating },
    });
    await notify(
      tx.db,
      mentoringNotice('mentoring.feedback', row.mentor_user_id, row.id, {
        name: row.mentee_name,
        date: session.held_on,
      }),
    );
    return row.id;
  });
  return showMentorship(ctx, mentorshipId);
}

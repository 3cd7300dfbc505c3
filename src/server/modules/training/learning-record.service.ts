import { dateIn } from '../../../shared/dates.js';
import type { Ctx } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { areaPath } from '../geography/index.js';
import { authorize, scopeOf } from '../platform/index.js';
import { certificatesRepository, type CertificateRow } from './certificates.repository.js';
import { enrolmentsRepository } from './enrolments.repository.js';
import { authorizeOffer, learningRecordPolicy, trainingProgramPolicy } from './training.policy.js';
import { TRAINING_TOPICS, type TrainingSummaryQuery } from './training.schemas.js';

const presentCompletion = (c: CertificateRow) => ({
  certificateId: c.id,
  sessionId: c.session_id,
  course: { title: c.course_title, topic: c.topic },
  startsOn: c.starts_on,
  endsOn: c.ends_on,
  trainerName: c.trainer_name,
});

/** The courses a member completed (valid certificates), for whoever may see the member. */
export async function memberTraining(ctx: Ctx, memberId: string) {
  const member = await enrolmentsRepository.member(ctx.db, memberId, dateIn(ctx.clock.now()));
  if (!member) throw notFound('Member');
  authorize(ctx.actor, learningRecordPolicy, 'read', {
    programId: member.program_id,
    areaPath: member.area_path,
    groupId: member.group_id,
  });
  const rows = await certificatesRepository.ofMember(ctx.db, memberId);
  return { memberId, name: member.name, completed: rows.map(presentCompletion) };
}

/** Who in a group is trained in what: one entry per member with at least one completed course. */
export async function groupTraining(ctx: Ctx, groupId: string) {
  const group = await enrolmentsRepository.group(ctx.db, groupId);
  if (!group) throw notFound('Producer group');
  authorize(ctx.actor, learningRecordPolicy, 'read', {
    programId: group.program_id,
    areaPath: group.area_path,
    groupId: group.id,
  });
  const rows = await certificatesRepository.ofGroup(ctx.db, group.id);
  const members = new Map<
    string,
    { memberId: string; name: string; completed: ReturnType<typeof presentCompletion>[] }
  >();
  for (const row of rows) {
    const entry = members.get(row.member_id) ?? { memberId: row.member_id, name: row.participant_name, completed: [] };
    entry.completed.push(presentCompletion(row));
    members.set(row.member_id, entry);
  }
  return { groupId, items: [...members.values()] };
}

/**
 * People trained by topic and sex (DESIGN §3.9: training completions by topic, by sex), counting
 * each person once per topic, within the caller's area (a facilitator sees their subtree only).
 */
export async function trainingSummary(ctx: Ctx, programId: string, query: TrainingSummaryQuery) {
  authorizeOffer(ctx.actor, trainingProgramPolicy, 'read', { programId });
  const scope = scopeOf(ctx.actor, learningRecordPolicy, 'summarize', {
    program: 'c.program_id',
    path: 'c.area_path',
    group: null,
  });
  let path: string | null = null;
  if (query.area) {
    path = (await areaPath(ctx.db, query.area)) ?? null;
    if (path === null) throw notFound('Area');
  }
  const rows = await certificatesRepository.summary(ctx.db, programId, scope, path);
  const totals = await certificatesRepository.totals(ctx.db, programId, scope, path);
  const topics = new Map<string, { topic: string; female: number; male: number; total: number }>();
  for (const t of TRAINING_TOPICS) topics.set(t, { topic: t, female: 0, male: 0, total: 0 });
  for (const r of rows) {
    const entry = topics.get(r.topic) ?? { topic: r.topic, female: 0, male: 0, total: 0 };
    entry[r.sex] += r.people;
    entry.total += r.people;
    topics.set(r.topic, entry);
  }
  const sum = { female: 0, male: 0, total: 0 };
  for (const t of totals) {
    sum[t.sex] += t.people;
    sum.total += t.people;
  }
  return { programId, area: query.area ?? null, byTopic: [...topics.values()], people: sum };
}

import type { Ctx } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { areaPath } from '../geography/index.js';
import { reaches, requireUser, scopeCondition } from '../platform/index.js';
import { readGroup } from '../registry/index.js';
import { likePrefix } from '../../db/sql.js';
import { certificatesRepository, type CertificateRow } from './certificates.repository.js';
import { enrolmentsRepository } from './enrolments.repository.js';
import { assertMayReadProgram, ROLES } from './training.policy.js';
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
  requireUser(ctx.actor);
  const member = await enrolmentsRepository.member(ctx.db, memberId);
  const target = member && { programId: member.program_id, areaPath: member.area_path, groupId: member.group_id };
  if (!member || !reaches(ctx.actor, target!, ROLES.readMember)) throw notFound('Member');
  const rows = await certificatesRepository.ofMember(ctx.db, memberId);
  return { memberId, name: member.name, completed: rows.map(presentCompletion) };
}

/** Who in a group is trained in what: one entry per member with at least one completed course. */
export async function groupTraining(ctx: Ctx, groupId: string) {
  const group = await readGroup(ctx, groupId);
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
  assertMayReadProgram(ctx.actor, programId, 'Program');
  const params: unknown[] = [];
  const scope = scopeCondition(
    ctx.actor,
    ROLES.summary,
    { program: 'c.program_id', path: 'c.area_path', group: null },
    params,
  );
  let prefix: string | null = null;
  if (query.area) {
    const path = await areaPath(ctx.db, query.area);
    if (!path) throw notFound('Area');
    prefix = likePrefix(path);
  }
  const rows = await certificatesRepository.summary(ctx.db, programId, scope, [...params], prefix);
  const totals = await certificatesRepository.totals(ctx.db, programId, scope, [...params], prefix);
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

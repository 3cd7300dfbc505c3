import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestApp, type Session } from './app.js';
import { buildProgram, buildStaff, buildUser, signedIn } from './factories.js';

/**
 * The community's two indicators — mentoring sessions held (by the mentee's sex) and the median
 * time to first answer on questions (by the asker's sex) — equal a naive recount of random
 * sessions, questions and replies done here in plain TypeScript, at every level of the area tree,
 * per quarter, in the caller's scope.
 */
const t = useTestApp({ clock: { now: () => new Date('2026-12-20T05:00:00Z') } });
const RUNS = Number(process.env.OVOP_IMPACT_RUNS ?? 8);

interface Member {
  userId: string;
  village: string;
  sex: 'female' | 'male' | null;
}

interface World {
  users: string[];
  villages: string[];
  admin: Session;
  /** A facilitator of NTB in each program made for a run: their scope is the province's facts. */
  ntbFacilitator: (programId: string) => Promise<Session>;
}

async function world(): Promise<World> {
  const db = t.database.db;
  const codes = async (pattern: string, n: number) =>
    (
      await db.query<{ code: string }>(
        "SELECT code FROM areas WHERE level = 'village' AND code LIKE $1 ORDER BY code LIMIT $2",
        [pattern, n],
      )
    ).map((r) => r.code);
  const villages = [...(await codes('51.07.06.%', 2)), ...(await codes('51.04.%', 1)), ...(await codes('52.01.%', 1))];
  const users: string[] = [];
  for (let i = 0; i < 5; i++) users.push((await buildUser(db)).id);
  const admin = await signedIn(t.app, await buildUser(db, { isAdmin: true }));
  return {
    users,
    villages,
    admin,
    async ntbFacilitator(programId) {
      const { user } = await buildStaff(db, 'facilitator', { programId, areaCode: '52' });
      return signedIn(t.app, user);
    },
  };
}

const day = (offset: number) => new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10);

const sessionArb = fc.record({ mentee: fc.nat(4), day: fc.nat(364) });
const replyArb = fc.record({
  byAsker: fc.boolean(),
  hidden: fc.boolean(),
  // Whole quarter hours: medians are exact in binary, so rounding agrees with the database.
  quarters: fc.integer({ min: 1, max: 400 }),
});
const questionArb = fc.record({
  asker: fc.nat(4),
  day: fc.nat(364),
  replies: fc.array(replyArb, { maxLength: 3 }),
});
const runArb = fc.record({
  sexes: fc.array(fc.constantFrom<'female' | 'male' | null>('female', 'male', null), { minLength: 5, maxLength: 5 }),
  villageOf: fc.array(fc.nat(3), { minLength: 5, maxLength: 5 }),
  sessions: fc.array(sessionArb, { maxLength: 12 }),
  questions: fc.array(questionArb, { maxLength: 10 }),
});
type Run = typeof runArb extends fc.Arbitrary<infer R> ? R : never;

/** Writes a program's community with the run's members, mentoring sessions, questions and replies. */
async function seed(w: World, run: Run): Promise<{ programId: string; members: Member[] }> {
  const db = t.database.db;
  const program = await buildProgram(db);
  await db.query(`INSERT INTO community_rules (program_id, version, text) VALUES ($1, 1, '{"id":"Aturan"}')`, [
    program.id,
  ]);
  const members: Member[] = [];
  const joins: string[] = [];
  for (const [i, userId] of w.users.entries()) {
    const village = w.villages[run.villageOf[i]!]!;
    const [join] = await db.query<{ id: string }>(
      `INSERT INTO community_joins (id, program_id, name, email, area_code, area_path, locale, rules_version, status,
         decided_at, user_id, sex)
       SELECT gen_random_uuid(), $1, 'Anggota', 'a@example.id', code, path, 'id', 1, 'welcomed', now(), $3, $4
       FROM areas WHERE code = $2 RETURNING id`,
      [program.id, village, userId, run.sexes[i]],
    );
    joins.push(join!.id);
    members.push({ userId, village, sex: run.sexes[i]! });
  }
  const mentorUser = (await buildUser(db)).id;
  const [mentor] = await db.query<{ id: string }>(
    `INSERT INTO community_mentors (id, program_id, user_id, topics, languages, monthly_capacity)
     VALUES (gen_random_uuid(), $1, $2, '{packaging}', '{id}', 10) RETURNING id`,
    [program.id, mentorUser],
  );
  for (const s of run.sessions) {
    const [ship] = await db.query<{ id: string }>(
      `INSERT INTO community_mentorships (id, program_id, mentor_id, mentee_id, join_id, topic, message, status)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, 'packaging', 'Tolong', 'accepted') RETURNING id`,
      [program.id, mentor!.id, members[s.mentee]!.userId, joins[s.mentee]],
    );
    await db.query(
      `INSERT INTO community_mentoring_sessions (id, mentorship_id, held_on, mode, created_by)
       VALUES (gen_random_uuid(), $1, $2, 'phone', $3)`,
      [ship!.id, day(s.day), mentorUser],
    );
  }
  const [space] = await db.query<{ id: string }>(
    `INSERT INTO community_spaces (id, program_id, kind, topic, name)
     VALUES (gen_random_uuid(), $1, 'topic', 'packaging', '{"id":"Kemasan"}') RETURNING id`,
    [program.id],
  );
  for (const q of run.questions) {
    const asker = members[q.asker]!.userId;
    // Asked at 03:00 UTC: the same day in UTC and in Indonesia's time zones.
    const at = new Date(`${day(q.day)}T03:00:00Z`);
    const [thread] = await db.query<{ id: string }>(
      `INSERT INTO community_threads (id, program_id, space_id, author_id, title, kind, language, last_activity_at,
         search_text, created_at)
       VALUES (gen_random_uuid(), $1, $2, $3, 'Tanya', 'question', 'id', $4, 'tanya', $4) RETURNING id`,
      [program.id, space!.id, asker, at],
    );
    await db.query(
      `INSERT INTO community_posts (id, thread_id, program_id, author_id, body, language, created_at)
       VALUES ($1, $1, $2, $3, 'Tanya', 'id', $4)`,
      [thread!.id, program.id, asker, at],
    );
    for (const r of q.replies) {
      await db.query(
        `INSERT INTO community_posts (id, thread_id, program_id, author_id, body, language, hidden_at, created_at)
         VALUES (gen_random_uuid(), $1, $2, $3, 'Jawab', 'id', $4, $5)`,
        [
          thread!.id,
          program.id,
          r.byAsker ? asker : mentorUser,
          r.hidden ? at : null,
          new Date(at.getTime() + r.quarters * 15 * 60 * 1000),
        ],
      );
    }
  }
  return { programId: program.id, members };
}

const quarterOf = (d: number) => `2026Q${Math.ceil(Number(day(d).slice(5, 7)) / 3)}`;
const areaAt = (village: string, level: 'province' | 'regency') =>
  village
    .split('.')
    .slice(0, level === 'province' ? 1 : 2)
    .join('.');

function median(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return (Math.round(m * 10) / 10).toFixed(1);
}

/** The naive figures: rows keyed "area|period|sex", from the run as generated. */
function naive(run: Run, members: Member[], indicator: string, level: 'province' | 'regency', within: string | null) {
  const facts: { village: string; period: string; sex: string; value: number }[] = [];
  if (indicator === 'mentoring_sessions') {
    for (const s of run.sessions) {
      const m = members[s.mentee]!;
      facts.push({ village: m.village, period: quarterOf(s.day), sex: m.sex ?? 'unknown', value: 1 });
    }
  } else {
    for (const q of run.questions) {
      const m = members[q.asker]!;
      const answers = q.replies.filter((r) => !r.byAsker && !r.hidden).map((r) => r.quarters / 4);
      if (answers.length === 0) continue;
      facts.push({
        village: m.village,
        period: quarterOf(q.day),
        sex: m.sex ?? 'unknown',
        value: Math.min(...answers),
      });
    }
  }
  const cells = new Map<string, number[]>();
  for (const f of facts) {
    if (within && !f.village.startsWith(`${within}.`)) continue;
    const key = `${areaAt(f.village, level)}|${f.period}|${f.sex}`;
    cells.set(key, [...(cells.get(key) ?? []), f.value]);
  }
  return Object.fromEntries(
    [...cells].map(([key, values]) => [
      key,
      indicator === 'mentoring_sessions' ? String(values.length) : median(values),
    ]),
  );
}

describe('the community indicators', () => {
  it('equal a naive recount at every level, per quarter and by sex, in the caller’s scope', async () => {
    const w = await world();
    await fc.assert(
      fc.asyncProperty(runArb, async (run) => {
        const { programId, members } = await seed(w, run);
        const ntb = await w.ntbFacilitator(programId);
        for (const indicator of ['mentoring_sessions', 'time_to_first_answer']) {
          for (const level of ['province', 'regency'] as const) {
            for (const [who, within] of [
              [w.admin, null],
              [ntb, '52'],
            ] as const) {
              const r = await t.request({
                url: `/api/v1/impact?indicator=${indicator}&programId=${programId}&period=2026&every=quarter&level=${level}&by=sex`,
                as: who,
              });
              expect(r.statusCode, r.body).toBe(200);
              const rows = (
                r.json().rows as { area: { code: string }; period: string; by: { sex: string }; value: string }[]
              ).filter((row) => row.value !== null && row.value !== '0');
              const got = Object.fromEntries(
                rows.map((row) => [`${row.area.code}|${row.period}|${row.by.sex}`, row.value]),
              );
              expect(got, `${indicator} by ${level}`).toEqual(naive(run, members, indicator, level, within));
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});

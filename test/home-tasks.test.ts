import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.js';
import type { Actor } from '../src/server/http/context.js';
import { addDays } from '../src/shared/dates.js';
import type { TasksAnswer } from '../src/shared/schemas/home.js';
import { testConfig, useTestApp, type Session } from './app.js';
import { buildStaff, signedIn } from './factories.js';
import { allCriteria, OCOP_TEMPLATE_ID, salakChips } from './quality-fixtures.js';
import { KARANGASEM, LOMBOK_BARAT, paths, registryWorld } from './registry-fixtures.js';
import { securityWorld, type SecurityWorld } from './security/world.js';
import { booksPolicy, officerBooksPolicy } from '../src/server/modules/business/business.policy.js';
import { inquiryPolicy, orderPolicy } from '../src/server/modules/market/trade.policy.js';
import { can, programTarget, type Target } from '../src/server/modules/platform/index.js';
import {
  assessmentPolicy,
  certificationPolicy,
  holderPolicy,
  onPanel,
} from '../src/server/modules/quality/quality.policy.js';
import type { PanelTier } from '../src/server/modules/quality/quality.schemas.js';
import { groupPolicy } from '../src/server/modules/registry/registry.policy.js';
import { sessionPolicy } from '../src/server/modules/training/training.policy.js';

const t = useTestApp();

/** An app over the same database whose "today" the test sets. */
let now = new Date('2026-03-02T03:00:00Z');
let clocked: FastifyInstance | undefined;
async function clockedApp(): Promise<FastifyInstance> {
  clocked ??= await buildApp({ config: testConfig, db: t.database.db, logger: false, clock: { now: () => now } });
  return clocked;
}
afterAll(async () => clocked?.close());

async function tasksOf(as: Session, programId: string, app?: FastifyInstance): Promise<TasksAnswer> {
  const r = await (app ?? t.app).inject({
    url: `/api/v1/me/tasks?programId=${programId}`,
    headers: { host: 'localhost:3000', ...as.headers },
  });
  if (r.statusCode !== 200) throw new Error(`tasks: ${r.statusCode} ${r.body}`);
  return r.json();
}

const place = (r: { program_id: string; area_path: string; group_id: string }): Target => ({
  programId: r.program_id,
  areaPath: r.area_path,
  groupId: r.group_id,
});

/** Months from `from`'s to the month before `today`'s: what is still to close. */
function monthsBefore(from: string, today: string): number {
  const index = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
  return Math.max(0, index(today) - index(from));
}

/**
 * The counts of the home summary worked out the slow way: every row of the program read as it is,
 * and each kept when the policies' `can` allows it for the actor — no SQL scope at all.
 */
async function recount(w: SecurityWorld, actor: Actor, programId: string, today: string) {
  const db = t.database.db;
  const all = <T>(text: string) =>
    db.query<T & { program_id: string }>(text).then((rows) => rows.filter((r) => r.program_id === programId));
  const userId = actor.kind === 'user' ? actor.id : '';
  const tiers = await db.query<{ tier: PanelTier }>(
    'SELECT tier FROM assessor_tiers WHERE program_id = $1 AND user_id = $2',
    [programId, userId],
  );
  const tier = tiers[0]?.tier;
  const assessments = await all<{
    id: string;
    area_path: string;
    group_id: string;
    status: string;
    panel_tier: PanelTier;
    self_assessed: boolean;
    scorers: string[];
  }>(`SELECT a.id, a.program_id, a.area_path, a.group_id, a.status, a.panel_tier, a.self_assessed_at IS NOT NULL AS self_assessed,
        coalesce((SELECT array_agg(DISTINCT ps.assessor_id::text) FROM panel_scores ps WHERE ps.assessment_id = a.id), '{}') AS scorers
      FROM assessments a`);
  const open = assessments.filter((a) => a.status === 'open');
  const scores = (a: (typeof open)[number]) => can(actor, assessmentPolicy, 'score', place(a));
  const onItsPanel = (a: (typeof open)[number]) =>
    can(onPanel(actor, tier, a.panel_tier), assessmentPolicy, 'score', place(a));
  const groups = await all<{ id: string; area_path: string; products: number }>(
    'SELECT g.id, g.program_id, g.area_path, (SELECT count(*)::int FROM products p WHERE p.group_id = g.id) AS products FROM producer_groups g',
  );
  const ofGroup = (g: (typeof groups)[number]) => ({ program_id: programId, area_path: g.area_path, group_id: g.id });
  const products = await all<{ area_path: string; group_id: string }>(
    'SELECT program_id, area_path, group_id FROM products',
  );
  const certificates = await all<{ area_path: string; group_id: string; expires_on: string | null }>(
    'SELECT program_id, area_path, group_id, expires_on::text FROM certifications',
  );
  const sessions = await all<{
    trainer_id: string;
    status: string;
    starts_on: string;
    ends_on: string;
    marked: string[];
    enrolled: number;
  }>(
    `SELECT s.program_id, s.trainer_id, s.status, s.starts_on::text, s.ends_on::text,
        (SELECT count(*)::int FROM enrolments e WHERE e.session_id = s.id AND e.status = 'enrolled') AS enrolled,
        coalesce((SELECT array_agg(t.day::text) FROM attendance t JOIN enrolments e ON e.id = t.enrolment_id
          WHERE e.session_id = s.id AND e.status = 'enrolled'), '{}') AS marked
      FROM training_sessions s`,
  );
  const runs = (s: (typeof sessions)[number]) =>
    s.status === 'scheduled' &&
    can(actor, sessionPolicy, 'markAttendance', { ...programTarget(programId), ownerId: s.trainer_id });
  const unmarked = (s: (typeof sessions)[number]) => {
    let missing = 0;
    for (let day = s.starts_on; day <= s.ends_on && day <= today; day = addDays(day, 1))
      missing += s.enrolled - s.marked.filter((m) => m === day).length;
    return missing;
  };
  const inquiries = await all<{ area_path: string; group_id: string; status: string }>(
    'SELECT program_id, area_path, group_id, status FROM inquiries',
  );
  const orders = await all<{ area_path: string; group_id: string; status: string }>(
    'SELECT program_id, area_path, group_id, status FROM orders',
  );
  const books = await all<{
    group_id: string;
    area_path: string;
    closed_through: string | null;
    first_entry: string | null;
  }>(
    `SELECT g.program_id, g.area_path, b.group_id, b.closed_through::text,
        (SELECT min(e.entry_date)::text FROM journal_entries e WHERE e.group_id = b.group_id) AS first_entry
      FROM ledger_books b JOIN producer_groups g ON g.id = b.group_id`,
  );
  const officer = async (b: (typeof books)[number]) => {
    if (!can(actor, officerBooksPolicy, 'closePeriod', place(b))) return false;
    const held = await db.query<{ role: string }>(
      `SELECT m.role FROM members m WHERE m.group_id = $1 AND m.user_id = $2 AND m.joined_on <= $3 AND (m.left_on IS NULL OR m.left_on > $3)`,
      [b.group_id, userId, today],
    );
    return held.some((m) => ['chair', 'treasurer'].includes(m.role));
  };
  let months = 0;
  for (const b of books) {
    if (!can(actor, booksPolicy, 'closePeriod', place(b)) && !(await officer(b))) continue;
    const from = b.closed_through ? addDays(b.closed_through, 1) : b.first_entry;
    if (from) months += monthsBefore(from, today);
  }
  return {
    assessmentsToScore: open.filter((a) => onItsPanel(a) && a.self_assessed && !a.scorers.includes(userId)).length,
    assessorSteps: {
      groups: groups.filter((g) => can(actor, assessmentPolicy, 'score', place(ofGroup(g)))).length,
      products: products.filter((p) => can(actor, assessmentPolicy, 'score', place({ ...p, program_id: programId })))
        .length,
      selfAssessed: open.filter((a) => scores(a) && a.self_assessed).length,
      panelAssigned: open.filter(onItsPanel).length,
      panelTier: tier ?? null,
    },
    sessionsThisWeek: sessions.filter((s) => runs(s) && s.starts_on <= addDays(today, 6) && s.ends_on >= today).length,
    attendanceToTake: sessions.filter((s) => runs(s) && s.starts_on <= today && unmarked(s) > 0).length,
    inquiriesToAnswer: inquiries.filter(
      (i) => i.status === 'open' && can(actor, inquiryPolicy, 'reply', place({ ...i, program_id: programId })),
    ).length,
    groupsWithoutProducts: groups.filter(
      (g) => g.products === 0 && can(actor, groupPolicy, 'addProduct', place(ofGroup(g))),
    ).length,
    certificationsExpiring: certificates.filter(
      (c) =>
        c.expires_on !== null &&
        c.expires_on >= today &&
        c.expires_on <= addDays(today, 90) &&
        can(actor, certificationPolicy, 'update', place({ ...c, program_id: programId })),
    ).length,
    assessmentsAwaitingPanel: open.filter(
      (a) => a.scorers.length === 0 && can(actor, holderPolicy, 'enterInRound', place(a)),
    ).length,
    monthsToClose: months,
    ordersToShip: orders.filter(
      (o) =>
        ['placed', 'confirmed'].includes(o.status) &&
        can(actor, orderPolicy, 'move', place({ ...o, program_id: programId })),
    ).length,
  };
}

const counts = (a: TasksAnswer) => ({
  ...Object.fromEntries(
    Object.entries(a)
      .filter(([key]) => key !== 'assessorSteps')
      .map(([key, list]) => [key, (list as { count: number }).count]),
  ),
  assessorSteps: a.assessorSteps,
});

describe('GET /api/v1/me/tasks', () => {
  it(
    'counts for every role exactly what a naive recount over the policies finds, on any day',
    { timeout: 600_000 },
    async () => {
      const w = await securityWorld(t);
      const programA = w.records.in.programId;
      // One of program A's assessments ready for the panel: the group assessed itself.
      const scores = (points: number) => ({ scores: allCriteria(w.records.in.scheme.definition, points) });
      const assessed = await t.request({
        method: 'PUT',
        url: `/api/v1/assessments/${w.records.in.assessment.id}/self-assessment`,
        as: w.admin,
        payload: scores(3),
      });
      expect(assessed.statusCode).toBe(200);
      // A participant enrolled in program A's session with no attendance marked yet.
      const member = await w.a.post(`/api/v1/groups/${w.records.in.group.id}/members`, {
        name: 'Ni Luh Sari',
        sex: 'female',
        birthYear: 1990,
        joinedOn: '2024-01-01',
      });
      await w.a.post(`/api/v1/sessions/${w.records.in.session.id}/enrolments`, { memberId: member.id });
      // A buyer's question nobody has answered yet.
      const buyer = w.callers.find((c) => c.name === 'buyer')!.session!;
      const asked = await t.request({
        method: 'POST',
        url: '/api/v1/inquiries',
        as: buyer,
        payload: { productId: w.records.in.product.id, kind: 'inquiry', message: 'Berapa harga per kilo?' },
      });
      expect(asked.statusCode).toBe(201);
      const app = await clockedApp();
      // The sessions were opened today; the days below run to 2030, past their 30 days by the app's clock.
      await t.database.db.query("UPDATE sessions SET expires_at = 'infinity'");
      const callers = w.callers.filter((c) => c.session);
      const seen = new Set<string>();
      // Any day from late 2025 to 2030, and often the week of the session (2026-03-02 is day 121).
      const days = fc.oneof(fc.integer({ min: 0, max: 1600 }), fc.integer({ min: 110, max: 125 }));
      // Every caller in the session's week, so each list below is met whatever the random days…
      const examples: [number, (typeof callers)[number]][] = [
        ...callers.map((c): [number, (typeof callers)[number]] => [121, c]),
        // …and in the weeks before the world's certificate expires (2029-12-31).
        ...callers.map((c): [number, (typeof callers)[number]] => [1500, c]),
        [130, callers.find((c) => c.name === 'assessor:A')!],
      ];
      await fc.assert(
        fc.asyncProperty(days, fc.constantFrom(...callers), async (day, caller) => {
          const today = addDays('2025-11-01', day);
          now = new Date(`${today}T03:00:00Z`);
          for (const programId of [programA, w.records.otherProgram.programId]) {
            const answer = await tasksOf(caller.session!, programId, app);
            expect(counts(answer), `${caller.name} on ${today}`).toEqual(
              await recount(w, caller.actor, programId, today),
            );
            for (const [key, list] of Object.entries(answer)) {
              if (!('items' in list)) continue;
              if (list.count > 0) seen.add(key);
              // Months to close list their groups (one item holds several months); every other list one item per record.
              if (key === 'monthsToClose') expect(list.items.length).toBeLessThanOrEqual(Math.min(list.count, 5));
              else expect(list.items.length, key).toBe(Math.min(list.count, 5));
              if (list.count > 0) expect(list.items.length, key).toBeGreaterThan(0);
            }
          }
        }),
        {
          // The examples, then 30 random days and callers (fast-check counts the examples in numRuns).
          numRuns: examples.length + 30,
          examples,
        },
      );
      // No comparison of zeros: each of these lists had records on some day for some caller.
      expect([...seen]).toEqual(
        expect.arrayContaining([
          'assessmentsToScore',
          'attendanceToTake',
          'sessionsThisWeek',
          'inquiriesToAnswer',
          'monthsToClose',
          'certificationsExpiring',
          'assessmentsAwaitingPanel',
          'ordersToShip',
          'groupsWithoutProducts',
        ]),
      );
    },
  );
});

describe('the home summary per role', () => {
  it('shows an assessor with nothing to score which steps have happened in their regency', async () => {
    const w = await registryWorld(t);
    const { user } = await buildStaff(t.database.db, 'assessor', { programId: w.program.id, areaCode: KARANGASEM });
    const assessor = await signedIn(t.app, user);
    const steps = async () => {
      const a = await tasksOf(assessor, w.program.id);
      return { toScore: a.assessmentsToScore.count, ...a.assessorSteps };
    };
    // Only the Bali group is in the assessor's regency; no tier yet.
    expect(await steps()).toEqual({
      toScore: 0,
      groups: 1,
      products: 0,
      selfAssessed: 0,
      panelAssigned: 0,
      panelTier: null,
    });
    const tier = await t.request({
      method: 'PUT',
      url: `/api/v1/programs/${w.program.id}/assessor-tiers`,
      as: w.admin,
      payload: { userId: user.id, tier: 'district' },
    });
    expect(tier.statusCode).toBe(200);
    const scheme = await w.post('/api/v1/rating-schemes', { programId: w.program.id, templateId: OCOP_TEMPLATE_ID });
    const enter = async (groupId: string, panelTier: string) => {
      const product = await w.post('/api/v1/products', salakChips(groupId));
      return w.post('/api/v1/assessments', {
        productId: product.id,
        schemeId: scheme.id,
        year: 2026,
        panelTier,
        assessedOn: '2026-03-01',
      });
    };
    const bali = await enter(w.groups.bali.id, 'district');
    await enter(w.groups.bali.id, 'province');
    await enter(w.groups.lombok.id, 'district');
    expect(await steps()).toEqual({
      toScore: 0,
      groups: 1,
      products: 2,
      selfAssessed: 0,
      panelAssigned: 1,
      panelTier: 'district',
    });
    const self = await t.request({
      method: 'PUT',
      url: `/api/v1/assessments/${bali.id}/self-assessment`,
      as: w.admin,
      payload: { scores: allCriteria(scheme.definition, 3) },
    });
    expect(self.statusCode).toBe(200);
    const answer = await tasksOf(assessor, w.program.id);
    expect(answer.assessmentsToScore).toEqual({
      count: 1,
      items: [
        {
          id: bali.id,
          title: salakChips('').name,
          group: 'Kelompok Tani Salak Sibetan',
          date: '2026-03-01',
          count: null,
        },
      ],
    });
    expect(answer.assessorSteps.selfAssessed).toBe(1);
  });

  it("shows a facilitator their own regency's groups without products, never another regency's", async () => {
    const w = await registryWorld(t);
    const bali = await w.as('facilitator', { areaCode: KARANGASEM });
    const lombok = await w.as('facilitator', { areaCode: LOMBOK_BARAT });
    const names = async (as: Session) =>
      (await tasksOf(as, w.program.id)).groupsWithoutProducts.items.map((g) => g.title);
    expect(await names(bali)).toEqual(['Kelompok Tani Salak Sibetan']);
    expect(await names(lombok)).toEqual(['KWT Gerabah Banyumulek']);
    await w.post('/api/v1/products', salakChips(w.groups.bali.id));
    expect(await names(bali)).toEqual([]);
    expect(await names(lombok)).toEqual(['KWT Gerabah Banyumulek']);
  });

  it('gives a group member no work of others to do, and a caller outside the program nothing at all', async () => {
    const w = await registryWorld(t);
    const member = await w.as('group_member', { groupId: w.groups.bali.id });
    const stranger = await signedIn(t.app, (await buildStaff(t.database.db, 'facilitator', {})).user);
    for (const as of [member, stranger]) {
      const answer = await tasksOf(as, w.program.id);
      expect(Object.values(counts(answer)).filter((v) => typeof v === 'number' && v > 0)).toEqual([]);
    }
  });

  it('answers 401 without a session and names the program field when it is missing', async () => {
    const w = await registryWorld(t);
    expect((await t.request({ url: `/api/v1/me/tasks?programId=${w.program.id}` })).statusCode).toBe(401);
    const r = await t.request({ url: '/api/v1/me/tasks', as: w.admin });
    expect(r.statusCode).toBe(400);
    expect(paths(r)).toEqual(['query.programId']);
  });
});

import type { Actor } from '../../src/server/http/context.js';
import { booksPolicy, batchesPolicy } from '../../src/server/modules/business/business.policy.js';
import { inquiryPolicy, orderPolicy } from '../../src/server/modules/market/trade.policy.js';
import {
  announcementPolicy,
  answerPolicy,
  communityProgramPolicy,
  eventPolicy,
  joinPolicy,
  mentorPolicy,
  mentorshipPolicy,
  spacePolicy,
  storyPolicy,
  storyTemplatePolicy,
} from '../../src/server/modules/community/community.policy.js';
import { dhis2Policy } from '../../src/server/modules/impact/dhis2.policy.js';
import { impactPolicy, targetPolicy } from '../../src/server/modules/impact/impact.policy.js';
import { can, definePolicy, programTarget, type Policy, type Target } from '../../src/server/modules/platform/index.js';
import { accountPolicy, accountTarget } from '../../src/server/modules/platform/platform.policy.js';
import { invitationPolicy, programPolicy } from '../../src/server/modules/programs/programs.policy.js';
import {
  assessmentPolicy,
  assessorTierPolicy,
  certificationPolicy,
  holderPolicy,
  schemePolicy,
} from '../../src/server/modules/quality/quality.policy.js';
import {
  groupPolicy,
  memberPolicy,
  productPolicy,
  villagePolicy,
} from '../../src/server/modules/registry/registry.policy.js';
import {
  certificatePolicy,
  coursePolicy,
  enrolmentPolicy,
  learningRecordPolicy,
  sessionPolicy,
  trainingProgramPolicy,
} from '../../src/server/modules/training/training.policy.js';
import type { Session } from '../app.js';
import { STRONG_PASSWORD } from '../factories.js';
import { allCriteria, salakChips, validPirt } from '../quality-fixtures.js';
import { right } from '../training-fixtures.js';
import type { Place, Records, SecurityWorld } from './world.js';

/**
 * The authorization matrix's table: for every operation of the OpenAPI document, who gets past
 * authorization, in the words of the module's own policy (`definePolicy` tables), and a request
 * that acts on a record of a given place. `authorization-matrix.test.ts` walks it.
 */

/**
 * A policy check: [policy, action, target, what a caller who may not read the target gets]. The
 * last is 404 (`authorize`'s rule) unless the record is no secret: accounts answer 403 by design
 * (users.service: account ids appear beside records everywhere), and so do areas to enrol.
 */
export type Check = readonly [Policy<string>, string, (r: Records) => Target, (403 | 404)?];

/** What an operation expects of a caller. */
export type Rule =
  /** Anyone, signed in or not. */
  | { kind: 'open' }
  /** Anyone signed in; the answer is about their own things. */
  | { kind: 'signedIn' }
  /** Policy checks in the order the service makes them: the first that fails decides 404/403. */
  | { kind: 'policy'; checks: readonly Check[] }
  /** A list: answered to anyone signed in (or 404 to one who may not read its container), naming
   *  the place's record exactly when the policy lets the caller read it. */
  | { kind: 'list'; check: Check; idOf: (r: Records) => string; gate?: (actor: Actor) => boolean }
  /** Only the named callers pass; everyone else signed in gets `refusal`. */
  | { kind: 'only'; callers: (name: string, actor: Actor) => boolean; refusal: 403 | 404 }
  /** Only callers without a session (opening an account). */
  | { kind: 'anonymousOnly' };

export interface Request {
  url: string;
  payload?: object;
  multipart?: { field: string; filename: string; type: string; data: Buffer };
}

export interface Entry {
  rule: Rule;
  request: (r: Records, x: Helpers) => Request | Promise<Request>;
  /**
   * Answers that differ from the table and are reported, not yet fixed: each names its finding, and
   * the lead removes it once the fix is merged. They are counted, never silently passed.
   */
  known?: { finding: string; callers: readonly string[]; status: number };
  /** Operations on no place (the caller's own things, public pages) run once, with the in-scope records. */
  places?: readonly Place[];
}

export interface Helpers {
  w: SecurityWorld;
  /** The session of the caller of that name. */
  session(name: string): Session;
  /** The record's current version, read by the admin (or by `as`): what a PATCH must name. */
  version(url: string, as?: Session): Promise<number>;
  /** POST as the admin (each from its own client address), expecting 200/201/202; the answer's JSON. */
  post(url: string, payload: object): Promise<{ id: string } & Record<string, unknown>>;
  unique: string;
  /** A small PNG to upload. */
  png: Buffer;
  /** A village code not used before, for a grant made only to be revoked. */
  area(): string;
  /** GET as the admin, expecting 200; the answer's JSON. */
  get(url: string): Promise<Record<string, unknown>>;
  /** PUT a multipart file as the admin, expecting 200. */
  upload(url: string, field: string, data: Buffer, type: string): Promise<void>;
}

const grp = (r: Records): Target => ({ programId: r.programId, areaPath: r.areaPath, groupId: r.group.id });
const vil = (r: Records): Target => ({ programId: r.programId, areaPath: r.areaPath });
const prog = (r: Records): Target => programTarget(r.programId);
const offer = (r: Records): Target => ({ ...programTarget(r.programId), ownerId: r.trainer.id });
const participant = (r: Records): Target => ({ ...grp(r), ownerId: r.trainer.id });
const trade = (r: Records): Target => ({ ...grp(r), ownerId: r.buyerId });
const account = (r: Records): Target => accountTarget(r.staff.id, r.programId);

/** A topic space of the program (above every area): what community staff reach, as the service asks. */
const topic = (r: Records): Target => ({ programId: r.programId, areaPath: '' });

/** A fresh question in the program's packaging space, by the admin: its space, thread and opening post. */
async function freshThread(r: Records, x: Helpers) {
  const spaces = (await x.get(`/api/v1/community/${r.programId}/spaces`)) as {
    items: { id: string; kind: string; topic: string | null }[];
  };
  const space = spaces.items.find((sp) => sp.kind === 'topic')!;
  const thread = await x.post(`/api/v1/community/spaces/${space.id}/threads`, {
    title: `Kemasan ${x.unique}`,
    body: 'Kemasan apa yang tahan lama?',
    kind: 'question',
    language: 'id',
  });
  const reply = await x.post(`/api/v1/community/threads/${thread.id}/replies`, { body: 'Standing pouch.' });
  return { spaceId: space.id, threadId: thread.id, replyId: reply.id };
}

/**
 * A post's photos are added by its author alone (the admin, who writes each fresh thread): community
 * staff who read the post get 403, as the service decides from the post itself.
 */
const postAuthor = definePolicy('Post', { read: [], addPhoto: [] });

const policy = (...checks: Check[]): Rule => ({ kind: 'policy', checks });
const check = <A extends string>(
  p: Policy<A>,
  action: A,
  target: (r: Records) => Target,
  unseen: 403 | 404 = 404,
): Check => [p as Policy<string>, action, target, unseen] as const;
const list = <A extends string>(
  p: Policy<A>,
  target: (r: Records) => Target,
  idOf: (r: Records) => string,
  gate?: (a: Actor) => boolean,
): Rule => ({
  kind: 'list',
  check: check(p, 'read' as A, target),
  idOf,
  gate,
});
/** The program's indicators read anywhere in it (`canSomewhere`): who may have its impact report. */
const impactSomewhere: Policy<'read'> = {
  ...impactPolicy,
  rules: { read: { ...impactPolicy.rules.read, anywhere: true } },
};

const OPEN: Rule = { kind: 'open' };

/** A request to join from the place's village, consenting to the rules in force (read as the admin). */
async function joinBody(r: Records, x: Helpers) {
  const rulesVersion = await x.version(`/api/v1/community/${r.programId}/rules`);
  return {
    name: 'Kadek Ayu',
    email: `joiner-${x.unique}@example.id`,
    areaCode: r.villageCode,
    rulesVersion,
    acceptRules: true,
  };
}
/** A new pending request to join in the place: each welcome or decline needs its own. */
async function freshJoin(r: Records, x: Helpers): Promise<string> {
  return (await x.post(`/api/v1/community/${r.programId}/joins`, await joinBody(r, x))).id;
}
/** A mentorship at the mentee's village, owned (for the policy) by its mentor, the program's trainer. */
const ship = (r: Records): Target => ({ programId: r.programId, areaPath: r.areaPath, ownerId: r.trainer.id });
/** The same, as its mentee sees it: only the mentee (no caller of the walk) gives feedback. */
const menteeOf = (r: Records): Target => ({ programId: r.programId, areaPath: r.areaPath, ownerId: r.menteeId });
/**
 * Feedback, in one check over `menteeOf`: who reads the mentorship is named by role here (the
 * program's one trainer of the walk is its mentor), since the target's owner is the mentee; then
 * only the mentee gives feedback, so every reader gets 403.
 */
const feedbackOf: Policy<'read' | 'feedback'> = {
  what: 'Mentorship',
  rules: {
    read: { roles: ['community_manager'], programWide: ['program_manager', 'trainer'] },
    feedback: mentorshipPolicy.rules.feedback,
  },
};
/** Only welcomed members ask for mentoring (no caller of the walk is one): staff who see mentors get 403. */
const membersAsk: Policy<'read' | 'request'> = {
  ...mentorPolicy,
  rules: { read: mentorPolicy.rules.read, request: { roles: [], ownerOnly: true } },
};
/** An event at the place's village, as the service places it (its area's path). */
const eventBody = (r: Records) => ({
  kind: 'fair_expo',
  title: { id: 'Pameran produk desa' },
  startsAt: '2027-03-02T09:00:00+08:00',
  endsAt: '2027-03-02T15:00:00+08:00',
  timeZone: 'Asia/Makassar',
  areaCode: r.villageCode,
  address: 'Balai Desa',
});
/** A new event at the place, by the admin: each RSVP and check-in needs its own. */
async function freshEvent(r: Records, x: Helpers): Promise<string> {
  return (await x.post(`/api/v1/community/${r.programId}/events`, eventBody(r))).id;
}
/** A new public event in the place, by the admin. */
async function freshPublicEvent(r: Records, x: Helpers): Promise<string> {
  return (await x.post(`/api/v1/community/${r.programId}/events`, { ...eventBody(r), public: true })).id;
}
/** A new announcement to the whole community of the place's program, by the admin. */
async function freshAnnouncement(r: Records, x: Helpers): Promise<string> {
  const body = { title: { id: `Kabar ${x.unique}` }, body: { id: 'Pameran bulan depan.' } };
  return (await x.post(`/api/v1/community/${r.programId}/announcements`, body)).id;
}
/** The admin's calendar feed path (a new secret each time). */
async function feedPath(x: Helpers): Promise<string> {
  return new URL((await x.post('/api/v1/community/calendar-feed', {})).url as string).pathname;
}
const SIGNED_IN: Rule = { kind: 'signedIn' };
/** A welcomed member in the place's village (welcomed by the admin): their account's id. */
async function freshMember(r: Records, x: Helpers): Promise<string> {
  const welcomed = await x.post(`/api/v1/community/joins/${await freshJoin(r, x)}/welcome`, {});
  return (welcomed.join as { userId: string }).userId;
}
/** A welcomed member's public page id (her join's), welcomed by the admin. */
async function freshMemberPage(r: Records, x: Helpers): Promise<string> {
  const welcomed = await x.post(`/api/v1/community/joins/${await freshJoin(r, x)}/welcome`, {});
  return (welcomed.join as { id: string }).id;
}
/** One's own membership of a community: no caller in the walk is a welcomed member, so each gets 404. */
const MEMBER_HERSELF: Rule = { kind: 'only', callers: () => false, refusal: 404 };
/** A mute of a fresh member of the place, by the admin: its id. */
async function freshSanction(r: Records, x: Helpers): Promise<string> {
  const userId = await freshMember(r, x);
  return (
    await x.post(`/api/v1/community/${r.programId}/sanctions`, { userId, kind: 'mute', hours: 1, reason: 'Spam' })
  ).id;
}
/** Whoever moderates some of program A's community by their grant: its report queue and its mutes. */
const moderatesA = (name: string) => ['admin', 'program_manager:A', 'community_manager:A'].includes(name);
const ONCE = ['in'] as const;
const isAdmin = (a: Actor) => a.kind === 'user' && a.isAdmin;
/** Whether the actor may do an account action in some program of theirs (opening or listing accounts). */
const inSomeProgram = (action: 'create' | 'read') => (a: Actor) =>
  isAdmin(a) ||
  (a.kind === 'user' &&
    a.grants.some((g) => can(a, accountPolicy, action, { ...programTarget(g.programId), ownerId: null })));

const memberBody = { name: 'Made Wirawan', sex: 'male', birthYear: 1980, joinedOn: '2024-01-01' };
const money = (amount: string) => ({ amount, currency: 'IDR' });
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const sessionBody = (r: Records) => ({
  courseId: r.course.id,
  areaCode: '51.07.06.2004',
  address: 'Balai Desa',
  startsOn: '2026-04-06',
  endsOn: '2026-04-06',
  trainerId: r.trainer.id,
  capacity: 20,
});

/** The declared outcome of every documented operation. */
/** A fresh target at the place's village (its own period each time: one target per area and period). */
let targetYear = 2100;
const placedTarget = (r: Records, x: Helpers) =>
  x.post(`/api/v1/programs/${r.programId}/targets`, {
    indicator: 'members',
    area: r.villageCode,
    period: String(targetYear--),
    baseline: '0',
    target: '10',
  });

/** A new organisation by the platform admin (no caller of the walk is granted on it). */
async function freshOrganisation(x: Helpers): Promise<string> {
  return (await x.post('/api/v1/organisations', { name: `Agency ${x.unique}`, reportingCurrency: 'JPY' })).id;
}
/** Only the platform admin: an organisation's records are its granted people's, and none is in the walk. */
const ORGANISATION_ADMIN_ONLY: Rule = { kind: 'only', callers: (_, a) => isAdmin(a), refusal: 404 };
/** A platform admin's acts: anyone else signed in is refused (403 `admin-only`). */
const PLATFORM_ADMIN: Rule = { kind: 'only', callers: (_, a) => isAdmin(a), refusal: 403 };

export const TABLE: Record<string, Entry> = {
  'GET /health': { rule: OPEN, places: ONCE, request: () => ({ url: '/health' }) },
  'POST /api/v1/auth/sign-in': {
    rule: OPEN,
    places: ONCE,
    request: (r) => ({ url: '/api/v1/auth/sign-in', payload: { email: r.staff.email, password: STRONG_PASSWORD } }),
  },
  // Runs last of all (see the walk): it ends the caller's session.
  'POST /api/v1/auth/sign-out': { rule: OPEN, places: ONCE, request: () => ({ url: '/api/v1/auth/sign-out' }) },
  'GET /api/v1/me': { rule: SIGNED_IN, places: ONCE, request: () => ({ url: '/api/v1/me' }) },
  // A batch is taken from anyone signed in; each request inside passes its own route's rules as the
  // caller (batch.test.ts shows none reaches outside the caller's scope). Here: one the caller may not see.
  'POST /api/v1/batch': {
    rule: SIGNED_IN,
    request: (r) => ({
      url: '/api/v1/batch',
      payload: { requests: [{ id: 'g', method: 'PATCH', url: `/api/v1/groups/${r.group.id}`, body: { version: 1 } }] },
    }),
  },
  // What waits for the caller in the place's program: counted within their scope (home.test.ts), answered to anyone signed in.
  'GET /api/v1/me/tasks': { rule: SIGNED_IN, request: (r) => ({ url: `/api/v1/me/tasks?programId=${r.programId}` }) },
  // Indicator definitions are public; their values are counted within the caller's scope
  // (test/impact.property.test.ts), so a caller with no grant there gets no rows, not a refusal.
  'GET /api/v1/indicators': { rule: OPEN, places: ONCE, request: () => ({ url: '/api/v1/indicators' }) },
  // Targets: listed to anyone signed in, each only where their grant reaches its area (targets.test.ts);
  // set, changed and removed by the whole program's manager.
  'GET /api/v1/programs/{id}/targets': {
    rule: SIGNED_IN,
    request: (r) => ({ url: `/api/v1/programs/${r.programId}/targets` }),
  },
  'POST /api/v1/programs/{id}/targets': {
    rule: policy(check(targetPolicy, 'manage', prog)),
    // A village of its own each time: one target per indicator, area and period.
    request: (r, x) => ({
      url: `/api/v1/programs/${r.programId}/targets`,
      payload: { indicator: 'members', area: x.area(), period: '2027', baseline: '0', target: '10' },
    }),
  },
  'PATCH /api/v1/targets/{id}': {
    rule: policy(check(targetPolicy, 'manage', vil)),
    request: async (r, x) => ({
      url: `/api/v1/targets/${(await placedTarget(r, x)).id}`,
      payload: { version: 1, target: '12' },
    }),
  },
  'DELETE /api/v1/targets/{id}': {
    rule: policy(check(targetPolicy, 'manage', vil)),
    request: async (r, x) => ({ url: `/api/v1/targets/${(await placedTarget(r, x)).id}` }),
  },
  'GET /api/v1/programs/{id}/impact-settings': {
    rule: SIGNED_IN,
    request: (r) => ({ url: `/api/v1/programs/${r.programId}/impact-settings` }),
  },
  'PUT /api/v1/programs/{id}/impact-settings': {
    rule: policy(check(targetPolicy, 'manage', prog)),
    request: (r) => ({ url: `/api/v1/programs/${r.programId}/impact-settings`, payload: { suppressBelow: 5 } }),
  },
  // The naik kelas rule: program data beside the settings, read by anyone signed in, set by the whole
  // program's manager (class-rules.test.ts: a facilitator or another program's manager cannot).
  'GET /api/v1/programs/{id}/naik-kelas-rule': {
    rule: SIGNED_IN,
    request: (r) => ({ url: `/api/v1/programs/${r.programId}/naik-kelas-rule` }),
  },
  'PUT /api/v1/programs/{id}/naik-kelas-rule': {
    rule: policy(check(targetPolicy, 'manage', prog)),
    request: (r) => ({
      url: `/api/v1/programs/${r.programId}/naik-kelas-rule`,
      payload: { conditions: ['stars_up', 'revenue_up'], revenueGrowthPercent: 25 },
    }),
  },
  // The DHIS2 exchange: the program as a whole, read by those whose grant covers it, set up and
  // pushed by the whole program's manager (dhis2.test.ts). Without a mapping or a server the answer
  // is a 422 past authorization; nothing leaves for a DHIS2.
  'GET /api/v1/programs/{id}/dhis2/mapping': {
    rule: policy(check(dhis2Policy, 'read', prog)),
    request: (r) => ({ url: `/api/v1/programs/${r.programId}/dhis2/mapping` }),
  },
  'PUT /api/v1/programs/{id}/dhis2/mapping': {
    rule: policy(check(dhis2Policy, 'manage', prog)),
    request: (r) => ({
      url: `/api/v1/programs/${r.programId}/dhis2/mapping`,
      payload: { periodType: 'Yearly', dataElements: [], orgUnits: [] },
    }),
  },
  'GET /api/v1/programs/{id}/dhis2/server': {
    rule: policy(check(dhis2Policy, 'read', prog)),
    request: (r) => ({ url: `/api/v1/programs/${r.programId}/dhis2/server` }),
  },
  'PUT /api/v1/programs/{id}/dhis2/server': {
    rule: policy(check(dhis2Policy, 'manage', prog)),
    request: (r) => ({
      url: `/api/v1/programs/${r.programId}/dhis2/server`,
      payload: { baseUrl: 'https://dhis2.invalid', auth: 'token', secret: 'd2pat_test' },
    }),
  },
  'GET /api/v1/programs/{id}/dhis2/data-value-sets': {
    rule: policy(check(dhis2Policy, 'read', prog)),
    request: (r) => ({ url: `/api/v1/programs/${r.programId}/dhis2/data-value-sets?period=2026` }),
  },
  'POST /api/v1/programs/{id}/dhis2/push': {
    rule: policy(check(dhis2Policy, 'manage', prog)),
    request: (r) => ({ url: `/api/v1/programs/${r.programId}/dhis2/push?period=2026` }),
  },
  'GET /api/v1/programs/{id}/dhis2/pushes': {
    rule: policy(check(dhis2Policy, 'read', prog)),
    request: (r) => ({ url: `/api/v1/programs/${r.programId}/dhis2/pushes` }),
  },
  'GET /api/v1/public/impact': {
    rule: OPEN,
    request: (r) => ({ url: `/api/v1/public/impact?indicator=members&programId=${r.programId}&period=2026&by=sex` }),
  },
  'GET /api/v1/impact': {
    rule: SIGNED_IN,
    request: (r) => ({ url: `/api/v1/impact?indicator=members&programId=${r.programId}&period=2026` }),
  },
  // The same views as files (exports.test.ts): the same scope as the JSON, and the public one open.
  'GET /api/v1/impact/export': {
    rule: SIGNED_IN,
    request: (r) => ({
      url: `/api/v1/impact/export?indicator=members&programId=${r.programId}&period=2026&format=csv`,
    }),
  },
  'GET /api/v1/public/impact/export': {
    rule: OPEN,
    request: (r) => ({
      url: `/api/v1/public/impact/export?indicator=members&programId=${r.programId}&period=2026&by=sex&format=csv`,
    }),
  },
  // The report: to whoever reads the program's indicators somewhere in it, with their part's figures.
  'GET /api/v1/programs/{id}/impact-report.pdf': {
    rule: policy(check(impactSomewhere, 'read', prog)),
    request: (r) => ({ url: `/api/v1/programs/${r.programId}/impact-report.pdf?period=2026` }),
  },
  'GET /api/v1/tokens': { rule: SIGNED_IN, places: ONCE, request: () => ({ url: '/api/v1/tokens' }) },
  'POST /api/v1/tokens': {
    rule: SIGNED_IN,
    places: ONCE,
    request: () => ({ url: '/api/v1/tokens', payload: { name: 'CI' } }),
  },
  'DELETE /api/v1/tokens/{id}': {
    // A token of the admin's own: nobody else learns it exists.
    rule: { kind: 'only', callers: (name) => name === 'admin', refusal: 404 },
    places: ONCE,
    request: async (_, x) => ({ url: `/api/v1/tokens/${(await x.post('/api/v1/tokens', { name: 'CI' })).id}` }),
  },
  'GET /api/v1/users': {
    rule: list(accountPolicy, account, (r) => r.staff.id, inSomeProgram('read')),
    request: () => ({ url: '/api/v1/users' }),
  },
  'POST /api/v1/users': {
    rule: { kind: 'only', callers: (_, a) => inSomeProgram('create')(a), refusal: 403 },
    places: ONCE,
    request: (_, x) => ({
      url: '/api/v1/users',
      payload: { email: `staff-${x.unique}@example.id`, name: 'Kadek Ayu', password: STRONG_PASSWORD },
    }),
  },
  'GET /api/v1/users/{id}': {
    rule: policy(check(accountPolicy, 'read', account, 403)),
    request: (r) => ({ url: `/api/v1/users/${r.staff.id}` }),
  },
  'PATCH /api/v1/users/{id}': {
    // One's own account, or an admin's: everyone else 403 (accounts are no secret of a scope).
    rule: { kind: 'only', callers: (_, a) => isAdmin(a), refusal: 403 },
    request: async (r, x) => ({
      url: `/api/v1/users/${r.staff.id}`,
      payload: { version: await x.version(`/api/v1/users/${r.staff.id}`), name: 'Kadek Ayu' },
    }),
  },
  'GET /api/v1/areas': { rule: OPEN, places: ONCE, request: () => ({ url: '/api/v1/areas?parent=51.07' }) },
  'GET /api/v1/areas/search': {
    rule: OPEN,
    places: ONCE,
    request: () => ({ url: '/api/v1/areas/search?q=Sibetan&scope=mine' }),
  },
  'GET /api/v1/areas/boundaries': {
    rule: OPEN,
    places: ONCE,
    request: () => ({ url: '/api/v1/areas/boundaries?country=ID&level=province' }),
  },
  'GET /api/v1/areas/{code}': { rule: OPEN, places: ONCE, request: () => ({ url: '/api/v1/areas/51.07' }) },
  'GET /api/v1/areas/{code}/contains/{other}': {
    rule: OPEN,
    places: ONCE,
    request: () => ({ url: '/api/v1/areas/51/contains/51.07' }),
  },
  'GET /api/v1/programs': {
    rule: list(programPolicy, prog, (r) => r.programId),
    request: () => ({ url: '/api/v1/programs' }),
  },
  'POST /api/v1/programs': {
    rule: { kind: 'only', callers: (_, a) => isAdmin(a), refusal: 403 },
    places: ONCE,
    request: (_, x) => ({
      url: '/api/v1/programs',
      payload: { code: `OVOP-${x.unique.toUpperCase()}`, name: 'OVOP', country: 'ID', startedOn: '2026-01-01' },
    }),
  },
  'GET /api/v1/programs/{id}': {
    rule: policy(check(programPolicy, 'read', prog)),
    request: (r) => ({ url: `/api/v1/programs/${r.programId}` }),
  },
  'PATCH /api/v1/programs/{id}': {
    rule: policy(check(programPolicy, 'update', prog)),
    request: async (r, x) => ({
      url: `/api/v1/programs/${r.programId}`,
      payload: { version: await x.version(`/api/v1/programs/${r.programId}`), name: 'OVOP Indonesia (test)' },
    }),
  },
  'GET /api/v1/programs/{id}/roles': {
    rule: policy(check(programPolicy, 'listRoles', prog)),
    request: (r) => ({ url: `/api/v1/programs/${r.programId}/roles` }),
  },
  'POST /api/v1/programs/{id}/roles': {
    rule: policy(check(programPolicy, 'grantRole', prog)),
    request: (r) => ({
      url: `/api/v1/programs/${r.programId}/roles`,
      payload: { userId: r.staff.id, role: 'assessor' },
    }),
  },
  'POST /api/v1/programs/{id}/invitations': {
    rule: policy(check(programPolicy, 'read', prog), check(invitationPolicy, 'invite', grp)),
    request: (r, x) => ({
      url: `/api/v1/programs/${r.programId}/invitations`,
      payload: {
        name: 'Ni Made Sri',
        email: `invited-${x.unique}@example.id`,
        role: 'group_member',
        groupId: r.group.id,
      },
    }),
  },
  // A link is the credential: whoever holds a fresh one sets the password, signed in or not.
  'POST /api/v1/invitations/accept': {
    rule: OPEN,
    places: ONCE,
    request: async (r, x) => {
      const made = await x.post(`/api/v1/programs/${r.programId}/invitations`, {
        name: 'Kadek Ayu',
        email: `accepting-${x.unique}@example.id`,
        role: 'trainer',
      });
      const path = (made.invitation as { path: string }).path;
      return {
        url: '/api/v1/invitations/accept',
        payload: { token: path.slice(path.indexOf('#') + 1), password: STRONG_PASSWORD },
      };
    },
  },
  'DELETE /api/v1/programs/{id}/roles/{grantId}': {
    rule: policy(check(programPolicy, 'revokeRole', prog)),
    request: async (r, x) => {
      // A fresh grant each time (one area each): the revoked one is gone.
      const grant = await x.post(`/api/v1/programs/${r.programId}/roles`, {
        userId: r.staff.id,
        role: 'facilitator',
        areaCode: x.area(),
      });
      return { url: `/api/v1/programs/${r.programId}/roles/${grant.id}` };
    },
  },
  'GET /api/v1/villages': {
    rule: list(villagePolicy, vil, (r) => r.village.id),
    request: () => ({ url: '/api/v1/villages' }),
  },
  'POST /api/v1/villages': {
    // The program must be visible; the area is public (geography), so a refusal there is 403.
    rule: policy(check(programPolicy, 'read', prog), check(villagePolicy, 'enrol', vil, 403)),
    request: (r) => ({ url: '/api/v1/villages', payload: { programId: r.programId, areaCode: r.unenrolledVillage } }),
  },
  'GET /api/v1/villages/{id}': {
    rule: policy(check(villagePolicy, 'read', vil)),
    request: (r) => ({ url: `/api/v1/villages/${r.village.id}` }),
  },
  'PATCH /api/v1/villages/{id}': {
    rule: policy(check(villagePolicy, 'update', vil)),
    request: async (r, x) => ({
      url: `/api/v1/villages/${r.village.id}`,
      payload: { version: await x.version(`/api/v1/villages/${r.village.id}`), profile: { notes: 'Salak' } },
    }),
  },
  'GET /api/v1/groups': { rule: list(groupPolicy, grp, (r) => r.group.id), request: () => ({ url: '/api/v1/groups' }) },
  'POST /api/v1/groups': {
    rule: policy(check(villagePolicy, 'registerGroup', vil)),
    request: (r, x) => ({
      url: '/api/v1/groups',
      payload: { programId: r.programId, villageId: r.village.id, name: `KWT ${x.unique}`, kind: 'women_group' },
    }),
  },
  'GET /api/v1/groups/{id}': {
    rule: policy(check(groupPolicy, 'read', grp)),
    request: (r) => ({ url: `/api/v1/groups/${r.group.id}` }),
  },
  'PATCH /api/v1/groups/{id}': {
    rule: policy(check(groupPolicy, 'update', grp)),
    request: async (r, x) => ({
      url: `/api/v1/groups/${r.group.id}`,
      payload: { version: await x.version(`/api/v1/groups/${r.group.id}`), contact: { address: 'Jl. Raya Sibetan' } },
    }),
  },
  'GET /api/v1/groups/{id}/members': {
    rule: policy(check(memberPolicy, 'read', grp)),
    request: (r) => ({ url: `/api/v1/groups/${r.group.id}/members` }),
  },
  'POST /api/v1/groups/{id}/members': {
    rule: policy(check(groupPolicy, 'addMember', grp)),
    request: (r) => ({ url: `/api/v1/groups/${r.group.id}/members`, payload: memberBody }),
  },
  'GET /api/v1/members/{id}': {
    rule: policy(check(memberPolicy, 'read', grp)),
    request: (r) => ({ url: `/api/v1/members/${r.member.id}` }),
  },
  'PATCH /api/v1/members/{id}': {
    rule: policy(check(memberPolicy, 'update', grp)),
    request: async (r, x) => ({
      url: `/api/v1/members/${r.member.id}`,
      payload: { version: await x.version(`/api/v1/members/${r.member.id}`), role: 'member' },
    }),
  },
  'DELETE /api/v1/members/{id}': {
    rule: policy(check(memberPolicy, 'delete', grp)),
    request: async (r, x) => ({
      url: `/api/v1/members/${(await x.post(`/api/v1/groups/${r.group.id}/members`, memberBody)).id}`,
    }),
  },
  // The HS 2022 nomenclature (public data) for the product form's picker: anyone signed in.
  'GET /api/v1/hs-codes': { rule: SIGNED_IN, places: ONCE, request: () => ({ url: '/api/v1/hs-codes?q=honey' }) },
  'GET /api/v1/products': {
    rule: list(productPolicy, grp, (r) => r.product.id),
    request: () => ({ url: '/api/v1/products' }),
  },
  'POST /api/v1/products': {
    rule: policy(check(groupPolicy, 'addProduct', grp)),
    request: (r) => ({ url: '/api/v1/products', payload: salakChips(r.group.id) }),
  },
  'GET /api/v1/products/{id}': {
    rule: policy(check(productPolicy, 'read', grp)),
    request: (r) => ({ url: `/api/v1/products/${r.product.id}` }),
  },
  'PATCH /api/v1/products/{id}': {
    rule: policy(check(productPolicy, 'update', grp)),
    request: async (r, x) => ({
      url: `/api/v1/products/${r.product.id}`,
      payload: { version: await x.version(`/api/v1/products/${r.product.id}`), unit: '100 g' },
    }),
  },
  'POST /api/v1/products/{id}/photos': {
    rule: policy(check(productPolicy, 'addPhoto', grp)),
    request: (r, x) => ({
      url: `/api/v1/products/${r.product.id}/photos`,
      multipart: { field: 'photo', filename: 'salak.png', type: 'image/png', data: x.png },
    }),
  },
  'DELETE /api/v1/products/{id}/photos/{photoId}': {
    rule: policy(check(productPolicy, 'removePhoto', grp)),
    request: async (r, x) => {
      // A product of its own each time: a product keeps at most ten photos.
      const product = await x.post('/api/v1/products', salakChips(r.group.id));
      const photo = await x.w.upload(`/api/v1/products/${product.id}/photos`, 'photo', x.png);
      return { url: `/api/v1/products/${product.id}/photos/${photo.id}` };
    },
  },
  'GET /api/v1/rating-schemes': {
    rule: list(schemePolicy, prog, (r) => r.scheme.id),
    request: () => ({ url: '/api/v1/rating-schemes' }),
  },
  'POST /api/v1/rating-schemes': {
    rule: policy(check(schemePolicy, 'read', prog), check(schemePolicy, 'update', prog)),
    request: (r) => ({
      url: '/api/v1/rating-schemes',
      payload: { programId: r.programId, definition: r.scheme.definition },
    }),
  },
  'GET /api/v1/rating-schemes/{id}': {
    rule: policy(check(schemePolicy, 'read', prog)),
    request: (r) => ({ url: `/api/v1/rating-schemes/${r.scheme.id}` }),
  },
  'PATCH /api/v1/rating-schemes/{id}': {
    rule: policy(check(schemePolicy, 'update', prog)),
    request: async (r, x) => ({
      url: `/api/v1/rating-schemes/${r.scheme.id}`,
      payload: { version: await x.version(`/api/v1/rating-schemes/${r.scheme.id}`), definition: r.scheme.definition },
    }),
  },
  'GET /api/v1/programs/{id}/assessor-tiers': {
    rule: policy(check(assessorTierPolicy, 'list', prog)),
    request: (r) => ({ url: `/api/v1/programs/${r.programId}/assessor-tiers` }),
  },
  'PUT /api/v1/programs/{id}/assessor-tiers': {
    rule: policy(check(assessorTierPolicy, 'set', prog)),
    request: (r) => ({
      url: `/api/v1/programs/${r.programId}/assessor-tiers`,
      payload: { userId: r.staff.id, tier: 'district' },
    }),
  },
  'GET /api/v1/assessments': {
    rule: list(assessmentPolicy, grp, (r) => r.assessment.id),
    request: () => ({ url: '/api/v1/assessments' }),
  },
  'POST /api/v1/assessments': {
    rule: policy(check(holderPolicy, 'enterInRound', grp)),
    request: (r) => ({
      url: '/api/v1/assessments',
      payload: {
        productId: r.product.id,
        schemeId: r.scheme.id,
        year: 2026,
        panelTier: 'district',
        assessedOn: '2026-03-01',
      },
    }),
  },
  'GET /api/v1/assessments/{id}': {
    rule: policy(check(assessmentPolicy, 'read', grp)),
    request: (r) => ({ url: `/api/v1/assessments/${r.assessment.id}` }),
  },
  'PUT /api/v1/assessments/{id}/self-assessment': {
    rule: policy(check(assessmentPolicy, 'selfAssess', grp)),
    request: (r) => ({
      url: `/api/v1/assessments/${r.assessment.id}/self-assessment`,
      payload: { scores: allCriteria(r.scheme.definition, 3) },
    }),
  },
  'PUT /api/v1/assessments/{id}/panel-scores': {
    rule: policy(check(assessmentPolicy, 'score', grp)),
    request: (r) => ({
      url: `/api/v1/assessments/${r.assessment.id}/panel-scores`,
      payload: { scores: allCriteria(r.scheme.definition, 3) },
    }),
  },
  'POST /api/v1/assessments/{id}/evidence': {
    rule: policy(check(assessmentPolicy, 'addEvidence', grp)),
    request: (r, x) => ({
      url: `/api/v1/assessments/${r.assessment.id}/evidence?criterion=${r.scheme.definition.parts[0]!.criteria[0]!.code}`,
      multipart: { field: 'file', filename: 'foto.png', type: 'image/png', data: x.png },
    }),
  },
  'POST /api/v1/assessments/{id}/finalise': {
    rule: policy(check(assessmentPolicy, 'finalise', grp)),
    request: (r) => ({ url: `/api/v1/assessments/${r.assessment.id}/finalise`, payload: { version: 1 } }),
  },
  'POST /api/v1/assessments/{id}/appeals': {
    rule: policy(check(assessmentPolicy, 'appeal', grp)),
    request: (r) => ({
      url: `/api/v1/assessments/${r.assessment.id}/appeals`,
      payload: { reason: 'Skor terlalu rendah' },
    }),
  },
  'POST /api/v1/assessments/{id}/appeals/{appealId}/decision': {
    rule: policy(check(assessmentPolicy, 'decideAppeal', grp)),
    request: (r) => ({
      url: `/api/v1/assessments/${r.appealed.id}/appeals/${r.appeal.id}/decision`,
      payload: { decision: 'rejected', note: 'Skor sesuai bukti' },
    }),
  },
  'GET /api/v1/certifications': {
    rule: list(certificationPolicy, grp, (r) => r.certification.id),
    request: () => ({ url: '/api/v1/certifications' }),
  },
  'POST /api/v1/certifications': {
    rule: policy(check(holderPolicy, 'certify', grp)),
    request: (r) => ({ url: '/api/v1/certifications', payload: validPirt(r.product.id) }),
  },
  'GET /api/v1/certifications/{id}': {
    rule: policy(check(certificationPolicy, 'read', grp)),
    request: (r) => ({ url: `/api/v1/certifications/${r.certification.id}` }),
  },
  'PATCH /api/v1/certifications/{id}': {
    rule: policy(check(certificationPolicy, 'update', grp)),
    request: async (r, x) => ({
      url: `/api/v1/certifications/${r.certification.id}`,
      payload: {
        version: await x.version(`/api/v1/certifications/${r.certification.id}`),
        issuer: 'Pemerintah Kabupaten',
      },
    }),
  },
  'DELETE /api/v1/certifications/{id}': {
    rule: policy(check(certificationPolicy, 'delete', grp)),
    request: async (r, x) => ({
      url: `/api/v1/certifications/${(await x.post('/api/v1/certifications', validPirt(r.product.id))).id}`,
    }),
  },
  'PUT /api/v1/certifications/{id}/document': {
    rule: policy(check(certificationPolicy, 'attachDocument', grp)),
    request: (r) => ({
      url: `/api/v1/certifications/${r.certification.id}/document`,
      multipart: { field: 'document', filename: 'pirt.pdf', type: 'application/pdf', data: PDF },
    }),
  },
  'GET /api/v1/products/{id}/export-readiness': {
    rule: policy(check(productPolicy, 'read', grp)),
    request: (r) => ({ url: `/api/v1/products/${r.product.id}/export-readiness` }),
  },
  'GET /api/v1/groups/{id}/books': {
    rule: policy(check(booksPolicy, 'read', grp)),
    request: (r) => ({ url: `/api/v1/groups/${r.group.id}/books` }),
  },
  'POST /api/v1/groups/{id}/accounts': {
    rule: policy(check(booksPolicy, 'addAccount', grp)),
    request: (r) => ({
      url: `/api/v1/groups/${r.group.id}/accounts`,
      payload: { code: '6-190', name: { id: 'Biaya lain' }, line: 'expenses' },
    }),
  },
  'POST /api/v1/groups/{id}/transactions': {
    rule: policy(check(booksPolicy, 'post', grp)),
    request: (r) => ({
      url: `/api/v1/groups/${r.group.id}/transactions`,
      payload: { kind: 'cash_sale', date: '2026-03-06', amount: money('10000') },
    }),
  },
  'GET /api/v1/groups/{id}/journal': {
    rule: policy(check(booksPolicy, 'read', grp)),
    request: (r) => ({ url: `/api/v1/groups/${r.group.id}/journal` }),
  },
  'POST /api/v1/groups/{id}/journal': {
    rule: policy(check(booksPolicy, 'post', grp)),
    request: (r) => ({
      url: `/api/v1/groups/${r.group.id}/journal`,
      payload: {
        date: '2026-03-07',
        memo: 'Penyusutan',
        lines: [
          { accountCode: '6-107', debit: '100' },
          { accountCode: '1-402', credit: '100' },
        ],
      },
    }),
  },
  'GET /api/v1/groups/{id}/journal/{entryId}': {
    rule: policy(check(booksPolicy, 'read', grp)),
    request: (r) => ({ url: `/api/v1/groups/${r.group.id}/journal/${r.entry.id}` }),
  },
  'POST /api/v1/groups/{id}/journal/{entryId}/reverse': {
    rule: policy(check(booksPolicy, 'reverse', grp)),
    request: (r) => ({ url: `/api/v1/groups/${r.group.id}/journal/${r.entry.id}/reverse`, payload: {} }),
  },
  'POST /api/v1/groups/{id}/periods/close': {
    rule: policy(check(booksPolicy, 'closePeriod', grp)),
    request: (r) => ({ url: `/api/v1/groups/${r.group.id}/periods/close`, payload: { month: '2026-01' } }),
  },
  'PUT /api/v1/groups/{id}/books/settings': {
    rule: policy(check(booksPolicy, 'settings', grp)),
    request: (r) => ({ url: `/api/v1/groups/${r.group.id}/books/settings`, payload: { finalTaxFrom: '2026-01' } }),
  },
  'POST /api/v1/groups/{id}/final-tax/payments': {
    rule: policy(check(booksPolicy, 'post', grp)),
    request: (r) => ({
      url: `/api/v1/groups/${r.group.id}/final-tax/payments`,
      payload: { month: '2026-02', date: '2026-03-10' },
    }),
  },
  'GET /api/v1/groups/{id}/assets': {
    rule: policy(check(booksPolicy, 'read', grp)),
    request: (r) => ({ url: `/api/v1/groups/${r.group.id}/assets` }),
  },
  'POST /api/v1/groups/{id}/depreciation': {
    rule: policy(check(booksPolicy, 'post', grp)),
    request: (r) => ({ url: `/api/v1/groups/${r.group.id}/depreciation`, payload: { month: '2026-02' } }),
  },
  'POST /api/v1/groups/{id}/assets/{assetId}/dispose': {
    rule: policy(check(booksPolicy, 'post', grp)),
    request: (r) => ({
      url: `/api/v1/groups/${r.group.id}/assets/${r.asset.id}/dispose`,
      payload: { date: '2026-03-10', proceeds: money('2000000'), via: 'cash' },
    }),
  },
  'GET /api/v1/groups/{id}/books/inventory-check': {
    rule: policy(check(booksPolicy, 'read', grp)),
    request: (r) => ({ url: `/api/v1/groups/${r.group.id}/books/inventory-check?on=2026-03-31` }),
  },
  'GET /api/v1/groups/{id}/reports/cash-book': {
    rule: policy(check(booksPolicy, 'read', grp)),
    request: (r) => ({ url: `/api/v1/groups/${r.group.id}/reports/cash-book?month=2026-03` }),
  },
  'GET /api/v1/groups/{id}/reports/cash-book/file': {
    rule: policy(check(booksPolicy, 'read', grp)),
    request: (r) => ({ url: `/api/v1/groups/${r.group.id}/reports/cash-book/file?month=2026-03&format=xlsx` }),
  },
  'GET /api/v1/groups/{id}/reports/financial-position': {
    rule: policy(check(booksPolicy, 'read', grp)),
    request: (r) => ({ url: `/api/v1/groups/${r.group.id}/reports/financial-position?at=2026-03-31` }),
  },
  'GET /api/v1/groups/{id}/reports/income-statement': {
    rule: policy(check(booksPolicy, 'read', grp)),
    request: (r) => ({ url: `/api/v1/groups/${r.group.id}/reports/income-statement?from=2026-01-01&to=2026-03-31` }),
  },
  'GET /api/v1/groups/{id}/reports/notes': {
    rule: policy(check(booksPolicy, 'read', grp)),
    request: (r) => ({ url: `/api/v1/groups/${r.group.id}/reports/notes?from=2026-01-01&to=2026-03-31` }),
  },
  'GET /api/v1/groups/{id}/reports/statements': {
    rule: policy(check(booksPolicy, 'read', grp)),
    request: (r) => ({
      url: `/api/v1/groups/${r.group.id}/reports/statements?from=2026-01-01&to=2026-03-31&format=xlsx`,
    }),
  },
  'POST /api/v1/hpp': {
    rule: SIGNED_IN,
    places: ONCE,
    request: () => ({
      url: '/api/v1/hpp',
      payload: { currency: 'IDR', units: '100', materials: [], markupPercent: '20' },
    }),
  },
  'GET /api/v1/batches': {
    rule: list(batchesPolicy, grp, (r) => r.batch.id),
    request: () => ({ url: '/api/v1/batches' }),
  },
  'POST /api/v1/batches': {
    rule: policy(check(batchesPolicy, 'read', grp), check(batchesPolicy, 'create', grp)),
    request: (r, x) => ({
      url: '/api/v1/batches',
      payload: {
        productId: r.product.id,
        lotCode: `LOT-${x.unique.toUpperCase()}`,
        quantity: '5',
        producedOn: '2026-02-03',
      },
    }),
  },
  'GET /api/v1/batches/{id}': {
    rule: policy(check(batchesPolicy, 'read', grp)),
    request: (r) => ({ url: `/api/v1/batches/${r.batch.id}` }),
  },
  'GET /api/v1/batches/{id}/movements': {
    rule: policy(check(batchesPolicy, 'read', grp)),
    request: (r) => ({ url: `/api/v1/batches/${r.batch.id}/movements` }),
  },
  'POST /api/v1/batches/{id}/movements': {
    rule: policy(check(batchesPolicy, 'recordMovement', grp)),
    request: (r) => ({
      url: `/api/v1/batches/${r.batch.id}/movements`,
      payload: { kind: 'sample', quantity: '1', on: '2026-02-04' },
    }),
  },
  'GET /api/v1/batches/{id}/label.png': {
    rule: policy(check(batchesPolicy, 'read', grp)),
    request: (r) => ({ url: `/api/v1/batches/${r.batch.id}/label.png` }),
  },
  'GET /api/v1/batches/{id}/label.pdf': {
    rule: policy(check(batchesPolicy, 'read', grp)),
    request: (r) => ({ url: `/api/v1/batches/${r.batch.id}/label.pdf` }),
  },
  'GET /api/v1/provenance/batches/{id}': {
    rule: OPEN,
    request: (r) => ({ url: `/api/v1/provenance/batches/${r.batch.id}` }),
  },
  'GET /api/v1/courses': {
    rule: list(coursePolicy, prog, (r) => r.course.id),
    request: (r) => ({ url: `/api/v1/courses?programId=${r.programId}` }),
  },
  'POST /api/v1/courses': {
    rule: policy(check(trainingProgramPolicy, 'createCourse', prog)),
    request: (r) => ({
      url: '/api/v1/courses',
      payload: { programId: r.programId, title: { id: 'Pemasaran' }, topic: 'marketing', durationHours: 8 },
    }),
  },
  'GET /api/v1/courses/{id}': {
    rule: policy(check(coursePolicy, 'read', prog)),
    request: (r) => ({ url: `/api/v1/courses/${r.course.id}` }),
  },
  'PATCH /api/v1/courses/{id}': {
    rule: policy(check(coursePolicy, 'update', prog)),
    request: async (r, x) => ({
      url: `/api/v1/courses/${r.course.id}`,
      payload: { version: await x.version(`/api/v1/courses/${r.course.id}`), durationHours: 16 },
    }),
  },
  'POST /api/v1/courses/{id}/materials': {
    rule: policy(check(coursePolicy, 'update', prog)),
    request: (r) => ({
      url: `/api/v1/courses/${r.course.id}/materials?title=Panduan`,
      multipart: { field: 'file', filename: 'panduan.pdf', type: 'application/pdf', data: PDF },
    }),
  },
  'GET /api/v1/sessions': {
    rule: list(sessionPolicy, offer, (r) => r.session.id),
    request: (r) => ({ url: `/api/v1/sessions?programId=${r.programId}` }),
  },
  'POST /api/v1/sessions': {
    rule: policy(check(trainingProgramPolicy, 'planSession', prog)),
    request: (r) => ({ url: '/api/v1/sessions', payload: sessionBody(r) }),
  },
  'GET /api/v1/sessions/{id}': {
    rule: policy(check(sessionPolicy, 'read', offer)),
    request: (r) => ({ url: `/api/v1/sessions/${r.session.id}` }),
  },
  'POST /api/v1/sessions/{id}/cancel': {
    rule: policy(check(sessionPolicy, 'run', offer)),
    request: async (r, x) => ({
      url: `/api/v1/sessions/${(await x.post('/api/v1/sessions', sessionBody(r))).id}/cancel`,
    }),
  },
  'GET /api/v1/sessions/{id}/enrolments': {
    rule: list(enrolmentPolicy, participant, (r) => r.enrolment.id),
    request: (r) => ({ url: `/api/v1/sessions/${r.session.id}/enrolments` }),
  },
  // The member is a choice named in the body: one outside the caller's scope is refused 403
  // (enrolments.service; sessions.test.ts), as for areas to enrol.
  'POST /api/v1/sessions/{id}/enrolments': {
    rule: policy(check(sessionPolicy, 'enrol', offer), check(enrolmentPolicy, 'enrol', participant, 403)),
    request: (r) => ({ url: `/api/v1/sessions/${r.session.id}/enrolments`, payload: { memberId: r.member.id } }),
  },
  'POST /api/v1/sessions/{id}/enrolments/{enrolmentId}/cancel': {
    rule: policy(check(enrolmentPolicy, 'withdraw', participant)),
    request: async (r, x) => {
      const member = await x.post(`/api/v1/groups/${r.group.id}/members`, memberBody);
      const enrolment = await x.post(`/api/v1/sessions/${r.session.id}/enrolments`, { memberId: member.id });
      return { url: `/api/v1/sessions/${r.session.id}/enrolments/${enrolment.id}/cancel` };
    },
  },
  'GET /api/v1/sessions/{id}/attendance/{date}': {
    // The register names every participant: for those who keep it.
    rule: policy(check(sessionPolicy, 'markAttendance', offer)),
    request: (r) => ({ url: `/api/v1/sessions/${r.session.id}/attendance/2026-03-02` }),
  },
  'PUT /api/v1/sessions/{id}/attendance/{date}': {
    rule: policy(check(sessionPolicy, 'markAttendance', offer)),
    request: (r) => ({
      url: `/api/v1/sessions/${r.session.id}/attendance/2026-03-02`,
      payload: { items: [{ memberId: r.member.id, present: true }] },
    }),
  },
  'GET /api/v1/sessions/{id}/tests/{kind}': {
    rule: policy(check(sessionPolicy, 'read', offer)),
    request: (r) => ({ url: `/api/v1/sessions/${r.session.id}/tests/post` }),
  },
  'POST /api/v1/sessions/{id}/enrolments/{enrolmentId}/tests/{kind}': {
    rule: policy(check(enrolmentPolicy, 'recordTest', participant)),
    request: (r) => ({
      url: `/api/v1/sessions/${r.session.id}/enrolments/${r.enrolment.id}/tests/post`,
      payload: { answers: right(5) },
    }),
  },
  'GET /api/v1/certificates/{id}': {
    rule: policy(check(certificatePolicy, 'read', participant)),
    request: (r) => ({ url: `/api/v1/certificates/${r.certificateId}` }),
  },
  'GET /api/v1/certificates/{id}.pdf': {
    rule: policy(check(certificatePolicy, 'read', participant)),
    request: (r) => ({ url: `/api/v1/certificates/${r.certificateId}.pdf` }),
  },
  'GET /api/v1/certificates/{id}/verification': {
    rule: OPEN,
    request: (r) => ({ url: `/api/v1/certificates/${r.certificateId}/verification` }),
  },
  'POST /api/v1/certificates/{id}/revoke': {
    rule: policy(check(certificatePolicy, 'revoke', participant)),
    request: (r) => ({ url: `/api/v1/certificates/${r.certificateId}/revoke` }),
  },
  'GET /api/v1/certificate-verification': {
    rule: OPEN,
    places: ONCE,
    // A number whose check character is wrong: answered 400 "mistyped" to anyone, signed in or not.
    request: () => ({ url: '/api/v1/certificate-verification?number=2222-2222-223' }),
  },
  'GET /api/v1/programs/{id}/certificate-settings': {
    rule: policy(check(trainingProgramPolicy, 'readCertificateSettings', prog)),
    request: (r) => ({ url: `/api/v1/programs/${r.programId}/certificate-settings` }),
  },
  'PUT /api/v1/programs/{id}/certificate-settings': {
    rule: policy(check(trainingProgramPolicy, 'setCertificateSettings', prog)),
    request: (r) => ({
      url: `/api/v1/programs/${r.programId}/certificate-settings`,
      payload: { issuer: 'Dinas Koperasi dan UKM' },
    }),
  },
  'PUT /api/v1/programs/{id}/certificate-settings/signature': {
    rule: policy(check(trainingProgramPolicy, 'setCertificateSettings', prog)),
    request: (r, x) => ({
      url: `/api/v1/programs/${r.programId}/certificate-settings/signature`,
      multipart: { field: 'signature', filename: 'signature.png', type: 'image/png', data: x.png },
    }),
  },
  'GET /api/v1/programs/{id}/certificate-settings/signature.png': {
    rule: policy(check(trainingProgramPolicy, 'readCertificateSettings', prog)),
    request: async (r, x) => {
      const url = `/api/v1/programs/${r.programId}/certificate-settings/signature`;
      await x.upload(url, 'signature', x.png, 'image/png');
      return { url: `${url}.png` };
    },
  },
  'GET /api/v1/members/{id}/training': {
    rule: policy(check(learningRecordPolicy, 'read', grp)),
    request: (r) => ({ url: `/api/v1/members/${r.member.id}/training` }),
  },
  'GET /api/v1/groups/{id}/training': {
    rule: policy(check(learningRecordPolicy, 'read', grp)),
    request: (r) => ({ url: `/api/v1/groups/${r.group.id}/training` }),
  },
  'GET /api/v1/programs/{id}/training-summary': {
    rule: policy(check(trainingProgramPolicy, 'read', prog)),
    request: (r) => ({ url: `/api/v1/programs/${r.programId}/training-summary` }),
  },
  'GET /api/v1/catalog/products': { rule: OPEN, places: ONCE, request: () => ({ url: '/api/v1/catalog/products' }) },
  'GET /api/v1/catalog/products/{id}': {
    rule: OPEN,
    request: (r) => ({ url: `/api/v1/catalog/products/${r.product.id}` }),
  },
  'GET /api/v1/catalog/rating-schemes/{id}': {
    rule: OPEN,
    request: (r) => ({ url: `/api/v1/catalog/rating-schemes/${r.scheme.id}` }),
  },
  'GET /api/v1/community/mine': {
    rule: { kind: 'signedIn' },
    places: ONCE,
    request: () => ({ url: '/api/v1/community/mine' }),
  },
  'GET /api/v1/community/{programId}/spaces': {
    rule: policy(check(spacePolicy, 'read', topic)),
    request: (r) => ({ url: `/api/v1/community/${r.programId}/spaces` }),
  },
  'GET /api/v1/community/{programId}/search': {
    rule: policy(check(spacePolicy, 'read', topic)),
    request: (r) => ({ url: `/api/v1/community/${r.programId}/search?q=kemasan` }),
  },
  'GET /api/v1/community/spaces/{id}': {
    rule: policy(check(spacePolicy, 'read', topic)),
    request: async (r, x) => ({ url: `/api/v1/community/spaces/${(await freshThread(r, x)).spaceId}` }),
  },
  'GET /api/v1/community/spaces/{id}/threads': {
    rule: policy(check(spacePolicy, 'read', topic)),
    request: async (r, x) => ({ url: `/api/v1/community/spaces/${(await freshThread(r, x)).spaceId}/threads` }),
  },
  'POST /api/v1/community/spaces/{id}/threads': {
    rule: policy(check(spacePolicy, 'post', topic)),
    request: async (r, x) => ({
      url: `/api/v1/community/spaces/${(await freshThread(r, x)).spaceId}/threads`,
      payload: { title: 'Label pangan', body: 'Apa yang wajib di label?', kind: 'question', language: 'id' },
    }),
  },
  'GET /api/v1/community/threads/{id}': {
    rule: policy(check(spacePolicy, 'read', topic)),
    request: async (r, x) => ({ url: `/api/v1/community/threads/${(await freshThread(r, x)).threadId}` }),
  },
  'POST /api/v1/community/threads/{id}/replies': {
    rule: policy(check(spacePolicy, 'post', topic)),
    request: async (r, x) => ({
      url: `/api/v1/community/threads/${(await freshThread(r, x)).threadId}/replies`,
      payload: { body: 'Coba kemasan aluminium foil.' },
    }),
  },
  'PUT /api/v1/community/threads/{id}/follow': {
    rule: policy(check(spacePolicy, 'read', topic)),
    request: async (r, x) => ({ url: `/api/v1/community/threads/${(await freshThread(r, x)).threadId}/follow` }),
  },
  'DELETE /api/v1/community/threads/{id}/follow': {
    rule: policy(check(spacePolicy, 'read', topic)),
    request: async (r, x) => ({ url: `/api/v1/community/threads/${(await freshThread(r, x)).threadId}/follow` }),
  },
  'POST /api/v1/community/threads/{id}/accept': {
    // The asker (the admin here) or a mentor or community manager of the program.
    rule: policy(check(answerPolicy, 'accept', (r) => ({ ...topic(r), ownerId: 'the-admin-asked' }))),
    request: async (r, x) => {
      const { threadId, replyId } = await freshThread(r, x);
      return { url: `/api/v1/community/threads/${threadId}/accept`, payload: { postId: replyId } };
    },
  },
  'POST /api/v1/community/threads/{id}/lock': {
    rule: policy(check(spacePolicy, 'read', topic), check(spacePolicy, 'moderate', topic)),
    request: async (r, x) => ({
      url: `/api/v1/community/threads/${(await freshThread(r, x)).threadId}/lock`,
      payload: { reason: 'Tidak pantas' },
    }),
  },
  'POST /api/v1/community/threads/{id}/unlock': {
    rule: policy(check(spacePolicy, 'read', topic), check(spacePolicy, 'moderate', topic)),
    request: async (r, x) => ({
      url: `/api/v1/community/threads/${(await freshThread(r, x)).threadId}/unlock`,
      payload: { reason: 'Tidak pantas' },
    }),
  },
  'POST /api/v1/community/posts/{id}/helpful': {
    rule: policy(check(spacePolicy, 'read', topic)),
    request: async (r, x) => ({ url: `/api/v1/community/posts/${(await freshThread(r, x)).replyId}/helpful` }),
  },
  'POST /api/v1/community/posts/{id}/report': {
    rule: policy(check(spacePolicy, 'read', topic)),
    request: async (r, x) => ({
      url: `/api/v1/community/posts/${(await freshThread(r, x)).replyId}/report`,
      payload: { reason: 'spam' },
    }),
  },
  'POST /api/v1/community/posts/{id}/hide': {
    rule: policy(check(spacePolicy, 'read', topic), check(spacePolicy, 'moderate', topic)),
    request: async (r, x) => ({
      url: `/api/v1/community/posts/${(await freshThread(r, x)).replyId}/hide`,
      payload: { reason: 'Tidak pantas' },
    }),
  },
  'POST /api/v1/community/posts/{id}/restore': {
    rule: policy(check(spacePolicy, 'read', topic), check(spacePolicy, 'moderate', topic)),
    request: async (r, x) => ({
      url: `/api/v1/community/posts/${(await freshThread(r, x)).replyId}/restore`,
      payload: { reason: 'Tidak pantas' },
    }),
  },
  'GET /api/v1/community/{programId}/members': {
    rule: policy(check(spacePolicy, 'read', topic)),
    request: (r) => ({ url: `/api/v1/community/${r.programId}/members?q=ka` }),
  },
  'GET /api/v1/community/{programId}/sanctions': {
    rule: { kind: 'only', callers: moderatesA, refusal: 404 },
    places: ONCE,
    request: (r) => ({ url: `/api/v1/community/${r.programId}/sanctions` }),
  },
  'POST /api/v1/community/{programId}/sanctions': {
    rule: policy(check(spacePolicy, 'read', vil), check(spacePolicy, 'moderate', vil)),
    request: async (r, x) => ({
      url: `/api/v1/community/${r.programId}/sanctions`,
      payload: { userId: await freshMember(r, x), kind: 'mute', hours: 2, reason: 'Iklan' },
    }),
  },
  'POST /api/v1/community/sanctions/{id}/lift': {
    rule: policy(check(spacePolicy, 'read', vil), check(spacePolicy, 'moderate', vil)),
    request: async (r, x) => ({
      url: `/api/v1/community/sanctions/${await freshSanction(r, x)}/lift`,
      payload: { reason: 'Sudah minta maaf' },
    }),
  },
  'GET /api/v1/community/spaces/{id}/moderators': {
    rule: policy(check(spacePolicy, 'read', topic)),
    request: async (r, x) => ({ url: `/api/v1/community/spaces/${(await freshThread(r, x)).spaceId}/moderators` }),
  },
  'PUT /api/v1/community/spaces/{id}/moderators/{userId}': {
    rule: policy(check(spacePolicy, 'read', topic), check(spacePolicy, 'moderate', topic)),
    request: async (r, x) => ({
      url: `/api/v1/community/spaces/${(await freshThread(r, x)).spaceId}/moderators/${await freshMember(r, x)}`,
    }),
  },
  'DELETE /api/v1/community/spaces/{id}/moderators/{userId}': {
    rule: policy(check(spacePolicy, 'read', topic), check(spacePolicy, 'moderate', topic)),
    request: async (r, x) => ({
      url: `/api/v1/community/spaces/${(await freshThread(r, x)).spaceId}/moderators/${r.trainer.id}`,
    }),
  },
  'GET /api/v1/community/{programId}/reports': {
    rule: { kind: 'only', callers: moderatesA, refusal: 404 },
    places: ONCE,
    request: (r) => ({ url: `/api/v1/community/${r.programId}/reports` }),
  },
  'GET /api/v1/community/{programId}/moderation-log': {
    rule: { kind: 'only', callers: moderatesA, refusal: 404 },
    places: ONCE,
    request: (r) => ({ url: `/api/v1/community/${r.programId}/moderation-log` }),
  },
  'POST /api/v1/community/posts/{id}/resolve': {
    rule: policy(check(spacePolicy, 'read', topic), check(spacePolicy, 'moderate', topic)),
    request: async (r, x) => ({
      url: `/api/v1/community/posts/${(await freshThread(r, x)).replyId}/resolve`,
      payload: { action: 'dismiss', reason: 'Tidak melanggar' },
    }),
  },
  'GET /api/v1/community/{programId}/rules': {
    rule: OPEN,
    places: ONCE,
    request: (r) => ({ url: `/api/v1/community/${r.programId}/rules` }),
  },
  'POST /api/v1/community/{programId}/rules': {
    rule: policy(check(communityProgramPolicy, 'writeRules', prog)),
    request: (r) => ({ url: `/api/v1/community/${r.programId}/rules`, payload: { text: { id: 'Aturan.' } } }),
  },
  'POST /api/v1/community/{programId}/joins': {
    rule: OPEN,
    places: ONCE,
    request: async (r, x) => ({
      url: `/api/v1/community/${r.programId}/joins`,
      payload: await joinBody(r, x),
    }),
  },
  'GET /api/v1/community/{programId}/joins': {
    rule: list(joinPolicy, vil, (r) => r.joinId),
    request: (r) => ({ url: `/api/v1/community/${r.programId}/joins` }),
  },
  'POST /api/v1/community/joins/{id}/welcome': {
    rule: policy(check(joinPolicy, 'decide', vil)),
    request: async (r, x) => ({ url: `/api/v1/community/joins/${await freshJoin(r, x)}/welcome` }),
  },
  'POST /api/v1/community/joins/{id}/decline': {
    rule: policy(check(joinPolicy, 'decide', vil)),
    request: async (r, x) => ({ url: `/api/v1/community/joins/${await freshJoin(r, x)}/decline` }),
  },
  'GET /api/v1/community/{programId}/mentors': {
    rule: policy(check(mentorPolicy, 'read', prog)),
    request: (r) => ({ url: `/api/v1/community/${r.programId}/mentors?topic=packaging` }),
  },
  'GET /api/v1/community/{programId}/profile': {
    rule: MEMBER_HERSELF,
    request: (r) => ({ url: `/api/v1/community/${r.programId}/profile` }),
  },
  'PUT /api/v1/community/{programId}/profile': {
    rule: MEMBER_HERSELF,
    request: (r) => ({
      url: `/api/v1/community/${r.programId}/profile`,
      payload: { offers: '', public: { business: true, offers: false, phone: false, email: false, group: false } },
    }),
  },
  'GET /api/v1/community/people/{id}': {
    rule: OPEN,
    request: async (r, x) => ({ url: `/api/v1/community/people/${await freshMemberPage(r, x)}` }),
  },
  'GET /api/v1/community/{programId}/mentors/me': {
    rule: SIGNED_IN,
    places: ONCE,
    request: (r) => ({ url: `/api/v1/community/${r.programId}/mentors/me` }),
  },
  'PUT /api/v1/community/{programId}/mentors/me': {
    rule: policy(check(mentorPolicy, 'read', prog), check(mentorPolicy, 'mentor', prog)),
    request: (r) => ({
      url: `/api/v1/community/${r.programId}/mentors/me`,
      payload: { topics: ['packaging'], languages: ['id'], monthlyCapacity: 100 },
    }),
  },
  'POST /api/v1/community/mentors/{id}/requests': {
    rule: policy(check(membersAsk, 'read', prog), check(membersAsk, 'request', prog)),
    request: (r) => ({
      url: `/api/v1/community/mentors/${r.mentorId}/requests`,
      payload: { topic: 'packaging', message: 'Kemasan?' },
    }),
  },
  'GET /api/v1/community/{programId}/mentorships': {
    rule: list(mentorshipPolicy, ship, (r) => r.mentorshipId),
    request: (r) => ({ url: `/api/v1/community/${r.programId}/mentorships` }),
  },
  'GET /api/v1/community/mentorships/{id}': {
    rule: policy(check(mentorshipPolicy, 'read', ship)),
    request: (r) => ({ url: `/api/v1/community/mentorships/${r.mentorshipId}` }),
  },
  'POST /api/v1/community/mentorships/{id}/accept': {
    rule: policy(check(mentorshipPolicy, 'read', ship), check(mentorshipPolicy, 'decide', ship)),
    request: (r) => ({ url: `/api/v1/community/mentorships/${r.mentorshipId}/accept` }),
  },
  'POST /api/v1/community/mentorships/{id}/decline': {
    rule: policy(check(mentorshipPolicy, 'read', ship), check(mentorshipPolicy, 'decide', ship)),
    request: (r) => ({ url: `/api/v1/community/mentorships/${r.mentorshipId}/decline`, payload: { reason: 'Penuh' } }),
  },
  'POST /api/v1/community/mentorships/{id}/sessions': {
    rule: policy(check(mentorshipPolicy, 'read', ship), check(mentorshipPolicy, 'record', ship)),
    request: (r) => ({
      url: `/api/v1/community/mentorships/${r.mentorshipId}/sessions`,
      payload: { heldOn: '2026-03-03', mode: 'online' },
    }),
  },
  'POST /api/v1/community/mentoring-sessions/{id}/follow-ups': {
    rule: policy(check(mentorshipPolicy, 'read', ship), check(mentorshipPolicy, 'record', ship)),
    request: (r) => ({
      url: `/api/v1/community/mentoring-sessions/${r.mentoringSessionId}/follow-ups`,
      payload: { text: 'Foto produk' },
    }),
  },
  'PATCH /api/v1/community/mentoring-sessions/{id}/follow-ups/{followUpId}': {
    rule: policy(check(mentorshipPolicy, 'read', ship), check(mentorshipPolicy, 'record', ship)),
    request: (r) => ({
      url: `/api/v1/community/mentoring-sessions/${r.mentoringSessionId}/follow-ups/${r.followUpId}`,
      payload: { done: true },
    }),
  },
  'POST /api/v1/community/mentoring-sessions/{id}/feedback': {
    rule: policy(check(feedbackOf, 'feedback', menteeOf)),
    request: (r) => ({
      url: `/api/v1/community/mentoring-sessions/${r.mentoringSessionId}/feedback`,
      payload: { rating: 5 },
    }),
  },
  'GET /api/v1/stories/{id}': {
    rule: OPEN,
    request: (r) => ({ url: `/api/v1/stories/${r.publishedStoryId}` }),
  },
  'GET /api/v1/community/{programId}/public-stories': {
    rule: OPEN,
    places: ONCE,
    request: (r) => ({ url: `/api/v1/community/${r.programId}/public-stories` }),
  },
  'GET /api/v1/community/{programId}/stories': {
    rule: list(storyPolicy, grp, (r) => r.storyId),
    request: (r) => ({ url: `/api/v1/community/${r.programId}/stories` }),
  },
  'POST /api/v1/community/stories': {
    rule: policy(check(storyPolicy, 'read', grp), check(storyPolicy, 'draft', grp)),
    request: (r) => ({
      url: '/api/v1/community/stories',
      payload: { groupId: r.group.id, title: { id: 'Cerita' }, body: { id: 'Isi cerita.' } },
    }),
  },
  'GET /api/v1/community/stories/{id}': {
    rule: policy(check(storyPolicy, 'read', grp)),
    request: (r) => ({ url: `/api/v1/community/stories/${r.storyId}` }),
  },
  'PATCH /api/v1/community/stories/{id}': {
    rule: policy(check(storyPolicy, 'read', grp), check(storyPolicy, 'draft', grp)),
    request: (r) => ({ url: `/api/v1/community/stories/${r.storyId}`, payload: { version: 1, title: { id: 'Baru' } } }),
  },
  'POST /api/v1/community/stories/{id}/photos': {
    rule: policy(check(storyPolicy, 'read', grp), check(storyPolicy, 'draft', grp)),
    request: (r, x) => ({
      url: `/api/v1/community/stories/${r.storyId}/photos`,
      multipart: { field: 'photo', filename: 'kebun.png', type: 'image/png', data: x.png },
    }),
  },
  'POST /api/v1/community/stories/{id}/submit': {
    rule: policy(check(storyPolicy, 'read', grp), check(storyPolicy, 'draft', grp)),
    request: (r) => ({ url: `/api/v1/community/stories/${r.storyId}/submit` }),
  },
  'POST /api/v1/community/stories/{id}/publish': {
    rule: policy(check(storyPolicy, 'read', grp), check(storyPolicy, 'review', grp)),
    request: (r) => ({ url: `/api/v1/community/stories/${r.storyId}/publish` }),
  },
  'POST /api/v1/community/stories/{id}/send-back': {
    rule: policy(check(storyPolicy, 'read', grp), check(storyPolicy, 'review', grp)),
    request: (r) => ({ url: `/api/v1/community/stories/${r.storyId}/send-back`, payload: { comment: 'Foto?' } }),
  },
  'GET /api/v1/programs/{id}/story-templates': {
    rule: policy(check(storyTemplatePolicy, 'read', prog)),
    request: (r) => ({ url: `/api/v1/programs/${r.programId}/story-templates` }),
  },
  'POST /api/v1/programs/{id}/story-templates': {
    rule: policy(check(storyTemplatePolicy, 'read', prog), check(storyTemplatePolicy, 'manage', prog)),
    request: (r) => ({
      url: `/api/v1/programs/${r.programId}/story-templates`,
      payload: { definition: { title: { id: 'Kisah' }, sections: [{ heading: { id: 'A' }, prompt: { id: 'B' } }] } },
    }),
  },
  'GET /api/v1/story-templates/{id}': {
    rule: policy(check(storyTemplatePolicy, 'read', prog)),
    request: (r) => ({ url: `/api/v1/story-templates/${r.storyTemplateId}` }),
  },
  'PATCH /api/v1/story-templates/{id}': {
    rule: policy(check(storyTemplatePolicy, 'read', prog), check(storyTemplatePolicy, 'manage', prog)),
    request: async (r, x) => {
      const current = (await x.get(`/api/v1/story-templates/${r.storyTemplateId}`)) as {
        version: number;
        definition: unknown;
      };
      return {
        url: `/api/v1/story-templates/${r.storyTemplateId}`,
        payload: { version: current.version, definition: current.definition },
      };
    },
  },
  'POST /api/v1/story-templates/{id}/archive': {
    rule: policy(check(storyTemplatePolicy, 'read', prog), check(storyTemplatePolicy, 'manage', prog)),
    request: async (r, x) => ({
      url: `/api/v1/story-templates/${r.storyTemplateId}/archive`,
      payload: {
        version: ((await x.get(`/api/v1/story-templates/${r.storyTemplateId}`)) as { version: number }).version,
      },
    }),
  },
  'POST /api/v1/story-templates/{id}/restore': {
    rule: policy(check(storyTemplatePolicy, 'read', prog), check(storyTemplatePolicy, 'manage', prog)),
    request: async (r, x) => ({
      url: `/api/v1/story-templates/${r.storyTemplateId}/restore`,
      payload: {
        version: ((await x.get(`/api/v1/story-templates/${r.storyTemplateId}`)) as { version: number }).version,
      },
    }),
  },
  'GET /api/v1/story-templates/{id}/export': {
    rule: policy(check(storyTemplatePolicy, 'read', prog), check(storyTemplatePolicy, 'manage', prog)),
    request: (r) => ({ url: `/api/v1/story-templates/${r.storyTemplateId}/export` }),
  },
  'POST /api/v1/programs/{id}/story-templates/import': {
    rule: policy(check(storyTemplatePolicy, 'read', prog), check(storyTemplatePolicy, 'manage', prog)),
    request: async (r, x) => ({
      url: `/api/v1/programs/${r.programId}/story-templates/import`,
      payload: await x.get(`/api/v1/story-templates/${r.storyTemplateId}/export`),
    }),
  },
  'GET /api/v1/community/{programId}/events': {
    rule: policy(check(eventPolicy, 'read', topic)),
    request: (r) => ({ url: `/api/v1/community/${r.programId}/events` }),
  },
  'POST /api/v1/community/{programId}/events': {
    rule: policy(check(eventPolicy, 'organise', vil)),
    request: (r) => ({ url: `/api/v1/community/${r.programId}/events`, payload: eventBody(r) }),
  },
  'GET /api/v1/community/{programId}/public-events': {
    rule: OPEN,
    request: (r) => ({ url: `/api/v1/community/${r.programId}/public-events` }),
  },
  'GET /api/v1/community/public-events/{id}': {
    rule: OPEN,
    request: async (r, x) => ({ url: `/api/v1/community/public-events/${await freshPublicEvent(r, x)}` }),
  },
  'GET /api/v1/community/public-events/{id}/calendar': {
    rule: OPEN,
    request: async (r, x) => ({ url: `/api/v1/community/public-events/${await freshPublicEvent(r, x)}/calendar` }),
  },
  'GET /api/v1/community/events/{id}': {
    rule: policy(check(eventPolicy, 'read', vil)),
    request: async (r, x) => ({ url: `/api/v1/community/events/${await freshEvent(r, x)}` }),
  },
  'PUT /api/v1/community/events/{id}/rsvp': {
    rule: policy(check(eventPolicy, 'rsvp', vil)),
    request: async (r, x) => ({
      url: `/api/v1/community/events/${await freshEvent(r, x)}/rsvp`,
      payload: { going: true },
    }),
  },
  'GET /api/v1/community/events/{id}/ticket': {
    // Past authorization, one who is not going is told so (422).
    rule: policy(check(eventPolicy, 'rsvp', vil)),
    request: async (r, x) => ({ url: `/api/v1/community/events/${await freshEvent(r, x)}/ticket` }),
  },
  'POST /api/v1/community/events/{id}/check-in': {
    rule: policy(check(eventPolicy, 'read', vil), check(eventPolicy, 'organise', vil)),
    request: async (r, x) => ({
      url: `/api/v1/community/events/${await freshEvent(r, x)}/check-in`,
      payload: { code: 'ZZZZZ-ZZZZZ' },
    }),
  },
  'PATCH /api/v1/community/events/{id}': {
    rule: policy(check(eventPolicy, 'read', vil), check(eventPolicy, 'organise', vil)),
    request: async (r, x) => ({
      url: `/api/v1/community/events/${await freshEvent(r, x)}`,
      payload: { address: 'Balai Banjar' },
    }),
  },
  'POST /api/v1/community/events/{id}/cancel': {
    rule: policy(check(eventPolicy, 'read', vil), check(eventPolicy, 'organise', vil)),
    request: async (r, x) => ({ url: `/api/v1/community/events/${await freshEvent(r, x)}/cancel`, payload: {} }),
  },
  'POST /api/v1/community/posts/{id}/translations': {
    rule: policy(check(spacePolicy, 'read', topic), check(spacePolicy, 'moderate', topic)),
    request: async (r, x) => ({
      url: `/api/v1/community/posts/${(await freshThread(r, x)).replyId}/translations`,
      payload: { language: 'en', body: 'A standing pouch.' },
    }),
  },
  'POST /api/v1/community/posts/{id}/photos': {
    rule: policy(check(spacePolicy, 'read', topic), check(postAuthor, 'addPhoto', topic, 403)),
    request: async (r, x) => ({
      url: `/api/v1/community/posts/${(await freshThread(r, x)).replyId}/photos`,
      multipart: { field: 'photo', filename: 'kemasan.png', type: 'image/png', data: x.png },
    }),
  },
  'DELETE /api/v1/community/posts/{id}/photos/{photoId}': {
    // the post's author (the admin) or a moderator of its space
    rule: policy(check(spacePolicy, 'read', topic), check(spacePolicy, 'moderate', topic)),
    request: async (r, x) => {
      const { replyId } = await freshThread(r, x);
      const post = (await x.w.upload(`/api/v1/community/posts/${replyId}/photos`, 'photo', x.png)) as unknown as {
        photos: { id: string }[];
      };
      return { url: `/api/v1/community/posts/${replyId}/photos/${post.photos[0]!.id}` };
    },
  },
  'GET /api/v1/country-packs': {
    rule: PLATFORM_ADMIN,
    places: ONCE,
    request: () => ({ url: '/api/v1/country-packs' }),
  },
  'GET /api/v1/country-packs/{country}/plan': {
    rule: PLATFORM_ADMIN,
    places: ONCE,
    request: () => ({ url: '/api/v1/country-packs/TH/plan' }),
  },
  'POST /api/v1/country-packs/{country}/install': {
    rule: PLATFORM_ADMIN,
    places: ONCE,
    request: () => ({ url: '/api/v1/country-packs/TH/install', payload: {} }),
  },
  'POST /api/v1/country-packs/{country}/programs': {
    rule: PLATFORM_ADMIN,
    places: ONCE,
    request: async (_, x) => {
      await x.post('/api/v1/country-packs/TH/install', {});
      return {
        url: '/api/v1/country-packs/TH/programs',
        payload: { code: `OTOP-${x.unique.toUpperCase()}`, name: 'OTOP', startedOn: '2026-01-01' },
      };
    },
  },
  'GET /api/v1/organisations': {
    rule: SIGNED_IN,
    places: ONCE,
    request: () => ({ url: '/api/v1/organisations' }),
  },
  'POST /api/v1/organisations': {
    rule: PLATFORM_ADMIN,
    places: ONCE,
    request: (_, x) => ({
      url: '/api/v1/organisations',
      payload: { name: `Agency ${x.unique}`, reportingCurrency: 'JPY' },
    }),
  },
  'GET /api/v1/organisations/{id}': {
    rule: ORGANISATION_ADMIN_ONLY,
    places: ONCE,
    request: async (_, x) => ({ url: `/api/v1/organisations/${await freshOrganisation(x)}` }),
  },
  'PUT /api/v1/organisations/{id}/programs/{programId}': {
    rule: PLATFORM_ADMIN,
    places: ONCE,
    request: async (r, x) => ({ url: `/api/v1/organisations/${await freshOrganisation(x)}/programs/${r.programId}` }),
  },
  'PUT /api/v1/organisations/{id}/members/{userId}': {
    rule: PLATFORM_ADMIN,
    places: ONCE,
    request: async (r, x) => ({
      url: `/api/v1/organisations/${await freshOrganisation(x)}/members/${r.staff.id}`,
      payload: { role: 'agency_viewer' },
    }),
  },
  'GET /api/v1/organisations/{id}/impact': {
    rule: ORGANISATION_ADMIN_ONLY,
    places: ONCE,
    request: async (_, x) => ({
      url: `/api/v1/organisations/${await freshOrganisation(x)}/impact?indicator=sales_revenue&period=2026`,
    }),
  },
  'GET /api/v1/organisations/{id}/rates': {
    rule: ORGANISATION_ADMIN_ONLY,
    places: ONCE,
    request: async (_, x) => ({ url: `/api/v1/organisations/${await freshOrganisation(x)}/rates` }),
  },
  'POST /api/v1/organisations/{id}/rates': {
    rule: ORGANISATION_ADMIN_ONLY,
    places: ONCE,
    request: async (_, x) => ({
      url: `/api/v1/organisations/${await freshOrganisation(x)}/rates`,
      payload: { currency: 'IDR', rate: '0.0095', asOf: '2026-01-31' },
    }),
  },
  'GET /api/v1/rating-schemes/{id}/export': {
    rule: policy(check(schemePolicy, 'read', prog), check(schemePolicy, 'update', prog)),
    request: (r) => ({ url: `/api/v1/rating-schemes/${r.scheme.id}/export` }),
  },
  'POST /api/v1/programs/{id}/rating-schemes/import': {
    rule: policy(check(schemePolicy, 'read', prog), check(schemePolicy, 'update', prog)),
    request: async (r, x) => ({
      url: `/api/v1/programs/${r.programId}/rating-schemes/import`,
      payload: await x.get(`/api/v1/rating-schemes/${r.scheme.id}/export`),
    }),
  },
  'GET /api/v1/courses/{id}/export': {
    rule: policy(check(coursePolicy, 'update', prog)),
    request: (r) => ({ url: `/api/v1/courses/${r.course.id}/export` }),
  },
  'POST /api/v1/programs/{id}/courses/import': {
    rule: policy(check(trainingProgramPolicy, 'createCourse', prog)),
    request: async (r, x) => ({
      url: `/api/v1/programs/${r.programId}/courses/import`,
      payload: await x.get(`/api/v1/courses/${r.course.id}/export`),
    }),
  },
  'GET /api/v1/community/events/{id}/attendees': {
    rule: policy(check(eventPolicy, 'read', vil), check(eventPolicy, 'organise', vil)),
    request: async (r, x) => ({ url: `/api/v1/community/events/${await freshEvent(r, x)}/attendees` }),
  },
  'GET /api/v1/community/calendar-feed': {
    rule: SIGNED_IN,
    places: ONCE,
    request: () => ({ url: '/api/v1/community/calendar-feed' }),
  },
  'POST /api/v1/community/calendar-feed': {
    rule: SIGNED_IN,
    places: ONCE,
    request: () => ({ url: '/api/v1/community/calendar-feed' }),
  },
  'DELETE /api/v1/community/calendar-feed': {
    rule: SIGNED_IN,
    places: ONCE,
    request: () => ({ url: '/api/v1/community/calendar-feed' }),
  },
  'GET /api/v1/community/calendar/{token}': {
    // The secret is the key: anyone holding the URL reads the feed, signed in or not.
    rule: OPEN,
    places: ONCE,
    request: async (_r, x) => ({ url: await feedPath(x) }),
  },
  'GET /api/v1/community/calendar/{token}/spaces/{spaceId}': {
    rule: OPEN,
    places: ONCE,
    request: async (r, x) => ({ url: `${await feedPath(x)}/spaces/${(await freshThread(r, x)).spaceId}` }),
  },
  'GET /api/v1/community/{programId}/announcements': {
    rule: policy(check(announcementPolicy, 'read', topic)),
    request: (r) => ({ url: `/api/v1/community/${r.programId}/announcements` }),
  },
  'POST /api/v1/community/{programId}/announcements': {
    rule: policy(check(announcementPolicy, 'manage', vil)),
    request: (r) => ({
      url: `/api/v1/community/${r.programId}/announcements`,
      payload: { title: { id: 'Pasar murah' }, body: { id: 'Sabtu depan.' }, areaCode: r.villageCode },
    }),
  },
  'GET /api/v1/community/announcements/{id}': {
    rule: policy(check(announcementPolicy, 'read', topic)),
    request: async (r, x) => ({ url: `/api/v1/community/announcements/${await freshAnnouncement(r, x)}` }),
  },
  'POST /api/v1/community/announcements/{id}/read': {
    rule: policy(check(announcementPolicy, 'read', topic)),
    request: async (r, x) => ({ url: `/api/v1/community/announcements/${await freshAnnouncement(r, x)}/read` }),
  },
  'POST /api/v1/buyers': {
    rule: { kind: 'anonymousOnly' },
    places: ONCE,
    request: (_, x) => ({
      url: '/api/v1/buyers',
      payload: {
        email: `buyer-${x.unique}@example.jp`,
        name: 'Sato',
        password: STRONG_PASSWORD,
        companyName: 'Oita Foods',
        country: 'JP',
      },
    }),
  },
  'GET /api/v1/buyers/me': {
    rule: { kind: 'only', callers: (name) => name === 'buyer', refusal: 404 },
    places: ONCE,
    request: () => ({ url: '/api/v1/buyers/me' }),
  },
  'PATCH /api/v1/buyers/me': {
    rule: { kind: 'only', callers: (name) => name === 'buyer', refusal: 404 },
    places: ONCE,
    request: async (_, x) => ({
      url: '/api/v1/buyers/me',
      payload: { version: await x.version('/api/v1/buyers/me', x.session('buyer')), companyName: 'Oita Fine Foods' },
    }),
  },
  'GET /api/v1/inquiries': {
    rule: list(inquiryPolicy, trade, (r) => r.inquiry.id),
    request: () => ({ url: '/api/v1/inquiries' }),
  },
  'POST /api/v1/inquiries': {
    rule: { kind: 'only', callers: (name) => name === 'buyer', refusal: 403 },
    request: (r) => ({
      url: '/api/v1/inquiries',
      payload: { productId: r.product.id, kind: 'inquiry', message: 'Is it halal?' },
    }),
  },
  'GET /api/v1/inquiries/{id}': {
    rule: policy(check(inquiryPolicy, 'read', trade)),
    request: (r) => ({ url: `/api/v1/inquiries/${r.inquiry.id}` }),
  },
  'GET /api/v1/inquiries/{id}/quotes/{quoteId}/proforma.pdf': {
    rule: policy(check(inquiryPolicy, 'read', trade)),
    request: (r) => ({ url: `/api/v1/inquiries/${r.inquiry.id}/quotes/${r.quoteId}/proforma.pdf` }),
  },
  'POST /api/v1/inquiries/{id}/messages': {
    rule: policy(check(inquiryPolicy, 'reply', trade)),
    request: (r) => ({ url: `/api/v1/inquiries/${r.inquiry.id}/messages`, payload: { body: 'Terima kasih.' } }),
  },
  'POST /api/v1/inquiries/{id}/quotes': {
    rule: policy(check(inquiryPolicy, 'quote', trade)),
    request: (r) => ({
      url: `/api/v1/inquiries/${r.inquiry.id}/quotes`,
      payload: { unitPrice: money('12000'), quantity: '8', validUntil: '2099-12-31' },
    }),
  },
  'POST /api/v1/inquiries/{id}/quotes/{quoteId}/accept': {
    rule: policy(check(inquiryPolicy, 'accept', trade)),
    request: (r) => ({ url: `/api/v1/inquiries/${r.inquiry.id}/quotes/${r.quoteId}/accept` }),
  },
  'GET /api/v1/orders': {
    rule: list(orderPolicy, trade, (r) => r.order.id),
    request: () => ({ url: '/api/v1/orders' }),
  },
  'GET /api/v1/orders/{id}': {
    rule: policy(check(orderPolicy, 'read', trade)),
    request: (r) => ({ url: `/api/v1/orders/${r.order.id}` }),
  },
  'POST /api/v1/orders/{id}/transitions': {
    rule: policy(check(orderPolicy, 'move', trade)),
    request: (r) => ({ url: `/api/v1/orders/${r.order.id}/transitions`, payload: { to: 'delivered' } }),
  },
  'GET /api/v1/notifications': { rule: SIGNED_IN, places: ONCE, request: () => ({ url: '/api/v1/notifications' }) },
  'GET /api/v1/notifications/settings': {
    rule: SIGNED_IN,
    places: ONCE,
    request: () => ({ url: '/api/v1/notifications/settings' }),
  },
  'PATCH /api/v1/notifications/settings': {
    rule: SIGNED_IN,
    places: ONCE,
    request: () => ({ url: '/api/v1/notifications/settings', payload: { email: 'daily' } }),
  },
  'POST /api/v1/notifications/push-subscriptions': {
    rule: SIGNED_IN,
    places: ONCE,
    request: (_, x) => ({
      url: '/api/v1/notifications/push-subscriptions',
      payload: {
        endpoint: `https://push.example.com/send/${x.unique}`,
        keys: { p256dh: `B${'A'.repeat(86)}`, auth: 'A'.repeat(22) },
      },
    }),
  },
  'POST /api/v1/notifications/push-subscriptions/remove': {
    rule: SIGNED_IN,
    places: ONCE,
    request: (_, x) => ({
      url: '/api/v1/notifications/push-subscriptions/remove',
      payload: { endpoint: `https://push.example.com/send/${x.unique}` },
    }),
  },
  'POST /api/v1/notifications/{id}/read': {
    // A notice to the in-scope group's manager: theirs alone.
    rule: { kind: 'only', callers: (name) => name === 'group_manager:A', refusal: 404 },
    places: ONCE,
    request: (_, x) => ({ url: `/api/v1/notifications/${x.w.managerNotice}/read` }),
  },
};

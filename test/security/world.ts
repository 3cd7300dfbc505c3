import sharp from 'sharp';
import type { Actor, Role, UserActor } from '../../src/server/http/context.js';
import { importIndonesiaOutlines } from '../../src/server/modules/geography/index.js';
import { grantsOf } from '../../src/server/modules/platform/index.js';
import type { Session, TestApp } from '../app.js';
import { FIXTURE_PROVINCES } from '../database.js';
import { multipartBody } from './openapi.js';
import { buildStaff, buildUser, signedIn, STRONG_PASSWORD, signIn } from '../factories.js';
import { allCriteria, OCOP_TEMPLATE_ID, salakChips, validPirt } from '../quality-fixtures.js';
import { KARANGASEM, registryWorld, SIBETAN } from '../registry-fixtures.js';
import { packagingCourse, right } from '../training-fixtures.js';

/**
 * One world for the security walks: program A with a producer group in Karangasem (the "in scope"
 * group) and one in Lombok Barat (another regency), program B with a group in Karangasem (another
 * program), every kind of record in each of those three places, and a signed-in actor for each
 * role of A and of B, modelled as the policies see them.
 */

export type Place = 'in' | 'otherRegency' | 'otherProgram';
export const PLACES: readonly Place[] = ['in', 'otherRegency', 'otherProgram'];

/** A signed-in caller (or none) and the actor the policies see for them. */
export interface Caller {
  name: string;
  session?: Session;
  actor: Actor;
}

const ONE_DAY = '2026-03-02';

export async function pngBytes(): Promise<Buffer> {
  return sharp({ create: { width: 2, height: 2, channels: 3, background: '#a33' } })
    .png()
    .toBuffer();
}

/** Every record of one place, with the ids a request needs. */
async function recordsOf(
  t: TestApp,
  w: Awaited<ReturnType<typeof registryWorld>>,
  shared: ProgramShared,
  group: { id: string; villageId: string },
  village: { id: string },
  buyer: Session & { id: string },
) {
  const admin = w.admin;
  const call = async (method: 'POST' | 'PUT', url: string, as: Session, payload: object, status = [200, 201]) => {
    const r = await t.request({ method, url, as, payload });
    if (!status.includes(r.statusCode)) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const product = await w.post('/api/v1/products', salakChips(group.id));
  const member = await w.post(`/api/v1/groups/${group.id}/members`, {
    name: 'Made Wirawan',
    sex: 'male',
    birthYear: 1980,
    joinedOn: '2024-01-01',
  });
  const batch = await w.post('/api/v1/batches', {
    productId: product.id,
    lotCode: `LOT-${group.id.slice(0, 6).toUpperCase()}`,
    quantity: '100',
    producedOn: '2026-02-01',
    expiresOn: '2099-08-01',
  });
  const entry = await w.post(`/api/v1/groups/${group.id}/journal`, {
    date: '2026-03-05',
    memo: 'Penyusutan',
    lines: [
      { accountCode: '6-107', debit: '50000' },
      { accountCode: '1-402', credit: '50000' },
    ],
  });
  // A fixed asset, bought with capital paid in: for depreciation and disposal.
  const rupiah = (amount: string) => ({ amount, currency: 'IDR' });
  await w.post(`/api/v1/groups/${group.id}/transactions`, {
    kind: 'owner_capital',
    date: '2026-01-02',
    amount: rupiah('10000000'),
    via: 'cash',
  });
  await w.post(`/api/v1/groups/${group.id}/transactions`, {
    kind: 'asset_bought',
    date: '2026-01-03',
    amount: rupiah('2400000'),
    settlement: 'cash',
    lifeMonths: 24,
    memo: 'Mesin penggoreng',
  });
  const assets = await t.request({ url: `/api/v1/groups/${group.id}/assets`, as: admin });
  const asset = { id: (assets.json() as { items: { id: string }[] }).items[0]!.id };
  const certification = await w.post('/api/v1/certifications', validPirt(product.id));
  const enter = () =>
    w.post('/api/v1/assessments', {
      productId: product.id,
      schemeId: shared.scheme.id,
      year: 2026,
      panelTier: 'district',
      assessedOn: '2026-03-01',
    });
  const assessment = await enter();
  // A second product's assessment, finalised and appealed: what an appeal decision acts on.
  const appealedProduct = await w.post('/api/v1/products', salakChips(group.id, { name: { id: 'Dodol salak' } }));
  const appealed = await w.post('/api/v1/assessments', {
    productId: appealedProduct.id,
    schemeId: shared.scheme.id,
    year: 2026,
    panelTier: 'district',
    assessedOn: '2026-03-01',
  });
  const scores = (points: number) => ({ scores: allCriteria(shared.scheme.definition, points) });
  await call('PUT', `/api/v1/assessments/${appealed.id}/self-assessment`, admin, scores(3));
  await call('PUT', `/api/v1/assessments/${appealed.id}/panel-scores`, admin, scores(2));
  await call('POST', `/api/v1/assessments/${appealed.id}/finalise`, admin, {});
  const filed = await call('POST', `/api/v1/assessments/${appealed.id}/appeals`, admin, {
    reason: 'Skor terlalu rendah',
  });
  const appeal = filed.appeals.at(-1) as { id: string };
  const enrolment = await call('POST', `/api/v1/sessions/${shared.session.id}/enrolments`, admin, {
    memberId: member.id,
  });
  await call('PUT', `/api/v1/sessions/${shared.session.id}/attendance/${ONE_DAY}`, admin, {
    items: [{ memberId: member.id, present: true }],
  });
  await call('POST', `/api/v1/sessions/${shared.session.id}/enrolments/${enrolment.id}/tests/post`, admin, {
    answers: right(5),
  });
  const listed = await t.request({ method: 'GET', url: `/api/v1/sessions/${shared.session.id}/enrolments`, as: admin });
  const certificateId = (listed.json().items as { id: string; certificateId: string | null }[]).find(
    (e) => e.id === enrolment.id,
  )?.certificateId;
  if (!certificateId) throw new Error(`no certificate issued: ${listed.body}`);
  const inquiry = await call('POST', '/api/v1/inquiries', buyer, {
    productId: product.id,
    kind: 'quotation',
    quantity: '8',
    message: 'Please quote for export to Japan.',
  });
  const quoted = await call('POST', `/api/v1/inquiries/${inquiry.id}/quotes`, admin, {
    unitPrice: { amount: '12000', currency: 'IDR' },
    quantity: '8',
    validUntil: '2099-12-31',
  });
  const quoteId = quoted.quotes.at(-1).id as string;
  // A second inquiry, quoted and accepted: an order.
  const ordered = await call('POST', '/api/v1/inquiries', buyer, {
    productId: product.id,
    kind: 'quotation',
    quantity: '4',
    message: 'Order please.',
  });
  const orderQuote = await call('POST', `/api/v1/inquiries/${ordered.id}/quotes`, admin, {
    unitPrice: { amount: '12000', currency: 'IDR' },
    quantity: '4',
    validUntil: '2099-12-31',
  });
  const order = await call(
    'POST',
    `/api/v1/inquiries/${ordered.id}/quotes/${orderQuote.quotes.at(-1).id}/accept`,
    buyer,
    {},
  );
  const db = t.database.db;
  const target = await db.query<{ program_id: string; area_path: string; area_code: string }>(
    `SELECT g.program_id, g.area_path, v.area_code FROM registry_groups g JOIN villages v ON v.id = g.village_id
     WHERE g.id = $1`,
    [group.id],
  );
  // A village of the same district, not yet enrolled in the program: what enrolling acts on.
  const unenrolled = await db.query<{ code: string }>(
    `SELECT code FROM geography_areas a WHERE parent_code = $1
     AND NOT EXISTS (SELECT 1 FROM villages v WHERE v.area_code = a.code AND v.program_id = $2) ORDER BY code LIMIT 1`,
    [target[0]!.area_code.split('.').slice(0, 3).join('.'), w.program.id],
  );
  // An account holding a role in the program (a trainer): what account and staffing requests act on.
  const { user: staff } = await buildStaff(db, 'trainer', { programId: w.program.id });
  // A request to join the community from this place's village, left pending.
  const rules = (await t.request({ url: `/api/v1/community/${w.program.id}/rules` })).json();
  const join = await call(
    'POST',
    `/api/v1/community/${w.program.id}/joins`,
    admin,
    {
      name: 'Ni Made Ayu',
      phone: '0812 3456 7890',
      areaCode: target[0]!.area_code,
      rulesVersion: rules.version,
      acceptRules: true,
    },
    [202],
  );
  const mentoring = await mentoringOf(t, admin, w.program.id, shared.trainer.id, target[0]!.area_code, rules.version);
  // A success story of the group, drafted by the admin, and another one published.
  const story = await call('POST', '/api/v1/community/stories', admin, storyBody(group.id));
  const published = await call('POST', '/api/v1/community/stories', admin, storyBody(group.id));
  await call('POST', `/api/v1/community/stories/${published.id}/submit`, admin, {});
  await call('POST', `/api/v1/community/stories/${published.id}/publish`, admin, {});
  const storyTemplate = await call('POST', `/api/v1/programs/${w.program.id}/story-templates`, admin, {
    definition: storyTemplateDefinition,
  });
  return {
    programId: w.program.id,
    areaPath: target[0]!.area_path,
    villageCode: target[0]!.area_code,
    unenrolledVillage: unenrolled[0]!.code,
    staff,
    buyerId: buyer.id,
    village,
    group,
    product,
    member,
    batch,
    entry,
    asset,
    certification,
    assessment,
    appealed,
    appeal,
    enrolment,
    certificateId,
    inquiry,
    quoteId,
    order,
    joinId: join.id as string,
    ...mentoring,
    storyId: story.id as string,
    publishedStoryId: published.id as string,
    storyTemplateId: storyTemplate.id as string,
    ...shared,
  };
}

const storyTemplateDefinition = {
  title: { id: 'Kisah kelompok' },
  sections: [{ heading: { id: 'Sebelumnya' }, prompt: { id: 'Apa yang dijual kelompok dulu?' } }],
};

const storyBody = (groupId: string) => ({
  groupId,
  title: { id: 'Dari kebun ke pasar' },
  body: { id: 'Kelompok kami mulai berlima.' },
});

let mentoringCalls = 0;

/**
 * Mentoring in a place: the program's trainer mentors a member welcomed from the place's village,
 * in an accepted mentorship with one session and one follow-up.
 */
async function mentoringOf(
  t: TestApp,
  admin: Session,
  programId: string,
  trainerId: string,
  village: string,
  rules: number,
) {
  const db = t.database.db;
  // Each from its own address: joining and accepting an invitation are throttled per address.
  const ok = async (method: 'POST' | 'PUT', url: string, as: Session | undefined, payload: object) => {
    mentoringCalls += 1;
    const remoteAddress = `10.251.${mentoringCalls >> 8}.${mentoringCalls & 255}`;
    const r = await t.request({ method, url, as, payload, remoteAddress });
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const [trainer] = await db.query<{ email: string }>('SELECT email FROM users WHERE id = $1', [trainerId]);
  const mentorSession = await signedIn(t.app, { email: trainer!.email });
  const mentor = await ok('PUT', `/api/v1/community/${programId}/mentors/me`, mentorSession, {
    topics: ['packaging'],
    languages: ['id'],
    monthlyCapacity: 100,
  });
  const email = `mentee-${crypto.randomUUID().slice(0, 8)}@example.id`;
  const join = await ok('POST', `/api/v1/community/${programId}/joins`, undefined, {
    name: 'Ni Kadek Sari',
    email,
    areaCode: village,
    rulesVersion: rules,
    acceptRules: true,
    sex: 'female',
  });
  const welcome = await ok('POST', `/api/v1/community/joins/${join.id}/welcome`, admin, {});
  await ok('POST', '/api/v1/invitations/accept', undefined, {
    token: welcome.invitation.path.split('#')[1],
    password: STRONG_PASSWORD,
  });
  const mentee = await signedIn(t.app, { email });
  const ship = await ok('POST', `/api/v1/community/mentors/${mentor.id}/requests`, mentee, {
    topic: 'packaging',
    message: 'Kemasan keripik?',
  });
  await ok('POST', `/api/v1/community/mentorships/${ship.id}/accept`, mentorSession, {});
  const held = await ok('POST', `/api/v1/community/mentorships/${ship.id}/sessions`, mentorSession, {
    heldOn: ONE_DAY,
    mode: 'phone',
    notes: 'Catatan',
  });
  const sessionId = held.sessions[0].id as string;
  const todo = await ok('POST', `/api/v1/community/mentoring-sessions/${sessionId}/follow-ups`, mentorSession, {
    text: 'Tanya pemasok',
  });
  return {
    mentorId: mentor.id as string,
    mentorshipId: ship.id as string,
    menteeId: welcome.join.userId as string,
    mentoringSessionId: sessionId,
    followUpId: todo.sessions[0].followUps[0].id as string,
  };
}

interface ProgramShared {
  program: { id: string };
  scheme: { id: string; definition: { parts: { criteria: { code: string }[] }[] } };
  course: { id: string };
  session: { id: string };
  trainer: { id: string };
}

export type Records = Awaited<ReturnType<typeof recordsOf>>;

/** A program's offer: its rating scheme, a course and a one-day session with its trainer. */
async function sharedOf(
  t: TestApp,
  w: Awaited<ReturnType<typeof registryWorld>>,
  trainerId: string,
): Promise<ProgramShared> {
  const scheme = await w.post('/api/v1/rating-schemes', { programId: w.program.id, templateId: OCOP_TEMPLATE_ID });
  const course = await w.post('/api/v1/courses', packagingCourse(w.program.id));
  const session = await w.post('/api/v1/sessions', {
    courseId: course.id,
    areaCode: SIBETAN,
    address: 'Balai Desa Sibetan',
    startsOn: ONE_DAY,
    endsOn: ONE_DAY,
    trainerId,
    capacity: 30,
  });
  await w.post(`/api/v1/community/${w.program.id}/rules`, { text: { id: 'Saling menghormati.' } });
  return { program: w.program, scheme, course, session, trainer: { id: trainerId } };
}

async function actorOf(
  t: TestApp,
  user: { id: string; email: string; name: string },
  isAdmin: boolean,
): Promise<Actor> {
  const actor: UserActor = {
    kind: 'user',
    id: user.id,
    email: user.email,
    name: user.name,
    locale: 'id',
    isAdmin,
    grants: await grantsOf(t.database.db, user.id),
    via: 'session',
  };
  return actor;
}

/** The roles each program has a signed-in holder of, and how each grant is narrowed. */
const STAFF: { role: Role; narrow: 'program' | 'regency' | 'group' }[] = [
  { role: 'program_manager', narrow: 'program' },
  { role: 'facilitator', narrow: 'regency' },
  { role: 'assessor', narrow: 'program' },
  { role: 'trainer', narrow: 'program' },
  { role: 'group_manager', narrow: 'group' },
  { role: 'group_member', narrow: 'group' },
  { role: 'community_manager', narrow: 'regency' },
];

export async function securityWorld(t: TestApp) {
  const db = t.database.db;
  // The map's outlines of the fixture's provinces (public reference data, like the areas).
  await importIndonesiaOutlines(db, FIXTURE_PROVINCES);
  const a = await registryWorld(t);
  const b = await registryWorld(t);
  const adminUser = await buildUser(db, { isAdmin: true });
  const callers: Caller[] = [
    { name: 'anonymous', actor: { kind: 'anonymous' } },
    { name: 'admin', session: await signedIn(t.app, adminUser), actor: await actorOf(t, adminUser, true) },
  ];
  const trainers: Record<string, string> = {};
  for (const [label, w] of [
    ['A', a],
    ['B', b],
  ] as const) {
    for (const { role, narrow } of STAFF) {
      const scope =
        narrow === 'regency' ? { areaCode: KARANGASEM } : narrow === 'group' ? { groupId: w.groups.bali.id } : {};
      const { user } = await buildStaff(db, role, { programId: w.program.id, ...scope });
      if (role === 'trainer') trainers[label] = user.id;
      // Assessors sit on the national panel, so their panel tier never narrows what the policy says.
      if (role === 'assessor') {
        const r = await t.request({
          method: 'PUT',
          url: `/api/v1/programs/${w.program.id}/assessor-tiers`,
          as: w.admin,
          payload: { userId: user.id, tier: 'national' },
        });
        if (r.statusCode !== 200) throw new Error(`assessor tier: ${r.statusCode} ${r.body}`);
      }
      callers.push({
        name: `${role}:${label}`,
        session: await signedIn(t.app, user),
        actor: await actorOf(t, user, false),
      });
    }
  }
  const buyerEmail = `buyer-${Date.now()}@example.jp`;
  const signUp = await t.request({
    method: 'POST',
    url: '/api/v1/buyers',
    payload: {
      email: buyerEmail,
      name: 'Sato Hanako',
      password: STRONG_PASSWORD,
      companyName: 'Oita Fine Foods',
      country: 'JP',
    },
  });
  // Sign-up answers alike for a new and a known email (202); the account is found by signing in.
  if (signUp.statusCode !== 202) throw new Error(`buyer sign-up: ${signUp.statusCode} ${signUp.body}`);
  const signedInBuyer = await signIn(t.app, buyerEmail);
  const me = await t.request({ url: '/api/v1/me', as: signedInBuyer });
  const buyerUser = { id: me.json().id as string, email: buyerEmail, name: 'Sato Hanako' };
  const buyerSession = { ...signedInBuyer, id: buyerUser.id };
  callers.push({ name: 'buyer', session: buyerSession, actor: await actorOf(t, buyerUser, false) });

  const sharedA = await sharedOf(t, a, trainers.A!);
  const sharedB = await sharedOf(t, b, trainers.B!);
  const records: Record<Place, Records> = {
    in: await recordsOf(t, a, sharedA, a.groups.bali, a.villages.bali, buyerSession),
    otherRegency: await recordsOf(t, a, sharedA, a.groups.lombok, a.villages.lombok, buyerSession),
    otherProgram: await recordsOf(t, b, sharedB, b.groups.bali, b.villages.bali, buyerSession),
  };
  const admin = callers[1]!.session!;
  /** Uploads a file as the admin; the answer's JSON. */
  async function upload(url: string, field: string, data: Buffer): Promise<{ id: string }> {
    const { payload, contentType } = multipartBody(field, 'file.png', 'image/png', data);
    const r = await t.request({ method: 'POST', url, as: admin, payload, headers: { 'content-type': contentType } });
    if (r.statusCode !== 201) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  }
  const manager = callers.find((c) => c.name === 'group_manager:A')!.actor as UserActor;
  const notices = await db.query<{ id: string }>('SELECT id FROM notifications WHERE user_id = $1 LIMIT 1', [
    manager.id,
  ]);
  if (!notices[0]) throw new Error('the group manager received no notice');
  return { a, b, admin, adminUser, callers, records, buyer: buyerUser, upload, managerNotice: notices[0].id };
}

export type SecurityWorld = Awaited<ReturnType<typeof securityWorld>>;

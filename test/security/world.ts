import sharp from 'sharp';
import type { Actor, Role, UserActor } from '../../src/server/http/context.js';
import { grantsOf } from '../../src/server/modules/platform/index.js';
import type { Session, TestApp } from '../app.js';
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
  buyer: Session,
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
  const appeal = await call('POST', `/api/v1/assessments/${appealed.id}/appeals`, admin, { reason: 'Skor terlalu rendah' });
  const enrolment = await call('POST', `/api/v1/sessions/${shared.session.id}/enrolments`, admin, { memberId: member.id });
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
  const target = await t.database.db.query<{ program_id: string; area_path: string }>(
    'SELECT program_id, area_path FROM registry_groups WHERE id = $1',
    [group.id],
  );
  return {
    programId: w.program.id,
    areaPath: target[0]!.area_path,
    village,
    group,
    product,
    member,
    batch,
    entry,
    certification,
    assessment,
    appealed,
    appeal,
    enrolment,
    certificateId,
    inquiry,
    quoteId,
    order,
    ...shared,
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
async function sharedOf(t: TestApp, w: Awaited<ReturnType<typeof registryWorld>>, trainerId: string): Promise<ProgramShared> {
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
  return { program: w.program, scheme, course, session, trainer: { id: trainerId } };
}

async function actorOf(t: TestApp, user: { id: string; email: string; name: string }, isAdmin: boolean): Promise<Actor> {
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
];

export async function securityWorld(t: TestApp) {
  const db = t.database.db;
  const a = await registryWorld(t);
  const b = await registryWorld(t);
  const adminUser = await buildUser(db, { isAdmin: true });
  const callers: Caller[] = [
    { name: 'anonymous', actor: { kind: 'anonymous' } },
    { name: 'admin', session: await signedIn(t.app, adminUser), actor: await actorOf(t, adminUser, true) },
  ];
  const trainers: Record<string, string> = {};
  for (const [label, w] of [['A', a], ['B', b]] as const) {
    for (const { role, narrow } of STAFF) {
      const scope =
        narrow === 'regency' ? { areaCode: KARANGASEM } : narrow === 'group' ? { groupId: w.groups.bali.id } : {};
      const { user } = await buildStaff(db, role, { programId: w.program.id, ...scope });
      if (role === 'trainer') trainers[label] = user.id;
      callers.push({ name: `${role}:${label}`, session: await signedIn(t.app, user), actor: await actorOf(t, user, false) });
    }
  }
  const buyerEmail = `buyer-${Date.now()}@example.jp`;
  const signUp = await t.request({
    method: 'POST',
    url: '/api/v1/buyers',
    payload: { email: buyerEmail, name: 'Sato Hanako', password: STRONG_PASSWORD, companyName: 'Oita Fine Foods', country: 'JP' },
  });
  if (signUp.statusCode !== 201) throw new Error(`buyer sign-up: ${signUp.statusCode} ${signUp.body}`);
  const buyerSession = await signIn(t.app, buyerEmail);
  const buyerUser = { id: signUp.json().userId as string, email: buyerEmail, name: 'Sato Hanako' };
  callers.push({ name: 'buyer', session: buyerSession, actor: await actorOf(t, buyerUser, false) });

  const sharedA = await sharedOf(t, a, trainers.A!);
  const sharedB = await sharedOf(t, b, trainers.B!);
  const records: Record<Place, Records> = {
    in: await recordsOf(t, a, sharedA, a.groups.bali, a.villages.bali, buyerSession),
    otherRegency: await recordsOf(t, a, sharedA, a.groups.lombok, a.villages.lombok, buyerSession),
    otherProgram: await recordsOf(t, b, sharedB, b.groups.bali, b.villages.bali, buyerSession),
  };
  return { a, b, admin: callers[1]!.session!, adminUser, callers, records, buyer: buyerUser };
}

export type SecurityWorld = Awaited<ReturnType<typeof securityWorld>>;

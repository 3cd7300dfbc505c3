import type { Role } from '../src/server/http/context.js';
import type { Session, TestApp } from './app.js';
import { buildProgram, buildStaff, signedIn, STRONG_PASSWORD } from './factories.js';
import { BANYUMULEK, KARANGASEM, LOMBOK_BARAT, SIBETAN } from './registry-fixtures.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A program's community for events and announcements: its manager, community managers over
 * Karangasem and Lombok Barat, a Karangasem facilitator, a trainer, members welcomed from a
 * Karangasem village (Ayu) and a Lombok Barat one (Rina), and another program's manager.
 */
export async function communityEventsWorld(t: TestApp) {
  const db = t.database.db;
  const program = await buildProgram(db);
  const other = await buildProgram(db);
  const staff = async (role: Role, areaCode?: string, programId = program.id) => {
    const { user } = await buildStaff(db, role, { programId, ...(areaCode ? { areaCode } : {}) });
    return { ...(await signedIn(t.app, user)), userId: user.id, name: user.name };
  };
  const as = {
    manager: await staff('program_manager'),
    karangasem: await staff('community_manager', KARANGASEM),
    lombok: await staff('community_manager', LOMBOK_BARAT),
    facilitator: await staff('facilitator', KARANGASEM),
    trainer: await staff('trainer'),
    assessor: await staff('assessor'),
    otherManager: await staff('program_manager', undefined, other.id),
  };
  const request = (method: Method, url: string, who?: Session, payload?: object) =>
    t.request({ method, url, as: who, ...(payload ? { payload } : {}) });
  const ok = async (method: Method, url: string, who: Session, payload?: object) => {
    const r = await request(method, url, who, payload);
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  await ok('POST', `/api/v1/community/${program.id}/rules`, as.manager, { text: { id: 'Saling menghormati.' } });

  /** Joins from a village, is welcomed by the program manager, and signs in. */
  let n = 0;
  async function member(name: string, areaCode: string, more: Record<string, unknown> = {}) {
    n += 1;
    const email = `member${n}-${crypto.randomUUID().slice(0, 8)}@example.id`;
    const join = await t.request({
      method: 'POST',
      url: `/api/v1/community/${program.id}/joins`,
      payload: { name, email, areaCode, rulesVersion: 1, acceptRules: true, ...more },
      remoteAddress: `10.9.0.${n}`,
    });
    const decided = await ok('POST', `/api/v1/community/joins/${join.json().id}/welcome`, as.manager);
    const token = decided.invitation.path.split('#')[1];
    await t.request({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, password: STRONG_PASSWORD },
    });
    return {
      ...(await signedIn(t.app, { email })),
      userId: decided.join.userId as string,
      joinId: decided.join.id as string,
      name,
      email,
    };
  }
  const ayu = await member('Ni Made Ayu', SIBETAN);
  const rina = await member('Baiq Rina', BANYUMULEK);

  /** A fair in Karangasem (early March 2027, Bali time) unless told otherwise. */
  const eventBody = (overrides: Record<string, unknown> = {}) => ({
    kind: 'fair_expo',
    title: { id: 'Pameran produk desa', en: 'Village product fair', ja: '村の産品フェア' },
    description: { id: 'Stan untuk kelompok.' },
    startsAt: '2027-03-02T09:00:00+08:00',
    endsAt: '2027-03-02T15:00:00+08:00',
    timeZone: 'Asia/Makassar',
    areaCode: SIBETAN,
    address: 'Balai Desa Sibetan',
    ...overrides,
  });
  const event = (overrides: Record<string, unknown> = {}, who: Session = as.manager) =>
    ok('POST', `/api/v1/community/${program.id}/events`, who, eventBody(overrides)) as Promise<{
      id: string;
      [key: string]: unknown;
    }>;
  const rsvp = (id: string, who: Session, going = true) =>
    request('PUT', `/api/v1/community/events/${id}/rsvp`, who, { going });
  return { program, other, as, ayu, rina, member, staff, request, ok, eventBody, event, rsvp };
}

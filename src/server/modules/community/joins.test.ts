import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test/app.js';
import { useTestApp, type Session } from '../../../../test/app.js';
import { buildProgram, buildStaff, signedIn, STRONG_PASSWORD } from '../../../../test/factories.js';
import { BANYUMULEK, KARANGASEM, LOMBOK_BARAT, paths, SIBETAN } from '../../../../test/registry-fixtures.js';
import { REGISTRATION_THROTTLE } from '../platform/index.js';

const t = useTestApp();

/** A program with community rules, its manager, and a community manager in Karangasem and one in Lombok Barat. */
async function communityWorld(app: TestApp) {
  const db = app.database.db;
  const program = await buildProgram(db);
  const manager = await buildStaff(db, 'program_manager', { programId: program.id });
  const karangasem = await buildStaff(db, 'community_manager', { programId: program.id, areaCode: KARANGASEM });
  const lombok = await buildStaff(db, 'community_manager', { programId: program.id, areaCode: LOMBOK_BARAT });
  const session = (s: { user: { email: string } }) => signedIn(app.app, s.user);
  const as = {
    manager: await session(manager),
    karangasem: await session(karangasem),
    lombok: await session(lombok),
  };
  const request = (method: 'GET' | 'POST', url: string, who?: Session, payload?: object, ip = '10.0.0.1') =>
    app.request({ method, url, as: who, payload, remoteAddress: ip });
  const rules = await request('POST', `/api/v1/community/${program.id}/rules`, as.manager, {
    text: { id: 'Saling menghormati.', en: 'Be respectful.', ja: 'お互いを尊重しましょう。' },
  });
  expect(rules.statusCode).toBe(201);
  const join = (body: Record<string, unknown> = {}, ip?: string) =>
    request(
      'POST',
      `/api/v1/community/${program.id}/joins`,
      undefined,
      {
        name: 'Ni Made Ayu',
        phone: '0812 3456 7890',
        areaCode: SIBETAN,
        business: 'Salak pia',
        topics: ['packaging', 'marketing'],
        rulesVersion: 1,
        acceptRules: true,
        ...body,
      },
      ip,
    );
  return { program, manager, karangasem, lombok, as, request, join };
}

describe('joining the community', () => {
  it('is public, names every bad field, and writes nothing half-way', async () => {
    const w = await communityWorld(t);
    const rules = await w.request('GET', `/api/v1/community/${w.program.id}/rules`);
    expect(rules.json()).toMatchObject({ version: 1, text: { en: 'Be respectful.' } });

    const noConsent = await w.join({ name: '', acceptRules: false, phone: '12' });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.headers['content-type']).toMatch(/problem\+json/);
    expect(paths(noConsent)).toEqual(['acceptRules', 'name', 'phone']);
    const noContact = await w.join({ phone: undefined });
    expect(paths(noContact)).toEqual(['phone']);
    expect(noContact.json().errors[0].code).toBe('email_or_phone');

    const badArea = await w.join({ areaCode: '99.99', rulesVersion: 2 });
    expect(badArea.statusCode).toBe(400);
    expect(paths(badArea)).toEqual(['areaCode', 'rulesVersion']);
    expect(badArea.json().errors.map((e: { code: string }) => e.code)).toEqual(['unknown_reference', 'rules_outdated']);
    expect(await t.database.db.query('SELECT 1 FROM community_joins')).toHaveLength(0);

    const unknownProgram = await w.request('POST', `/api/v1/community/${crypto.randomUUID()}/joins`, undefined, {
      name: 'A',
      email: 'a@example.id',
      areaCode: SIBETAN,
      rulesVersion: 1,
      acceptRules: true,
    });
    expect(unknownProgram.statusCode).toBe(404);

    const ok = await w.join();
    expect(ok.statusCode).toBe(202);
    expect(ok.json()).toMatchObject({ status: 'pending' });
    const [row] = await t.database.db.query<{ phone: string; rules_version: number; area_path: string }>(
      'SELECT phone, rules_version, area_path FROM community_joins',
    );
    expect(row).toMatchObject({ phone: '+6281234567890', rules_version: 1 });
  });

  it('records consent to the rules in force: a new version refuses the old one', async () => {
    const w = await communityWorld(t);
    const v2 = await w.request('POST', `/api/v1/community/${w.program.id}/rules`, w.as.manager, {
      text: { id: 'Aturan baru.' },
    });
    expect(v2.json()).toMatchObject({ version: 2 });
    expect(paths(await w.join({ rulesVersion: 1 }))).toEqual(['rulesVersion']);
    expect((await w.join({ rulesVersion: 2 })).statusCode).toBe(202);
    // only the program manager writes the rules
    const byCommunityManager = await w.request('POST', `/api/v1/community/${w.program.id}/rules`, w.as.karangasem, {
      text: { id: 'X' },
    });
    expect(byCommunityManager.statusCode).toBe(404);
  });

  it('is throttled per client address like sign-up', async () => {
    const w = await communityWorld(t);
    for (let i = 0; i < REGISTRATION_THROTTLE.perIp; i++)
      expect((await w.join({ phone: `0812 3456 78${10 + i}` }, '10.9.9.9')).statusCode).toBe(202);
    const refused = await w.join({}, '10.9.9.9');
    expect(refused.statusCode).toBe(429);
    expect((await w.join({}, '10.9.9.10')).statusCode).toBe(202);
  });
});

describe('pending joins', () => {
  it('are seen and decided only by community managers whose area holds the village, and the program manager', async () => {
    const w = await communityWorld(t);
    const bali = (await w.join({ name: 'Ni Made Ayu' })).json().id as string;
    const lombok = (await w.join({ name: 'Baiq Rina', phone: '0813 1111 2222', areaCode: BANYUMULEK })).json()
      .id as string;
    const names = async (who: Session) =>
      (await w.request('GET', `/api/v1/community/${w.program.id}/joins`, who))
        .json()
        .items.map((j: { name: string }) => j.name);
    expect(await names(w.as.karangasem)).toEqual(['Ni Made Ayu']);
    expect(await names(w.as.lombok)).toEqual(['Baiq Rina']);
    expect(await names(w.as.manager)).toEqual(['Ni Made Ayu', 'Baiq Rina']);
    const member = await buildStaff(t.database.db, 'facilitator', { programId: w.program.id, areaCode: KARANGASEM });
    expect(await names(await signedIn(t.app, member.user))).toEqual([]);
    expect((await w.request('GET', `/api/v1/community/${w.program.id}/joins`)).statusCode).toBe(401);

    // outside one's area: as if it did not exist
    const across = await w.request('POST', `/api/v1/community/joins/${lombok}/welcome`, w.as.karangasem);
    expect(across.statusCode).toBe(404);
    const byFacilitator = await w.request(
      'POST',
      `/api/v1/community/joins/${bali}/decline`,
      await signedIn(t.app, member.user),
    );
    expect(byFacilitator.statusCode).toBe(404);
    const [stillPending] = await t.database.db.query<{ status: string }>(
      'SELECT status FROM community_joins WHERE id = $1',
      [lombok],
    );
    expect(stillPending!.status).toBe('pending');
    const byManager = await w.request('POST', `/api/v1/community/joins/${lombok}/decline`, w.as.manager);
    expect(byManager.statusCode).toBe(200);
  });

  it('welcomed: an account opens with an invitation link; declined: no account, so no sign-in', async () => {
    const w = await communityWorld(t);
    const ayu = (await w.join({ email: 'ayu@example.id' })).json().id as string;
    const rina = (await w.join({ name: 'Rina', phone: '0813 2222 3333', email: 'rina@example.id' })).json()
      .id as string;

    const welcomed = await w.request('POST', `/api/v1/community/joins/${ayu}/welcome`, w.as.karangasem);
    expect(welcomed.statusCode).toBe(200);
    const body = welcomed.json();
    expect(body.join).toMatchObject({ status: 'welcomed', userId: expect.any(String) });
    expect(body.invitation.path).toMatch(/^\/invitation#/);
    const again = await w.request('POST', `/api/v1/community/joins/${ayu}/decline`, w.as.karangasem);
    expect(again.statusCode).toBe(409);

    const token = body.invitation.path.split('#')[1];
    const accepted = await t.request({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, password: STRONG_PASSWORD },
    });
    expect(accepted.json()).toEqual({ login: 'ayu@example.id' });
    await signedIn(t.app, { email: 'ayu@example.id' });

    const declined = await w.request('POST', `/api/v1/community/joins/${rina}/decline`, w.as.karangasem);
    expect(declined.json()).toMatchObject({ join: { status: 'declined', userId: null }, invitation: null });
    const signIn = await t.request({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'rina@example.id', password: STRONG_PASSWORD },
    });
    expect(signIn.statusCode).toBe(401);
    expect(await t.database.db.query("SELECT 1 FROM users WHERE email = 'rina@example.id'")).toHaveLength(0);

    const audit = await t.database.db.query<{ action: string; entity_id: string }>(
      "SELECT action, entity_id FROM audit_log WHERE entity = 'community_join' ORDER BY id",
    );
    expect(audit.map((a) => a.action)).toEqual([
      'community.join.request',
      'community.join.request',
      'community.join.welcome',
      'community.join.decline',
    ]);
  });
});

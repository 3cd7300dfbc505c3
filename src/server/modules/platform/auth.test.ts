import { describe, expect, it } from 'vitest';
import { testConfig, useTestApp } from '../../../../test/app.js';
import { buildApp } from '../../app.js';
import { buildGroup, buildStaff, buildUser, signIn, STRONG_PASSWORD } from '../../../../test/factories.js';
import { THROTTLE } from './auth.service.js';

const t = useTestApp();

describe('sign-in and sessions', () => {
  it('signs in with the right password and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const user = await buildUser(t.database.db, { email: 'sari@example.id' });
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'Sari@Example.id', password: STRONG_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ id: user.id, email: 'sari@example.id' });
    expect(response.json().user).not.toHaveProperty('passwordHash');
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/ovop_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
  });

  it('marks the cookie Secure behind a TLS-terminating proxy', async () => {
    await buildUser(t.database.db, { email: 'tls@example.id' });
    const behindProxy = await buildApp({
      config: { ...testConfig, trustProxy: true },
      db: t.database.db,
      logger: false,
    });
    try {
      const response = await behindProxy.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: { host: 'ovop.example.id', 'x-forwarded-proto': 'https', origin: 'https://ovop.example.id' },
        payload: { email: 'tls@example.id', password: STRONG_PASSWORD },
      });
      expect(response.statusCode).toBe(200);
      expect(String(response.headers['set-cookie'])).toMatch(/; Secure/i);
    } finally {
      await behindProxy.close();
    }
  });

  it('refuses a wrong password with 401 and the same answer as an unknown account', async () => {
    await buildUser(t.database.db, { email: 'made@example.id' });
    const wrong = await t.request({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'made@example.id', password: 'nope-nope-nope' },
    });
    const unknown = await t.request({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'nobody@example.id', password: 'nope-nope-nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('limits failures per client address across many accounts', async () => {
    for (let i = 0; i < THROTTLE.perIp; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        remoteAddress: '192.0.2.10',
        headers: { host: 'localhost:3000' },
        payload: { email: `guess-${i}@example.id`, password: 'wrong-password' },
      });
      expect(r.statusCode).toBe(401);
    }
    const user = await buildUser(t.database.db);
    const blocked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      remoteAddress: '192.0.2.10',
      headers: { host: 'localhost:3000' },
      payload: { email: user.email, password: STRONG_PASSWORD },
    });
    expect(blocked.statusCode).toBe(429);
  });

  it('answers /me with the user and roles, and 401 without a session', async () => {
    const user = await buildUser(t.database.db);
    const session = await signIn(t.app, user.email);
    const me = await t.request({ method: 'GET', url: '/api/v1/me', as: session });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: user.id, email: user.email, locale: 'id', isAdmin: false, roles: [] });
    const anonymous = await t.request({ method: 'GET', url: '/api/v1/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ type: '/problems/unauthorized', status: 401 });
  });

  it('names the area and the group of each role, so nobody reads a raw code', async () => {
    const group = await buildGroup(t.database.db, { name: 'KWT Sekar Jagat' });
    const facilitator = await buildStaff(t.database.db, 'facilitator', {
      programId: group.programId,
      areaCode: '51.07',
    });
    const manager = await buildStaff(t.database.db, 'group_manager', { programId: group.programId, groupId: group.id });
    const [area] = await t.database.db.query<{ name: string }>("SELECT name FROM geography_areas WHERE code = '51.07'");
    const roles = async (user: { email: string | null }) =>
      (await t.request({ method: 'GET', url: '/api/v1/me', as: await signIn(t.app, user.email!) })).json().roles;
    expect(await roles(facilitator.user)).toEqual([
      expect.objectContaining({ role: 'facilitator', areaCode: '51.07', areaName: area!.name, groupName: null }),
    ]);
    expect(area!.name).toMatch(/Karangasem/);
    expect(await roles(manager.user)).toEqual([
      expect.objectContaining({
        role: 'group_manager',
        groupId: group.id,
        groupName: 'KWT Sekar Jagat',
        areaName: null,
      }),
    ]);
  });

  it('ends the session on sign-out', async () => {
    const user = await buildUser(t.database.db);
    const session = await signIn(t.app, user.email);
    const out = await t.request({ method: 'POST', url: '/api/v1/auth/sign-out', as: session });
    expect(out.statusCode).toBe(204);
    const me = await t.request({ method: 'GET', url: '/api/v1/me', as: session });
    expect(me.statusCode).toBe(401);
  });

  it('stores only a hash of the session secret', async () => {
    const user = await buildUser(t.database.db);
    const session = await signIn(t.app, user.email);
    const secret = session.headers.cookie!.split('=')[1]!;
    const rows = await t.database.db.query<{ id_hash: string }>('SELECT id_hash FROM sessions');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id_hash).not.toContain(secret);
    expect(rows[0]!.id_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a cookie-authenticated write from another site (CSRF)', async () => {
    const user = await buildUser(t.database.db);
    const session = await signIn(t.app, user.email);
    const crossSite = await t.request({
      method: 'POST',
      url: '/api/v1/tokens',
      as: session,
      headers: { origin: 'https://evil.example' },
      payload: { name: 'stolen' },
    });
    expect(crossSite.statusCode).toBe(403);
    const noOrigin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { host: 'localhost:3000', ...session.headers },
      payload: { name: 'stolen' },
    });
    expect(noOrigin.statusCode).toBe(403);
    expect(await t.database.db.query('SELECT 1 FROM api_tokens')).toHaveLength(0);
  });
});

describe('personal API tokens', () => {
  it('shows a token once, stores it hashed, and accepts it as a Bearer credential', async () => {
    const user = await buildUser(t.database.db);
    const session = await signIn(t.app, user.email);
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/tokens',
      as: session,
      payload: { name: 'laptop' },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^ovop_/);
    const stored = await t.database.db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens');
    expect(stored[0]!.token_hash).not.toBe(token);
    const listed = await t.request({ method: 'GET', url: '/api/v1/tokens', as: session });
    expect(listed.json().items[0]).toMatchObject({ id, name: 'laptop' });
    expect(listed.json().items[0]).not.toHaveProperty('token');

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().id).toBe(user.id);
    // A token needs no Origin: API clients are not browsers.
    const write = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      headers: { authorization: `Bearer ${token}` },
      payload: { version: 1, name: 'Ni Luh Putu Sari Dewi' },
    });
    expect(write.statusCode).toBe(200);
  });

  it('refuses a revoked, unknown or malformed token with 401', async () => {
    const user = await buildUser(t.database.db);
    const session = await signIn(t.app, user.email);
    const { token, id } = (
      await t.request({ method: 'POST', url: '/api/v1/tokens', as: session, payload: { name: 'x' } })
    ).json();
    expect((await t.request({ method: 'DELETE', url: `/api/v1/tokens/${id}`, as: session })).statusCode).toBe(204);
    for (const authorization of [`Bearer ${token}`, 'Bearer ovop_unknown', 'Basic abc']) {
      const r = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization } });
      expect(r.statusCode, authorization).toBe(401);
    }
  });

  it("cannot revoke another user's token", async () => {
    const owner = await buildUser(t.database.db);
    const other = await buildUser(t.database.db);
    const ownerSession = await signIn(t.app, owner.email);
    const { id } = (
      await t.request({ method: 'POST', url: '/api/v1/tokens', as: ownerSession, payload: { name: 'x' } })
    ).json();
    const otherSession = await signIn(t.app, other.email);
    const r = await t.request({ method: 'DELETE', url: `/api/v1/tokens/${id}`, as: otherSession });
    expect(r.statusCode).toBe(404);
    expect(await t.database.db.query('SELECT 1 FROM api_tokens WHERE revoked_at IS NULL')).toHaveLength(1);
  });

  it('rejects invalid token input naming the field', async () => {
    const user = await buildUser(t.database.db);
    const session = await signIn(t.app, user.email);
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/tokens',
      as: session,
      payload: { name: '', expiresInDays: 0 },
    });
    expect(r.statusCode).toBe(400);
    expect(
      r
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['expiresInDays', 'name']);
  });
});

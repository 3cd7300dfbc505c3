import { describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../../test/app.js';
import { buildStaff, buildUser, signedIn, signIn, STRONG_PASSWORD } from '../../../../test/factories.js';
import { ensureFirstAdmin } from './users.service.js';

const t = useTestApp();

const account = (overrides: Record<string, unknown> = {}) => ({
  email: 'wayan@example.id',
  name: 'I Wayan Sudarma',
  password: 'Anyaman-bambu-Tenganan-7',
  ...overrides,
});

/** A personal API token made in the session, as the Authorization header that carries it. */
async function tokenOf(session: Session): Promise<Record<string, string>> {
  const r = await t.request({ method: 'POST', url: '/api/v1/tokens', as: session, payload: { name: 'laptop' } });
  if (r.statusCode !== 201) throw new Error(`token: ${r.statusCode} ${r.body}`);
  return { authorization: `Bearer ${r.json().token}` };
}

describe('accounts', () => {
  it('lets an admin create an account; the password is never returned nor stored in clear', async () => {
    const admin = await buildUser(t.database.db, { isAdmin: true });
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      as: await signedIn(t.app, admin),
      payload: account(),
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      email: 'wayan@example.id',
      name: 'I Wayan Sudarma',
      locale: 'id',
      isAdmin: false,
    });
    expect(JSON.stringify(r.json())).not.toMatch(/password|Anyaman/i);
    const [row] = await t.database.db.query<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE email = $1',
      ['wayan@example.id'],
    );
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);
    const audit = await t.database.db.query<{ after: object }>(
      `SELECT after FROM audit_log WHERE action = 'user.create' AND entity_id = $1`,
      [r.json().id],
    );
    expect(JSON.stringify(audit[0]!.after)).not.toMatch(/argon2|Anyaman/);
  });

  it('refuses weak and personal passwords with a reason on the password field', async () => {
    const admin = await signedIn(t.app, await buildUser(t.database.db, { isAdmin: true }));
    for (const password of ['short', 'password1234', 'qwertyuiop123', 'wayan@example.id!']) {
      const r = await t.request({ method: 'POST', url: '/api/v1/users', as: admin, payload: account({ password }) });
      expect(r.statusCode, password).toBe(400);
      expect(r.json().errors[0]).toMatchObject({ path: 'password' });
      expect(r.json().errors[0].message.length).toBeGreaterThan(5);
    }
    expect(await t.database.db.query(`SELECT 1 FROM users WHERE email = 'wayan@example.id'`)).toHaveLength(0);
  });

  it('names each invalid field', async () => {
    const admin = await signedIn(t.app, await buildUser(t.database.db, { isAdmin: true }));
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      as: admin,
      payload: { email: 'not-an-email', name: '', password: 7, locale: 'fr' },
    });
    expect(r.statusCode).toBe(400);
    expect(
      r
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['email', 'locale', 'name', 'password']);
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    const admin = await signedIn(t.app, await buildUser(t.database.db, { isAdmin: true }));
    await t.request({ method: 'POST', url: '/api/v1/users', as: admin, payload: account() });
    const again = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      as: admin,
      payload: account({ email: 'WAYAN@example.id' }),
    });
    expect(again.statusCode).toBe(409);
  });

  it('lets a program manager open accounts but not admins; others may not open accounts', async () => {
    const { user: manager } = await buildStaff(t.database.db, 'program_manager');
    const managerSession = await signedIn(t.app, manager);
    expect(
      (await t.request({ method: 'POST', url: '/api/v1/users', as: managerSession, payload: account() })).statusCode,
    ).toBe(201);
    const makeAdmin = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      as: managerSession,
      payload: account({ email: 'x@example.id', isAdmin: true }),
    });
    expect(makeAdmin.statusCode).toBe(403);
    const { user: facilitator } = await buildStaff(t.database.db, 'facilitator');
    const byFacilitator = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      as: await signedIn(t.app, facilitator),
      payload: account({ email: 'y@example.id' }),
    });
    expect(byFacilitator.statusCode).toBe(403);
    expect(
      await t.database.db.query(`SELECT 1 FROM users WHERE email IN ('x@example.id', 'y@example.id')`),
    ).toHaveLength(0);
  });

  it('lists everyone to an admin, only their own program staff to a program manager, nothing to others', async () => {
    const admin = await buildUser(t.database.db, { isAdmin: true });
    const { user: manager, programId } = await buildStaff(t.database.db, 'program_manager');
    const { user: facilitator } = await buildStaff(t.database.db, 'facilitator', { programId });
    const { user: outsider } = await buildStaff(t.database.db, 'facilitator');
    const all = await t.request({ method: 'GET', url: '/api/v1/users', as: await signedIn(t.app, admin) });
    expect(all.json().items).toHaveLength(4);
    const managed = await t.request({ method: 'GET', url: '/api/v1/users', as: await signedIn(t.app, manager) });
    expect(
      managed
        .json()
        .items.map((u: { id: string }) => u.id)
        .sort(),
    ).toEqual([manager.id, facilitator.id].sort());
    const outsideRead = await t.request({
      method: 'GET',
      url: `/api/v1/users/${outsider.id}`,
      as: await signedIn(t.app, manager),
    });
    expect(outsideRead.statusCode).toBe(403);
    const byFacilitator = await t.request({
      method: 'GET',
      url: '/api/v1/users',
      as: await signedIn(t.app, facilitator),
    });
    expect(byFacilitator.statusCode).toBe(403);
  });

  it('pages through users with a cursor', async () => {
    const admin = await buildUser(t.database.db, { isAdmin: true, email: 'a-admin@example.id' });
    for (let i = 0; i < 4; i++) await buildUser(t.database.db, { email: `user${i}@example.id` });
    const session = await signedIn(t.app, admin);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.request({ method: 'GET', url, as: session })).json();
      seen.push(...page.items.map((u: { email: string }) => u.email));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([
      'a-admin@example.id',
      'user0@example.id',
      'user1@example.id',
      'user2@example.id',
      'user3@example.id',
    ]);
  });

  it('lets users change their own name and password (with the current one), not their rights', async () => {
    const user = await buildUser(t.database.db);
    const session = await signedIn(t.app, user);
    const rename = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      as: session,
      payload: { version: 1, name: 'Made Sari' },
    });
    expect(rename.statusCode).toBe(200);
    expect(rename.json()).toMatchObject({ name: 'Made Sari', version: 2 });
    const promote = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      as: session,
      payload: { version: 2, isAdmin: true },
    });
    expect(promote.statusCode).toBe(403);
    const other = await buildUser(t.database.db);
    const renameOther = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${other.id}`,
      as: session,
      payload: { version: 1, name: 'x' },
    });
    expect(renameOther.statusCode).toBe(403);
    const noCurrent = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      as: session,
      payload: { version: 2, password: 'Tenun-ikat-Sumba-2031' },
    });
    expect(noCurrent.statusCode).toBe(400);
    expect(noCurrent.json().errors[0].path).toBe('currentPassword');
    const changed = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      as: session,
      payload: { version: 2, password: 'Tenun-ikat-Sumba-2031', currentPassword: STRONG_PASSWORD },
    });
    expect(changed.statusCode).toBe(200);
    // A new password ends the old sessions; the new password signs in.
    expect((await t.request({ method: 'GET', url: '/api/v1/me', as: session })).statusCode).toBe(401);
    await expect(signIn(t.app, user.email, 'Tenun-ikat-Sumba-2031')).resolves.toBeDefined();
  });

  it('revokes the API tokens made before a password change, and audits it', async () => {
    const user = await buildUser(t.database.db);
    const session = await signedIn(t.app, user);
    const bearer = await tokenOf(session);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode).toBe(200);
    const changed = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      as: session,
      payload: { version: 1, password: 'Tenun-ikat-Sumba-2031', currentPassword: STRONG_PASSWORD },
    });
    expect(changed.statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode).toBe(401);
    const audit = await t.database.db.query<{ before: { tokens: { name: string }[] } }>(
      `SELECT before FROM audit_log WHERE action = 'user.revoke_tokens' AND entity_id = $1`,
      [user.id],
    );
    expect(audit.map((a) => a.before.tokens.map((tk) => tk.name))).toEqual([['laptop']]);
  });

  it('revokes the API tokens and ends the sessions of a user whose password an admin resets', async () => {
    const admin = await signedIn(t.app, await buildUser(t.database.db, { isAdmin: true }));
    const user = await buildUser(t.database.db);
    const userSession = await signedIn(t.app, user);
    const bearer = await tokenOf(userSession);
    const reset = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      as: admin,
      payload: { version: 1, password: 'Tenun-ikat-Sumba-2031' },
    });
    expect(reset.statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', as: userSession })).statusCode).toBe(401);
    expect(await t.database.db.query('SELECT 1 FROM api_tokens WHERE revoked_at IS NULL')).toHaveLength(0);
  });

  it("keeps a disabled account's API tokens revoked once it is enabled again", async () => {
    const admin = await signedIn(t.app, await buildUser(t.database.db, { isAdmin: true }));
    const user = await buildUser(t.database.db);
    const bearer = await tokenOf(await signedIn(t.app, user));
    for (const [version, disabled] of [
      [1, true],
      [2, false],
    ] as const) {
      const r = await t.request({
        method: 'PATCH',
        url: `/api/v1/users/${user.id}`,
        as: admin,
        payload: { version, disabled },
      });
      expect(r.statusCode).toBe(200);
    }
    expect((await t.request({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode).toBe(401);
  });

  it('lets an admin disable an account, which ends its sessions and sign-ins', async () => {
    const admin = await signedIn(t.app, await buildUser(t.database.db, { isAdmin: true }));
    const user = await buildUser(t.database.db);
    const userSession = await signedIn(t.app, user);
    const r = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      as: admin,
      payload: { version: 1, disabled: true },
    });
    expect(r.statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', as: userSession })).statusCode).toBe(401);
    await expect(signIn(t.app, user.email)).rejects.toThrow(/401/);
  });
});

describe('account abilities and client ids', () => {
  it('tell each caller what they may do with an account, in the list and the record alike', async () => {
    const adminUser = await buildUser(t.database.db, { isAdmin: true });
    const { user: manager, programId } = await buildStaff(t.database.db, 'program_manager');
    const { user: facilitator } = await buildStaff(t.database.db, 'facilitator', { programId, areaCode: '51.07' });
    const asAdmin = await signedIn(t.app, adminUser);
    const asManager = await signedIn(t.app, manager);
    const asFacilitator = await signedIn(t.app, facilitator);
    const get = async (as: Session, id: string) =>
      (await t.request({ method: 'GET', url: `/api/v1/users/${id}`, as })).json().abilities;
    expect(await get(asAdmin, facilitator.id)).toEqual({ read: true, update: true, administer: true });
    expect(await get(asManager, facilitator.id)).toEqual({ read: true, update: false, administer: false });
    expect(await get(asFacilitator, facilitator.id)).toEqual({ read: true, update: true, administer: false });
    const listed = (await t.request({ method: 'GET', url: '/api/v1/users', as: asManager })).json().items;
    expect(listed.find((u: { id: string }) => u.id === facilitator.id).abilities).toEqual({
      read: true,
      update: false,
      administer: false,
    });
    // A manager narrowed to an area is not the manager of the program's staff.
    const { user: narrowed } = await buildStaff(t.database.db, 'program_manager', { programId, areaCode: '51' });
    const asNarrowed = await signedIn(t.app, narrowed);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/users/${facilitator.id}`, as: asNarrowed })).statusCode,
    ).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/v1/users', as: asNarrowed })).statusCode).toBe(403);
  });

  it('treats a repeated create with the same client id as the same account, and other content as a conflict', async () => {
    const session = await signedIn(t.app, await buildUser(t.database.db, { isAdmin: true }));
    const id = '01936a3e-7b7c-7cc0-8000-0000000000a1';
    const first = await t.request({ method: 'POST', url: '/api/v1/users', as: session, payload: account({ id }) });
    expect(first.statusCode).toBe(201);
    const retry = await t.request({ method: 'POST', url: '/api/v1/users', as: session, payload: account({ id }) });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    // Asking for an admin under the id of a plain account is no replay of its create.
    const asAdmin = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      as: session,
      payload: account({ id, isAdmin: true }),
    });
    expect(asAdmin.statusCode).toBe(409);
    expect(asAdmin.json().current).toMatchObject({ id, isAdmin: false });
  });

  it('answers a bare conflict when the client id belongs to an account the caller may not see', async () => {
    const stranger = await buildUser(t.database.db);
    const { user: manager } = await buildStaff(t.database.db, 'program_manager');
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      as: await signedIn(t.app, manager),
      payload: account({ id: stranger.id, email: stranger.email, name: stranger.name }),
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().current).toBeUndefined();
    expect(JSON.stringify(r.json())).not.toContain(stranger.email);
  });
});

describe('the first admin', () => {
  it('is created once from the configured email and password', async () => {
    const first = await ensureFirstAdmin(t.database.db, {
      email: 'Boss@Example.id',
      password: 'Pisang-goreng-Denpasar-9',
    });
    expect(first).toEqual({ email: 'boss@example.id', generatedPassword: null });
    expect(
      await ensureFirstAdmin(t.database.db, { email: 'other@example.id', password: 'Pisang-goreng-Denpasar-9' }),
    ).toBeNull();
    await expect(signIn(t.app, 'boss@example.id', 'Pisang-goreng-Denpasar-9')).resolves.toBeDefined();
  });

  it('gets a generated strong password when none is configured — never a fixed default', async () => {
    const a = await ensureFirstAdmin(t.database.db, {});
    expect(a!.generatedPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    await expect(signIn(t.app, a!.email, a!.generatedPassword!)).resolves.toBeDefined();
    await t.database.reset();
    const b = await ensureFirstAdmin(t.database.db, {});
    expect(b!.generatedPassword).not.toBe(a!.generatedPassword);
  });

  it('refuses a weak configured password', async () => {
    await expect(ensureFirstAdmin(t.database.db, { email: 'boss@example.id', password: 'admin12345' })).rejects.toThrow(
      /OVOP_ADMIN_PASSWORD/,
    );
  });
});

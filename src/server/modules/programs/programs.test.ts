import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import type { Session } from '../../../../test/app.js';
import {
  buildGroup,
  buildProduct,
  buildProgram,
  buildStaff,
  buildUser,
  signIn,
  signedIn,
  STRONG_PASSWORD,
} from '../../../../test/factories.js';

const t = useTestApp();

const newProgram = (overrides: Record<string, unknown> = {}) => ({
  code: 'OVOP-BALI',
  name: 'OVOP Bali',
  country: 'ID',
  currency: 'IDR',
  locales: ['id', 'en', 'ja'],
  startedOn: '2026-01-15',
  categories: [{ code: 'food', name: { id: 'Makanan', en: 'Food', ja: '食品' } }],
  ...overrides,
});

/** A buyer who signed up on the public page, signed in. */
async function signUpBuyer(): Promise<Session> {
  const email = `buyer-${Date.now()}@example.jp`;
  const r = await t.request({
    method: 'POST',
    url: '/api/v1/buyers',
    payload: {
      email,
      name: 'Sato Hanako',
      password: STRONG_PASSWORD,
      companyName: 'Oita Fine Foods K.K.',
      country: 'JP',
    },
  });
  if (r.statusCode !== 202) throw new Error(`buyer sign-up: ${r.statusCode} ${r.body}`);
  return signIn(t.app, email);
}

async function admin() {
  const user = await buildUser(t.database.db, { isAdmin: true });
  return signedIn(t.app, user);
}

describe('programs', () => {
  it('lets an admin create a program and records it in the audit log', async () => {
    const session = await admin();
    const response = await t.request({ method: 'POST', url: '/api/v1/programs', as: session, payload: newProgram() });
    expect(response.statusCode).toBe(201);
    const program = response.json();
    expect(program).toMatchObject({ code: 'OVOP-BALI', currency: 'IDR', version: 1, startedOn: '2026-01-15' });
    const audit = await t.database.db.query<{ action: string; after: { code: string }; actor_id: string }>(
      `SELECT action, after, actor_id FROM audit_log WHERE entity = 'program' AND entity_id = $1`,
      [program.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'program.create', after: { code: 'OVOP-BALI' } });
  });

  it('names every invalid field and writes nothing', async () => {
    const session = await admin();
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/programs',
      as: session,
      payload: newProgram({
        code: 'bad code',
        country: 'Indonesia',
        currency: 'RUPIAH',
        locales: ['not a locale'],
        startedOn: '2026-13-40',
        categories: [{ code: 'X', name: {} }],
      }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    const paths = response.json().errors.map((e: { path: string }) => e.path);
    for (const path of [
      'code',
      'country',
      'currency',
      'locales.0',
      'startedOn',
      'categories.0.code',
      'categories.0.name',
    ]) {
      expect(paths).toContain(path);
    }
    expect(await t.database.db.query('SELECT 1 FROM programs')).toHaveLength(0);
  });

  it('refuses a duplicate code with 409', async () => {
    const session = await admin();
    await t.request({ method: 'POST', url: '/api/v1/programs', as: session, payload: newProgram() });
    const again = await t.request({ method: 'POST', url: '/api/v1/programs', as: session, payload: newProgram() });
    expect(again.statusCode).toBe(409);
  });

  it('treats a repeated create with the same client id and content as the same record', async () => {
    const session = await admin();
    const id = '01936a3e-7b7c-7cc0-8000-000000000001';
    const first = await t.request({
      method: 'POST',
      url: '/api/v1/programs',
      as: session,
      payload: newProgram({ id }),
    });
    const retry = await t.request({
      method: 'POST',
      url: '/api/v1/programs',
      as: session,
      payload: newProgram({ id }),
    });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    const different = await t.request({
      method: 'POST',
      url: '/api/v1/programs',
      as: session,
      payload: newProgram({ id, name: 'Another name' }),
    });
    expect(different.statusCode).toBe(409);
    expect(different.json().current).toMatchObject({ id, name: 'OVOP Bali' });
    expect(await t.database.db.query('SELECT 1 FROM programs')).toHaveLength(1);
  });

  it('compares a repeated create from a template with what was stored, template values filled in', async () => {
    const session = await admin();
    const template = (
      await t.request({ method: 'POST', url: '/api/v1/programs', as: session, payload: newProgram() })
    ).json();
    const id = '01936a3e-7b7c-7cc0-8000-000000000002';
    const copy = {
      id,
      code: 'OVOP-NTB',
      name: 'OVOP NTB',
      country: 'ID',
      startedOn: '2027-01-01',
      templateProgramId: template.id,
    };
    const first = await t.request({ method: 'POST', url: '/api/v1/programs', as: session, payload: copy });
    expect(first.statusCode).toBe(201);
    const retry = await t.request({ method: 'POST', url: '/api/v1/programs', as: session, payload: copy });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    const spelledOut = await t.request({
      method: 'POST',
      url: '/api/v1/programs',
      as: session,
      payload: { ...copy, currency: 'IDR', locales: ['id', 'en', 'ja'] },
    });
    expect(spelledOut.statusCode).toBe(200);
    const otherCurrency = await t.request({
      method: 'POST',
      url: '/api/v1/programs',
      as: session,
      payload: { ...copy, currency: 'USD' },
    });
    expect(otherCurrency.statusCode).toBe(409);
  });

  it('copies locales, currency and categories from a template program', async () => {
    const session = await admin();
    const template = (
      await t.request({ method: 'POST', url: '/api/v1/programs', as: session, payload: newProgram() })
    ).json();
    const copy = await t.request({
      method: 'POST',
      url: '/api/v1/programs',
      as: session,
      payload: {
        code: 'OVOP-NTB',
        name: 'OVOP NTB',
        country: 'ID',
        startedOn: '2027-01-01',
        templateProgramId: template.id,
      },
    });
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({
      currency: 'IDR',
      locales: ['id', 'en', 'ja'],
      categories: template.categories,
      templateProgramId: template.id,
    });
  });

  it('updates with the current version and refuses a stale one with the current record', async () => {
    const { user, programId } = await buildStaff(t.database.db, 'program_manager');
    const session = await signedIn(t.app, user);
    const ok = await t.request({
      method: 'PATCH',
      url: `/api/v1/programs/${programId}`,
      as: session,
      payload: { version: 1, name: 'OVOP Indonesia 2027' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'OVOP Indonesia 2027', version: 2, currency: 'IDR' });
    const stale = await t.request({
      method: 'PATCH',
      url: `/api/v1/programs/${programId}`,
      as: session,
      payload: { version: 1, name: 'Overwrite' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ name: 'OVOP Indonesia 2027', version: 2 });
    const viaHeader = await t.request({
      method: 'PATCH',
      url: `/api/v1/programs/${programId}`,
      as: session,
      headers: { 'if-match': '"2"' },
      payload: { currency: 'USD' },
    });
    expect(viaHeader.statusCode).toBe(200);
    const noVersion = await t.request({
      method: 'PATCH',
      url: `/api/v1/programs/${programId}`,
      as: session,
      payload: { name: 'x' },
    });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().errors[0].path).toBe('version');
  });

  it('shows each user only the programs they hold a role in', async () => {
    const { user, programId } = await buildStaff(t.database.db, 'facilitator');
    const other = await buildProgram(t.database.db);
    const session = await signedIn(t.app, user);
    const list = await t.request({ method: 'GET', url: '/api/v1/programs', as: session });
    expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([programId]);
    const outside = await t.request({ method: 'GET', url: `/api/v1/programs/${other.id}`, as: session });
    expect(outside.statusCode).toBe(404);
  });

  it('refuses program changes by anyone but its manager or an admin', async () => {
    const program = await buildProgram(t.database.db);
    for (const role of ['facilitator', 'assessor', 'trainer'] as const) {
      const { user } = await buildStaff(t.database.db, role, { programId: program.id });
      const session = await signedIn(t.app, user);
      const r = await t.request({
        method: 'PATCH',
        url: `/api/v1/programs/${program.id}`,
        as: session,
        payload: { version: 1, name: 'x' },
      });
      expect(r.statusCode, role).toBe(403);
    }
    const { user: otherManager } = await buildStaff(t.database.db, 'program_manager');
    const r = await t.request({
      method: 'PATCH',
      url: `/api/v1/programs/${program.id}`,
      as: await signedIn(t.app, otherManager),
      payload: { version: 1, name: 'x' },
    });
    expect(r.statusCode).toBe(404);
    const plain = await buildUser(t.database.db);
    const create = await t.request({
      method: 'POST',
      url: '/api/v1/programs',
      as: await signedIn(t.app, plain),
      payload: newProgram(),
    });
    expect(create.statusCode).toBe(403);
    expect((await t.database.db.query<{ name: string }>('SELECT name FROM programs'))[0]!.name).toBe(program.name);
  });

  it('answers 401 to every program route without a session', async () => {
    const program = await buildProgram(t.database.db);
    for (const [method, url] of [
      ['GET', '/api/v1/programs'],
      ['POST', '/api/v1/programs'],
      ['GET', `/api/v1/programs/${program.id}`],
      ['PATCH', `/api/v1/programs/${program.id}`],
      ['GET', `/api/v1/programs/${program.id}/roles`],
      ['POST', `/api/v1/programs/${program.id}/roles`],
    ] as const) {
      const r = await t.request({ method, url, payload: method === 'GET' ? undefined : {} });
      expect(r.statusCode, `${method} ${url}`).toBe(401);
    }
  });
});

describe('program abilities', () => {
  const none = { update: false, listRoles: false, grantRole: false, revokeRole: false, appointManager: false };

  it('tell each role what it may do with the program, in the list and the record alike', async () => {
    const { user: manager, programId } = await buildStaff(t.database.db, 'program_manager');
    const { user: narrowedManager } = await buildStaff(t.database.db, 'program_manager', { programId, areaCode: '51' });
    const { user: facilitator } = await buildStaff(t.database.db, 'facilitator', { programId, areaCode: '51.07' });
    const expected: [Session, object][] = [
      [
        await admin(),
        { read: true, update: true, listRoles: true, grantRole: true, revokeRole: true, appointManager: true },
      ],
      [
        await signedIn(t.app, manager),
        { read: true, ...none, update: true, listRoles: true, grantRole: true, revokeRole: true },
      ],
      [await signedIn(t.app, narrowedManager), { read: true, ...none }],
      [await signedIn(t.app, facilitator), { read: true, ...none }],
    ];
    for (const [session, abilities] of expected) {
      const one = await t.request({ method: 'GET', url: `/api/v1/programs/${programId}`, as: session });
      expect(one.json().abilities).toEqual(abilities);
      const list = await t.request({ method: 'GET', url: '/api/v1/programs', as: session });
      expect(list.json().items.find((p: { id: string }) => p.id === programId).abilities).toEqual(abilities);
    }
  });

  it('tell only an admin, in the list of programs, that they may create one', async () => {
    const { user: manager } = await buildStaff(t.database.db, 'program_manager');
    const list = (session: Session) => t.request({ method: 'GET', url: '/api/v1/programs', as: session });
    expect((await list(await admin())).json().abilities).toEqual({ create: true });
    const managerSession = await signedIn(t.app, manager);
    expect((await list(managerSession)).json().abilities).toEqual({ create: false });
    const create = await t.request({
      method: 'POST',
      url: '/api/v1/programs',
      as: managerSession,
      payload: newProgram({ code: 'OVOP-NTB' }),
    });
    expect(create.statusCode).toBe(403);
  });

  it('refuses changes to a program manager narrowed to an area, as the abilities say', async () => {
    const { programId } = await buildStaff(t.database.db, 'program_manager');
    const { user: narrowed } = await buildStaff(t.database.db, 'program_manager', { programId, areaCode: '51' });
    const session = await signedIn(t.app, narrowed);
    const patch = await t.request({
      method: 'PATCH',
      url: `/api/v1/programs/${programId}`,
      as: session,
      payload: { version: 1, name: 'x' },
    });
    expect(patch.statusCode).toBe(403);
    const roles = await t.request({ method: 'GET', url: `/api/v1/programs/${programId}/roles`, as: session });
    expect(roles.statusCode).toBe(403);
  });
});

describe('role grants', () => {
  it('lets the program manager grant a facilitator over a regency, shown in /me', async () => {
    const { user: manager, programId } = await buildStaff(t.database.db, 'program_manager');
    const facilitator = await buildUser(t.database.db);
    const session = await signedIn(t.app, manager);
    const grant = await t.request({
      method: 'POST',
      url: `/api/v1/programs/${programId}/roles`,
      as: session,
      payload: { userId: facilitator.id, role: 'facilitator', areaCode: '51.07' },
    });
    expect(grant.statusCode).toBe(201);
    expect(grant.json()).toMatchObject({ role: 'facilitator', areaCode: '51.07', userId: facilitator.id });
    const me = await t.request({ method: 'GET', url: '/api/v1/me', as: await signedIn(t.app, facilitator) });
    expect(me.json().roles).toEqual([
      {
        id: grant.json().id,
        role: 'facilitator',
        programId,
        areaCode: '51.07',
        areaName: 'Kabupaten Karangasem',
        groupId: null,
        groupName: null,
      },
    ]);
    const list = await t.request({ method: 'GET', url: `/api/v1/programs/${programId}/roles`, as: session });
    expect(
      list
        .json()
        .items.map((g: { role: string }) => g.role)
        .sort(),
    ).toEqual(['facilitator', 'program_manager']);
    const audit = await t.database.db.query(`SELECT 1 FROM audit_log WHERE action = 'role.grant'`);
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('names bad grant fields: unknown user, unknown area, group roles without a group', async () => {
    const { user: manager, programId } = await buildStaff(t.database.db, 'program_manager');
    const session = await signedIn(t.app, manager);
    const post = (payload: object) =>
      t.request({ method: 'POST', url: `/api/v1/programs/${programId}/roles`, as: session, payload });
    const badRole = await post({ userId: manager.id, role: 'emperor' });
    expect(badRole.json().errors[0].path).toBe('role');
    const unknownUser = await post({ userId: '01936a3e-7b7c-7cc0-8000-0000000000ff', role: 'trainer' });
    expect(unknownUser.statusCode).toBe(400);
    expect(unknownUser.json().errors[0].path).toBe('userId');
    const unknownArea = await post({ userId: manager.id, role: 'facilitator', areaCode: '99.99' });
    expect(unknownArea.json().errors[0].path).toBe('areaCode');
    const noGroup = await post({ userId: manager.id, role: 'group_manager' });
    expect(noGroup.json().errors[0].path).toBe('groupId');
    expect(await t.database.db.query(`SELECT 1 FROM role_grants WHERE role <> 'program_manager'`)).toHaveLength(0);
  });

  it('refuses an area outside the program country, naming the area and writing no grant', async () => {
    const session = await admin();
    const program = await buildProgram(t.database.db, { country: 'TH' });
    const user = await buildUser(t.database.db);
    const r = await t.request({
      method: 'POST',
      url: `/api/v1/programs/${program.id}/roles`,
      as: session,
      payload: { userId: user.id, role: 'facilitator', areaCode: '51.07' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].path).toBe('areaCode');
    expect(await t.database.db.query('SELECT 1 FROM role_grants WHERE user_id = $1', [user.id])).toHaveLength(0);
  });

  it("refuses a grant on another program's group, so its market notices never reach the grantee", async () => {
    const { user: manager, programId } = await buildStaff(t.database.db, 'program_manager');
    const foreignGroup = await buildGroup(t.database.db);
    const r = await t.request({
      method: 'POST',
      url: `/api/v1/programs/${programId}/roles`,
      as: await signedIn(t.app, manager),
      payload: { userId: manager.id, role: 'group_manager', groupId: foreignGroup.id },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toEqual([
      expect.objectContaining({ path: 'groupId', message: 'no such group in this program' }),
    ]);
    expect(await t.database.db.query('SELECT 1 FROM role_grants WHERE group_id = $1', [foreignGroup.id])).toHaveLength(
      0,
    );

    const product = await buildProduct(t.database.db, { groupId: foreignGroup.id });
    const buyer = await signUpBuyer();
    const inquiry = await t.request({
      method: 'POST',
      url: '/api/v1/inquiries',
      as: buyer,
      payload: { productId: product.id, kind: 'sample', quantity: '3', message: 'May we have 3 sample packs?' },
    });
    expect(inquiry.statusCode).toBe(201);
    const notes = await t.request({ method: 'GET', url: '/api/v1/notifications', as: await signedIn(t.app, manager) });
    expect(notes.json()).toMatchObject({ unread: 0, items: [] });
  });

  it("lets the program manager make a group manager of the program's own group", async () => {
    const group = await buildGroup(t.database.db);
    const { user: manager } = await buildStaff(t.database.db, 'program_manager', { programId: group.programId });
    const candidate = await buildUser(t.database.db);
    const r = await t.request({
      method: 'POST',
      url: `/api/v1/programs/${group.programId}/roles`,
      as: await signedIn(t.app, manager),
      payload: { userId: candidate.id, role: 'group_manager', groupId: group.id },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ role: 'group_manager', groupId: group.id, userId: candidate.id });
  });

  it("keeps a program's country while role grants are narrowed to its areas", async () => {
    const session = await admin();
    const { programId } = await buildStaff(t.database.db, 'facilitator', { areaCode: '51.07' });
    const r = await t.request({
      method: 'PATCH',
      url: `/api/v1/programs/${programId}`,
      as: session,
      payload: { version: 1, country: 'TH' },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().errors[0].path).toBe('country');
    const program = await t.request({ method: 'GET', url: `/api/v1/programs/${programId}`, as: session });
    expect(program.json().country).toBe('ID');
  });

  it('keeps program managers from appointing program managers, and others from granting at all', async () => {
    const { user: manager, programId } = await buildStaff(t.database.db, 'program_manager');
    const candidate = await buildUser(t.database.db);
    const byManager = await t.request({
      method: 'POST',
      url: `/api/v1/programs/${programId}/roles`,
      as: await signedIn(t.app, manager),
      payload: { userId: candidate.id, role: 'program_manager' },
    });
    expect(byManager.statusCode).toBe(403);
    const { user: facilitator } = await buildStaff(t.database.db, 'facilitator', { programId, areaCode: '51.07' });
    const byFacilitator = await t.request({
      method: 'POST',
      url: `/api/v1/programs/${programId}/roles`,
      as: await signedIn(t.app, facilitator),
      payload: { userId: candidate.id, role: 'facilitator', areaCode: '51.07' },
    });
    expect(byFacilitator.statusCode).toBe(403);
    const listByFacilitator = await t.request({
      method: 'GET',
      url: `/api/v1/programs/${programId}/roles`,
      as: await signedIn(t.app, facilitator),
    });
    expect(listByFacilitator.statusCode).toBe(403);
    const { user: otherManager } = await buildStaff(t.database.db, 'program_manager');
    const byOtherProgram = await t.request({
      method: 'POST',
      url: `/api/v1/programs/${programId}/roles`,
      as: await signedIn(t.app, otherManager),
      payload: { userId: candidate.id, role: 'trainer' },
    });
    expect(byOtherProgram.statusCode).toBe(404);
    expect(await t.database.db.query('SELECT 1 FROM role_grants WHERE user_id = $1', [candidate.id])).toHaveLength(0);
  });

  it('revokes a grant, after which the role no longer applies', async () => {
    const { user: manager, programId } = await buildStaff(t.database.db, 'program_manager');
    const { user: trainer } = await buildStaff(t.database.db, 'trainer', { programId });
    const session = await signedIn(t.app, manager);
    const grants = (await t.request({ method: 'GET', url: `/api/v1/programs/${programId}/roles`, as: session })).json()
      .items;
    const trainerGrant = grants.find((g: { role: string }) => g.role === 'trainer');
    const r = await t.request({
      method: 'DELETE',
      url: `/api/v1/programs/${programId}/roles/${trainerGrant.id}`,
      as: session,
    });
    expect(r.statusCode).toBe(204);
    const program = await t.request({
      method: 'GET',
      url: `/api/v1/programs/${programId}`,
      as: await signedIn(t.app, trainer),
    });
    expect(program.statusCode).toBe(404);
    const audit = await t.database.db.query<{ before: { role: string } }>(
      `SELECT before FROM audit_log WHERE action = 'role.revoke'`,
    );
    expect(audit[0]!.before.role).toBe('trainer');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { ORIGIN, useTestApp, type Session } from '../../../../test/app.js';
import {
  buildGroup,
  buildProgram,
  buildStaff,
  buildUser,
  signedIn,
  STRONG_PASSWORD,
  system,
} from '../../../../test/factories.js';
import { grantRole } from './programs.service.js';

const t = useTestApp();
afterEach(() => vi.restoreAllMocks());

const NEW_PASSWORD = 'Salak-manis-Sibetan-77';

async function staff(
  role: 'program_manager' | 'facilitator' | 'group_manager' | 'group_member',
  programId: string,
  place = {},
) {
  const { user } = await buildStaff(t.database.db, role, { programId, ...place });
  return signedIn(t.app, user);
}

const invite = (as: Session, programId: string, payload: object) =>
  t.request({ method: 'POST', url: `/api/v1/programs/${programId}/invitations`, as, payload });

const tokenOf = (path: string) => path.slice(path.indexOf('#') + 1);

const accept = (token: string, password = NEW_PASSWORD) =>
  t.request({ method: 'POST', url: '/api/v1/invitations/accept', payload: { token, password } });

const signInBy = (login: { email?: string; phone?: string }, password = NEW_PASSWORD) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    headers: { host: 'localhost:3000', origin: ORIGIN },
    payload: { ...login, password },
  });

describe('bringing a person in', () => {
  it('opens the account of a group treasurer by phone; the link sets the password and the phone signs in with the role', async () => {
    const program = await buildProgram(t.database.db);
    const group = await buildGroup(t.database.db, { programId: program.id });
    const facilitator = await staff('facilitator', program.id, { areaCode: '51.07' });

    const response = await invite(facilitator, program.id, {
      name: 'Ni Made Sri',
      phone: '0812-3456-7890',
      role: 'group_member',
      groupId: group.id,
    });
    expect(response.statusCode, response.body).toBe(201);
    const answer = response.json();
    expect(answer).toMatchObject({ role: 'group_member', groupId: group.id, areaCode: null });
    expect(answer.invitation.path).toMatch(/^\/invitation#[A-Za-z0-9_-]{40,}$/);
    expect(Date.parse(answer.invitation.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);

    // Not signed in before the password is set, whatever is tried.
    expect((await signInBy({ phone: '081234567890' }, '')).statusCode).toBe(400);
    expect((await signInBy({ phone: '081234567890' }, 'anything-at-all-1')).statusCode).toBe(401);

    const accepted = await accept(tokenOf(answer.invitation.path));
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toEqual({ login: '+6281234567890' });

    const signIn = await signInBy({ phone: '0812 3456 7890' });
    expect(signIn.statusCode, signIn.body).toBe(200);
    const cookie = signIn.cookies.find((c) => c.name === 'ovop_session')!;
    const me = await t.request({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `ovop_session=${cookie.value}` },
    });
    expect(me.json()).toMatchObject({ name: 'Ni Made Sri', email: null });
    expect(me.json().roles).toEqual([expect.objectContaining({ role: 'group_member', groupId: group.id })]);
    expect(me.json().bookGroups).toEqual([group.id]);
  });

  it('uses a link once only', async () => {
    const program = await buildProgram(t.database.db);
    const manager = await staff('program_manager', program.id);
    const response = await invite(manager, program.id, { name: 'Wayan', email: 'wayan@example.id', role: 'trainer' });
    const token = tokenOf(response.json().invitation.path);
    expect((await accept(token)).statusCode).toBe(200);
    const again = await accept(token, 'Another-good-passphrase-9');
    expect(again.statusCode).toBe(404);
    expect((await signInBy({ email: 'wayan@example.id' })).statusCode).toBe(200);
    expect((await signInBy({ email: 'wayan@example.id' }, 'Another-good-passphrase-9')).statusCode).toBe(401);
  });

  it('refuses a link after seven days, by the clock', async () => {
    const program = await buildProgram(t.database.db);
    const manager = await staff('program_manager', program.id);
    const response = await invite(manager, program.id, { name: 'Ketut', phone: '+6281300000001', role: 'assessor' });
    const token = tokenOf(response.json().invitation.path);
    const later = new Date(Date.now() + 7 * 86_400_000 + 60_000);
    vi.spyOn(t.app.clock, 'now').mockReturnValue(later);
    expect((await accept(token)).statusCode).toBe(404);
    vi.restoreAllMocks();
    expect((await accept(token)).statusCode).toBe(200);
  });

  it('refuses a weak password without using the link up', async () => {
    const program = await buildProgram(t.database.db);
    const manager = await staff('program_manager', program.id);
    const response = await invite(manager, program.id, { name: 'Kadek Ayu', phone: '081300000002', role: 'trainer' });
    const token = tokenOf(response.json().invitation.path);
    const weak = await accept(token, 'password123');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors.map((e: { path: string }) => e.path)).toContain('password');
    expect((await accept(token)).statusCode).toBe(200);
  });

  it('replaces the link of an account that never set its password, and the old link stops working', async () => {
    const program = await buildProgram(t.database.db);
    const manager = await staff('program_manager', program.id);
    const first = await invite(manager, program.id, { name: 'Nyoman', phone: '081300000003', role: 'trainer' });
    const second = await invite(manager, program.id, { name: 'Nyoman', phone: '0813 0000 0003', role: 'assessor' });
    expect(second.statusCode).toBe(201);
    expect(second.json().userId).toBe(first.json().userId);
    expect((await accept(tokenOf(first.json().invitation.path))).statusCode).toBe(404);
    expect((await accept(tokenOf(second.json().invitation.path))).statusCode).toBe(200);
    const roles = await t.database.db.query<{ role: string }>(
      'SELECT role FROM role_grants WHERE user_id = $1 ORDER BY role',
      [first.json().userId],
    );
    expect(roles.map((r) => r.role)).toEqual(['assessor', 'trainer']);
  });

  it('gives an account that signs in already the role and no link, leaving its password alone', async () => {
    const program = await buildProgram(t.database.db);
    const manager = await staff('program_manager', program.id);
    const { user } = await buildStaff(t.database.db, 'trainer');
    const response = await invite(manager, program.id, { name: 'Someone else', email: user.email, role: 'assessor' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toEqual({
      userId: user.id,
      role: 'assessor',
      areaCode: null,
      groupId: null,
      invitation: null,
    });
    expect((await signInBy({ email: user.email }, STRONG_PASSWORD)).statusCode).toBe(200);
    const [row] = await t.database.db.query<{ name: string }>('SELECT name FROM users WHERE id = $1', [user.id]);
    expect(row!.name).toBe(user.name);
  });

  it('asks for a phone number or an email, and reads a phone as written in Indonesia', async () => {
    const program = await buildProgram(t.database.db);
    const manager = await staff('program_manager', program.id);
    const none = await invite(manager, program.id, { name: 'Putu', role: 'trainer' });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors.map((e: { path: string }) => e.path)).toContain('phone');
    const bad = await invite(manager, program.id, { name: 'Putu', phone: '12-34', role: 'trainer' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toContain('phone');
  });
});

describe('who may bring people in', () => {
  it('lets a facilitator bring people in only inside their own area', async () => {
    const program = await buildProgram(t.database.db);
    const facilitator = await staff('facilitator', program.id, { areaCode: '51.07' });
    const lombok = await buildGroup(t.database.db, { programId: program.id, areaCode: '52.01.03.2009' });
    const inside = await invite(facilitator, program.id, {
      name: 'A',
      phone: '081300000010',
      role: 'trainer',
      areaCode: '51.07.06',
    });
    expect(inside.statusCode, inside.body).toBe(201);
    const otherArea = await invite(facilitator, program.id, {
      name: 'B',
      phone: '081300000011',
      role: 'trainer',
      areaCode: '52.01',
    });
    expect(otherArea.statusCode).toBe(404);
    const otherGroup = await invite(facilitator, program.id, {
      name: 'C',
      phone: '081300000012',
      role: 'group_manager',
      groupId: lombok.id,
    });
    expect(otherGroup.statusCode).toBe(404);
    const wholeProgram = await invite(facilitator, program.id, { name: 'D', phone: '081300000013', role: 'assessor' });
    expect(wholeProgram.statusCode).toBe(404);
    // Nothing was opened for the refused ones.
    const phones = await t.database.db.query<{ phone: string }>('SELECT phone FROM users WHERE phone IS NOT NULL');
    expect(phones.map((p) => p.phone)).toEqual(['+6281300000010']);
  });

  it('refuses a facilitator who would make a program manager or a facilitator', async () => {
    const program = await buildProgram(t.database.db);
    const facilitator = await staff('facilitator', program.id, { areaCode: '51.07' });
    for (const role of ['program_manager', 'facilitator']) {
      const response = await invite(facilitator, program.id, {
        name: 'E',
        phone: '081300000020',
        role,
        areaCode: '51.07',
      });
      expect(response.statusCode, role).toBe(403);
    }
    const manager = await staff('program_manager', program.id);
    expect(
      (await invite(manager, program.id, { name: 'F', phone: '081300000021', role: 'facilitator', areaCode: '51.07' }))
        .statusCode,
    ).toBe(201);
    expect(
      (await invite(manager, program.id, { name: 'G', phone: '081300000022', role: 'program_manager' })).statusCode,
    ).toBe(403);
  });

  it('refuses a group manager and anyone outside the program', async () => {
    const program = await buildProgram(t.database.db);
    const group = await buildGroup(t.database.db, { programId: program.id });
    const groupManager = await staff('group_manager', program.id, { groupId: group.id });
    const body = { name: 'H', phone: '081300000030', role: 'group_member', groupId: group.id };
    expect((await invite(groupManager, program.id, body)).statusCode).toBe(404);
    const elsewhere = await staff('program_manager', (await buildProgram(t.database.db)).id);
    expect((await invite(elsewhere, program.id, body)).statusCode).toBe(404);
  });

  it('does not hand a facilitator a new link to an invited account that holds roles beyond their reach', async () => {
    const program = await buildProgram(t.database.db);
    const manager = await staff('program_manager', program.id);
    const made = await invite(manager, program.id, {
      name: 'I',
      phone: '081300000040',
      role: 'facilitator',
      areaCode: '52.01',
    });
    expect(made.json().invitation).not.toBeNull();
    const facilitator = await staff('facilitator', program.id, { areaCode: '51.07' });
    const again = await invite(facilitator, program.id, {
      name: 'I',
      phone: '081300000040',
      role: 'trainer',
      areaCode: '51.07',
    });
    expect(again.statusCode).toBe(201);
    expect(again.json().invitation).toBeNull();
    // The manager's link still works.
    expect((await accept(tokenOf(made.json().invitation.path))).statusCode).toBe(200);
  });
});

describe('what the invite panel is told', () => {
  const programOf = (as: Session, programId: string) =>
    t.request({ method: 'GET', url: `/api/v1/programs/${programId}`, as });
  const groupOf = (as: Session, groupId: string) => t.request({ method: 'GET', url: `/api/v1/groups/${groupId}`, as });

  it('tells a group member they may invite nobody, on the program and on their group', async () => {
    const program = await buildProgram(t.database.db);
    const group = await buildGroup(t.database.db, { programId: program.id });
    const member = await staff('group_member', program.id, { groupId: group.id });
    const seen = await programOf(member, program.id);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().invitable).toEqual([]);
    expect((await groupOf(member, group.id)).json().abilities.invite).toBe(false);
  });

  it('tells a program manager every role but their own, anywhere in the program, and that they may invite into a group', async () => {
    const program = await buildProgram(t.database.db);
    const group = await buildGroup(t.database.db, { programId: program.id });
    const manager = await staff('program_manager', program.id);
    expect((await programOf(manager, program.id)).json().invitable).toEqual([
      { role: 'facilitator', wholeProgram: true },
      { role: 'assessor', wholeProgram: true },
      { role: 'trainer', wholeProgram: true },
      { role: 'group_manager', wholeProgram: false },
      { role: 'group_member', wholeProgram: false },
      { role: 'community_manager', wholeProgram: true },
    ]);
    expect((await groupOf(manager, group.id)).json().abilities.invite).toBe(true);
  });

  it('tells a facilitator of a regency the roles they may give there, not a facilitator, and not for the whole program', async () => {
    const program = await buildProgram(t.database.db);
    const group = await buildGroup(t.database.db, { programId: program.id });
    const facilitator = await staff('facilitator', program.id, { areaCode: '51.07' });
    expect((await programOf(facilitator, program.id)).json().invitable).toEqual([
      { role: 'assessor', wholeProgram: false },
      { role: 'trainer', wholeProgram: false },
      { role: 'group_manager', wholeProgram: false },
      { role: 'group_member', wholeProgram: false },
      { role: 'community_manager', wholeProgram: false },
    ]);
    expect((await groupOf(facilitator, group.id)).json().abilities.invite).toBe(true);
  });

  it('tells an admin they may appoint a program manager too', async () => {
    const program = await buildProgram(t.database.db);
    const admin = await signedIn(t.app, await buildUser(t.database.db, { isAdmin: true }));
    const roles = (await programOf(admin, program.id)).json().invitable;
    expect(roles[0]).toEqual({ role: 'program_manager', wholeProgram: true });
    expect(roles).toHaveLength(7);
  });

  it('tells someone who reads a group through another role that they may not invite into it', async () => {
    const program = await buildProgram(t.database.db);
    const lombok = await buildGroup(t.database.db, { programId: program.id, areaCode: '52.01.03.2009' });
    const { user } = await buildStaff(t.database.db, 'facilitator', { programId: program.id, areaCode: '51.07' });
    await grantRole(system(t.database.db), program.id, { userId: user.id, role: 'trainer', areaCode: '52.01' });
    const session = await signedIn(t.app, user);
    const seen = await groupOf(session, lombok.id);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().abilities.invite).toBe(false);
  });
});

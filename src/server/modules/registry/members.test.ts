import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { buildUser } from '../../../../test/factories.js';
import { KARANGASEM, LOMBOK_BARAT, paths, registryWorld } from '../../../../test/registry-fixtures.js';
import { nikProblem } from './nik.js';

const t = useTestApp();

// Real-format NIKs for Karangasem's Bebandem district (51.07.06): a woman born 5 May 1985, a man born 17 Aug 1978.
const NIK_WOMAN = '5107064505850001';
const NIK_MAN = '5107061708780002';
const PHONE = '+6281234567890';

const member = (overrides: Record<string, unknown> = {}) => ({
  name: 'Ni Made Suastini',
  sex: 'female',
  birthYear: 1985,
  disability: false,
  role: 'chair',
  joinedOn: '2019-03-08',
  nationalId: NIK_WOMAN,
  phone: PHONE,
  ...overrides,
});

describe('the NIK check', () => {
  it('accepts a number that fits the member and explains one that does not', () => {
    expect(nikProblem(NIK_WOMAN, 'female', 1985)).toBeNull();
    expect(nikProblem(NIK_MAN, 'male', 1978)).toBeNull();
    expect(nikProblem(NIK_WOMAN, 'male', 1985)).toMatchObject({ code: 'nik_encodes_woman', message: /woman/ });
    expect(nikProblem(NIK_WOMAN, 'female', 1986)).toMatchObject({
      code: 'nik_birth_year_mismatch',
      params: { encoded: '85', birthYear: 1986 },
      message: /birth year/,
    });
    expect(nikProblem('5107061308850000', 'male', 1985)).toMatchObject({ code: 'nik_serial_zero', message: /serial/ });
    expect(nikProblem('5107063213850001', 'male', 1985)).toMatchObject({ code: 'nik_month', message: /month/ });
    expect(nikProblem('5107067201850001', 'female', 1985)).toMatchObject({ code: 'nik_day', message: /day/ });
    expect(nikProblem('0107061708780002', 'male', 1978)).toMatchObject({ code: 'nik_province', message: /province/ });
  });
});

describe('members', () => {
  it('keeps national id and phone encrypted in the database: no clear text in any column', async () => {
    const w = await registryWorld(t);
    const r = await t.request({
      method: 'POST',
      url: `/api/v1/groups/${w.groups.bali.id}/members`,
      as: w.admin,
      payload: member(),
    });
    expect(r.statusCode).toBe(201);
    const rows = await t.database.db.query('SELECT * FROM members');
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(NIK_WOMAN);
    expect(stored).not.toContain('81234567890');
    expect(rows[0]!.national_id_encrypted).toMatch(/^v1:/);
    const audit = JSON.stringify(await t.database.db.query('SELECT before, after FROM audit_log'));
    expect(audit).not.toContain(NIK_WOMAN);
    expect(audit).not.toContain('81234567890');
  });

  it('shows personal data to the program manager and the group manager, masked to everyone else', async () => {
    const w = await registryWorld(t);
    const created = (
      await t.request({
        method: 'POST',
        url: `/api/v1/groups/${w.groups.bali.id}/members`,
        as: w.admin,
        payload: member(),
      })
    ).json();
    const seen = async (session: Awaited<ReturnType<typeof w.as>>) =>
      (await t.request({ method: 'GET', url: `/api/v1/groups/${w.groups.bali.id}/members`, as: session })).json()
        .items[0];
    const clear = { nationalId: NIK_WOMAN, phone: PHONE, personalData: 'clear' };
    const masked = { nationalId: '••••••••••••0001', phone: '••••••••••890', personalData: 'masked' };
    expect(await seen(await w.as('program_manager'))).toMatchObject(clear);
    expect(await seen(await w.as('group_manager', { groupId: w.groups.bali.id }))).toMatchObject(clear);
    expect(await seen(await w.as('facilitator', { areaCode: KARANGASEM }))).toMatchObject(masked);
    expect(await seen(await w.as('group_member', { groupId: w.groups.bali.id }))).toMatchObject(masked);
    expect(await seen(await w.as('trainer'))).toMatchObject(masked);
    const one = await t.request({ method: 'GET', url: `/api/v1/members/${created.id}`, as: await w.as('assessor') });
    expect(one.json()).toMatchObject(masked);
  });

  it('names invalid fields, checks the NIK against sex and birth year, and writes nothing', async () => {
    const w = await registryWorld(t);
    const url = `/api/v1/groups/${w.groups.bali.id}/members`;
    const schema = await t.request({
      method: 'POST',
      url,
      as: w.admin,
      payload: {
        name: '',
        sex: 'x',
        birthYear: 3000,
        role: 'boss',
        joinedOn: 'yesterday',
        nationalId: '123',
        phone: 'call me',
      },
    });
    expect(paths(schema)).toEqual(['birthYear', 'joinedOn', 'name', 'nationalId', 'phone', 'role', 'sex']);
    const mismatch = await t.request({ method: 'POST', url, as: w.admin, payload: member({ sex: 'male' }) });
    expect(mismatch.statusCode).toBe(400);
    expect(paths(mismatch)).toEqual(['nationalId']);
    const leftBeforeJoined = await t.request({
      method: 'POST',
      url,
      as: w.admin,
      payload: member({ leftOn: '2018-01-01' }),
    });
    expect(paths(leftBeforeJoined)).toEqual(['leftOn']);
    expect(await t.database.db.query('SELECT 1 FROM members')).toHaveLength(0);
  });

  it('refuses the same national id twice in a group', async () => {
    const w = await registryWorld(t);
    const url = `/api/v1/groups/${w.groups.bali.id}/members`;
    await t.request({ method: 'POST', url, as: w.admin, payload: member() });
    const again = await t.request({ method: 'POST', url, as: w.admin, payload: member({ name: 'Another name' }) });
    expect(again.statusCode).toBe(409);
  });

  it('lets the group manager add and edit members; a member who leaves keeps the record', async () => {
    const w = await registryWorld(t);
    const manager = await w.as('group_manager', { groupId: w.groups.bali.id });
    const added = await t.request({
      method: 'POST',
      url: `/api/v1/groups/${w.groups.bali.id}/members`,
      as: manager,
      payload: member({
        name: 'I Ketut Arsana',
        sex: 'male',
        birthYear: 1978,
        nationalId: NIK_MAN,
        role: 'treasurer',
        disability: true,
      }),
    });
    expect(added.statusCode).toBe(201);
    const left = await t.request({
      method: 'PATCH',
      url: `/api/v1/members/${added.json().id}`,
      as: manager,
      payload: { version: 1, leftOn: '2026-06-30' },
    });
    expect(left.statusCode).toBe(200);
    expect(left.json()).toMatchObject({ leftOn: '2026-06-30', nationalId: NIK_MAN, version: 2 });
    const active = await t.request({
      method: 'GET',
      url: `/api/v1/groups/${w.groups.bali.id}/members?active=false`,
      as: manager,
    });
    expect(active.json().items).toHaveLength(1);
    const stale = await t.request({
      method: 'PATCH',
      url: `/api/v1/members/${added.json().id}`,
      as: manager,
      payload: { version: 1, name: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.version).toBe(2);
  });

  it('keeps other groups and areas out: no listing, reading, adding, editing or erasing', async () => {
    const w = await registryWorld(t);
    const created = (
      await t.request({
        method: 'POST',
        url: `/api/v1/groups/${w.groups.bali.id}/members`,
        as: w.admin,
        payload: member(),
      })
    ).json();
    const outsiders = [
      await w.as('facilitator', { areaCode: LOMBOK_BARAT }),
      await w.as('group_manager', { groupId: w.groups.lombok.id }),
    ];
    for (const session of outsiders) {
      expect(
        (await t.request({ method: 'GET', url: `/api/v1/groups/${w.groups.bali.id}/members`, as: session })).statusCode,
      ).toBe(404);
      expect((await t.request({ method: 'GET', url: `/api/v1/members/${created.id}`, as: session })).statusCode).toBe(
        404,
      );
      expect(
        (
          await t.request({
            method: 'PATCH',
            url: `/api/v1/members/${created.id}`,
            as: session,
            payload: { version: 1, name: 'x' },
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (await t.request({ method: 'DELETE', url: `/api/v1/members/${created.id}`, as: session })).statusCode,
      ).toBe(404);
      expect(
        (
          await t.request({
            method: 'POST',
            url: `/api/v1/groups/${w.groups.bali.id}/members`,
            as: session,
            payload: member({ nationalId: NIK_MAN, sex: 'male', birthYear: 1978 }),
          })
        ).statusCode,
      ).toBe(404);
    }
    const groupMember = await w.as('group_member', { groupId: w.groups.bali.id });
    expect(
      (await t.request({ method: 'DELETE', url: `/api/v1/members/${created.id}`, as: groupMember })).statusCode,
    ).toBe(403);
    expect(await t.database.db.query('SELECT name FROM members')).toEqual([{ name: 'Ni Made Suastini' }]);
  });

  it('erases a member on request, leaving only a masked audit entry', async () => {
    const w = await registryWorld(t);
    const created = (
      await t.request({
        method: 'POST',
        url: `/api/v1/groups/${w.groups.bali.id}/members`,
        as: w.admin,
        payload: member(),
      })
    ).json();
    const r = await t.request({
      method: 'DELETE',
      url: `/api/v1/members/${created.id}`,
      as: await w.as('facilitator', { areaCode: KARANGASEM }),
    });
    expect(r.statusCode).toBe(204);
    expect(await t.database.db.query('SELECT 1 FROM members')).toHaveLength(0);
    const [entry] = await t.database.db.query<{ before: { nationalId: string } }>(
      `SELECT before FROM audit_log WHERE action = 'member.delete'`,
    );
    expect(entry!.before.nationalId).toBe('••••••••••••0001');
  });

  it('replays a create with the same id and content', async () => {
    const w = await registryWorld(t);
    const url = `/api/v1/groups/${w.groups.bali.id}/members`;
    const payload = member({ id: '01936a3e-7b7c-7cc0-8000-00000000c001' });
    const first = await t.request({ method: 'POST', url, as: w.admin, payload });
    const replay = await t.request({ method: 'POST', url, as: w.admin, payload });
    expect([first.statusCode, replay.statusCode]).toEqual([201, 200]);
    const different = await t.request({ method: 'POST', url, as: w.admin, payload: { ...payload, phone: '+628111' } });
    expect(different.statusCode).toBe(409);
  });
});

describe('a member linked to an account', () => {
  it('links a member record to the account its person signs in with, one record per account in a group', async () => {
    const w = await registryWorld(t);
    const user = await buildUser(t.database.db, { name: 'Ni Made Suastini' });
    const manager = await w.as('group_manager', { groupId: w.groups.bali.id });
    const url = `/api/v1/groups/${w.groups.bali.id}/members`;
    const added = await t.request({ method: 'POST', url, as: manager, payload: member({ userId: user.id }) });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ userId: user.id, abilities: { linkAccount: true } });
    const again = await t.request({
      method: 'POST',
      url,
      as: manager,
      payload: member({ name: 'Ni Luh Sari', nationalId: null, role: 'member', userId: user.id }),
    });
    expect(again.statusCode).toBe(409);
    expect(paths(again)).toEqual(['userId']);
    const unlinked = await t.request({
      method: 'PATCH',
      url: `/api/v1/members/${added.json().id}`,
      as: manager,
      payload: { version: 1, userId: null },
    });
    expect(unlinked.statusCode, unlinked.body).toBe(200);
    expect(unlinked.json().userId).toBeNull();
  });

  it('refuses an account that does not exist, naming userId', async () => {
    const w = await registryWorld(t);
    const r = await t.request({
      method: 'POST',
      url: `/api/v1/groups/${w.groups.bali.id}/members`,
      as: w.admin,
      payload: member({ userId: '01900000-0000-7000-8000-000000000001' }),
    });
    expect(r.statusCode).toBe(400);
    expect(paths(r)).toEqual(['userId']);
  });

  it('lets neither a group member link an account nor a manager of another group', async () => {
    const w = await registryWorld(t);
    const user = await buildUser(t.database.db);
    const url = `/api/v1/groups/${w.groups.bali.id}/members`;
    const added = await t.request({ method: 'POST', url, as: w.admin, payload: member() });
    const patch = (as: Awaited<ReturnType<typeof w.as>>) =>
      t.request({
        method: 'PATCH',
        url: `/api/v1/members/${added.json().id}`,
        as,
        payload: { version: 1, userId: user.id },
      });
    expect((await patch(await w.as('group_member', { groupId: w.groups.bali.id }))).statusCode).toBe(403);
    expect((await patch(await w.as('group_manager', { groupId: w.groups.lombok.id }))).statusCode).toBe(404);
    const row = await t.database.db.query<{ user_id: string | null }>('SELECT user_id FROM members WHERE id = $1', [
      added.json().id,
    ]);
    expect(row[0]!.user_id).toBeNull();
  });
});

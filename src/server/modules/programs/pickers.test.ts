import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { buildGroup, buildProgram, buildStaff, buildUser, buildVillage, signedIn } from '../../../../test/factories.js';

const t = useTestApp();

describe('what pickers search', () => {
  it('names a grant’s area with its ancestors and a grant’s group with its village, never by code or id', async () => {
    const program = await buildProgram(t.database.db);
    const group = await buildGroup(t.database.db, { programId: program.id, name: 'Kelompok Salak Manis' });
    await buildStaff(t.database.db, 'facilitator', { programId: program.id, areaCode: '51.07.06' });
    await buildStaff(t.database.db, 'group_manager', { programId: program.id, groupId: group.id });
    const { user } = await buildStaff(t.database.db, 'program_manager', { programId: program.id });
    const response = await t.request({
      method: 'GET',
      url: `/api/v1/programs/${program.id}/roles`,
      as: await signedIn(t.app, user),
    });
    const items: { role: string; area: unknown; group: unknown }[] = response.json().items;
    expect(items.find((g) => g.role === 'facilitator')?.area).toEqual({
      code: '51.07.06',
      name: 'Bebandem',
      level: 'district',
      ancestors: [
        { code: '51', name: 'Bali', level: 'province' },
        { code: '51.07', name: 'Kabupaten Karangasem', level: 'regency' },
      ],
    });
    expect(items.find((g) => g.role === 'group_manager')?.group).toEqual({
      id: group.id,
      name: 'Kelompok Salak Manis',
      villageName: 'Sibetan',
    });
    expect(items.find((g) => g.role === 'program_manager')).toMatchObject({ area: null, group: null });
  });

  it('finds a program’s groups by part of their name, only those the caller may read', async () => {
    const program = await buildProgram(t.database.db);
    const sibetan = await buildVillage(t.database.db, { programId: program.id });
    await buildGroup(t.database.db, { village: sibetan, name: 'Kelompok Salak Sibetan' });
    await buildGroup(t.database.db, {
      programId: program.id,
      areaCode: '52.01.03.2009',
      name: 'Kelompok Salak Lombok',
    });
    await buildGroup(t.database.db, { village: sibetan, name: 'Kelompok Kopi Sibetan' });
    const { user } = await buildStaff(t.database.db, 'facilitator', { programId: program.id, areaCode: '51.07' });
    const response = await t.request({
      method: 'GET',
      url: `/api/v1/groups?programId=${program.id}&q=salak`,
      as: await signedIn(t.app, user),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().items.map((g: { name: string }) => g.name)).toEqual(['Kelompok Salak Sibetan']);
  });

  it('finds accounts by name, email or phone number, only among the caller’s program', async () => {
    const program = await buildProgram(t.database.db);
    const { user: manager } = await buildStaff(t.database.db, 'program_manager', { programId: program.id });
    const session = await signedIn(t.app, manager);
    const invited = await t.request({
      method: 'POST',
      url: `/api/v1/programs/${program.id}/invitations`,
      as: session,
      payload: { name: 'Ni Made Sri', phone: '0812 1111 2222', role: 'trainer' },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    await buildUser(t.database.db, { name: 'Ni Made Sri (another program)' });
    const search = async (q: string) =>
      (await t.request({ method: 'GET', url: `/api/v1/users?q=${encodeURIComponent(q)}`, as: session })).json()
        .items as { name: string; phone: string | null; email: string | null; invited: boolean }[];
    expect(await search('made sri')).toEqual([
      expect.objectContaining({ name: 'Ni Made Sri', phone: '+6281211112222', email: null, invited: true }),
    ]);
    expect((await search('11112222')).map((u) => u.name)).toEqual(['Ni Made Sri']);
    expect((await search(manager.email)).map((u) => u.name)).toEqual([manager.name]);
  });
});

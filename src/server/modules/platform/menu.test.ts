import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { buildGroup, buildStaff, buildUser, signedIn } from '../../../../test/factories.js';

/** What the whole program's manager (and an admin) find in the menu, in its order. */
const EVERY_STAFF_SCREEN = [
  'programs',
  'impact',
  'areas',
  'villages',
  'groups',
  'assessments',
  'schemes',
  'training',
  'community',
  'batches',
  'inquiries',
  'orders',
  'notifications',
];

const t = useTestApp();

/** The menu `/me` answers for a user: the screens in order, and the groups whose books "books" opens. */
async function menuOf(user: { email: string }) {
  const me = await t.request({ method: 'GET', url: '/api/v1/me', as: await signedIn(t.app, user) });
  expect(me.statusCode).toBe(200);
  const { screens, bookGroups } = me.json<{ screens: string[]; bookGroups: string[] }>();
  return { screens, bookGroups };
}

describe('the staff menu in /me', () => {
  it('lists a facilitator’s dashboard, areas, villages, groups, training, batches and inquiries, not programs or schemes', async () => {
    const { user } = await buildStaff(t.database.db, 'facilitator', { areaCode: '51.07' });
    expect(await menuOf(user)).toEqual({
      screens: ['impact', 'areas', 'villages', 'groups', 'training', 'batches', 'inquiries', 'orders', 'notifications'],
      bookGroups: [],
    });
  });

  it('lists every screen but the own-group books to an admin', async () => {
    const admin = await buildUser(t.database.db, { isAdmin: true });
    expect((await menuOf(admin)).screens).toEqual(EVERY_STAFF_SCREEN);
  });

  it('lists programs, assessments and schemes to a program manager', async () => {
    const { user } = await buildStaff(t.database.db, 'program_manager');
    expect((await menuOf(user)).screens).toEqual(EVERY_STAFF_SCREEN);
  });

  it('lists the dashboard and assessments but no villages, batches or trade to an assessor', async () => {
    const { user } = await buildStaff(t.database.db, 'assessor');
    expect((await menuOf(user)).screens).toEqual(['impact', 'groups', 'assessments', 'training', 'notifications']);
  });

  it('lists the community, and no dashboard or trade, to a community manager', async () => {
    const { user } = await buildStaff(t.database.db, 'community_manager', { areaCode: '51.07' });
    expect((await menuOf(user)).screens).toEqual(['groups', 'training', 'community', 'notifications']);
  });

  it('lists the dashboard and training to a trainer, not areas, villages or trade', async () => {
    const { user } = await buildStaff(t.database.db, 'trainer');
    expect((await menuOf(user)).screens).toEqual(['impact', 'groups', 'training', 'notifications']);
  });

  it('opens the books of a treasurer’s and a member’s own group', async () => {
    const group = await buildGroup(t.database.db);
    const other = await buildGroup(t.database.db, {
      village: { id: group.villageId, programId: group.programId },
      name: 'KWT Dodol Salak',
    });
    const { user: treasurer } = await buildStaff(t.database.db, 'group_manager', {
      programId: group.programId,
      groupId: group.id,
    });
    expect(await menuOf(treasurer)).toEqual({
      screens: ['groups', 'training', 'books', 'batches', 'inquiries', 'orders', 'notifications'],
      bookGroups: [group.id],
    });
    const { user: member } = await buildStaff(t.database.db, 'group_member', {
      programId: group.programId,
      groupId: other.id,
    });
    expect((await menuOf(member)).bookGroups).toEqual([other.id]);
  });

  it('shows a buyer with no role only their inquiries, orders and notifications', async () => {
    const buyer = await buildUser(t.database.db);
    await t.database.db.query(`INSERT INTO buyers (user_id, company_name, country) VALUES ($1, 'Tokyo Foods', 'JP')`, [
      buyer.id,
    ]);
    expect(await menuOf(buyer)).toEqual({ screens: ['inquiries', 'orders', 'notifications'], bookGroups: [] });
  });

  it('shows someone with neither a role nor a buyer’s profile (a community member) only notifications', async () => {
    const member = await buildUser(t.database.db);
    expect(await menuOf(member)).toEqual({ screens: ['notifications'], bookGroups: [] });
  });

  it('shows an assessor who also buys their inquiries and orders', async () => {
    const { user } = await buildStaff(t.database.db, 'assessor');
    await t.database.db.query(`INSERT INTO buyers (user_id, company_name, country) VALUES ($1, 'Kopi Ekspor', 'ID')`, [
      user.id,
    ]);
    expect((await menuOf(user)).screens).toEqual([
      'impact',
      'groups',
      'assessments',
      'training',
      'inquiries',
      'orders',
      'notifications',
    ]);
  });
});

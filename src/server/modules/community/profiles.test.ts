import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { communityEventsWorld } from '../../../../test/community-events-fixtures.js';
import { buildGroup, buildProduct, system } from '../../../../test/factories.js';
import { paths, SIBETAN } from '../../../../test/registry-fixtures.js';
import { grantRole } from '../programs/index.js';

const t = useTestApp();

const ALL_ON = { business: true, offers: true, phone: true, email: true, group: true };
const ALL_OFF = { business: false, offers: false, phone: false, email: false, group: false };

/** The community world, with Sari: a member who gave a phone and a business, in a group with a product on the catalog. */
async function world() {
  const w = await communityEventsWorld(t);
  const sari = await w.member('Ni Ketut Sari', SIBETAN, { phone: '0812-3456-7890', business: 'Keripik salak' });
  const group = await buildGroup(t.database.db, { programId: w.program.id, areaCode: SIBETAN, name: 'KWT Salak Sari' });
  const chips = await buildProduct(t.database.db, { groupId: group.id });
  await buildProduct(t.database.db, { groupId: group.id, name: { id: 'Dodol salak' }, status: 'draft' });
  await grantRole(system(t.database.db), w.program.id, {
    userId: sari.userId,
    role: 'group_member',
    groupId: group.id,
  });
  const settings = `/api/v1/community/${w.program.id}/profile`;
  const page = (id = sari.joinId) => w.request('GET', `/api/v1/community/people/${id}`);
  return { ...w, sari, group, chips, settings, page };
}

describe('community profiles', () => {
  it('show nothing but name and village until she makes a field public', async () => {
    const w = await world();
    const mine = await w.ok('GET', w.settings, w.sari);
    expect(mine).toMatchObject({
      id: w.sari.joinId,
      name: 'Ni Ketut Sari',
      area: { code: SIBETAN },
      business: 'Keripik salak',
      offers: '',
      phone: '+6281234567890',
      email: w.sari.email,
      group: { id: w.group.id, name: 'KWT Salak Sari', products: [{ id: w.chips.id }] },
      public: ALL_OFF,
    });
    const bare = await w.page();
    expect(bare.statusCode).toBe(200);
    expect(Object.keys(bare.json()).sort()).toEqual(['area', 'id', 'name', 'programId']);
    expect(bare.json()).toMatchObject({ name: 'Ni Ketut Sari', area: { code: SIBETAN } });
  });

  it('show exactly the fields she turned on: each one off is absent', async () => {
    const w = await world();
    const offers = 'Pesanan keripik untuk oleh-oleh, 50 bungkus seminggu.';
    await w.ok('PUT', w.settings, w.sari, { offers, public: ALL_ON });
    const all = (await w.page()).json();
    expect(all).toMatchObject({
      business: 'Keripik salak',
      offers,
      phone: '+6281234567890',
      email: w.sari.email,
      group: { name: 'KWT Salak Sari', products: [{ id: w.chips.id, name: { en: 'Salak chips' } }] },
    });
    expect(all.group.products).toHaveLength(1); // the draft is not on the catalog
    for (const field of Object.keys(ALL_ON)) {
      await w.ok('PUT', w.settings, w.sari, { offers, public: { ...ALL_ON, [field]: false } });
      const shown = (await w.page()).json();
      expect(Object.keys(shown), field).not.toContain(field);
      expect(Object.keys(shown).length).toBe(Object.keys(all).length - 1);
    }
    const written = await t.database.db.query<{ after: { public: object } }>(
      `SELECT after FROM audit_log WHERE action = 'community.profile.write' ORDER BY id`,
    );
    expect(written).toHaveLength(6);
  });

  it('leave a field out when she has nothing in it, even when it is public', async () => {
    const w = await world();
    const ayu = await w.ok('PUT', `/api/v1/community/${w.program.id}/profile`, w.ayu, { offers: '', public: ALL_ON });
    expect(ayu).toMatchObject({ phone: null, business: '', group: null });
    expect(Object.keys((await w.page(w.ayu.joinId)).json()).sort()).toEqual([
      'area',
      'email',
      'id',
      'name',
      'programId',
    ]);
  });

  it('are written by the member only, with bad fields named and nothing half-written', async () => {
    const w = await world();
    const bad = await w.request('PUT', w.settings, w.sari, {
      offers: 'x'.repeat(1001),
      public: { business: true, photo: true },
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(expect.arrayContaining(['offers', 'public.email', 'public.group', 'public.phone']));
    expect(await t.database.db.query('SELECT 1 FROM community_profiles')).toHaveLength(0);
    // Staff, another program's manager and a signed-out visitor have no profile here to write.
    for (const who of [w.as.manager, w.as.karangasem, w.as.otherManager])
      expect((await w.request('PUT', w.settings, who, { offers: '', public: ALL_ON })).statusCode).toBe(404);
    expect((await w.request('GET', w.settings)).statusCode).toBe(401);
    // Her settings are hers: Ayu's write changes Ayu's page, never Sari's.
    await w.ok('PUT', w.settings, w.ayu, { offers: 'Tenun', public: ALL_ON });
    expect(Object.keys((await w.page()).json()).sort()).toEqual(['area', 'id', 'name', 'programId']);
  });

  it('are no page for a pending, declined or suspended member', async () => {
    const w = await world();
    await w.ok('PUT', w.settings, w.sari, { offers: 'Keripik', public: ALL_ON });
    const asked = async (name: string) =>
      (
        await t.request({
          method: 'POST',
          url: `/api/v1/community/${w.program.id}/joins`,
          payload: { name, phone: '081298765432', areaCode: SIBETAN, rulesVersion: 1, acceptRules: true },
          remoteAddress: `10.9.1.${name.length}`,
        })
      ).json().id as string;
    const pending = await asked('Made Pending');
    const declined = await asked('Komang Declined');
    await w.ok('POST', `/api/v1/community/joins/${declined}/decline`, w.as.manager);
    expect((await w.page(pending)).statusCode).toBe(404);
    expect((await w.page(declined)).statusCode).toBe(404);
    expect((await w.page(crypto.randomUUID())).statusCode).toBe(404);
    await w.ok('POST', `/api/v1/community/${w.program.id}/sanctions`, w.as.karangasem, {
      userId: w.sari.userId,
      kind: 'suspend',
      hours: 24,
      reason: 'Spam di forum',
    });
    expect((await w.page()).statusCode).toBe(404);
    // A mute keeps her page: she may not post, but she is still a member.
    await w.ok('POST', `/api/v1/community/${w.program.id}/sanctions`, w.as.karangasem, {
      userId: w.ayu.userId,
      kind: 'mute',
      hours: 24,
      reason: 'Spam di forum',
    });
    expect((await w.page(w.ayu.joinId)).statusCode).toBe(200);
  });
});

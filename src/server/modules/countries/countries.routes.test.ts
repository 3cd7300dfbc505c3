import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { buildStaff, buildUser, signedIn } from '../../../../test/factories.js';

const t = useTestApp();

const count = async (sql: string, params: unknown[] = []) =>
  Number((await t.database.db.query<{ n: number }>(sql, params))[0]!.n);

describe('country packs on the admin screens', () => {
  it('lists the packs, shows what an install would change without writing it, installs, and starts a program from it', async () => {
    const db = t.database.db;
    const adminUser = await buildUser(db, { isAdmin: true });
    const admin = await signedIn(t.app, adminUser);
    const listed = await t.request({ url: '/api/v1/country-packs', as: admin });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ country: 'TH', currency: 'THB', installedVersion: null }),
        expect.objectContaining({ country: 'VN', currency: 'VND' }),
      ]),
    );

    const early = await t.request({
      method: 'POST',
      url: '/api/v1/country-packs/TH/programs',
      as: admin,
      payload: { code: 'OTOP-TH', name: 'OTOP Thailand', startedOn: '2026-01-01' },
    });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'country-pack-not-installed', params: { country: 'TH' } });

    const plan = await t.request({ url: '/api/v1/country-packs/TH/plan', as: admin });
    expect(plan.statusCode, plan.body).toBe(200);
    const planned = plan.json();
    expect(planned).toMatchObject({ country: 'TH', installedVersion: null, upToDate: false, currency: 'THB' });
    expect(planned.areas.added).toBeGreaterThan(0);
    expect(await count("SELECT count(*)::int AS n FROM areas WHERE country = 'TH'")).toBe(0);

    const installed = await t.request({ method: 'POST', url: '/api/v1/country-packs/TH/install', as: admin });
    expect(installed.statusCode, installed.body).toBe(200);
    expect(await count("SELECT count(*)::int AS n FROM areas WHERE country = 'TH'")).toBe(planned.areas.added);
    const audit = await db.query<{ actor_id: string }>(
      "SELECT actor_id FROM audit_log WHERE action = 'country_pack.install' AND entity_id = 'TH'",
    );
    expect(audit).toEqual([{ actor_id: adminUser.id }]);
    const again = await t.request({ url: '/api/v1/country-packs/TH/plan', as: admin });
    expect(again.json()).toMatchObject({ installedVersion: planned.version, upToDate: true });

    const created = await t.request({
      method: 'POST',
      url: '/api/v1/country-packs/TH/programs',
      as: admin,
      payload: { code: 'OTOP-TH', name: 'OTOP Thailand', startedOn: '2026-01-01' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      program: { code: 'OTOP-TH', country: 'TH', currency: 'THB', locales: ['th', 'en'] },
      scheme: { id: expect.any(String) },
    });
  });

  it('names the field of a bad program and writes nothing', async () => {
    const admin = await signedIn(t.app, await buildUser(t.database.db, { isAdmin: true }));
    const before = await count('SELECT count(*)::int AS n FROM programs');
    const bad = await t.request({
      method: 'POST',
      url: '/api/v1/country-packs/TH/programs',
      as: admin,
      payload: { code: 'otop th', name: 'OTOP Thailand', startedOn: '2026-01-01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'code' })]);
    const unknown = await t.request({ url: '/api/v1/country-packs/ZZ/plan', as: admin });
    expect(unknown.json()).toMatchObject({ code: 'country-pack-missing' });
    expect(await count('SELECT count(*)::int AS n FROM programs')).toBe(before);
  });

  it('is a platform admin’s alone: a program manager can neither see nor install a pack', async () => {
    const { user } = await buildStaff(t.database.db, 'program_manager');
    const manager = await signedIn(t.app, user);
    for (const [method, url] of [
      ['GET', '/api/v1/country-packs'],
      ['GET', '/api/v1/country-packs/TH/plan'],
      ['POST', '/api/v1/country-packs/TH/install'],
    ] as const) {
      const r = await t.request({ method, url, as: manager });
      expect(r.statusCode, url).toBe(403);
    }
    const program = await t.request({
      method: 'POST',
      url: '/api/v1/country-packs/TH/programs',
      as: manager,
      payload: { code: 'OTOP-TH', name: 'OTOP Thailand', startedOn: '2026-01-01' },
    });
    expect(program.statusCode).toBe(403);
    expect(await count("SELECT count(*)::int AS n FROM areas WHERE country = 'TH'")).toBe(0);
  });
});

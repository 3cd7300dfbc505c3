import { describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../../test/app.js';
import { buildPackProgram, buildStaff, buildUser, signedIn } from '../../../../test/factories.js';
import { KEMENPERIN_TEMPLATE_ID } from '../../../../test/quality-fixtures.js';
import { textsMissingLocales } from '../../../shared/localized.js';

const t = useTestApp();

/** Two Indonesian programs, each with its manager; the first has a scheme copied from the Kemenperin template. */
async function world() {
  const db = t.database.db;
  const a = await buildStaff(db, 'program_manager');
  const b = await buildStaff(db, 'program_manager');
  const managerA = await signedIn(t.app, a.user);
  const managerB = await signedIn(t.app, b.user);
  const made = await t.request({
    method: 'POST',
    url: '/api/v1/rating-schemes',
    as: managerA,
    payload: { programId: a.programId, templateId: KEMENPERIN_TEMPLATE_ID },
  });
  expect(made.statusCode, made.body).toBe(201);
  return { a: a.programId, b: b.programId, managerA, managerB, schemeId: made.json<{ id: string }>().id };
}

const exported = async (id: string, as: Session) => {
  const r = await t.request({ url: `/api/v1/rating-schemes/${id}/export`, as });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

const schemesOf = async (programId: string) =>
  Number(
    (
      await t.database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM rating_schemes WHERE program_id = $1', [
        programId,
      ])
    )[0]!.n,
  );

describe('a rating scheme copied between programs as a file', () => {
  it('comes back the same after export, import into another program and export again, under a new id', async () => {
    const w = await world();
    const file = await exported(w.schemeId, w.managerA);
    expect(file).toMatchObject({
      format: 'ovop.rating-scheme',
      formatVersion: 1,
      source: { programCode: expect.any(String) },
    });
    const imported = await t.request({
      method: 'POST',
      url: `/api/v1/programs/${w.b}/rating-schemes/import`,
      as: w.managerB,
      payload: file,
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const { scheme } = imported.json();
    expect(scheme).toMatchObject({ programId: w.b, version: 1, templateId: null });
    expect(scheme.id).not.toBe(w.schemeId);
    const again = await exported(scheme.id, w.managerB);
    const { source: _a, ...first } = file;
    const { source: _b, ...second } = again;
    expect(second).toEqual(first);
  });

  it('keeps every text and reports the ones missing a language of the target program', async () => {
    const w = await world();
    const db = t.database.db;
    const { program: th } = await buildPackProgram(db, 'TH', 'OTOP-TH');
    const admin = await signedIn(t.app, await buildUser(db, { isAdmin: true }));
    const file = await exported(w.schemeId, w.managerA);
    const imported = await t.request({
      method: 'POST',
      url: `/api/v1/programs/${th.id}/rating-schemes/import`,
      as: admin,
      payload: file,
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const { scheme, missingLocales } = imported.json();
    expect(scheme.definition.name).toEqual(file.definition.name);
    expect(missingLocales).toContainEqual({ path: 'name', locales: ['th'] });
    expect(missingLocales).toEqual(textsMissingLocales(file.definition, ['th', 'en']));
  });

  it('refuses a file of another format version or with a broken part, naming the field, and writes nothing', async () => {
    const w = await world();
    const file = await exported(w.schemeId, w.managerA);
    const send = (payload: object) =>
      t.request({ method: 'POST', url: `/api/v1/programs/${w.b}/rating-schemes/import`, as: w.managerB, payload });
    const later = await send({ ...file, formatVersion: 2 });
    expect(later.statusCode).toBe(400);
    expect(later.json().errors).toEqual([expect.objectContaining({ path: 'formatVersion' })]);
    const broken = structuredClone(file);
    broken.definition.parts[0].criteria[0].levels = [broken.definition.parts[0].criteria[0].levels[0]];
    const refused = await send(broken);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ path: 'definition.parts.0.criteria.0.levels' })]);
    expect(await schemesOf(w.b)).toBe(0);
  });

  it('is a program manager’s act on their own program: no export by a facilitator, no import into another program', async () => {
    const w = await world();
    const { user } = await buildStaff(t.database.db, 'facilitator', { programId: w.a });
    const facilitator = await signedIn(t.app, user);
    expect((await t.request({ url: `/api/v1/rating-schemes/${w.schemeId}/export`, as: facilitator })).statusCode).toBe(
      403,
    );
    expect((await t.request({ url: `/api/v1/rating-schemes/${w.schemeId}/export`, as: w.managerB })).statusCode).toBe(
      404,
    );
    const file = await exported(w.schemeId, w.managerA);
    for (const [as, programId] of [
      [w.managerA, w.b],
      [facilitator, w.a],
    ] as const) {
      const r = await t.request({
        method: 'POST',
        url: `/api/v1/programs/${programId}/rating-schemes/import`,
        as,
        payload: file,
      });
      expect([403, 404]).toContain(r.statusCode);
    }
    expect(await schemesOf(w.b)).toBe(0);
    expect(await schemesOf(w.a)).toBe(1);
  });
});

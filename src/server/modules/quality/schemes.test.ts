import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { buildProgram, buildStaff, signedIn } from '../../../../test/factories.js';
import { allCriteria, OCOP_TEMPLATE_ID, OTOP_TEMPLATE_ID, qualityWorld } from '../../../../test/quality-fixtures.js';
import { KARANGASEM, paths } from '../../../../test/registry-fixtures.js';

const t = useTestApp();

describe('rating schemes', () => {
  it('ship templates any signed-in user may read, and a program manager copies one into the program', async () => {
    const w = await qualityWorld(t);
    const member = await w.as('group_member', { groupId: w.groups.bali.id });
    const templates = await t.request({ method: 'GET', url: '/api/v1/rating-schemes?templates=true', as: member });
    expect(templates.statusCode).toBe(200);
    expect(templates.json().items.map((s: { template: boolean }) => s.template)).toEqual([true, true, true]);
    const otop = await t.request({ method: 'GET', url: `/api/v1/rating-schemes/${OTOP_TEMPLATE_ID}`, as: member });
    expect(otop.json().definition.thresholds).toContainEqual({ stars: 5, minPercent: 90 });
    expect((await t.request({ method: 'GET', url: '/api/v1/rating-schemes' })).statusCode).toBe(401);

    const manager = await w.as('program_manager');
    const copy = await t.request({
      method: 'POST',
      url: '/api/v1/rating-schemes',
      as: manager,
      payload: { programId: w.program.id, templateId: OCOP_TEMPLATE_ID },
    });
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({ programId: w.program.id, templateId: OCOP_TEMPLATE_ID, version: 1 });
    expect(copy.json().definition.validityMonths).toBe(36);
    const list = await t.request({
      method: 'GET',
      url: `/api/v1/rating-schemes?programId=${w.program.id}`,
      as: member,
    });
    expect(list.json().items.map((s: { id: string }) => s.id)).toEqual([copy.json().id]);
  });

  it('may be written only by the program manager and read only inside the program', async () => {
    const w = await qualityWorld(t);
    const scheme = await w.scheme(OCOP_TEMPLATE_ID);
    const facilitator = await w.as('facilitator', { areaCode: KARANGASEM });
    const url = `/api/v1/rating-schemes/${scheme.id}`;
    expect((await t.request({ method: 'GET', url, as: facilitator })).statusCode).toBe(200);
    const write = await t.request({
      method: 'PATCH',
      url,
      as: facilitator,
      payload: { version: 1, definition: scheme.definition },
    });
    expect(write.statusCode).toBe(403);
    const create = await t.request({
      method: 'POST',
      url: '/api/v1/rating-schemes',
      as: facilitator,
      payload: { programId: w.program.id, templateId: OTOP_TEMPLATE_ID },
    });
    expect(create.statusCode).toBe(403);
    const other = await buildProgram(t.database.db);
    const { user } = await buildStaff(t.database.db, 'program_manager', { programId: other.id });
    const outsider = await signedIn(t.app, user);
    expect((await t.request({ method: 'GET', url, as: outsider })).statusCode).toBe(404);
    const foreign = await t.request({
      method: 'POST',
      url: '/api/v1/rating-schemes',
      as: outsider,
      payload: { programId: w.program.id, templateId: OTOP_TEMPLATE_ID },
    });
    expect(paths(foreign)).toEqual(['programId']);
    const list = await t.request({ method: 'GET', url: '/api/v1/rating-schemes?templates=false', as: outsider });
    expect(list.json().items).toEqual([]);
  });

  it('name every invalid field of a scheme', async () => {
    const w = await qualityWorld(t);
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/rating-schemes',
      as: w.admin,
      payload: {
        programId: w.program.id,
        definition: {
          name: {},
          validityMonths: 0,
          parts: [
            {
              code: 'A',
              name: { en: 'A' },
              criteria: [
                { code: 'a', name: { en: 'a' }, weight: -1, levels: [{ points: 1, descriptor: { en: 'x' } }] },
              ],
            },
          ],
          thresholds: [{ stars: 6, minPercent: 120 }],
          starTiers: { 1: 'village' },
        },
      },
    });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(paths(r)).toEqual(
      expect.arrayContaining([
        'definition.name',
        'definition.validityMonths',
        'definition.parts.0.code',
        'definition.parts.0.criteria.0.weight',
        'definition.parts.0.criteria.0.levels',
        'definition.thresholds.0.stars',
        'definition.thresholds.0.minPercent',
        'definition.starTiers.1',
        'definition.starTiers.5',
      ]),
    );
    const template = await t.request({
      method: 'POST',
      url: '/api/v1/rating-schemes',
      as: w.admin,
      payload: { programId: w.program.id, templateId: '0193a000-0000-7000-8000-00000000ffff' },
    });
    expect(paths(template)).toEqual(['templateId']);
  });

  it('edit an unused version in place, but turn an edit of a version in use into a new version', async () => {
    const w = await qualityWorld(t);
    await w.certified('bali');
    const scheme = await w.scheme(OCOP_TEMPLATE_ID);
    const url = `/api/v1/rating-schemes/${scheme.id}`;
    const relaxed = { ...scheme.definition, validityMonths: 24 };
    const inPlace = await t.request({
      method: 'PATCH',
      url,
      as: w.admin,
      payload: { version: 1, definition: relaxed },
    });
    expect(inPlace.statusCode).toBe(200);
    expect(inPlace.json()).toMatchObject({ id: scheme.id, version: 2, latest: true });

    // Rate the product under version 2 …
    const assessment = await w.post('/api/v1/assessments', {
      productId: w.products.bali.id,
      schemeId: scheme.id,
      year: 2026,
      panelTier: 'national',
      assessedOn: '2026-06-01',
    });
    const manager = await w.as('group_manager', { groupId: w.groups.bali.id });
    const scores = allCriteria(relaxed, 3);
    const a = `/api/v1/assessments/${assessment.id}`;
    await t.request({ method: 'PUT', url: `${a}/self-assessment`, as: manager, payload: { scores } });
    await t.request({ method: 'PUT', url: `${a}/panel-scores`, as: w.admin, payload: { scores } });
    const rated = await t.request({ method: 'POST', url: `${a}/finalise`, as: w.admin, payload: {} });
    expect(rated.json()).toMatchObject({ stars: 5, validUntil: '2028-06-01' });

    // … then raise the bar: a new version, and the old rating keeps its version and result.
    const stricter = {
      ...relaxed,
      thresholds: relaxed.thresholds.map((th: { stars: number; minPercent: number }) =>
        th.stars === 5 ? { stars: 5, minPercent: 100 } : th,
      ),
    };
    const stale = await t.request({ method: 'PATCH', url, as: w.admin, payload: { version: 1, definition: stricter } });
    expect(stale.statusCode).toBe(409);
    const next = await t.request({ method: 'PATCH', url, as: w.admin, payload: { version: 2, definition: stricter } });
    expect(next.statusCode).toBe(201);
    expect(next.json()).toMatchObject({ familyId: scheme.id, version: 3, latest: true });
    expect(next.json().id).not.toBe(scheme.id);
    const old = (await t.request({ method: 'GET', url, as: w.admin })).json();
    expect(old).toMatchObject({ version: 2, latest: false });
    expect(old.definition.thresholds).toContainEqual({ stars: 5, minPercent: 90 });
    const kept = (await t.request({ method: 'GET', url: a, as: w.admin })).json();
    expect(kept).toMatchObject({ schemeId: scheme.id, stars: 5 });
    const superseded = await t.request({
      method: 'PATCH',
      url,
      as: w.admin,
      payload: { version: 2, definition: relaxed },
    });
    expect(superseded.statusCode).toBe(409);
    expect(superseded.json().current).toMatchObject({ version: 2, latest: false });
    const list = (
      await t.request({ method: 'GET', url: `/api/v1/rating-schemes?programId=${w.program.id}`, as: w.admin })
    ).json();
    expect(list.items.map((s: { id: string }) => s.id)).toEqual([next.json().id]);
    const history = (
      await t.request({ method: 'GET', url: `/api/v1/rating-schemes?familyId=${scheme.id}`, as: w.admin })
    ).json();
    expect(history.items.map((s: { version: number; latest: boolean }) => [s.version, s.latest])).toEqual([
      [2, false],
      [3, true],
    ]);
  });

  it('refuse edits of the shipped templates and replay a create with the same id', async () => {
    const w = await qualityWorld(t);
    const template = await t.request({
      method: 'PATCH',
      url: `/api/v1/rating-schemes/${OTOP_TEMPLATE_ID}`,
      as: w.admin,
      payload: { version: 1, definition: (await w.scheme(OTOP_TEMPLATE_ID)).definition },
    });
    expect(template.statusCode).toBe(422);
    const payload = {
      id: '01936a3e-7b7c-7cc0-8000-00000000e001',
      programId: w.program.id,
      templateId: OTOP_TEMPLATE_ID,
    };
    const first = await t.request({ method: 'POST', url: '/api/v1/rating-schemes', as: w.admin, payload });
    const again = await t.request({ method: 'POST', url: '/api/v1/rating-schemes', as: w.admin, payload });
    const other = await t.request({
      method: 'POST',
      url: '/api/v1/rating-schemes',
      as: w.admin,
      payload: { ...payload, templateId: OCOP_TEMPLATE_ID },
    });
    expect([first.statusCode, again.statusCode, other.statusCode]).toEqual([201, 200, 409]);
  });

  it('put assessors on panel tiers, set by the program manager only', async () => {
    const w = await qualityWorld(t);
    const url = `/api/v1/programs/${w.program.id}/assessor-tiers`;
    const national = await w.assessor('national');
    const manager = await w.as('program_manager');
    const facilitator = await w.as('facilitator', { areaCode: KARANGASEM });
    const move = await t.request({
      method: 'PUT',
      url,
      as: manager,
      payload: { userId: national.userId, tier: 'province' },
    });
    expect(move.json()).toEqual({ programId: w.program.id, userId: national.userId, tier: 'province' });
    const list = await t.request({ method: 'GET', url, as: manager });
    expect(list.json().items).toMatchObject([{ userId: national.userId, tier: 'province' }]);
    expect((await t.request({ method: 'GET', url, as: facilitator })).statusCode).toBe(403);
    const notAssessor = await buildStaff(t.database.db, 'trainer', { programId: w.program.id });
    const bad = await t.request({
      method: 'PUT',
      url,
      as: manager,
      payload: { userId: notAssessor.user.id, tier: 'x' },
    });
    expect(paths(bad)).toEqual(['tier']);
    const trainer = await t.request({
      method: 'PUT',
      url,
      as: manager,
      payload: { userId: notAssessor.user.id, tier: 'district' },
    });
    expect(paths(trainer)).toEqual(['userId']);
    const id = await t.request({ method: 'GET', url: '/api/v1/rating-schemes/not-an-id', as: manager });
    expect(paths(id)).toEqual(['params.id']);
  });
});

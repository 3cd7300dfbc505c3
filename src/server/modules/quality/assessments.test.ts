import { describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../../test/app.js';
import {
  allCriteria,
  KEMENPERIN_TEMPLATE_ID,
  OCOP_TEMPLATE_ID,
  qualityWorld,
  validPirt,
  type QualityWorld,
} from '../../../../test/quality-fixtures.js';
import { KARANGASEM, LOMBOK_BARAT, paths } from '../../../../test/registry-fixtures.js';

const t = useTestApp();

async function enter(w: QualityWorld, schemeId: string, overrides: Record<string, unknown> = {}) {
  return w.post('/api/v1/assessments', {
    productId: w.products.bali.id,
    schemeId,
    year: 2026,
    panelTier: 'national',
    assessedOn: '2026-06-01',
    ...overrides,
  });
}

const put = (url: string, as: Session, scores: unknown) => t.request({ method: 'PUT', url, as, payload: { scores } });
const stars = async (productId: string) =>
  (await t.database.db.query<{ stars: number | null }>('SELECT stars FROM products WHERE id = $1', [productId]))[0]!
    .stars;

describe('assessments', () => {
  it('go from self-assessment to panel scores to stars computed by the server', async () => {
    const w = await qualityWorld(t);
    await w.certified('bali');
    const scheme = await w.scheme(OCOP_TEMPLATE_ID);
    const facilitator = await w.as('facilitator', { areaCode: KARANGASEM });
    const entered = await t.request({
      method: 'POST',
      url: '/api/v1/assessments',
      as: facilitator,
      payload: {
        productId: w.products.bali.id,
        schemeId: scheme.id,
        year: 2026,
        panelTier: 'national',
        assessedOn: '2026-06-01',
      },
    });
    expect(entered.statusCode).toBe(201);
    const url = `/api/v1/assessments/${entered.json().id}`;
    const groupManager = await w.as('group_manager', { groupId: w.groups.bali.id });
    const assessors = [await w.assessor('national'), await w.assessor('national')];
    const early = await put(`${url}/panel-scores`, assessors[0]!, allCriteria(scheme.definition, 3));
    expect(early.statusCode).toBe(422);
    expect(early.json().type).toBe('/problems/self-assessment-first');
    expect((await put(`${url}/self-assessment`, groupManager, allCriteria(scheme.definition, 3))).statusCode).toBe(200);
    // Community criteria: 3 and 2 → 2.5 of 3; the rest full marks: 40 × 2.5/3 + 60 = 93.33 → 5★.
    for (const [i, session] of assessors.entries()) {
      const scores = allCriteria(scheme.definition, 3).map((s) =>
        s.criterion.startsWith('community') ? { ...s, points: 3 - i, comment: 'Tercatat rapi' } : s,
      );
      expect((await put(`${url}/panel-scores`, session, scores)).statusCode).toBe(200);
    }
    const finalByFacilitator = await t.request({
      method: 'POST',
      url: `${url}/finalise`,
      as: facilitator,
      payload: {},
    });
    expect(finalByFacilitator.statusCode).toBe(403);
    const manager = await w.as('program_manager');
    const final = await t.request({ method: 'POST', url: `${url}/finalise`, as: manager, payload: {} });
    expect(final.statusCode).toBe(200);
    expect(final.json()).toMatchObject({
      status: 'finalised',
      stars: 5,
      validUntil: '2029-06-01',
      result: { percent: 93.33, scoreStars: 5, outcome: 'rated' },
    });
    expect(final.json().panelScores).toHaveLength(18);
    expect(final.json().history.finalisedAt).toEqual(expect.any(String));
    expect(await stars(w.products.bali.id)).toBe(5);
    const mine = await t.request({ method: 'GET', url, as: groupManager });
    expect(mine.json()).toMatchObject({ stars: 5, selfAssessment: { scores: expect.any(Array) } });
    const closed = await put(`${url}/panel-scores`, assessors[0]!, allCriteria(scheme.definition, 0));
    expect(closed.statusCode).toBe(422);
    const audit = await t.database.db.query<{ action: string }>(
      'SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id',
      [entered.json().id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'assessment.create',
      'assessment.self_assess',
      'assessment.panel_score',
      'assessment.panel_score',
      'assessment.finalise',
    ]);
  });

  it('cap the stars when a gate fails and lift the cap once the certificate is valid on the assessment date', async () => {
    const w = await qualityWorld(t);
    const scheme = await w.scheme(KEMENPERIN_TEMPLATE_ID);
    const run = async (assessedOn: string) => {
      const a = await enter(w, scheme.id, { assessedOn, year: Number(assessedOn.slice(0, 4)) });
      const url = `/api/v1/assessments/${a.id}`;
      await put(`${url}/self-assessment`, w.admin, allCriteria(scheme.definition, 3));
      await put(`${url}/panel-scores`, w.admin, allCriteria(scheme.definition, 3));
      return (await t.request({ method: 'POST', url: `${url}/finalise`, as: w.admin, payload: {} })).json();
    };
    const capped = await run('2025-06-01');
    expect(capped).toMatchObject({
      stars: 4,
      result: { scoreStars: 5, cappedBy: ['distribution_permit', 'halal', 'business_licence'] },
    });
    await w.post('/api/v1/certifications', validPirt(w.products.bali.id));
    await w.post('/api/v1/certifications', {
      groupId: w.groups.bali.id,
      kind: 'halal',
      number: 'ID51110000123450125',
      issuer: 'BPJPH',
      issuedOn: '2025-03-01',
    });
    await t.request({
      method: 'PATCH',
      url: `/api/v1/groups/${w.groups.bali.id}`,
      as: w.admin,
      payload: { version: 1, legalIds: { nib: '9120001234567' } },
    });
    expect(await run('2026-06-01')).toMatchObject({ stars: 5, result: { cappedBy: [] } });
    // Before the P-IRT and the halal certificate were issued, the same scores are capped again.
    expect(await run('2024-06-01')).toMatchObject({ stars: 4, result: { cappedBy: ['distribution_permit', 'halal'] } });
  });

  it('refuse assessors outside their panel tier and hide assessments above it', async () => {
    const w = await qualityWorld(t);
    await w.certified('bali');
    const scheme = await w.scheme(OCOP_TEMPLATE_ID);
    const province = await enter(w, scheme.id, { panelTier: 'province' });
    const url = `/api/v1/assessments/${province.id}`;
    await put(`${url}/self-assessment`, w.admin, allCriteria(scheme.definition, 2));
    const district = await w.assessor('district');
    const untiered = await w.assessor(null);
    const national = await w.assessor('national');
    for (const session of [district, untiered]) {
      expect((await put(`${url}/panel-scores`, session, allCriteria(scheme.definition, 2))).statusCode).toBe(403);
      expect((await t.request({ method: 'GET', url, as: session })).statusCode).toBe(404);
      expect((await t.request({ method: 'GET', url: '/api/v1/assessments', as: session })).json().items).toEqual([]);
    }
    expect((await put(`${url}/panel-scores`, national, allCriteria(scheme.definition, 2))).statusCode).toBe(200);
    const seen = await t.request({ method: 'GET', url: '/api/v1/assessments', as: national });
    expect(seen.json().items.map((a: { id: string }) => a.id)).toEqual([province.id]);
    // A province panel awards at most 4★ under OCOP, whatever the score.
    await put(`${url}/panel-scores`, national, allCriteria(scheme.definition, 3));
    const final = await t.request({ method: 'POST', url: `${url}/finalise`, as: w.admin, payload: {} });
    expect(final.json()).toMatchObject({ stars: 4, result: { scoreStars: 5, tierMaxStars: 4 } });
  });

  it('answer scores sent again on a stale version as stored when they are the same, and as a conflict when not', async () => {
    const w = await qualityWorld(t);
    const scheme = await w.scheme(OCOP_TEMPLATE_ID);
    const a = await enter(w, scheme.id);
    const url = `/api/v1/assessments/${a.id}`;
    const send = (path: string, version: number, scores: unknown) =>
      t.request({ method: 'PUT', url: `${url}/${path}`, as: w.admin, payload: { version, scores } });
    const self = allCriteria(scheme.definition, 3);
    const selfSaved = await send('self-assessment', a.version, self);
    expect(selfSaved.statusCode).toBe(200);
    // The same PUT again (its answer was lost): the version it carries is stale, the scores are stored.
    const selfReplay = await send('self-assessment', a.version, [...self].reverse());
    expect(selfReplay.statusCode).toBe(200);
    expect(selfReplay.json().version).toBe(selfSaved.json().version);

    const scores = allCriteria(scheme.definition, 2).map((s, i) => (i === 0 ? { ...s, comment: 'Label rapi' } : s));
    const base = selfSaved.json().version as number;
    const saved = await send('panel-scores', base, scores);
    expect(saved.statusCode).toBe(200);
    const replay = await send('panel-scores', base, scores);
    expect(replay.statusCode).toBe(200);
    expect(replay.json().version).toBe(saved.json().version);
    const changed = await send(
      'panel-scores',
      base,
      scores.map((s, i) => (i === 0 ? { ...s, comment: 'Lain' } : s)),
    );
    expect(changed.statusCode).toBe(409);
    expect(changed.json()).toMatchObject({ code: 'version-conflict', current: { version: saved.json().version } });
    const audit = await t.database.db.query<{ action: string }>(
      'SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id',
      [a.id],
    );
    expect(audit.map((e) => e.action)).toEqual([
      'assessment.create',
      'assessment.self_assess',
      'assessment.panel_score',
    ]);
  });

  it('record appeals and their decisions; an upheld appeal reopens scoring', async () => {
    const w = await qualityWorld(t);
    await w.certified('bali');
    const scheme = await w.scheme(OCOP_TEMPLATE_ID);
    const a = await enter(w, scheme.id);
    const url = `/api/v1/assessments/${a.id}`;
    const groupManager = await w.as('group_manager', { groupId: w.groups.bali.id });
    const early = await t.request({
      method: 'POST',
      url: `${url}/appeals`,
      as: groupManager,
      payload: { reason: 'x' },
    });
    expect(early.statusCode).toBe(422);
    await put(`${url}/self-assessment`, groupManager, allCriteria(scheme.definition, 3));
    await put(`${url}/panel-scores`, w.admin, allCriteria(scheme.definition, 2));
    await t.request({ method: 'POST', url: `${url}/finalise`, as: w.admin, payload: {} });
    expect(await stars(w.products.bali.id)).toBe(3);

    const otherGroup = await w.as('group_manager', { groupId: w.groups.lombok.id });
    const foreign = await t.request({
      method: 'POST',
      url: `${url}/appeals`,
      as: otherGroup,
      payload: { reason: 'x' },
    });
    expect(foreign.statusCode).toBe(404);
    const reason = 'Panel tidak melihat sertifikat PIRT kami.';
    const filed = await t.request({ method: 'POST', url: `${url}/appeals`, as: groupManager, payload: { reason } });
    expect(filed.statusCode).toBe(201);
    expect(filed.json()).toMatchObject({ status: 'appealed', appeals: [{ reason, decision: null }] });
    const appealId = filed.json().appeals[0].id;
    const decide = (as: Session, payload: object) =>
      t.request({ method: 'POST', url: `${url}/appeals/${appealId}/decision`, as, payload });
    expect((await decide(groupManager, { decision: 'upheld', note: 'ok' })).statusCode).toBe(403);
    expect(paths(await decide(w.admin, { decision: 'maybe' }))).toEqual(['decision', 'note']);
    const manager = await w.as('program_manager');
    const upheld = await decide(manager, { decision: 'upheld', note: 'Sertifikat diperiksa ulang.' });
    expect(upheld.statusCode).toBe(200);
    expect(upheld.json()).toMatchObject({
      status: 'open',
      stars: null,
      appeals: [{ decision: 'upheld', note: 'Sertifikat diperiksa ulang.', decidedAt: expect.any(String) }],
      history: { reopenedAt: expect.any(String) },
    });
    expect(await stars(w.products.bali.id)).toBeNull();
    expect((await decide(manager, { decision: 'rejected', note: 'again' })).statusCode).toBe(409);

    await put(`${url}/panel-scores`, w.admin, allCriteria(scheme.definition, 3));
    await t.request({ method: 'POST', url: `${url}/finalise`, as: manager, payload: {} });
    const second = await t.request({
      method: 'POST',
      url: `${url}/appeals`,
      as: groupManager,
      payload: { reason: 'lagi' },
    });
    const rejected = await t.request({
      method: 'POST',
      url: `${url}/appeals/${second.json().appeals[1].id}/decision`,
      as: manager,
      payload: { decision: 'rejected', note: 'Nilai sudah sesuai.' },
    });
    expect(rejected.json()).toMatchObject({ status: 'finalised', stars: 5 });
    expect(rejected.json().appeals.map((x: { decision: string }) => x.decision)).toEqual(['upheld', 'rejected']);
  });

  it('hide a product’s stars once the badge has expired, without a read writing anything', async () => {
    const w = await qualityWorld(t);
    await w.certified('bali', '2019-06-01');
    const scheme = await w.scheme(OCOP_TEMPLATE_ID);
    const a = await enter(w, scheme.id, { year: 2020, assessedOn: '2020-03-01' });
    const url = `/api/v1/assessments/${a.id}`;
    await put(`${url}/self-assessment`, w.admin, allCriteria(scheme.definition, 3));
    await put(`${url}/panel-scores`, w.admin, allCriteria(scheme.definition, 3));
    const final = await t.request({ method: 'POST', url: `${url}/finalise`, as: w.admin, payload: {} });
    expect(final.json()).toMatchObject({ stars: 5, validUntil: '2023-03-01' });
    expect(await stars(w.products.bali.id)).toBeNull();
    // A badge that lapses later is cleared on the next read of assessments.
    await w.certified('bali', '2024-01-14');
    const b = await enter(w, scheme.id, { assessedOn: '2026-01-10' });
    const burl = `/api/v1/assessments/${b.id}`;
    await put(`${burl}/self-assessment`, w.admin, allCriteria(scheme.definition, 3));
    await put(`${burl}/panel-scores`, w.admin, allCriteria(scheme.definition, 3));
    await t.request({ method: 'POST', url: `${burl}/finalise`, as: w.admin, payload: {} });
    expect(await stars(w.products.bali.id)).toBe(5);
    await t.database.db.query(`UPDATE products SET status = 'ready', description = '{"id":"Keripik"}' WHERE id = $1`, [
      w.products.bali.id,
    ]);
    const catalogStars = async () =>
      (await t.request({ method: 'GET', url: `/api/v1/catalog/products/${w.products.bali.id}` })).json().stars;
    expect(await catalogStars()).toBe(5);
    // Time passes beyond the badge's end (both places that keep it: the rating and the product).
    await t.database.db.query(`UPDATE product_ratings SET valid_until = '2026-01-01'`);
    await t.database.db.query(`UPDATE products SET stars_valid_until = '2026-01-01'`);
    // The public catalog hides a lapsed badge by its date; nothing has to clear products.stars first.
    expect(await catalogStars()).toBeNull();
    const minStars = await t.request({ method: 'GET', url: '/api/v1/catalog/products?minStars=1' });
    expect(minStars.json().items).toEqual([]);
    // Reading assessments writes nothing: the lapsed badge stays hidden by its date, not cleared.
    expect((await t.request({ method: 'GET', url: '/api/v1/assessments', as: w.admin })).statusCode).toBe(200);
    expect(await catalogStars()).toBeNull();
  });

  it('keep other areas and groups out', async () => {
    const w = await qualityWorld(t);
    const scheme = await w.scheme(OCOP_TEMPLATE_ID);
    const a = await enter(w, scheme.id);
    const url = `/api/v1/assessments/${a.id}`;
    const lombokFacilitator = await w.as('facilitator', { areaCode: LOMBOK_BARAT });
    const lombokManager = await w.as('group_manager', { groupId: w.groups.lombok.id });
    const baliMember = await w.as('group_member', { groupId: w.groups.bali.id });
    for (const session of [lombokFacilitator, lombokManager]) {
      expect((await t.request({ method: 'GET', url, as: session })).statusCode).toBe(404);
      expect((await t.request({ method: 'GET', url: '/api/v1/assessments', as: session })).json().items).toEqual([]);
      expect((await put(`${url}/self-assessment`, session, allCriteria(scheme.definition, 3))).statusCode).toBe(404);
      const entered = await t.request({
        method: 'POST',
        url: '/api/v1/assessments',
        as: session,
        payload: {
          productId: w.products.bali.id,
          schemeId: scheme.id,
          year: 2026,
          panelTier: 'district',
          assessedOn: '2026-06-01',
        },
      });
      expect(paths(entered)).toEqual(['productId']);
    }
    expect((await t.request({ method: 'GET', url, as: baliMember })).statusCode).toBe(200);
    expect((await put(`${url}/self-assessment`, baliMember, allCriteria(scheme.definition, 3))).statusCode).toBe(403);
    const facilitator = await w.as('facilitator', { areaCode: KARANGASEM });
    expect((await put(`${url}/self-assessment`, facilitator, allCriteria(scheme.definition, 3))).statusCode).toBe(403);
  });

  it('name invalid input of every assessment endpoint', async () => {
    const w = await qualityWorld(t);
    const scheme = await w.scheme(OCOP_TEMPLATE_ID);
    const bad = await t.request({
      method: 'POST',
      url: '/api/v1/assessments',
      as: w.admin,
      payload: { productId: 'nope', schemeId: scheme.id, year: 1800, panelTier: 'village', assessedOn: '2026-13-01' },
    });
    expect(paths(bad)).toEqual(['assessedOn', 'panelTier', 'productId', 'year']);
    const otherScheme = await t.request({
      method: 'POST',
      url: '/api/v1/assessments',
      as: w.admin,
      payload: {
        productId: w.products.bali.id,
        schemeId: OCOP_TEMPLATE_ID,
        year: 2026,
        panelTier: 'district',
        assessedOn: '2026-06-01',
      },
    });
    expect(paths(otherScheme)).toEqual(['schemeId']);
    const a = await enter(w, scheme.id);
    const url = `/api/v1/assessments/${a.id}`;
    const scores = await put(`${url}/self-assessment`, w.admin, [
      { criterion: 'community.organisation', points: 7 },
      { criterion: 'no.such', points: 1 },
    ]);
    expect(paths(scores)).toEqual(['scores.0.points', 'scores.1.criterion']);
    expect(paths(await put(`${url}/panel-scores`, w.admin, []))).toEqual(['scores']);
    await put(`${url}/self-assessment`, w.admin, allCriteria(scheme.definition, 3));
    await put(`${url}/panel-scores`, w.admin, allCriteria(scheme.definition, 3).slice(1));
    const unscored = await t.request({ method: 'POST', url: `${url}/finalise`, as: w.admin, payload: {} });
    expect(unscored.statusCode).toBe(422);
    expect(paths(unscored)).toEqual(['scores.community.organisation']);
    const appeal = await t.request({ method: 'POST', url: `${url}/appeals`, as: w.admin, payload: { reason: '' } });
    expect(paths(appeal)).toEqual(['reason']);
    const query = await t.request({ method: 'GET', url: '/api/v1/assessments?status=done&limit=0', as: w.admin });
    expect(paths(query)).toEqual(['query.limit', 'query.status']);
  });

  it('keep evidence files of PDF, JPEG or PNG for the panel', async () => {
    const w = await qualityWorld(t);
    const scheme = await w.scheme(OCOP_TEMPLATE_ID);
    const a = await enter(w, scheme.id);
    const url = `/api/v1/assessments/${a.id}/evidence?criterion=quality.safety`;
    const send = (as: Session, data: Buffer, target = url) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(data)], { type: 'application/pdf' }), 'lab.pdf');
      return t.request({ method: 'POST', url: target, as, payload: form });
    };
    const pdf = Buffer.from('%PDF-1.4\n% lab report\n');
    const national = await w.assessor('national');
    const stored = await send(national, pdf);
    expect(stored.statusCode).toBe(201);
    expect(stored.json()).toMatchObject({ criterion: 'quality.safety', contentType: 'application/pdf' });
    const file = await t.request({ method: 'GET', url: stored.json().url });
    expect(file.body).toBe(pdf.toString());
    expect(paths(await send(national, Buffer.from('plain text')))).toEqual(['file']);
    expect(paths(await send(national, pdf, `/api/v1/assessments/${a.id}/evidence?criterion=x`))).toEqual([
      'query.criterion',
    ]);
    expect((await send(await w.assessor('district'), pdf)).statusCode).toBe(403);
    const facilitator = await w.as('facilitator', { areaCode: LOMBOK_BARAT });
    expect((await send(facilitator, pdf)).statusCode).toBe(404);
    const got = await t.request({ method: 'GET', url: `/api/v1/assessments/${a.id}`, as: national });
    expect(got.json().evidence).toHaveLength(1);
  });
});

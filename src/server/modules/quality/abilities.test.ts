import { describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../../test/app.js';
import { allCriteria, OCOP_TEMPLATE_ID, qualityWorld, validPirt } from '../../../../test/quality-fixtures.js';
import { KARANGASEM, LOMBOK_BARAT } from '../../../../test/registry-fixtures.js';

const t = useTestApp();

const get = (url: string, as: Session) => t.request({ method: 'GET', url, as });
const abilitiesOf = async (url: string, as: Session) => {
  const r = await get(url, as);
  expect(r.statusCode).toBe(200);
  return r.json().abilities as Record<string, boolean>;
};
const none = {
  selfAssess: false,
  score: false,
  addEvidence: false,
  finalise: false,
  appeal: false,
  decideAppeal: false,
};

describe('abilities decided by the server', () => {
  it('give each role on an assessment the buttons it may use, by scope, panel tier and status', async () => {
    const w = await qualityWorld(t);
    const scheme = await w.scheme(OCOP_TEMPLATE_ID);
    const a = await w.post('/api/v1/assessments', {
      productId: w.products.bali.id,
      schemeId: scheme.id,
      year: 2026,
      panelTier: 'province',
      assessedOn: '2026-06-01',
    });
    // The admin may do every step the status allows.
    expect(a.abilities).toEqual({
      read: true,
      ...none,
      selfAssess: true,
      score: true,
      addEvidence: true,
      finalise: true,
    });
    const url = `/api/v1/assessments/${a.id}`;
    const manager = await w.as('program_manager');
    const facilitator = await w.as('facilitator', { areaCode: KARANGASEM });
    const groupManager = await w.as('group_manager', { groupId: w.groups.bali.id });
    const member = await w.as('group_member', { groupId: w.groups.bali.id });
    const province = await w.assessor('province');
    const district = await w.assessor('district');
    const lombokFacilitator = await w.as('facilitator', { areaCode: LOMBOK_BARAT });

    expect(await abilitiesOf(url, manager)).toEqual({ read: true, ...none, addEvidence: true, finalise: true });
    expect(await abilitiesOf(url, facilitator)).toEqual({ read: true, ...none });
    expect(await abilitiesOf(url, member)).toEqual({ read: true, ...none });
    expect(await abilitiesOf(url, groupManager)).toEqual({ read: true, ...none, selfAssess: true });
    expect(await abilitiesOf(url, province)).toEqual({ read: true, ...none, score: true, addEvidence: true });
    // Below the panel tier, or outside the area: the assessment is not there at all.
    expect((await get(url, district)).statusCode).toBe(404);
    expect((await get(url, lombokFacilitator)).statusCode).toBe(404);

    // A write answers with the abilities too; once final, the group may appeal and nobody scores.
    const self = await t.request({
      method: 'PUT',
      url: `${url}/self-assessment`,
      as: groupManager,
      payload: { scores: allCriteria(scheme.definition, 3) },
    });
    expect(self.json().abilities).toEqual({ read: true, ...none, selfAssess: true });
    await t.request({
      method: 'PUT',
      url: `${url}/panel-scores`,
      as: province,
      payload: { scores: allCriteria(scheme.definition, 3) },
    });
    const final = await t.request({ method: 'POST', url: `${url}/finalise`, as: manager, payload: {} });
    expect(final.json().abilities).toEqual({ read: true, ...none });
    expect(await abilitiesOf(url, groupManager)).toEqual({ read: true, ...none, appeal: true });
    expect(await abilitiesOf(url, province)).toEqual({ read: true, ...none });
    expect(await abilitiesOf(url, member)).toEqual({ read: true, ...none });

    // A pending appeal: the program manager decides it; the group may not appeal twice.
    const filed = await t.request({
      method: 'POST',
      url: `${url}/appeals`,
      as: groupManager,
      payload: { reason: 'x' },
    });
    expect(filed.json().abilities).toEqual({ read: true, ...none });
    expect(await abilitiesOf(url, manager)).toEqual({ read: true, ...none, decideAppeal: true });
    expect(await abilitiesOf(url, facilitator)).toEqual({ read: true, ...none });
  });

  it('give certificates update, delete and attach-document by scope, in the list as in the record', async () => {
    const w = await qualityWorld(t);
    const bali = await w.post('/api/v1/certifications', validPirt(w.products.bali.id));
    const lombok = await w.post('/api/v1/certifications', validPirt(w.products.lombok.id));
    const all = { read: true, update: true, delete: true, attachDocument: true };
    const readOnly = { read: true, update: false, delete: false, attachDocument: false };
    expect(bali.abilities).toEqual(all);
    const facilitator = await w.as('facilitator', { areaCode: KARANGASEM });
    const member = await w.as('group_member', { groupId: w.groups.bali.id });
    const assessor = await w.assessor('national');
    expect(await abilitiesOf(`/api/v1/certifications/${bali.id}`, facilitator)).toEqual(all);
    expect(await abilitiesOf(`/api/v1/certifications/${bali.id}`, member)).toEqual(readOnly);
    expect(await abilitiesOf(`/api/v1/certifications/${bali.id}`, assessor)).toEqual(readOnly);
    // A facilitator narrowed to Karangasem does not see Lombok Barat's certificate at all.
    expect((await get(`/api/v1/certifications/${lombok.id}`, facilitator)).statusCode).toBe(404);
    const list = await get('/api/v1/certifications', facilitator);
    expect(list.json().items.map((c: { id: string; abilities: object }) => [c.id, c.abilities])).toEqual([
      [bali.id, all],
    ]);
    const listed = await get('/api/v1/certifications', member);
    expect(listed.json().items.map((c: { abilities: object }) => c.abilities)).toEqual([readOnly]);
  });

  it('let anyone of the program read a scheme, and only the program manager change it', async () => {
    const w = await qualityWorld(t);
    const scheme = await w.scheme(OCOP_TEMPLATE_ID);
    const url = `/api/v1/rating-schemes/${scheme.id}`;
    expect(scheme.abilities).toEqual({ read: true, update: true });
    const facilitator = await w.as('facilitator', { areaCode: KARANGASEM });
    expect(await abilitiesOf(url, facilitator)).toEqual({ read: true, update: false });
    expect(await abilitiesOf(url, await w.as('program_manager'))).toEqual({ read: true, update: true });
    expect(await abilitiesOf(`/api/v1/rating-schemes/${OCOP_TEMPLATE_ID}`, facilitator)).toEqual({
      read: true,
      update: false,
    });
  });

  it('give the lists of a program’s assessments and schemes their buttons: entering products to whole-program grants, schemes to its manager', async () => {
    const w = await qualityWorld(t);
    const lists = [`/api/v1/assessments?programId=${w.program.id}`, `/api/v1/rating-schemes?programId=${w.program.id}`];
    const cases: [Session, object][] = [
      [w.admin, { read: true, enterInRound: true, updateSchemes: true }],
      [await w.as('program_manager'), { read: true, enterInRound: true, updateSchemes: true }],
      [await w.as('facilitator'), { read: true, enterInRound: true, updateSchemes: false }],
      // Narrower grants enter their own products only, from the product; the list offers them nothing.
      [await w.as('facilitator', { areaCode: KARANGASEM }), { read: true, enterInRound: false, updateSchemes: false }],
      [
        await w.as('program_manager', { areaCode: KARANGASEM }),
        { read: true, enterInRound: false, updateSchemes: false },
      ],
      [
        await w.as('group_manager', { groupId: w.groups.bali.id }),
        { read: true, enterInRound: false, updateSchemes: false },
      ],
      [await w.assessor('national'), { read: true, enterInRound: false, updateSchemes: false }],
    ];
    for (const [who, expected] of cases)
      for (const url of lists) expect(await abilitiesOf(url, who), url).toEqual(expected);
    // A list that names no program offers no program's buttons.
    expect((await get(`/api/v1/assessments?productId=${w.products.bali.id}`, w.admin)).json()).not.toHaveProperty(
      'abilities',
    );
  });
});

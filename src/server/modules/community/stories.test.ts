import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../../test/app.js';
import { buildStaff, signedIn } from '../../../../test/factories.js';
import { allCriteria, OCOP_TEMPLATE_ID, salakChips, validPirt } from '../../../../test/quality-fixtures.js';
import { KARANGASEM, LOMBOK_BARAT, registryWorld } from '../../../../test/registry-fixtures.js';
import { multipartBody } from '../../../../test/security/openapi.js';

const t = useTestApp();

type Method = 'GET' | 'POST' | 'PATCH';

/**
 * The Sibetan salak group (Karangasem) and the Banyumulek pottery group (Lombok Barat): the Sibetan
 * group's manager, facilitators of each regency, community managers of each, the program manager,
 * and a facilitator of another program.
 */
async function storiesWorld() {
  const w = await registryWorld(t);
  const db = t.database.db;
  const people = {
    groupManager: await w.as('group_manager', { groupId: w.groups.bali.id }),
    groupMember: await w.as('group_member', { groupId: w.groups.bali.id }),
    facilitator: await w.as('facilitator', { areaCode: KARANGASEM }),
    lombokFacilitator: await w.as('facilitator', { areaCode: LOMBOK_BARAT }),
    community: await w.as('community_manager', { areaCode: KARANGASEM }),
    lombokCommunity: await w.as('community_manager', { areaCode: LOMBOK_BARAT }),
    manager: await w.as('program_manager'),
    otherFacilitator: await signedIn(t.app, (await buildStaff(db, 'facilitator', { areaCode: KARANGASEM })).user),
  };
  const request = (method: Method, url: string, who?: Session, payload?: object) =>
    t.request({ method, url, as: who, payload });
  const ok = async (method: Method, url: string, who: Session, payload?: object) => {
    const r = await request(method, url, who, payload);
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  return { ...w, db, people, request, ok };
}

const story = (groupId: string) => ({
  groupId,
  title: { id: 'Dari kebun salak ke Tokyo', en: 'From a salak garden to Tokyo' },
  body: { id: 'Kelompok kami mulai dengan lima orang.', en: 'Our group began with five people.' },
});

/** A panel awards the product stars: what the story's facts read. */
async function awardStars(w: Awaited<ReturnType<typeof storiesWorld>>, productId: string) {
  await w.post('/api/v1/certifications', validPirt(productId));
  const scheme = await w.post('/api/v1/rating-schemes', { programId: w.program.id, templateId: OCOP_TEMPLATE_ID });
  const assessment = await w.post('/api/v1/assessments', {
    productId,
    schemeId: scheme.id,
    year: 2026,
    panelTier: 'district',
    assessedOn: '2026-03-01',
  });
  const scores = { scores: allCriteria(scheme.definition, 3) };
  for (const [method, path] of [
    ['PUT', 'self-assessment'],
    ['PUT', 'panel-scores'],
    ['POST', 'finalise'],
  ] as const) {
    const r = await t.request({
      method,
      url: `/api/v1/assessments/${assessment.id}/${path}`,
      as: w.admin,
      payload: path === 'finalise' ? {} : scores,
    });
    if (r.statusCode >= 300) throw new Error(`${path}: ${r.statusCode} ${r.body}`);
  }
  const read = (await t.request({ url: `/api/v1/assessments/${assessment.id}`, as: w.admin })).json();
  if (typeof read.stars !== 'number') throw new Error(`no stars: ${JSON.stringify(read).slice(0, 400)}`);
  return read.stars as number;
}

describe('success stories', () => {
  it('goes from a draft to a public page, sent back once, with the group’s facts read at the time', async () => {
    const w = await storiesWorld();
    const { people } = w;
    const product = await w.post('/api/v1/products', salakChips(w.groups.bali.id));
    const draftProduct = await w.post(
      '/api/v1/products',
      salakChips(w.groups.bali.id, { name: { id: 'Dodol salak' } }),
    );
    await w.db.query("UPDATE products SET status = 'draft' WHERE id = $1", [draftProduct.id]);

    const drafted = await w.ok('POST', '/api/v1/community/stories', people.groupManager, story(w.groups.bali.id));
    expect(drafted).toMatchObject({ status: 'draft', version: 1, abilities: { draft: true, review: false } });
    expect(drafted.products.map((p: { id: string }) => p.id)).toEqual([product.id]);
    expect(drafted.products.map((p: { id: string }) => p.id)).not.toContain(draftProduct.id);
    expect(drafted.facts).toEqual({ stars: null, firstExportOn: null, trainedMembers: 0 });
    expect((await w.request('GET', `/api/v1/stories/${drafted.id}`)).statusCode).toBe(404);

    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a5' } })
      .png()
      .toBuffer();
    const { payload, contentType } = multipartBody('photo', 'kebun.png', 'image/png', png);
    const uploaded = await t.request({
      method: 'POST',
      url: `/api/v1/community/stories/${drafted.id}/photos`,
      as: people.facilitator,
      payload,
      headers: { 'content-type': contentType },
    });
    expect(uploaded.statusCode).toBe(201);
    const photo = uploaded.json().photos[0];
    expect(photo).toMatchObject({ contentType: 'image/webp', width: 40, height: 30 });
    expect((await t.request({ url: photo.url })).statusCode).toBe(200);

    const stale = await w.request('PATCH', `/api/v1/community/stories/${drafted.id}`, people.facilitator, {
      version: 2,
      title: { id: 'Judul baru' },
    });
    expect(stale.statusCode).toBe(409);
    const edited = await w.ok('PATCH', `/api/v1/community/stories/${drafted.id}`, people.facilitator, {
      version: 1,
      body: { id: 'Kami mulai berlima pada 2019.', ja: '2019年に5人で始めました。' },
    });
    expect(edited.body).toEqual({ id: 'Kami mulai berlima pada 2019.', ja: '2019年に5人で始めました。' });

    const early = await w.request('POST', `/api/v1/community/stories/${drafted.id}/publish`, people.community);
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'story-status', params: { status: 'draft' } });
    await w.ok('POST', `/api/v1/community/stories/${drafted.id}/submit`, people.groupManager);
    const back = await w.ok('POST', `/api/v1/community/stories/${drafted.id}/send-back`, people.community, {
      comment: 'Tambahkan foto produk.',
    });
    expect(back).toMatchObject({ status: 'draft', reviewComment: 'Tambahkan foto produk.' });
    await w.ok('POST', `/api/v1/community/stories/${drafted.id}/submit`, people.groupManager);
    const published = await w.ok('POST', `/api/v1/community/stories/${drafted.id}/publish`, people.manager);
    expect(published).toMatchObject({ status: 'published', reviewComment: null });

    const stars = await awardStars(w, product.id);
    expect(stars).toBeGreaterThan(0);
    const shown = await w.request('GET', `/api/v1/stories/${drafted.id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({
      title: { id: 'Dari kebun salak ke Tokyo' },
      group: { id: w.groups.bali.id, name: 'Kelompok Tani Salak Sibetan' },
      facts: { stars, trainedMembers: 0, firstExportOn: null },
    });
    expect(shown.json()).not.toHaveProperty('reviewComment');
    const list = await w.request('GET', `/api/v1/community/${w.program.id}/public-stories`);
    expect(list.json().items.map((s: { id: string }) => s.id)).toEqual([drafted.id]);
    const audit = await w.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity = 'community_story' AND entity_id = $1 ORDER BY id",
      [drafted.id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'community.story.draft',
      'community.story.photo_add',
      'community.story.edit',
      'community.story.submit',
      'community.story.send_back',
      'community.story.submit',
      'community.story.publish',
    ]);
  });

  it('keeps drafting and review inside each role’s scope', async () => {
    const w = await storiesWorld();
    const { people } = w;
    for (const who of [people.lombokFacilitator, people.otherFacilitator, people.lombokCommunity]) {
      const r = await w.request('POST', '/api/v1/community/stories', who, story(w.groups.bali.id));
      expect(r.statusCode).toBe(400);
      expect(r.json().errors[0]).toMatchObject({ path: 'groupId', code: 'unknown_reference' });
    }
    for (const who of [people.community, people.groupMember]) {
      const r = await w.request('POST', '/api/v1/community/stories', who, story(w.groups.bali.id));
      expect(r.statusCode).toBe(who === people.community ? 403 : 400);
    }
    const drafted = await w.ok('POST', '/api/v1/community/stories', people.facilitator, story(w.groups.bali.id));
    const url = `/api/v1/community/stories/${drafted.id}`;
    for (const who of [people.lombokFacilitator, people.otherFacilitator, people.lombokCommunity, people.groupMember])
      expect((await w.request('GET', url, who)).statusCode).toBe(404);
    expect((await w.request('GET', url)).statusCode).toBe(401);
    const listed = await w.ok('GET', `/api/v1/community/${w.program.id}/stories`, people.lombokFacilitator);
    expect(listed.items).toEqual([]);
    await w.ok('POST', `${url}/submit`, people.groupManager);
    expect((await w.request('POST', `${url}/publish`, people.facilitator)).statusCode).toBe(403);
    expect((await w.request('POST', `${url}/publish`, people.groupManager)).statusCode).toBe(403);
    expect((await w.request('POST', `${url}/publish`, people.lombokCommunity)).statusCode).toBe(404);
    const bad = await w.request('POST', '/api/v1/community/stories', people.facilitator, {
      groupId: w.groups.bali.id,
      title: {},
      body: { xx: 'hai' },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body', 'body.xx', 'title']);
    const count = await w.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM community_stories WHERE group_id = $1',
      [w.groups.bali.id],
    );
    expect(count[0]!.n).toBe(1);
  });
});

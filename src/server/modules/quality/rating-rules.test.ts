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

const t = useTestApp();

const put = (url: string, as: Session, scores: unknown) => t.request({ method: 'PUT', url, as, payload: { scores } });

type Definition = { parts: { code: string; criteria: { code: string }[] }[] };

/** Enters the bali product in a round, scores it as given (self and panel) and finalises it. */
async function rateRound(
  w: QualityWorld,
  scheme: { id: string; definition: Definition },
  year: number,
  scores: { criterion: string; points: number }[],
  panelTier = 'national',
) {
  const a = await w.post('/api/v1/assessments', {
    productId: w.products.bali.id,
    schemeId: scheme.id,
    year,
    panelTier,
    assessedOn: `${year}-06-01`,
  });
  const url = `/api/v1/assessments/${a.id}`;
  await put(`${url}/self-assessment`, w.admin, scores);
  await put(`${url}/panel-scores`, w.admin, scores);
  const final = await t.request({ method: 'POST', url: `${url}/finalise`, as: w.admin, payload: {} });
  expect(final.statusCode).toBe(200);
  return final.json();
}

/** The product as the public catalog shows it (made public first). */
async function publicProduct(w: QualityWorld, locale = 'id') {
  await t.database.db.query(`UPDATE products SET status = 'ready' WHERE id = $1`, [w.products.bali.id]);
  const r = await t.request({ method: 'GET', url: `/api/v1/catalog/products/${w.products.bali.id}?locale=${locale}` });
  expect(r.statusCode).toBe(200);
  return r.json();
}

describe('rating rules', () => {
  it('do not rate an OCOP food product without a valid food permit, and hold it at 3★ without halal', async () => {
    const w = await qualityWorld(t);
    const scheme = await w.scheme(OCOP_TEMPLATE_ID);
    const full = allCriteria(scheme.definition, 3);
    const none = await rateRound(w, scheme, 2024, full);
    expect(none).toMatchObject({ stars: null, result: { scoreStars: 5, outcome: 'blocked' } });
    expect(none.result.gates).toContainEqual(
      expect.objectContaining({ code: 'food_safety_permit', ok: false, effect: 'block' }),
    );
    expect((await publicProduct(w)).rating).toBeNull();

    // A P-IRT valid on the assessment date, no halal: rated, but held at 3★.
    await w.post('/api/v1/certifications', validPirt(w.products.bali.id));
    const permitOnly = await rateRound(w, scheme, 2025, full);
    expect(permitOnly).toMatchObject({ stars: 3, result: { scoreStars: 5, cappedBy: ['halal'] } });

    // Neither gate asks anything of a product outside food and drink.
    await t.database.db.query(`UPDATE products SET category = 'batik' WHERE id = $1`, [w.products.bali.id]);
    const craft = await rateRound(w, scheme, 2026, full);
    expect(craft).toMatchObject({ stars: 5, result: { cappedBy: [] } });
    expect(craft.result.gates).toEqual([]);
  });

  it('enter a product once per round; a newer round supersedes the badge and the older stays as history', async () => {
    const w = await qualityWorld(t);
    await w.certified('bali');
    const scheme = await w.scheme(OCOP_TEMPLATE_ID);
    const entry = { productId: w.products.bali.id, schemeId: scheme.id, year: 2026, panelTier: 'national' };
    const first = await w.post('/api/v1/assessments', { ...entry, assessedOn: '2026-06-01' });
    const again = await t.request({
      method: 'POST',
      url: '/api/v1/assessments',
      as: w.admin,
      payload: { ...entry, assessedOn: '2026-09-01' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'round-taken',
      params: { year: 2026 },
      errors: [{ path: 'year', code: 'round_taken', params: { year: 2026 } }],
      current: { id: first.id },
    });
    // The same entry sent again with its id (a lost answer) is the one entry, not a second.
    const replay = await t.request({
      method: 'POST',
      url: '/api/v1/assessments',
      as: w.admin,
      payload: { ...entry, assessedOn: '2026-06-01', id: first.id },
    });
    expect(replay.statusCode).toBe(200);
    const count = await t.database.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM assessments WHERE product_id = $1',
      [w.products.bali.id],
    );
    expect(count[0]!.n).toBe(1);

    // Round 2027 decided 4★, then the open 2026 round decided 5★ (late): the newer round's 4★ stays public.
    const url = `/api/v1/assessments/${first.id}`;
    const full = allCriteria(scheme.definition, 3);
    const newer = await rateRound(w, scheme, 2027, full, 'province');
    expect(newer.stars).toBe(4);
    await put(`${url}/self-assessment`, w.admin, full);
    await put(`${url}/panel-scores`, w.admin, full);
    const late = await t.request({ method: 'POST', url: `${url}/finalise`, as: w.admin, payload: {} });
    expect(late.json().stars).toBe(5);
    expect((await publicProduct(w)).rating).toMatchObject({ stars: 4, year: 2027 });
    // Both rounds are kept, each with its own result.
    const rounds = await t.request({
      method: 'GET',
      url: `/api/v1/assessments?productId=${w.products.bali.id}`,
      as: w.admin,
    });
    expect(
      rounds
        .json()
        .items.map((a: { year: number; stars: number }) => [a.year, a.stars])
        .sort(),
    ).toEqual([
      [2026, 5],
      [2027, 4],
    ]);
  });

  it('publish a Kemenperin-style result below 3★ as not rated, while the group still sees its stars', async () => {
    const w = await qualityWorld(t);
    await w.certified('bali');
    const scheme = await w.scheme(KEMENPERIN_TEMPLATE_ID);
    expect(scheme.definition.minPublicStars).toBe(3);
    // Section A full (30 of 30), B and C at the lowest level (70 × 1/3): 53.33 % → 2★.
    const scores = scheme.definition.parts.flatMap((p: Definition['parts'][number]) =>
      p.criteria.map((c) => ({ criterion: c.code, points: p.code === 'a' ? 3 : 1 })),
    );
    const coaching = await rateRound(w, scheme, 2025, scores);
    expect(coaching).toMatchObject({ stars: 2, result: { percent: 53.33 } });
    const shown = await publicProduct(w);
    expect(shown).toMatchObject({ stars: null, rating: null });
    const starred = await t.request({ method: 'GET', url: '/api/v1/catalog/products?minStars=1' });
    expect(starred.json().items).toEqual([]);

    // The next round reaches 3★: now it is public, named by scheme and round.
    const better = scheme.definition.parts.flatMap((p: Definition['parts'][number]) =>
      p.criteria.map((c) => ({ criterion: c.code, points: 2 })),
    );
    expect((await rateRound(w, scheme, 2026, better)).stars).toBe(3);
    expect(await publicProduct(w, 'ja')).toMatchObject({
      stars: 3,
      rating: { stars: 3, year: 2026, scheme: { id: scheme.id, badgeName: 'OVOP' } },
    });
  });

  it('show anyone what a badge means: the scheme’s bands and requirements in their language, not the notes to its staff', async () => {
    const w = await qualityWorld(t);
    const ocop = await w.scheme(OCOP_TEMPLATE_ID);
    const ja = await t.request({ method: 'GET', url: `/api/v1/catalog/rating-schemes/${ocop.id}?locale=ja` });
    expect(ja.statusCode).toBe(200);
    const summary = ja.json();
    expect(summary).toMatchObject({ name: 'ベトナムOCOP方式', badgeName: 'OCOP', validityMonths: 36 });
    // The caveats tell the program's staff what to check and change: the staff read them, the public do not.
    expect(summary.caveats).toBeNull();
    expect(JSON.stringify(summary)).not.toContain('付属書');
    expect(ocop.definition.caveats.ja).toContain('付属書');
    expect(summary.parts.map((p: { points: number }) => p.points)).toEqual([40, 25, 35]);
    expect(summary.thresholds.map((b: { stars: number }) => b.stars)).toEqual([5, 4, 3, 2, 1]);
    expect(summary.requirements).toContainEqual(
      expect.objectContaining({ code: 'food_safety_permit', onFail: { effect: 'block' } }),
    );
    // A requirement names the program's own categories (the test program has "food": Makanan / Food,
    // no Japanese, so Indonesian), not every spelling of food the template lists.
    const food = summary.requirements.find((r: { code: string }) => r.code === 'food_safety_permit');
    expect(food.categories).toEqual(['Makanan']);
    const template = await t.request({ method: 'GET', url: `/api/v1/catalog/rating-schemes/${OCOP_TEMPLATE_ID}` });
    expect(template.json().requirements[0].categories).toEqual(['food', 'beverage', 'beverages', 'food_beverage']);

    // Kemenperin: only 3–5★ are public bands.
    const kemenperin = await w.scheme(KEMENPERIN_TEMPLATE_ID);
    const bands = (
      await t.request({ method: 'GET', url: `/api/v1/catalog/rating-schemes/${kemenperin.id}?locale=id` })
    ).json();
    expect(bands.thresholds.map((b: { stars: number }) => b.stars)).toEqual([5, 4, 3]);
    expect(bands.minPublicStars).toBe(3);
    // No word "placeholder" in any language; an unverified part says so by its flag.
    expect(JSON.stringify(bands)).not.toMatch(/placeholder/i);
    expect(bands.parts.map((p: { unverified: boolean }) => p.unverified)).toEqual([false, true, true]);
    const unknown = await t.request({
      method: 'GET',
      url: '/api/v1/catalog/rating-schemes/0193a000-0000-7000-8000-0000000000ff',
    });
    expect(unknown.statusCode).toBe(404);
  });
});

import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { paths, registryWorld } from '../../../../test/registry-fixtures.js';

const t = useTestApp();

const product = (groupId: string, overrides: Record<string, unknown> = {}) => ({
  groupId,
  name: { id: 'Keripik salak', en: 'Salak chips', ja: 'サラクチップス' },
  description: { id: 'Keripik dari salak Bali.' },
  category: 'food',
  unit: '100 g',
  price: { amount: '12900.00', currency: 'IDR' },
  ...overrides,
});

/** The test world, its program selling food, baskets and batik. */
async function world() {
  const w = await registryWorld(t);
  const r = await t.request({
    method: 'PATCH',
    url: `/api/v1/programs/${w.program.id}`,
    as: w.admin,
    payload: {
      version: w.program.version,
      categories: [
        { code: 'food', name: { id: 'Makanan' } },
        { code: 'basketry', name: { id: 'Anyaman' } },
        { code: 'batik', name: { id: 'Batik' } },
        { code: 'pottery', name: { id: 'Gerabah' } },
      ],
    },
  });
  expect(r.statusCode).toBe(200);
  return w;
}

describe('HS codes of products', () => {
  it('refuses a code that is not in HS 2022, naming it', async () => {
    const w = await world();
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/products',
      as: w.admin,
      payload: product(w.groups.bali.id, { hsCode: '9999' }),
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toMatchObject([{ path: 'hsCode', code: 'hs_code_unknown', params: { code: '9999' } }]);
    expect(await t.database.db.query('SELECT 1 FROM products')).toHaveLength(0);
  });

  it('refuses a 4-digit heading alone: a 6-digit subheading is needed', async () => {
    const w = await world();
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/products',
      as: w.admin,
      payload: product(w.groups.bali.id, { category: 'basketry', hsCode: '4602' }),
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toMatchObject([{ path: 'hsCode', code: 'hs_code_needs_subheading' }]);
  });

  it('refuses a code whose chapter does not fit the category, with the chapter and category', async () => {
    const w = await world();
    const lamp = await t.request({
      method: 'POST',
      url: '/api/v1/products',
      as: w.admin,
      payload: product(w.groups.bali.id, { hsCode: '9405.49' }),
    });
    expect(lamp.statusCode).toBe(400);
    expect(lamp.json().errors).toMatchObject([
      { path: 'hsCode', code: 'hs_code_category_mismatch', params: { chapter: '94', category: 'food' } },
    ]);
    const batik = await t.request({
      method: 'POST',
      url: '/api/v1/products',
      as: w.admin,
      payload: product(w.groups.bali.id, { category: 'batik', hsCode: '0409.00' }),
    });
    expect(batik.json().errors).toMatchObject([{ code: 'hs_code_category_mismatch', params: { chapter: '04' } }]);
  });

  it('accepts a real subheading with or without dots, and a national line under it, stored dotted', async () => {
    const w = await world();
    const create = (overrides: Record<string, unknown>) =>
      t.request({
        method: 'POST',
        url: '/api/v1/products',
        as: w.admin,
        payload: product(w.groups.bali.id, overrides),
      });
    const chips = await create({ hsCode: '2008.99' });
    expect(chips.statusCode).toBe(201);
    expect(chips.json().hsCode).toBe('2008.99');
    expect((await create({ hsCode: '200899' })).json().hsCode).toBe('2008.99');
    expect((await create({ hsCode: '20089910' })).json().hsCode).toBe('2008.99.10');
    expect((await create({ hsCode: '2008.99.10' })).json().hsCode).toBe('2008.99.10');
    // Baskets in chapter 46, or 94 once made into a lamp; categories outside the map are not checked.
    expect((await create({ category: 'basketry', hsCode: '4602.11' })).statusCode).toBe(201);
    expect((await create({ category: 'basketry', hsCode: '9405.49' })).statusCode).toBe(201);
    expect((await create({ category: 'pottery', hsCode: '6912.00' })).statusCode).toBe(201);
    expect((await create({ hsCode: '2008.00' })).json().errors).toMatchObject([{ code: 'hs_code_unknown' }]);
  });

  it('keeps a heading stored before the check readable, and checks it against a new category', async () => {
    const w = await world();
    const created = (
      await t.request({ method: 'POST', url: '/api/v1/products', as: w.admin, payload: product(w.groups.bali.id) })
    ).json();
    await t.database.db.query(`UPDATE products SET hs_code = '0409' WHERE id = $1`, [created.id]);
    const url = `/api/v1/products/${created.id}`;
    const read = await t.request({ method: 'GET', url, as: w.admin });
    expect(read.json().hsCode).toBe('0409');
    const renamed = await t.request({
      method: 'PATCH',
      url,
      as: w.admin,
      payload: { version: 1, name: { id: 'Madu', en: 'Honey' } },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().hsCode).toBe('0409');
    const moved = await t.request({ method: 'PATCH', url, as: w.admin, payload: { version: 2, category: 'batik' } });
    expect(paths(moved)).toEqual(['hsCode']);
    const resent = await t.request({ method: 'PATCH', url, as: w.admin, payload: { version: 2, hsCode: '0409' } });
    expect(resent.json().errors).toMatchObject([{ code: 'hs_code_needs_subheading' }]);
    const readiness = await t.request({ method: 'GET', url: `${url}/export-readiness`, as: w.admin });
    for (const market of readiness.json().markets) expect(market.missing).toContain('readiness_hs_code_subheading');
  });
});

describe('the HS picker', () => {
  it('finds subheadings by English words or by code for a signed-in user, saying the text is English', async () => {
    const w = await world();
    const honey = await t.request({ method: 'GET', url: '/api/v1/hs-codes?q=honey&locale=ja', as: w.admin });
    expect(honey.statusCode).toBe(200);
    expect(honey.json().descriptionLocale).toBe('en');
    expect(honey.json().items[0]).toEqual({ code: '0409.00', description: 'Honey; natural' });
    const byCode = await t.request({ method: 'GET', url: '/api/v1/hs-codes?q=4602', as: w.admin });
    expect(byCode.json().items.map((i: { code: string }) => i.code)).toEqual([
      '4602.11',
      '4602.12',
      '4602.19',
      '4602.90',
    ]);
    const anonymous = await t.request({ method: 'GET', url: '/api/v1/hs-codes?q=honey' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('product facts', () => {
  it('records shelf life, ingredients, allergens, net quantity and storage, and clears them', async () => {
    const w = await world();
    const facts = {
      shelfLifeDays: 180,
      ingredients: { id: 'Salak, minyak kelapa, garam', en: 'Snake fruit, coconut oil, salt' },
      allergens: ['walnut', 'gluten_cereals', 'walnut'],
      netQuantity: { amount: 100, unit: 'g' },
      storage: { id: 'Simpan di tempat kering', ja: '直射日光を避けて保存' },
    };
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/products',
      as: w.admin,
      payload: product(w.groups.bali.id, facts),
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ ...facts, allergens: ['gluten_cereals', 'walnut'] });
    const cleared = await t.request({
      method: 'PATCH',
      url: `/api/v1/products/${r.json().id}`,
      as: w.admin,
      payload: { version: 1, allergens: [], netQuantity: null, storage: null, shelfLifeDays: null },
    });
    expect(cleared.json()).toMatchObject({
      allergens: [],
      netQuantity: null,
      storage: {},
      shelfLifeDays: null,
      ingredients: facts.ingredients,
    });
  });

  it('names each bad fact', async () => {
    const w = await world();
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/products',
      as: w.admin,
      payload: product(w.groups.bali.id, {
        shelfLifeDays: 0,
        allergens: ['peanut'],
        netQuantity: { amount: -1, unit: 'oz' },
        storage: {},
      }),
    });
    expect(r.statusCode).toBe(400);
    expect(paths(r)).toEqual(['allergens.0', 'netQuantity.amount', 'netQuantity.unit', 'shelfLifeDays', 'storage']);
    expect(await t.database.db.query('SELECT 1 FROM products')).toHaveLength(0);
  });

  it('lets food become export-ready for Japan only with the labelling facts, and says what is missing', async () => {
    const w = await world();
    const created = (
      await t.request({
        method: 'POST',
        url: '/api/v1/products',
        as: w.admin,
        payload: product(w.groups.bali.id, { hsCode: '2008.99' }),
      })
    ).json();
    await w.post('/api/v1/certifications', {
      productId: created.id,
      kind: 'pirt',
      number: '2063204010541-29',
      issuer: 'Kabupaten Karangasem',
      issuedOn: '2025-01-15',
      expiresOn: '2029-12-31',
    });
    await w.post('/api/v1/certifications', {
      productId: created.id,
      kind: 'halal',
      number: 'ID51110000123450125',
      issuer: 'BPJPH',
      issuedOn: '2025-01-15',
    });
    const url = `/api/v1/products/${created.id}`;
    const refused = await t.request({
      method: 'PATCH',
      url,
      as: w.admin,
      payload: { version: 1, status: 'export_ready' },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'exportReadiness.JP.ingredients', code: 'readiness_ingredients' }),
        expect.objectContaining({ path: 'exportReadiness.EU.net_quantity', code: 'readiness_net_quantity' }),
      ]),
    );
    const before = await t.request({ method: 'GET', url: `${url}/export-readiness`, as: w.admin });
    expect(before.json().markets.find((m: { market: string }) => m.market === 'JP').missing).toEqual([
      'readiness_ingredients',
      'readiness_allergens',
      'readiness_net_quantity',
      'readiness_best_before',
      'readiness_storage',
    ]);
    const ok = await t.request({
      method: 'PATCH',
      url,
      as: w.admin,
      payload: {
        version: 1,
        status: 'export_ready',
        ingredients: { id: 'Salak, minyak kelapa' },
        allergens: [],
        netQuantity: { amount: 100, unit: 'g' },
        shelfLifeDays: 180,
        storage: { id: 'Simpan di tempat kering' },
      },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('export_ready');
  });

  it("show in the public catalog in the reader's language, allergens as codes the page names", async () => {
    const w = await world();
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/products',
      as: w.admin,
      payload: product(w.groups.bali.id, {
        status: 'ready',
        shelfLifeDays: 90,
        ingredients: { id: 'Salak, gula', ja: 'サラク、砂糖' },
        allergens: ['milk'],
        netQuantity: { amount: 0.25, unit: 'kg' },
        storage: { id: 'Simpan di tempat sejuk' },
      }),
    });
    const page = await t.request({ method: 'GET', url: `/api/v1/catalog/products/${created.json().id}?locale=ja` });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({
      shelfLifeDays: 90,
      ingredients: 'サラク、砂糖',
      allergens: ['milk'],
      netQuantity: { amount: 0.25, unit: 'kg' },
      storage: 'Simpan di tempat sejuk',
      shownIn: { ingredients: 'ja', storage: 'id' },
    });
  });
});

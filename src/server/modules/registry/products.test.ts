import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../../../../test/app.js';
import { KARANGASEM, LOMBOK_BARAT, paths, registryWorld } from '../../../../test/registry-fixtures.js';

const t = useTestApp();

const salakChips = (groupId: string, overrides: Record<string, unknown> = {}) => ({
  groupId,
  name: { id: 'Keripik salak', en: 'Salak chips', ja: 'サラクチップス' },
  description: { id: 'Keripik dari salak Bali.', en: 'Crisps made from Bali snake fruit.' },
  story: { id: 'Dibuat oleh kelompok tani di Sibetan.' },
  category: 'food',
  unit: '100 g',
  price: { amount: '12900.00', currency: 'IDR' },
  capacityPerMonth: 2000,
  ...overrides,
});

async function upload(session: Session, productId: string, data: Buffer, type = 'image/jpeg', clientId?: string) {
  const form = new FormData();
  form.append('photo', new Blob([new Uint8Array(data)], { type }), 'photo');
  const query = clientId ? `?id=${clientId}` : '';
  return t.request({ method: 'POST', url: `/api/v1/products/${productId}/photos${query}`, as: session, payload: form });
}

describe('products', () => {
  it('keep money exact and localized text by language', async () => {
    const w = await registryWorld(t);
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/products',
      as: w.admin,
      payload: salakChips(w.groups.bali.id),
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      price: { amount: '12900.00', currency: 'IDR' },
      name: { id: 'Keripik salak', en: 'Salak chips', ja: 'サラクチップス' },
      status: 'draft',
      stars: null,
      photos: [],
    });
    const [row] = await t.database.db.query<{ price_minor: string }>('SELECT price_minor FROM products');
    expect(row!.price_minor).toBe('1290000');
  });

  it("take text in any language the program declares (a Thai one's th), and name a text in another", async () => {
    const w = await registryWorld(t);
    await t.database.db.query(`UPDATE programs SET locales = ARRAY['id', 'en', 'th'] WHERE id = $1`, [w.program.id]);
    const thai = await t.request({
      method: 'POST',
      url: '/api/v1/products',
      as: w.admin,
      payload: salakChips(w.groups.bali.id, {
        name: { id: 'Keripik salak', th: 'ข้าวเกรียบสละ' },
        description: { id: 'Keripik dari salak Bali.', th: 'ข้าวเกรียบจากสละบาหลี' },
        status: 'ready',
      }),
    });
    expect(thai.statusCode).toBe(201);
    const page = await t.request({ method: 'GET', url: `/api/v1/catalog/products/${thai.json().id}?locale=th` });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ name: 'ข้าวเกรียบสละ', description: 'ข้าวเกรียบจากสละบาหลี' });

    const before = await t.database.db.query('SELECT id FROM products');
    const other = await t.request({
      method: 'POST',
      url: '/api/v1/products',
      as: w.admin,
      headers: { 'accept-language': 'th' },
      payload: salakChips(w.groups.bali.id, {
        name: { id: 'Keripik salak', ja: 'サラクチップス' },
        story: { vi: 'Chuyện' },
      }),
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().errors).toEqual([
      {
        path: 'name.ja',
        code: 'locale_not_declared',
        params: { locales: 'id, en, th' },
        message: 'เป็นภาษาที่โครงการไม่ได้ประกาศไว้ (โครงการประกาศ id, en, th)',
      },
      {
        path: 'story.vi',
        code: 'locale_not_declared',
        params: { locales: 'id, en, th' },
        message: 'เป็นภาษาที่โครงการไม่ได้ประกาศไว้ (โครงการประกาศ id, en, th)',
      },
    ]);
    expect(await t.database.db.query('SELECT id FROM products')).toHaveLength(before.length);
  });

  it('names invalid fields, including program rules a schema cannot see', async () => {
    const w = await registryWorld(t);
    const schema = await t.request({
      method: 'POST',
      url: '/api/v1/products',
      as: w.admin,
      payload: {
        groupId: w.groups.bali.id,
        name: {},
        category: '',
        unit: '',
        price: { amount: 12.5, currency: 'rupiah' },
        hsCode: 'honey',
        status: 'sold',
      },
    });
    expect(paths(schema)).toEqual(['category', 'hsCode', 'name', 'price.amount', 'price.currency', 'status', 'unit']);
    const rules = await t.request({
      method: 'POST',
      url: '/api/v1/products',
      as: w.admin,
      payload: salakChips(w.groups.bali.id, { category: 'cars', price: { amount: '1.001', currency: 'USD' } }),
    });
    expect(paths(rules)).toEqual(['category', 'price.amount', 'price.currency']);
    expect(await t.database.db.query('SELECT 1 FROM products')).toHaveLength(0);
  });

  it('need a description to be ready to sell, and an English name and HS code to be export-ready', async () => {
    const w = await registryWorld(t);
    const bare = await t.request({
      method: 'POST',
      url: '/api/v1/products',
      as: w.admin,
      payload: salakChips(w.groups.bali.id, { description: undefined, status: 'ready' }),
    });
    expect(bare.statusCode).toBe(422);
    expect(paths(bare)).toEqual(['description']);
    const created = (
      await t.request({ method: 'POST', url: '/api/v1/products', as: w.admin, payload: salakChips(w.groups.bali.id) })
    ).json();
    const url = `/api/v1/products/${created.id}`;
    const exportNoHs = await t.request({
      method: 'PATCH',
      url,
      as: w.admin,
      payload: { version: 1, status: 'export_ready' },
    });
    expect(exportNoHs.statusCode).toBe(422);
    expect(paths(exportNoHs)).toEqual(['hsCode']);
    // Food also needs valid permits for some market (the quality module's checklists).
    const noPermit = await t.request({
      method: 'PATCH',
      url,
      as: w.admin,
      payload: { version: 1, status: 'export_ready', hsCode: '2008.99' },
    });
    expect(noPermit.statusCode).toBe(422);
    expect(paths(noPermit)).toContain('exportReadiness.JP.food_permit');
    for (const certificate of [
      { kind: 'pirt', number: '2063204010541-29', issuer: 'Kabupaten Karangasem', expiresOn: '2029-12-31' },
      { kind: 'halal', number: 'ID51110000123450125', issuer: 'BPJPH' },
    ]) {
      await w.post('/api/v1/certifications', { productId: created.id, issuedOn: '2025-01-15', ...certificate });
    }
    // And what its label carries (the markets' food-labelling items).
    const ok = await t.request({
      method: 'PATCH',
      url,
      as: w.admin,
      payload: {
        version: 1,
        status: 'export_ready',
        hsCode: '2008.99',
        ingredients: { id: 'Salak, minyak kelapa' },
        allergens: [],
        netQuantity: { amount: 100, unit: 'g' },
        shelfLifeDays: 180,
        storage: { id: 'Simpan di tempat kering' },
      },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'export_ready', hsCode: '2008.99', version: 2 });
  });

  it('replays a create with the same id and refuses a stale edit with the current record', async () => {
    const w = await registryWorld(t);
    const payload = { ...salakChips(w.groups.bali.id), id: '01936a3e-7b7c-7cc0-8000-00000000d001' };
    const first = await t.request({ method: 'POST', url: '/api/v1/products', as: w.admin, payload });
    const replay = await t.request({
      method: 'POST',
      url: '/api/v1/products',
      as: w.admin,
      payload: { ...payload, price: { amount: '12900', currency: 'IDR' } },
    });
    expect([first.statusCode, replay.statusCode]).toEqual([201, 200]);
    const different = await t.request({
      method: 'POST',
      url: '/api/v1/products',
      as: w.admin,
      payload: { ...payload, unit: '250 g' },
    });
    expect(different.statusCode).toBe(409);
    const url = `/api/v1/products/${payload.id}`;
    await t.request({
      method: 'PATCH',
      url,
      as: w.admin,
      payload: { version: 1, price: { amount: '13500', currency: 'IDR' } },
    });
    const stale = await t.request({
      method: 'PATCH',
      url,
      as: w.admin,
      headers: { 'if-match': '"1"' },
      payload: { unit: '1 kg' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2, price: { amount: '13500.00' }, unit: '100 g' });
  });

  it('answer a create with another group’s product id by a bare conflict', async () => {
    const w = await registryWorld(t);
    const lombokProduct = await w.post('/api/v1/products', {
      ...salakChips(w.groups.lombok.id),
      name: { id: 'Gerabah rahasia' },
      status: 'draft',
    });
    const baliManager = await w.as('group_manager', { groupId: w.groups.bali.id });
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/products',
      as: baliManager,
      payload: { ...salakChips(w.groups.bali.id), id: lombokProduct.id },
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().current).toBeUndefined();
    expect(r.body).not.toContain('Gerabah rahasia');
  });

  it('let only one of several edits based on the same version through', async () => {
    const w = await registryWorld(t);
    const product = await w.post('/api/v1/products', salakChips(w.groups.bali.id));
    const edits = await Promise.all(
      ['13000', '13100', '13200', '13300'].map((amount) =>
        t.request({
          method: 'PATCH',
          url: `/api/v1/products/${product.id}`,
          as: w.admin,
          payload: { version: 1, price: { amount, currency: 'IDR' } },
        }),
      ),
    );
    expect(edits.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
    const winner = edits.find((r) => r.statusCode === 200)!.json();
    for (const lost of edits.filter((r) => r.statusCode === 409)) {
      expect(lost.json().current).toMatchObject({ version: 2, price: winner.price });
    }
  });

  it('keep other areas and groups out of reading, listing and changing', async () => {
    const w = await registryWorld(t);
    const product = (
      await t.request({ method: 'POST', url: '/api/v1/products', as: w.admin, payload: salakChips(w.groups.bali.id) })
    ).json();
    const lombokFacilitator = await w.as('facilitator', { areaCode: LOMBOK_BARAT });
    const lombokManager = await w.as('group_manager', { groupId: w.groups.lombok.id });
    for (const session of [lombokFacilitator, lombokManager]) {
      expect((await t.request({ method: 'GET', url: `/api/v1/products/${product.id}`, as: session })).statusCode).toBe(
        404,
      );
      expect((await t.request({ method: 'GET', url: '/api/v1/products', as: session })).json().items).toEqual([]);
      expect(
        (
          await t.request({
            method: 'PATCH',
            url: `/api/v1/products/${product.id}`,
            as: session,
            payload: { version: 1, unit: 'x' },
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (
          await t.request({
            method: 'POST',
            url: '/api/v1/products',
            as: session,
            payload: salakChips(w.groups.bali.id),
          })
        ).statusCode,
      ).toBe(400);
    }
    const member = await w.as('group_member', { groupId: w.groups.bali.id });
    expect(
      (
        await t.request({
          method: 'PATCH',
          url: `/api/v1/products/${product.id}`,
          as: member,
          payload: { version: 1, unit: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    const ownManager = await w.as('group_manager', { groupId: w.groups.bali.id });
    expect(
      (
        await t.request({
          method: 'PATCH',
          url: `/api/v1/products/${product.id}`,
          as: ownManager,
          payload: { version: 1, unit: '200 g' },
        })
      ).statusCode,
    ).toBe(200);
    const karangasem = await w.as('facilitator', { areaCode: KARANGASEM });
    const listed = await t.request({
      method: 'GET',
      url: `/api/v1/products?status=draft&area=${KARANGASEM}`,
      as: karangasem,
    });
    expect(listed.json().items.map((p: { id: string }) => p.id)).toEqual([product.id]);
  });
});

describe('product photos', () => {
  it('are checked by content, stripped of metadata, resized, and given a thumbnail', async () => {
    const w = await registryWorld(t);
    const product = (
      await t.request({ method: 'POST', url: '/api/v1/products', as: w.admin, payload: salakChips(w.groups.bali.id) })
    ).json();
    const photo = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#8b4513' } })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'GPS 8.4S 115.5E secret' } })
      .toBuffer();
    const r = await upload(w.admin, product.id, photo);
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ contentType: 'image/webp', width: 1600, height: 1067 });
    const full = await t.request({ method: 'GET', url: r.json().url });
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toBe('image/webp');
    const meta = await sharp(full.rawPayload).metadata();
    expect(meta.exif).toBeUndefined();
    const thumb = await sharp((await t.request({ method: 'GET', url: r.json().thumbnailUrl })).rawPayload).metadata();
    expect(Math.max(thumb.width!, thumb.height!)).toBe(400);
    const listed = await t.request({ method: 'GET', url: `/api/v1/products/${product.id}`, as: w.admin });
    expect(listed.json().photos).toHaveLength(1);
    const removed = await t.request({
      method: 'DELETE',
      url: `/api/v1/products/${product.id}/photos/${r.json().id}`,
      as: w.admin,
    });
    expect(removed.statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: r.json().url })).statusCode).toBe(404);
  });

  it('refuses a file that is not an image, whatever type it claims, and uploads outside scope', async () => {
    const w = await registryWorld(t);
    const product = (
      await t.request({ method: 'POST', url: '/api/v1/products', as: w.admin, payload: salakChips(w.groups.bali.id) })
    ).json();
    const fake = await upload(w.admin, product.id, Buffer.from('%PDF-1.4 not an image'), 'image/png');
    expect(fake.statusCode).toBe(400);
    expect(paths(fake)).toEqual(['photo']);
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const outsider = await upload(await w.as('facilitator', { areaCode: LOMBOK_BARAT }), product.id, png, 'image/png');
    expect(outsider.statusCode).toBe(404);
    expect(await t.database.db.query('SELECT 1 FROM product_photos')).toHaveLength(0);
  });

  it('stores a photo sent again under its client id once, answering the replay with 200', async () => {
    const w = await registryWorld(t);
    const create = (groupId: string) =>
      t.request({ method: 'POST', url: '/api/v1/products', as: w.admin, payload: salakChips(groupId) });
    const product = (await create(w.groups.bali.id)).json();
    const other = (await create(w.groups.bali.id)).json();
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#0b6e4f' } })
      .png()
      .toBuffer();
    const clientId = '0199a6a2-3f4b-7c3d-8e9f-0a1b2c3d4e5f';
    const first = await upload(w.admin, product.id, png, 'image/png', clientId);
    expect(first.statusCode).toBe(201);
    expect(first.json().id).toBe(clientId);
    const replay = await upload(w.admin, product.id, png, 'image/png', clientId);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual(first.json());
    expect(await t.database.db.query('SELECT 1 FROM product_photos')).toHaveLength(1);
    // The same id on another product is another record: refused, nothing stored.
    const elsewhere = await upload(w.admin, other.id, png, 'image/png', clientId);
    expect(elsewhere.statusCode).toBe(409);
    expect(await t.database.db.query('SELECT 1 FROM product_photos')).toHaveLength(1);
  });

  it('refuses a photo over the size limit with 413', async () => {
    const w = await registryWorld(t);
    const product = (
      await t.request({ method: 'POST', url: '/api/v1/products', as: w.admin, payload: salakChips(w.groups.bali.id) })
    ).json();
    const big = Buffer.alloc(9 * 1024 * 1024, 1);
    const r = await upload(w.admin, product.id, big, 'image/jpeg');
    expect(r.statusCode).toBe(413);
    expect(r.headers['content-type']).toMatch(/problem\+json/);
  });
});

import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { useTestApp, type Session } from '../../../../test/app.js';
import { catalogPage, catalogProductAnswer } from './market.schemas.js';
import {
  buildGroup,
  buildProduct,
  buildUser,
  SIBETAN,
  signedIn,
  uploadProductPhoto,
} from '../../../../test/factories.js';

const t = useTestApp();

const LOYOK = '52.03.04.2004'; // Loyok, Sikur, Lombok Timur (NTB)
const MEMBER = { name: 'Ni Wayan Rahayu', nik: '5107065203850001', phone: '081234567890' };
const GROUP_CONTACT = { phone: '+62 363 555 0199', email: 'salak.sibetan@example.id' };
const NIB = '9120001234567';

interface Item {
  id: string;
  name: string;
  description: string | null;
  status: string;
  village: { code: string; name: string };
  region: string[];
}

async function create(session: Session, url: string, payload: object): Promise<{ id: string }> {
  const response = await t.request({ method: 'POST', url, as: session, payload });
  if (response.statusCode !== 201) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

const product = (groupId: string, fields: object) => ({
  groupId,
  category: 'food',
  unit: '100 g',
  price: { amount: '12900.00', currency: 'IDR' },
  status: 'ready',
  ...fields,
});

/** Two villages of one program, each with a group and products, built through the API by an admin. */
async function catalogWorld() {
  const admin = await signedIn(t.app, await buildUser(t.database.db, { isAdmin: true }));
  const program = await create(admin, '/api/v1/programs', {
    code: 'OVOP-CATALOG',
    name: 'OVOP catalog test',
    country: 'ID',
    currency: 'IDR',
    locales: ['id', 'en', 'ja'],
    startedOn: '2026-01-01',
    categories: [
      { code: 'food', name: { id: 'Makanan', en: 'Food' } },
      { code: 'basketry', name: { id: 'Anyaman', en: 'Basketry' } },
    ],
  });
  const sibetan = await create(admin, '/api/v1/villages', { programId: program.id, areaCode: SIBETAN, profile: {} });
  const loyok = await create(admin, '/api/v1/villages', { programId: program.id, areaCode: LOYOK, profile: {} });
  const salakGroup = await create(admin, '/api/v1/groups', {
    programId: program.id,
    villageId: sibetan.id,
    name: 'Kelompok Tani Salak Sibetan',
    kind: 'farmer_group',
    foundedOn: '2015-04-01',
    legalIds: { nib: NIB },
    contact: GROUP_CONTACT,
  });
  await create(admin, `/api/v1/groups/${salakGroup.id}/members`, {
    name: MEMBER.name,
    sex: 'female',
    birthYear: 1985,
    role: 'chair',
    joinedOn: '2015-04-01',
    nationalId: MEMBER.nik,
    phone: MEMBER.phone,
  });
  const loyokGroup = await create(admin, '/api/v1/groups', {
    programId: program.id,
    villageId: loyok.id,
    name: 'Kelompok Pengrajin Bambu Loyok',
    kind: 'women_group',
  });
  const chips = await create(
    admin,
    '/api/v1/products',
    product(salakGroup.id, {
      name: { id: 'Keripik salak', en: 'Salak chips', ja: 'サラクチップス' },
      description: {
        id: 'Keripik renyah dari salak pondoh Sibetan.',
        en: 'Crisp chips of Sibetan snake fruit.',
        ja: 'シベタン村のサラクを使ったチップス。',
      },
      story: {
        id: 'Kelompok tani di lereng Gunung Agung mengolah salak yang tidak laku dijual segar.',
        en: 'Farmers on the slopes of Mount Agung turn fruit that would not sell fresh into chips.',
      },
      capacityPerMonth: 2000,
    }),
  );
  const dodol = await create(
    admin,
    '/api/v1/products',
    product(salakGroup.id, { name: { id: 'Dodol salak' }, status: 'draft' }),
  );
  const basket = await create(
    admin,
    '/api/v1/products',
    product(loyokGroup.id, {
      name: { id: 'Bakul anyaman bambu' },
      description: { en: 'A rice basket woven from split bamboo.' },
      category: 'basketry',
      unit: 'piece',
      price: { amount: '85000.00', currency: 'IDR' },
    }),
  );
  const honey = await create(
    admin,
    '/api/v1/products',
    product(loyokGroup.id, {
      name: { id: 'Madu hutan', en: 'Forest honey', ja: '森のはちみつ' },
      description: { id: 'Madu dari lebah hutan Rinjani.', en: 'Honey from wild bees of Rinjani.' },
      hsCode: '0409.00',
      price: { amount: '95000.00', currency: 'IDR' },
    }),
  );
  // Export-ready needs what the quality module checks per market; a basket (not food) needs only
  // an English name and an HS code, food also valid permits.
  const bag = await create(
    admin,
    '/api/v1/products',
    product(loyokGroup.id, {
      name: { id: 'Tas ketak', en: 'Ketak fern bag' },
      description: { id: 'Tas anyaman ketak yang diasap.', en: 'A bag woven from smoked ketak fern.' },
      category: 'basketry',
      unit: 'piece',
      hsCode: '4602.19',
      status: 'export_ready',
    }),
  );
  return { admin, program, salakGroup, loyokGroup, chips, dodol, basket, honey, bag };
}

async function list(query = ''): Promise<LightMyRequestResponse> {
  return t.request({ method: 'GET', url: `/api/v1/catalog/products${query}` });
}

async function names(query: string): Promise<string[]> {
  const response = await list(query);
  expect(response.statusCode).toBe(200);
  return response.json().items.map((i: Item) => i.name);
}

const paths = (response: LightMyRequestResponse) =>
  (response.json().errors as { path: string }[]).map((e) => e.path).sort();

/** Every item of a list, following nextCursor page by page. */
async function walk(query: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const response = await list(`?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.statusCode).toBe(200);
    const page: { items: Item[]; nextCursor: string | null } = response.json();
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

describe('public catalog', () => {
  it('lists what is ready to sell without sign-in, and hides drafts from the list and their page', async () => {
    const w = await catalogWorld();
    const response = await list();
    expect(response.statusCode).toBe(200);
    const items: Item[] = response.json().items;
    expect(items.map((i) => i.id).sort()).toEqual([w.chips.id, w.basket.id, w.honey.id, w.bag.id].sort());
    expect(response.json().nextCursor).toBeNull();
    const chips = items.find((i) => i.id === w.chips.id);
    expect(chips).toEqual({
      id: w.chips.id,
      name: 'Keripik salak',
      description: 'Keripik renyah dari salak pondoh Sibetan.',
      category: 'food',
      unit: '100 g',
      price: { amount: '12900.00', currency: 'IDR' },
      status: 'ready',
      exportReady: false,
      stars: null,
      photo: null,
      village: { code: SIBETAN, name: 'Sibetan' },
      region: ['Bali', 'Kabupaten Karangasem', 'Bebandem'],
      group: { id: w.salakGroup.id, name: 'Kelompok Tani Salak Sibetan', kind: 'farmer_group' },
    });
    const draft = await t.request({ method: 'GET', url: `/api/v1/catalog/products/${w.dodol.id}` });
    expect(draft.statusCode).toBe(404);
    expect(draft.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await names('?q=dodol')).toEqual([]);
  });

  it('shows a product page with its story, photos, village ancestors, group and languages', async () => {
    const w = await catalogWorld();
    const photos = [];
    for (const background of ['#8b4513', '#228b22']) {
      const upload = await uploadProductPhoto(t, w.chips.id, w.admin, background);
      const { url, thumbnailUrl, width, height } = upload;
      photos.push({ url, thumbnailUrl, width, height });
    }
    const card = (await list()).json().items.find((i: Item) => i.id === w.chips.id);
    expect(card.photo).toEqual({ url: photos[0]!.url, thumbnailUrl: photos[0]!.thumbnailUrl });
    expect((await t.request({ method: 'GET', url: photos[0]!.thumbnailUrl })).statusCode).toBe(200);
    const response = await t.request({ method: 'GET', url: `/api/v1/catalog/products/${w.chips.id}?locale=en` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: w.chips.id,
      name: 'Salak chips',
      description: 'Crisp chips of Sibetan snake fruit.',
      story: 'Farmers on the slopes of Mount Agung turn fruit that would not sell fresh into chips.',
      languages: ['id', 'en', 'ja'],
      photos,
      village: {
        code: SIBETAN,
        name: 'Sibetan',
        level: 'village',
        ancestors: [
          { code: '51', name: 'Bali', level: 'province' },
          { code: '51.07', name: 'Kabupaten Karangasem', level: 'regency' },
          { code: '51.07.06', name: 'Bebandem', level: 'district' },
        ],
      },
      group: {
        id: w.salakGroup.id,
        name: 'Kelompok Tani Salak Sibetan',
        kind: 'farmer_group',
        foundedOn: '2015-04-01',
      },
      stars: null,
      certifications: [],
      capacityPerMonth: 2000,
      hsCode: null,
    });
    const honey = await t.request({ method: 'GET', url: `/api/v1/catalog/products/${w.honey.id}` });
    expect(honey.json()).toMatchObject({ status: 'ready', exportReady: false, hsCode: '0409.00' });
    const bag = await t.request({ method: 'GET', url: `/api/v1/catalog/products/${w.bag.id}` });
    expect(bag.json()).toMatchObject({ status: 'export_ready', exportReady: true, hsCode: '4602.19' });
    const unknown = await t.request({
      method: 'GET',
      url: '/api/v1/catalog/products/01936a3e-7b7c-7cc0-8000-000000000001',
    });
    expect(unknown.statusCode).toBe(404);
    const bad = await t.request({ method: 'GET', url: '/api/v1/catalog/products/not-a-uuid' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['params.id']);
  });

  it('answers anonymous callers with exactly the schema’s fields, as the serializer writes for signed-in ones', async () => {
    // Anonymous answers are written as the service built them, without the schema check on the way out.
    const w = await catalogWorld();
    const image = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#8b4513' } })
      .jpeg()
      .toBuffer();
    const form = new FormData();
    form.append('photo', new Blob([new Uint8Array(image)], { type: 'image/jpeg' }), 'photo.jpg');
    const upload = { method: 'POST', url: `/api/v1/products/${w.chips.id}/photos`, as: w.admin, payload: form };
    expect((await t.request(upload)).statusCode).toBe(201);
    const checks = [
      { url: '/api/v1/catalog/products?locale=ja', schema: catalogPage },
      { url: '/api/v1/catalog/products?q=salak', schema: catalogPage },
      { url: `/api/v1/catalog/products/${w.chips.id}?locale=en`, schema: catalogProductAnswer },
      { url: `/api/v1/catalog/products/${w.bag.id}`, schema: catalogProductAnswer },
    ];
    for (const { url, schema } of checks) {
      const anonymous = await t.request({ method: 'GET', url });
      expect(anonymous.statusCode).toBe(200);
      expect(anonymous.headers.etag).toBeDefined();
      const body: unknown = anonymous.json();
      expect(z.encode(schema as z.ZodType, body)).toStrictEqual(body);
      const serialized = await t.request({ method: 'GET', url, as: w.admin });
      expect(serialized.headers.etag).toBeUndefined();
      expect(serialized.json()).toStrictEqual(body);
    }
  });

  it('finds products by exact words, small typos and words in other languages', async () => {
    await catalogWorld();
    expect(await names('?q=Keripik%20salak')).toEqual(['Keripik salak']);
    expect(await names('?q=kripik%20salak')).toEqual(['Keripik salak']);
    expect(await names('?q=keripk')).toEqual(['Keripik salak']);
    expect(await names('?q=salak%20chps')).toEqual(['Keripik salak']);
    expect(await names(`?q=${encodeURIComponent('サラク')}`)).toEqual(['Keripik salak']);
    expect(await names(`?q=${encodeURIComponent('はちみつ')}`)).toEqual(['Madu hutan']);
    expect(await names('?q=rinjani')).toEqual(['Madu hutan']);
    expect(await names('?q=gunung%20agung')).toEqual(['Keripik salak']);
    expect(await names('?q=bamboo')).toEqual(['Bakul anyaman bambu']);
    expect(await names('?q=cokelat')).toEqual([]);
    expect(await names('?q=%20%20')).toHaveLength(4);
  });

  it('respells a word that occurs nowhere, closest spelling first', async () => {
    const group = await buildGroup(t.database.db);
    const make = (name: string) =>
      buildProduct(t.database.db, { groupId: group.id, name: { id: name }, description: { id: 'Camilan desa.' } });
    const closer = await make('Keripik salak pedas');
    const further = await make('Kripek salak manis');
    await make('Keripik pisang');
    const response = await list('?q=kripik%20salak');
    expect(response.json().items.map((i: Item) => i.id)).toEqual([closer.id, further.id]);
    expect(await names('?q=keripik%20salak')).toEqual(['Keripik salak pedas']);
  });

  it('learns the spelling of a product’s words when it is published, not before', async () => {
    const w = await catalogWorld();
    expect(await names('?q=dodl')).toEqual([]);
    const current = await t.request({ method: 'GET', url: `/api/v1/products/${w.dodol.id}`, as: w.admin });
    const published = await t.request({
      method: 'PATCH',
      url: `/api/v1/products/${w.dodol.id}`,
      as: w.admin,
      payload: { version: current.json().version, status: 'ready', description: { id: 'Dodol dari salak.' } },
    });
    expect(published.statusCode).toBe(200);
    expect(await names('?q=dodl')).toEqual(['Dodol salak']);
  });

  it('filters by an area and everything below it', async () => {
    await catalogWorld();
    const bali = ['Keripik salak'];
    const ntb = ['Bakul anyaman bambu', 'Madu hutan', 'Tas ketak'];
    expect(await names('?area=51')).toEqual(bali);
    expect(await names('?area=51.07')).toEqual(bali);
    expect(await names(`?area=${SIBETAN}`)).toEqual(bali);
    expect((await names('?area=52')).sort()).toEqual(ntb);
    expect(await names('?area=51.01')).toEqual([]);
    expect(await names('?area=52&q=madu')).toEqual(['Madu hutan']);
  });

  it('filters by category, minimum stars and export readiness', async () => {
    const w = await catalogWorld();
    await t.database.db.query('UPDATE products SET stars = 4 WHERE id = $1', [w.chips.id]);
    await t.database.db.query('UPDATE products SET stars = 2 WHERE id = $1', [w.honey.id]);
    expect((await names('?category=basketry')).sort()).toEqual(['Bakul anyaman bambu', 'Tas ketak']);
    expect((await names('?minStars=2')).sort()).toEqual(['Keripik salak', 'Madu hutan']);
    expect(await names('?minStars=3')).toEqual(['Keripik salak']);
    expect(await names('?minStars=5')).toEqual([]);
    expect(await names('?exportReady=true')).toEqual(['Tas ketak']);
    expect((await names('?exportReady=false')).sort()).toEqual(['Bakul anyaman bambu', 'Keripik salak', 'Madu hutan']);
    expect(await names('?category=food&exportReady=false&minStars=1&q=honey')).toEqual(['Madu hutan']);
    expect(await names('?category=basketry&exportReady=true&q=fern&locale=en')).toEqual(['Ketak fern bag']);
    const stars = (await list('?minStars=3')).json().items[0];
    expect(stars.stars).toBe(4);
  });

  it('hides a badge whose last valid day has passed, from the card, the page and the stars filter', async () => {
    const w = await catalogWorld();
    await t.database.db.query(`UPDATE products SET stars = 4, stars_valid_until = '2020-12-31' WHERE id = $1`, [
      w.chips.id,
    ]);
    await t.database.db.query(`UPDATE products SET stars = 3, stars_valid_until = '2099-12-31' WHERE id = $1`, [
      w.honey.id,
    ]);
    expect(await names('?minStars=1')).toEqual(['Madu hutan']);
    const stars = new Map(
      (await list('')).json().items.map((i: { id: string; stars: number | null }) => [i.id, i.stars]),
    );
    expect(stars.get(w.chips.id)).toBeNull();
    expect(stars.get(w.honey.id)).toBe(3);
    const page = await t.request({ method: 'GET', url: `/api/v1/catalog/products/${w.chips.id}` });
    expect(page.json().stars).toBeNull();
  });

  it('shows each text in the asked language, falling back to Indonesian, then English', async () => {
    const w = await catalogWorld();
    const byId = async (query: string) =>
      new Map<string, Item>((await list(query)).json().items.map((i: Item) => [i.id, i]));
    const ja = await byId('?locale=ja');
    expect(ja.get(w.chips.id)).toMatchObject({
      name: 'サラクチップス',
      description: 'シベタン村のサラクを使ったチップス。',
    });
    expect(ja.get(w.honey.id)).toMatchObject({ name: '森のはちみつ', description: 'Madu dari lebah hutan Rinjani.' });
    expect(ja.get(w.basket.id)).toMatchObject({
      name: 'Bakul anyaman bambu',
      description: 'A rice basket woven from split bamboo.',
    });
    const en = await byId('?locale=en');
    expect(en.get(w.chips.id)?.name).toBe('Salak chips');
    expect(en.get(w.basket.id)?.name).toBe('Bakul anyaman bambu');
    const id = await byId('');
    expect(id.get(w.honey.id)).toMatchObject({ name: 'Madu hutan', description: 'Madu dari lebah hutan Rinjani.' });
    const page = await t.request({ method: 'GET', url: `/api/v1/catalog/products/${w.basket.id}?locale=ja` });
    expect(page.json()).toMatchObject({ name: 'Bakul anyaman bambu', story: null, languages: ['id', 'en'] });
  });

  it('walks every page without repeating or losing a product, with and without search words', async () => {
    const group = await buildGroup(t.database.db);
    const db = t.database.db;
    const closer = ['Keripik salak pedas', 'Keripik salak madu', 'Keripik salak balado', 'Keripik salak keju'];
    const further = ['Kripek salak jahe', 'Kripek salak gula aren', 'Kripek salak'];
    const made = [];
    for (const name of [...closer, ...further, 'Keripik pisang', 'Salak pondoh', 'Madu klanceng']) {
      made.push(
        await buildProduct(db, { groupId: group.id, name: { id: name }, description: { id: 'Camilan desa.' } }),
      );
    }
    await buildProduct(db, { groupId: group.id, name: { id: 'Keripik salak draf' }, status: 'draft' });
    const all = made.map((p) => p.id).sort();
    for (const limit of [1, 2, 5, 50]) {
      const walked = await walk('', limit);
      expect(walked).toEqual(all);
    }
    // 'kripik' occurs nowhere: 'keripik' is its closest spelling, 'kripek' the next; each in id order.
    const oneRequest: Item[] = (await list('?q=kripik%20salak&limit=500')).json().items;
    expect(oneRequest.map((i) => i.name)).toEqual([...closer, ...further]);
    for (const limit of [1, 2, 3, 4]) {
      const walked = await walk('q=kripik%20salak', limit);
      expect(walked).toEqual(oneRequest.map((i) => i.id));
      expect(new Set(walked).size).toBe(walked.length);
    }
  });

  it('names each invalid query field in a problem+json 400', async () => {
    await catalogWorld();
    const response = await list('?limit=0&minStars=6&locale=xx&area=not%20a%20code&exportReady=maybe&category=Food!');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(paths(response)).toEqual([
      'query.area',
      'query.category',
      'query.exportReady',
      'query.limit',
      'query.locale',
      'query.minStars',
    ]);
    for (const query of ['?cursor=not-a-cursor', '?q=keripik&cursor=bm90LWEtY3Vyc29y']) {
      const bad = await list(query);
      expect(bad.statusCode).toBe(400);
      expect(paths(bad)).toEqual(['query.cursor']);
    }
    const plain = (await list('?limit=1')).json().nextCursor;
    const crossed = await list(`?q=salak&cursor=${plain}`);
    expect(crossed.statusCode).toBe(400);
    expect(paths(crossed)).toEqual(['query.cursor']);
  });

  it('refuses an area that does not exist with 400', async () => {
    const response = await list('?area=99.99');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ path: 'query.area', message: 'no such area' })]);
  });

  it('never shows members, national ids, phone numbers, group contacts or legal ids', async () => {
    const w = await catalogWorld();
    const bodies = [
      (await list()).body,
      (await list('?q=salak&locale=en')).body,
      (await t.request({ method: 'GET', url: `/api/v1/catalog/products/${w.chips.id}` })).body,
    ];
    for (const body of bodies) {
      expect(body).toContain('Kelompok Tani Salak Sibetan');
      for (const secret of [MEMBER.name, MEMBER.nik, MEMBER.phone, GROUP_CONTACT.phone, GROUP_CONTACT.email, NIB]) {
        expect(body).not.toContain(secret);
      }
      expect(body).not.toMatch(/"(members|contact|legalIds|nationalId|phone|nib)"/);
    }
  });

  it('builds a page with the same few queries however many products it holds', async () => {
    const group = await buildGroup(t.database.db);
    for (let i = 0; i < 20; i++) await buildProduct(t.database.db, { groupId: group.id });
    // The catalog's version is followed from notifications, read when a process starts to follow it
    // and once after its own writes (the products above): asked once first, it is then followed.
    await list('?limit=1');
    const db = t.database.db;
    const statements = vi.spyOn(db, 'query');
    try {
      for (const [i, limit] of [2, 12].entries()) {
        statements.mockClear();
        expect((await list(`?limit=${limit}&area=51`)).json().items).toHaveLength(limit);
        // The area and the page with its cards; then the page alone, the area's path kept for the version.
        expect(statements).toHaveBeenCalledTimes(i === 0 ? 2 : 1);
        statements.mockClear();
        expect((await list(`?limit=${limit}&area=51`)).json().items).toHaveLength(limit);
        expect(statements).not.toHaveBeenCalled(); // the same question again: the cached answer, under the version followed
      }
    } finally {
      statements.mockRestore();
    }
  });
});

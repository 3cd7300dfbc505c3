import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../app.js';
import { ORIGIN, testConfig, useTestApp } from '../../../../test/app.js';
import { postgresUrl } from '../../../../test/database.js';
import { buildGroup, buildProduct, buildUser, signedIn, SIBETAN } from '../../../../test/factories.js';
import { PostgresDatabase } from '../../db/postgres.js';
import { pageKey } from './catalog-answers.js';
import { CatalogCache } from './catalog-cache.js';

const t = useTestApp();

/** The same database answered by an app without the cache: what a cached answer must equal. */
let fresh: FastifyInstance;
beforeAll(async () => {
  fresh = await buildApp({ config: { ...testConfig, catalogCacheBytes: 0 }, db: t.database.db, logger: false });
  await fresh.ready();
});
afterAll(async () => fresh.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.request({ method: 'GET', url, headers: { ...headers } });
const freshBody = async (url: string) =>
  (await fresh.inject({ method: 'GET', url, headers: { host: 'localhost:3000', origin: ORIGIN } })).body;
/** An answer without what differs between two requests by nature: a problem's request id. */
function comparable(body: string): unknown {
  const { instance: _, ...answer } = JSON.parse(body) as { instance?: string };
  return answer;
}

/** A small seeded generator, so a failing sequence can be run again. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

describe('catalog cache and HTTP caching', () => {
  it('tags an anonymous answer, answers 304 to its tag, and lets shared caches keep it', async () => {
    await buildProduct(t.database.db);
    const first = await get('/api/v1/catalog/products?q=salak');
    expect(first.statusCode).toBe(200);
    expect(first.json().items).toHaveLength(1);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"\d+-[\w-]+"$/);
    expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
    expect(first.headers.vary).toBe('Cookie, Authorization');
    expect(first.headers['set-cookie']).toBeUndefined();

    const again = await get('/api/v1/catalog/products?q=salak', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    // Another question, another tag.
    const other = await get('/api/v1/catalog/products?q=salak&locale=ja', { 'if-none-match': etag });
    expect(other.statusCode).toBe(200);
    expect(other.headers.etag).not.toBe(etag);

    const product = first.json().items[0].id as string;
    const page = await get(`/api/v1/catalog/products/${product}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toMatch(/^public/);
    expect((await get(`/api/v1/catalog/products/${product}`, { 'if-none-match': page.headers.etag! })).statusCode).toBe(
      304,
    );
  });

  it('answers a search typed as a phone writes it with the same answer and tag, and a different question with its own', async () => {
    const db = t.database.db;
    const group = await buildGroup(db, { areaCode: SIBETAN });
    await buildProduct(db, { groupId: group.id, name: { id: 'Keripik salak', en: 'Snake fruit chips' } });
    await buildProduct(db, {
      groupId: group.id,
      name: { id: 'Madu hutan', en: 'Forest honey' },
      description: { id: 'Madu dari hutan Bali.' },
    });
    const url = (query: string) => `/api/v1/catalog/products?${query}`;
    const first = await get(url('q=keripik'));
    expect(first.json().items).toHaveLength(1);
    // A phone's capital and the space after a suggested word, a comma, the fields in another order.
    for (const same of ['q=Keripik%20', 'q=KERIPIK', 'q=keripik%2C', 'locale=id&q=keripik', 'q=keripik&limit=50']) {
      const again = await get(url(same), { 'if-none-match': first.headers.etag! });
      expect(again.statusCode, same).toBe(304);
      expect((await get(url(same))).body, same).toBe(first.body);
    }
    // Each of these asks something else: its own tag, and an answer equal to a fresh one.
    const others = ['q=madu', 'q=keripik%20madu', 'q=keripik&locale=en', 'q=keripik&limit=2', 'q=keripik&area=51', ''];
    const tags = new Set([first.headers.etag]);
    for (const other of others) {
      const answer = await get(url(other), { 'if-none-match': first.headers.etag! });
      expect(answer.statusCode, other).toBe(200);
      tags.add(answer.headers.etag);
      expect(answer.body, other).toBe(await freshBody(url(other)));
    }
    expect(tags.size).toBe(others.length + 1);
  });

  it('never tags or lets a cache keep a signed-in caller’s answer', async () => {
    await buildProduct(t.database.db);
    const session = await signedIn(t.app, await buildUser(t.database.db));
    const anonymous = await get('/api/v1/catalog/products');
    const mine = await t.request({
      method: 'GET',
      url: '/api/v1/catalog/products',
      as: session,
      headers: { 'if-none-match': anonymous.headers.etag! },
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers.etag).toBeUndefined();
    expect(mine.headers['cache-control']).toBe('no-store');
    expect(mine.json()).toEqual(anonymous.json());
  });

  it('changes the tag and the answer when a product is published, edited or its group renamed', async () => {
    const group = await buildGroup(t.database.db);
    const draft = await buildProduct(t.database.db, { groupId: group.id, status: 'draft' });
    const before = await get('/api/v1/catalog/products');
    expect(before.json().items).toEqual([]);

    await t.database.db.query(`UPDATE products SET status = 'ready' WHERE id = $1`, [draft.id]);
    const published = await get('/api/v1/catalog/products', { 'if-none-match': before.headers.etag! });
    expect(published.statusCode).toBe(200);
    expect(published.headers.etag).not.toBe(before.headers.etag);
    expect(published.json().items.map((i: { id: string }) => i.id)).toEqual([draft.id]);

    await t.database.db.query(`UPDATE producer_groups SET name = 'Kelompok Baru' WHERE id = $1`, [group.id]);
    const renamed = await get('/api/v1/catalog/products');
    expect(renamed.headers.etag).not.toBe(published.headers.etag);
    expect(renamed.json().items[0].group.name).toBe('Kelompok Baru');
  });

  it('reads the area a page is filtered by again once the areas change', async () => {
    const db = t.database.db;
    const url = '/api/v1/catalog/products?area=51.99';
    // Asked twice under one version: the second is the area's path kept for that version.
    for (let i = 0; i < 2; i++) {
      const unknown = await get(url);
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().errors).toEqual([
        expect.objectContaining({ path: 'query.area', code: 'unknown_reference' }),
      ]);
    }
    await db.query(
      `INSERT INTO areas (code, country, parent_code, level, depth, name, path)
       VALUES ('51.99', 'ID', '51', 'regency', 2, 'Kabupaten Baru', '/51/51.99/')`,
    );
    for (let i = 0; i < 2; i++) expect((await get(url)).json()).toEqual({ items: [], nextCursor: null });
    await db.query(`DELETE FROM areas WHERE code = '51.99'`);
    expect((await get(url)).statusCode).toBe(400);
  });

  it('respells a misspelt word from memory under one version, and reads the words again once they change', async () => {
    const db = t.database.db;
    const group = await buildGroup(db, { areaCode: SIBETAN });
    await buildProduct(db, { groupId: group.id, name: { id: 'Keripik salak', en: 'Snake fruit chips' } });
    const url = '/api/v1/catalog/products?q=kripik';
    const names = async () =>
      (JSON.parse(await freshBody(url)) as { items: { name: string }[] }).items.map((i) => i.name);
    await freshBody(url); // the version followed from here on (see catalog.test.ts)
    const statements = vi.spyOn(db, 'query');
    try {
      // Without the answer cache: 'kripik' known under this version to occur nowhere, neither the
      // probe of the words as typed nor their look-up runs again; the respelt words' probe, too
      // short in so small a catalog, and their index do.
      expect(await names()).toEqual(['Keripik salak']);
      expect(statements).toHaveBeenCalledTimes(2);
    } finally {
      statements.mockRestore();
    }
    // A product that holds the word as typed: a new version, and the word occurs now.
    await buildProduct(db, { groupId: group.id, name: { id: 'Kripik pisang', en: 'Banana chips' } });
    expect(await names()).toEqual(['Kripik pisang']);
    // The words written by themselves bump the version too (migration 0058): a word that occurred
    // nowhere and was respelt occurs now, and is no longer respelt.
    const kripikan = async () =>
      (JSON.parse(await freshBody('/api/v1/catalog/products?q=kripikan')) as { items: unknown[] }).items;
    expect(await kripikan()).not.toEqual([]);
    await db.query(`INSERT INTO catalog_words (word) VALUES ('kripikan')`);
    expect(await kripikan()).toEqual([]);
    // A word removed (no code of the app removes one): the words are read again in full (migration
    // 0063), and it is respelt once more.
    await db.query(`DELETE FROM catalog_words WHERE word = 'kripikan'`);
    expect(await kripikan()).not.toEqual([]);
  });

  it('after any sequence of catalog writes, a cached answer equals a fresh one', async () => {
    const db = t.database.db;
    const group = await buildGroup(db, { areaCode: SIBETAN });
    const products: { id: string }[] = [];
    for (let i = 0; i < 4; i++) products.push(await buildProduct(db, { groupId: group.id }));
    const urls = [
      '/api/v1/catalog/products',
      '/api/v1/catalog/products?q=salak',
      '/api/v1/catalog/products?q=kripik&locale=en',
      '/api/v1/catalog/products?area=51&locale=ja',
      '/api/v1/catalog/products?limit=2',
      ...products.slice(0, 2).map((p) => `/api/v1/catalog/products/${p.id}?locale=en`),
    ];
    const writes: ((pick: number) => Promise<unknown>)[] = [
      (i) => db.query('UPDATE products SET price_minor = price_minor + 100 WHERE id = $1', [products[i]!.id]),
      (i) =>
        db.query(
          `UPDATE products SET status = CASE WHEN status = 'draft' THEN 'ready' ELSE 'draft' END WHERE id = $1`,
          [products[i]!.id],
        ),
      (i) =>
        db.query(`UPDATE products SET name = name || '{"en": "Chips ${i}"}'::jsonb WHERE id = $1`, [products[i]!.id]),
      (i) => db.query(`UPDATE producer_groups SET name = $2 WHERE id = $1`, [group.id, `Kelompok ${i}`]),
      (i) => db.query(`UPDATE areas SET name = $1 WHERE code = '51'`, [`Bali ${i}`]),
      (i) =>
        db.query(
          `INSERT INTO product_photos (id, product_id, position, content_type, byte_size, width, height, storage_key, thumbnail_key)
           VALUES ($1, $2, $3, 'image/jpeg', 1000, 800, 600, $4, $5)`,
          [randomUUID(), products[i]!.id, i, `photos/${i}.jpg`, `photos/${i}-thumb.jpg`],
        ),
      (i) => db.query('DELETE FROM product_photos WHERE product_id = $1', [products[i]!.id]),
      () => buildProduct(db, { groupId: group.id, name: { id: 'Kripik pisang', en: 'Banana chips' } }),
    ];
    const next = random(18);
    for (let step = 0; step < 40; step++) {
      await writes[Math.floor(next() * writes.length)]!(Math.floor(next() * products.length));
      for (const url of urls) {
        const cached = await get(url);
        expect(comparable(cached.body), `${url} after step ${step}`).toEqual(comparable(await freshBody(url)));
      }
      // Read twice: the second answer comes from the cache.
      for (const url of urls) expect(comparable((await get(url)).body)).toEqual(comparable(await freshBody(url)));
    }
  });
});

describe.skipIf(postgresUrl)('the catalog version on the embedded database', () => {
  it('answers a repeated question without a statement, and sees a write as soon as it commits', async () => {
    const db = t.database.db;
    const product = await buildProduct(db);
    const url = '/api/v1/catalog/products?q=salak&locale=en';
    const first = await get(url);
    expect(first.json().items).toHaveLength(1);
    const statements = vi.spyOn(db, 'query');
    try {
      const again = await get(url);
      expect(again.headers.etag).toBe(first.headers.etag);
      expect(again.body).toBe(first.body);
      expect(statements).not.toHaveBeenCalled();
      // A write by anyone on this database, in a transaction or not, changes the next answer.
      await db.transaction((tx) => tx.query(`UPDATE products SET price_minor = 99900 WHERE id = $1`, [product.id]));
      const changed = await get(url);
      expect(changed.headers.etag).not.toBe(first.headers.etag);
      expect(changed.json().items[0].price.amount).toBe('999.00');
      await db.query(`UPDATE products SET status = 'draft' WHERE id = $1`, [product.id]);
      expect((await get(url)).json().items).toEqual([]);
    } finally {
      statements.mockRestore();
    }
  });
});

describe.runIf(postgresUrl)('the catalog version on PostgreSQL', () => {
  /** Within a generous bound: a notification crosses processes a moment after a commit. */
  async function eventually(check: () => Promise<boolean>) {
    for (const start = Date.now(); Date.now() - start < 20_000;) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('not within 20 s');
  }

  it('follows the version from notifications: no statement for a repeated question, its own writes at once, others’ as they arrive', async () => {
    const db = t.database.db;
    const product = await buildProduct(db);
    const url = '/api/v1/catalog/products?q=salak&locale=en';
    const first = await get(url);
    expect(first.json().items).toHaveLength(1);
    // Another instance of the platform writing to the same database: its writes are not this process's.
    const other = await PostgresDatabase.open(t.database.url!, 1);
    const statements = vi.spyOn(db, 'query');
    try {
      const again = await get(url);
      expect(again.headers.etag).toBe(first.headers.etag);
      expect(statements).not.toHaveBeenCalled();
      // This process's own write, in a transaction or not: the next answer, without waiting.
      await db.transaction((tx) => tx.query(`UPDATE products SET price_minor = 99900 WHERE id = $1`, [product.id]));
      expect((await get(url)).json().items[0].price.amount).toBe('999.00');
      await db.query(`UPDATE products SET price_minor = 88800 WHERE id = $1`, [product.id]);
      expect((await get(url)).json().items[0].price.amount).toBe('888.00');
      // Another process's write arrives as a notification, and no statement of this process asked
      // for the version (the catalog's words added since are read under the new one, with the
      // version they were read at: migration 0063).
      statements.mockClear();
      await other.query(`UPDATE products SET price_minor = 77700 WHERE id = $1`, [product.id]);
      await eventually(async () => (await get(url)).json().items[0].price.amount === '777.00');
      const versionRead = ([text]: [string, ...unknown[]]) =>
        text.includes('catalog_version') && !text.includes('catalog_words');
      expect(statements.mock.calls.filter(versionRead)).toEqual([]);
      // The connection that receives them is cut: the version is read, and followed again.
      await other.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'ovop-listen'`,
      );
      await eventually(async () => {
        await get(url);
        const [row] = await other.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'ovop-listen' AND query ILIKE 'LISTEN%'`,
        );
        return row!.n === 1;
      });
      await other.query(`UPDATE products SET status = 'draft' WHERE id = $1`, [product.id]);
      await eventually(async () => (await get(url)).json().items.length === 0);
    } finally {
      statements.mockRestore();
      await other.close();
    }
  });
});

describe('pageKey', () => {
  const query = { limit: 50, locale: 'id', q: 'keripik' } as const;
  it('is the same whatever order the fields came in and however the words were written', () => {
    expect(pageKey({ locale: 'id', q: ' Keripik,', limit: 50 })).toBe(pageKey(query));
    expect(pageKey({ ...query, q: '!!' })).toBe(pageKey({ limit: 50, locale: 'id' }));
  });
  it('counts every other field as it is, one added later too', () => {
    const key = pageKey(query);
    expect(pageKey({ ...query, q: 'keripik madu' })).not.toBe(key);
    expect(pageKey({ ...query, cursor: 'abc' })).not.toBe(key);
    expect(pageKey({ ...query, ...({ newField: 'x' } as object) })).not.toBe(key);
  });
});

describe('CatalogCache', () => {
  it('keeps the most recently used answers within its bytes', () => {
    const cache = new CatalogCache(4000);
    for (let i = 0; i < 10; i++) cache.set(`k${i}`, 'x'.repeat(300));
    expect(cache.bytes).toBeLessThanOrEqual(4000);
    expect(cache.get('k0')).toBeUndefined();
    expect(cache.get('k9')).toBe('x'.repeat(300));
    const kept = cache.size;
    expect(cache.get(`k${10 - kept}`)).toBeDefined(); // now the most recent: survives the next insert
    cache.set('k10', 'y'.repeat(300));
    expect(cache.get(`k${10 - kept}`)).toBeDefined();
    expect(cache.get(`k${11 - kept}`)).toBeUndefined();
    cache.set('big', 'z'.repeat(2000)); // over a quarter of the bound: not kept
    expect(cache.get('big')).toBeUndefined();
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../test/app.js';
import { openTestDatabase, type TestDatabase } from '../../test/database.js';
import { buildProduct, buildUser, signedIn } from '../../test/factories.js';
import { buildApp } from './app.js';

const SHELL = '<!doctype html><html lang="id"><body><div id="root"></div></body></html>';

let root: string;
let database: TestDatabase;
let app: FastifyInstance;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ovop-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), SHELL);
  writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
  database = await openTestDatabase();
  app = await buildApp({ config: testConfig, db: database.db, logger: false, webRoot: root });
});
afterAll(async () => {
  await app.close();
  await database.close();
  rmSync(root, { recursive: true, force: true });
});

describe('unknown addresses', () => {
  it('answers an unknown page address with 404 and the web app, which shows its not-found page', async () => {
    for (const url of ['/nope', '/catalog/nope/deeper', '/nope?x=1']) {
      const r = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect({ url, status: r.statusCode }).toEqual({ url, status: 404 });
      expect(r.headers['content-type']).toMatch(/^text\/html/);
      expect(r.body).toBe(SHELL);
    }
  });

  it('keeps problem+json for unknown API, media and asset addresses and for other methods', async () => {
    const cases = [
      { method: 'GET', url: '/api/v1/nope' },
      { method: 'GET', url: '/api/nope' },
      { method: 'GET', url: '/media/nope' },
      { method: 'POST', url: '/nope' },
    ] as const;
    for (const { method, url } of cases) {
      const r = await app.inject({ method, url, headers: { accept: 'text/html' } });
      expect({ url, method, status: r.statusCode }).toEqual({ url, method, status: 404 });
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(r.json()).toMatchObject({ status: 404, type: '/problems/not-found' });
    }
    const asset = await app.inject({ method: 'GET', url: '/assets/missing.js' });
    expect(asset.statusCode).toBe(404);
    expect(asset.body).not.toBe(SHELL);
  });

  it('still serves the known pages and assets', async () => {
    // Every public page a link, poster or QR code can open first, without passing through the catalog.
    const pages = ['/catalog', '/b/x', '/verify/x', '/ratings/x', '/join/x', '/invitation?token=x', '/app/x'];
    for (const url of pages) {
      const r = await app.inject({ method: 'GET', url });
      expect({ url, status: r.statusCode, body: r.body }).toEqual({ url, status: 200, body: SHELL });
    }
    expect((await app.inject({ method: 'GET', url: '/assets/app.js' })).statusCode).toBe(200);
  });
});

describe('the product page, rendered on the server', () => {
  let id: string;
  beforeAll(async () => {
    id = (await buildProduct(database.db)).id;
  });

  const headOf = (body: string) => body.slice(0, body.indexOf('</head>'));
  const jsonLd = (body: string) =>
    JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(body)![1]!) as {
      name: string;
      offers: { areaServed: { name: string } };
    };

  it('answers /p/{id} with the product, its link-preview tags and its schema.org data, without JavaScript', async () => {
    const r = await app.inject({ method: 'GET', url: `/p/${id}`, headers: { host: 'ovop.test' } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.body).toContain('<html lang="id"');
    expect(r.body).toContain('<h1>Keripik salak</h1>');
    expect(r.body).toMatch(/Rp\s*12\.900/);
    expect(r.body).toContain('Sibetan');
    const head = headOf(r.body);
    expect(head).toContain('<title>Keripik salak — OVOP</title>');
    expect(head).toContain('<meta name="description" content="Keripik renyah dari salak Bali." />');
    expect(head).toContain(`<link rel="canonical" href="http://ovop.test/p/${id}" />`);
    expect(head).toContain('<meta property="og:title" content="Keripik salak" />');
    expect(head).toContain('<meta property="og:locale" content="id_ID" />');
    const data = jsonLd(r.body);
    expect(data).toMatchObject({
      '@type': 'Product',
      name: 'Keripik salak',
      brand: { name: 'Kelompok Tani Salak Sibetan' },
      offers: { price: '12900.00', priceCurrency: 'IDR', areaServed: { '@type': 'Place' } },
    });
    expect(data.offers.areaServed.name).toContain('Sibetan');
  });

  it('reads the page in the visitor language: Accept-Language ja, or ?lang= first', async () => {
    const ja = await app.inject({ method: 'GET', url: `/p/${id}`, headers: { 'accept-language': 'ja,en;q=0.8' } });
    expect(ja.statusCode).toBe(200);
    expect(ja.body).toContain('<html lang="ja"');
    expect(ja.body).toContain('<title>サラクチップス — OVOP</title>');
    expect(ja.body).toContain('<meta property="og:locale" content="ja_JP" />');
    expect(jsonLd(ja.body).name).toBe('サラクチップス');
    expect(ja.headers.vary).toContain('Accept-Language');
    const en = await app.inject({ method: 'GET', url: `/p/${id}?lang=en`, headers: { 'accept-language': 'ja' } });
    expect(en.body).toContain('<html lang="en"');
    expect(en.body).toContain('<h1>Salak chips</h1>');
  });

  it('answers an unknown, unpublished or malformed id with 404 and the shell', async () => {
    const draft = (await buildProduct(database.db, { status: 'draft' })).id;
    for (const url of ['/p/00000000-0000-4000-8000-000000000000', `/p/${draft}`, '/p/nope']) {
      const r = await app.inject({ method: 'GET', url });
      expect({ url, status: r.statusCode }).toEqual({ url, status: 404 });
      expect(r.body).toBe(SHELL);
    }
  });

  it('keeps a signed-in visitor page out of shared caches', async () => {
    const session = await signedIn(app, await buildUser(database.db));
    const r = await app.inject({ method: 'GET', url: `/p/${id}`, headers: session.headers });
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('private, no-cache');
  });
});

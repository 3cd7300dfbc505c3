import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useTestApp, type Session } from '../../../test/app.js';
import { uploadProductPhoto } from '../../../test/factories.js';
import { FIRST_LOCALE_CASES } from '../../../test/first-locale-cases.js';
import { marketWorld } from '../../../test/market-fixtures.js';
import { salakChips, validPirt } from '../../../test/quality-fixtures.js';
import { registryWorld } from '../../../test/registry-fixtures.js';
import { right, trainingWorld } from '../../../test/training-fixtures.js';

/*
 * The public pages the server renders, read as a visitor without JavaScript reads them (a search
 * engine, a link preview): their content, head tags and language, and 404 for an unknown id.
 */
const SHELL =
  '<!doctype html><html lang="id"><head><title>OVOP</title><meta name="description" content="OVOP" />' +
  '<script type="module" src="/assets/app.js"></script><link rel="stylesheet" crossorigin href="/assets/app-1.css">' +
  '</head><body><div id="root"></div></body></html>';

const webRoot = mkdtempSync(join(tmpdir(), 'ovop-pages-'));
mkdirSync(join(webRoot, 'assets'));
writeFileSync(join(webRoot, 'index.html'), SHELL);
writeFileSync(join(webRoot, 'assets', 'app-1.css'), '.page{margin:0}');

const t = useTestApp({ webRoot });

/** The web app's own formatters, as its pages call them (loaded as Vite loads the app's modules). */
const APP_FORMAT = '../../web/lib/format.ts';
const app = (await import(/* @vite-ignore */ APP_FORMAT)) as {
  unitName: (unit: string, locale: string) => string;
  pageTitle: (...parts: string[]) => string;
};

const headOf = (body: string) => body.slice(0, body.indexOf('</head>'));
const rootOf = (body: string) => body.slice(body.indexOf('<div id="root">'), body.lastIndexOf('</div>'));
const meta = (body: string, property: string) =>
  new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)" />`).exec(headOf(body))?.[1];
const get = (url: string, headers: Record<string, string> = {}) =>
  t.request({ method: 'GET', url, headers: { host: 'ovop.test', ...headers } });

describe('the catalog page', () => {
  it('lists the first page of products with links and a search form that work without JavaScript', async () => {
    const w = await marketWorld(t);
    const r = await get('/catalog');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.headers.vary).toBe('Accept-Language, Cookie');
    expect(r.body).toContain('<html lang="id"');
    const root = rootOf(r.body);
    expect(root).toContain('<h1>Katalog produk desa</h1>');
    expect(root).toContain(`<a href="/p/${w.products.bali.id}" class="card-link">`);
    expect(root).toContain(`<a href="/p/${w.products.lombok.id}" class="card-link">`);
    expect(root).toMatch(
      /<form role="search" class="filters" method="get" action="\/catalog">.*<input type="search" name="q"/,
    );
    expect(headOf(r.body)).toContain('<title>Katalog produk desa · OVOP</title>');
    expect(headOf(r.body)).toContain('<link rel="canonical" href="http://ovop.test/catalog" />');
    expect(meta(r.body, 'og:type')).toBe('website');
    expect(meta(r.body, 'og:locale')).toBe('id_ID');
    // the shell's own title and description are replaced, not doubled
    expect(headOf(r.body).match(/<title>/g)).toHaveLength(1);
    expect(headOf(r.body).match(/<meta name="description"/g)).toHaveLength(1);
    expect(r.body).toContain('<script type="module" src="/assets/app.js"></script>');
    // the stylesheet comes inside the page: it paints without another round trip
    expect(headOf(r.body)).toContain('<style>.page{margin:0}</style>');
    expect(r.body).not.toContain('app-1.css');
  });

  it('answers the search in its address, the words and the filters kept in the form', async () => {
    const w = await marketWorld(t);
    const r = await get('/catalog?q=madu&exportReady=false');
    expect(r.statusCode).toBe(200);
    const root = rootOf(r.body);
    expect(root).toContain(`/p/${w.products.lombok.id}`);
    expect(root).not.toContain(`/p/${w.products.bali.id}`);
    expect(root).toContain('name="q" value="madu"');
    expect(root).toContain('<option value="false" selected>');
    expect(headOf(r.body)).toContain('<title>madu · Katalog produk desa · OVOP</title>');
    expect(headOf(r.body)).toContain(
      '<link rel="canonical" href="http://ovop.test/catalog?q=madu&amp;exportReady=false" />',
    );
    const repeated = await get('/catalog?q=madu&q=salak');
    expect(repeated.statusCode).toBe(200);
    expect(rootOf(repeated.body)).toContain('name="q" value=""');
    const none = await get('/catalog?q=%3Cscript%3Ezzzz');
    expect(none.statusCode).toBe(200);
    expect(rootOf(none.body)).toContain('<p>Belum ada produk yang cocok.</p>');
    expect(none.body).not.toContain('<script>zzzz');
    expect(none.body).toContain('value="&lt;script&gt;zzzz"');
  });

  it('filters by province without JavaScript, with the provinces the app offers', async () => {
    const w = await marketWorld(t);
    const r = await get('/catalog?area=52');
    const root = rootOf(r.body);
    expect(root).toMatch(
      /<label><span>Provinsi<\/span><select name="area"><option value="">Semua<\/option>.*<option value="52" selected>/,
    );
    expect(root).toMatch(/<option value="51">[^<]+<\/option>/);
    expect(root).toContain(`/p/${w.products.lombok.id}`);
    expect(root).not.toContain(`/p/${w.products.bali.id}`);
    expect(rootOf((await get('/catalog?lang=ja')).body)).toContain('<label><span>州</span><select name="area">');
  });

  it('comes in Japanese for Accept-Language ja, for the chosen language’s cookie, and for ?lang=ja', async () => {
    await marketWorld(t);
    const asking: Record<string, string>[] = [{ 'accept-language': 'ja,en;q=0.8' }, { cookie: 'ovop_lang=ja' }];
    for (const headers of asking) {
      const r = await get('/catalog', headers);
      expect(r.body).toContain('<html lang="ja"');
      expect(meta(r.body, 'og:locale')).toBe('ja_JP');
      expect(rootOf(r.body)).toContain('サラクチップス');
    }
    const linked = await get('/catalog?lang=ja', { cookie: 'ovop_lang=en', 'accept-language': 'id' });
    expect(linked.body).toContain('<html lang="ja"');
  });
});

describe('the words of a page, as the app shows them once it takes the page over', () => {
  it('writes units and titles with the app’s own formatters, in Indonesian and Japanese', async () => {
    const w = await marketWorld(t);
    const cloth = await w.post(
      '/api/v1/products',
      salakChips(w.groups.bali.id, { name: { id: 'Kain tenun bambu', ja: '竹の織物' }, unit: 'lembar 2,1 m' }),
    );
    await w.post('/api/v1/products', salakChips(w.groups.bali.id, { name: { id: 'Sendok bambu' }, unit: 'buah' }));
    const ja = rootOf((await get('/catalog?q=bambu&lang=ja')).body);
    expect(app.unitName('lembar 2,1 m', 'ja')).toBe('枚（2.1 m）');
    expect(ja).toContain(`<span class="unit">${app.unitName('lembar 2,1 m', 'ja')}</span>`);
    expect(ja).toContain(`<span class="unit">${app.unitName('buah', 'ja')}</span>`);
    expect(ja).not.toContain('buah');
    const id = rootOf((await get('/catalog?q=bambu')).body);
    expect(id).toContain('<span class="unit">lembar 2,1 m</span>');
    expect(id).toContain('<span class="unit">buah</span>');
    // the app sets the title of a product and of a batch; the others keep the server's, written the same way
    const product = await get(`/p/${cloth.id}?lang=ja`);
    expect(rootOf(product.body)).toContain(app.unitName('lembar 2,1 m', 'ja'));
    expect(headOf(product.body)).toContain(`<title>${app.pageTitle('竹の織物')}</title>`);
    expect(headOf((await get(`/p/${cloth.id}`)).body)).toContain(`<title>${app.pageTitle('Kain tenun bambu')}</title>`);
    const batch = await w.batch(cloth.id, { lotCode: 'KSS-2611-01', producedOn: '2026-02-01' });
    const batchJa = await get(`/b/${batch.id}?lang=ja`);
    expect(headOf(batchJa.body)).toContain(`<title>${app.pageTitle('竹の織物', 'KSS-2611-01')}</title>`);
    expect(headOf(batchJa.body)).toContain('<title>竹の織物 · KSS-2611-01 · OVOP</title>');
    expect(headOf((await get('/catalog?q=bambu&lang=ja')).body)).toContain(
      `<title>${app.pageTitle('bambu', '村の商品カタログ')}</title>`,
    );
  });
});

describe('the product page', () => {
  it('has the product, its Open Graph tags and parseable schema.org Product data', async () => {
    const w = await marketWorld(t);
    const r = await get(`/p/${w.products.bali.id}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(rootOf(r.body)).toContain('<h1 lang="id">Keripik salak</h1>');
    expect(rootOf(r.body)).toMatch(/Rp\s*12\.900/);
    expect(headOf(r.body)).toContain('<title>Keripik salak · OVOP</title>');
    expect(meta(r.body, 'description')).toBe('Keripik dari salak Bali.');
    expect(meta(r.body, 'og:title')).toBe('Keripik salak');
    expect(meta(r.body, 'og:type')).toBe('product');
    expect(meta(r.body, 'og:url')).toBe(`http://ovop.test/p/${w.products.bali.id}`);
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(r.body)![1]!;
    expect(JSON.parse(json)).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Keripik salak',
      offers: { '@type': 'Offer', price: '12900.00', priceCurrency: 'IDR' },
    });
    const ja = await get(`/p/${w.products.bali.id}`, { cookie: 'ovop_lang=ja' });
    expect(headOf(ja.body)).toContain('<title>サラクチップス · OVOP</title>');
  });

  it('shows without JavaScript what a buyer needs: photo, story, label facts, certificates, village and group, and the way back', async () => {
    const w = await marketWorld(t);
    const id = w.products.bali.id;
    await w.post('/api/v1/certifications', validPirt(id));
    await t.database.db.query(
      `UPDATE products SET story = '{"id": "Dari lereng Gunung Agung.\\n\\nKini ke Jepang."}'::jsonb WHERE id = $1`,
      [id],
    );
    const photos: { url: string; width: number; height: number }[] = [];
    for (const background of ['#8b4513', '#228b22']) photos.push(await uploadProductPhoto(t, id, w.admin, background));
    const ja = rootOf((await get(`/p/${id}?lang=ja`)).body);
    // the first photo at once, with its size and a text; the others lazily
    expect(ja).toContain(
      `<img class="cover" src="${photos[0]!.url}" alt="サラクチップス" width="${photos[0]!.width}" height="${photos[0]!.height}" />`,
    );
    expect(ja).toMatch(/<ul class="thumbs" aria-label="その他の写真"><li><a href="[^"]+"><img [^>]*loading="lazy" \/>/);
    expect(ja).toContain(
      '<h2 id="story-title">商品の物語</h2><p lang="id">Dari lereng Gunung Agung.</p><p lang="id">Kini ke Jepang.</p>',
    );
    expect(ja).toContain('<dt>内容量</dt><dd>100 g</dd>');
    expect(ja).toContain('<dt>賞味期間</dt><dd>製造日から180日</dd>');
    expect(ja).toContain('<dt>HSコード</dt><dd>2008.99</dd>');
    // The app's own words for the heading and the HS code (public messages), not the staff screens'.
    expect(ja).toContain('<h2 id="certs-title">認証・許可</h2>');
    expect(ja).toContain(
      '<strong>P-IRT（家庭食品許可）</strong><span class="muted small">2063204010541-29 · Pemerintah Kabupaten Karangasem',
    );
    expect(ja).toContain('<dt>村</dt><dd>Sibetan</dd>');
    expect(ja).toContain(`<dt>生産者グループ</dt><dd>${w.groups.bali.name} (`);
    expect(ja).toContain('<a href="/catalog">カタログへ</a>');
    const id_ = rootOf((await get(`/p/${id}`)).body);
    expect(id_).toContain('<dt>Kode HS</dt><dd>2008.99</dd>');
    expect(id_).toContain('<h2 id="certs-title">Sertifikat dan izin</h2>');
    expect(id_).toContain('<a href="/catalog">Ke katalog</a>');
    expect((await get(`/p/${id}?lang=en`)).body).toContain('<h2 id="certs-title">Certificates and permits</h2>');
  });

  it('spells a volume one way on a page: the unit as the label facts’ net quantity', async () => {
    const w = await marketWorld(t);
    const juice = await w.post(
      '/api/v1/products',
      salakChips(w.groups.bali.id, {
        name: { id: 'Sari salak', ja: 'サラクジュース' },
        unit: '250 ml',
        netQuantity: { amount: 250, unit: 'ml' },
      }),
    );
    const ja = rootOf((await get(`/p/${juice.id}?lang=ja`)).body);
    expect(ja).toContain('<dt>内容量</dt><dd>250 mL</dd>');
    expect(ja).toContain('<span class="unit">250 mL</span>');
    expect(ja).not.toContain('250 ml');
    const id = rootOf((await get(`/p/${juice.id}`)).body);
    expect(id).toContain('<dt>Berat/isi bersih</dt><dd>250 ml</dd>');
    expect(id).toContain('<span class="unit">250 ml</span>');
  });

  it('keeps a signed-in visitor’s page out of shared caches', async () => {
    const w = await marketWorld(t);
    const r = await t.request({ method: 'GET', url: `/p/${w.products.bali.id}`, as: w.managers.bali });
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('private, no-cache');
    expect(r.headers.vary).toBe('Accept-Language, Cookie');
    const catalog = await t.request({ method: 'GET', url: '/catalog', as: w.managers.bali });
    expect(catalog.headers['cache-control']).toBe('private, no-cache');
  });
});

describe('the head of a page in each language', () => {
  const link = (body: string, rel: string, hreflang?: string) =>
    new RegExp(`<link rel="${rel}"${hreflang ? ` hreflang="${hreflang}"` : ''} href="([^"]*)" />`).exec(
      headOf(body),
    )?.[1];
  const jsonLd = (body: string) => JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(body)![1]!);

  it('names its own language’s address as canonical and og:url, and the others as hreflang alternates', async () => {
    const w = await marketWorld(t);
    const batch = await w.batch(w.products.bali.id, { lotCode: 'KRP-HEAD-01', producedOn: '2026-02-01' });
    const base = 'http://ovop.test';
    for (const path of [`/p/${w.products.bali.id}`, `/b/${batch.id}`, '/catalog']) {
      const expected = { ja: `${base}${path}?lang=ja`, en: `${base}${path}?lang=en`, id: `${base}${path}` };
      for (const [asked, headers] of [
        [`${path}?lang=ja`, {}],
        [path, { cookie: 'ovop_lang=ja' }],
        [`${path}?lang=en`, {}],
        [path, {}],
        [`${path}?lang=id`, { 'accept-language': 'ja' }],
      ] as const) {
        const r = await get(asked, headers);
        const locale = /<html lang="(\w+)"/.exec(r.body)![1] as 'id' | 'en' | 'ja';
        expect({ asked, canonical: link(r.body, 'canonical') }).toEqual({ asked, canonical: expected[locale] });
        expect(meta(r.body, 'og:url')).toBe(expected[locale]);
        for (const code of ['id', 'en', 'ja'] as const) expect(link(r.body, 'alternate', code)).toBe(expected[code]);
        expect(link(r.body, 'alternate', 'x-default')).toBe(`${base}${path}`);
      }
    }
    // a search keeps its words in each language's address
    const search = await get('/catalog?q=madu&exportReady=false&lang=ja');
    expect(link(search.body, 'canonical')).toBe(`${base}/catalog?q=madu&amp;exportReady=false&amp;lang=ja`);
    expect(link(search.body, 'alternate', 'id')).toBe(`${base}/catalog?q=madu&amp;exportReady=false`);
  });

  it('gives schema.org absolute addresses and the category’s name in the page’s language', async () => {
    const w = await marketWorld(t);
    const list = jsonLd((await get('/catalog?q=madu')).body);
    expect(list.itemListElement).toContainEqual(
      expect.objectContaining({ url: `http://ovop.test/p/${w.products.lombok.id}` }),
    );
    const listJa = jsonLd((await get('/catalog?q=madu&lang=ja')).body);
    expect(listJa.itemListElement).toContainEqual(
      expect.objectContaining({ url: `http://ovop.test/p/${w.products.lombok.id}?lang=ja` }),
    );
    const id = jsonLd((await get(`/p/${w.products.bali.id}`)).body);
    expect(id).toMatchObject({ category: 'Makanan', url: `http://ovop.test/p/${w.products.bali.id}` });
    const en = jsonLd((await get(`/p/${w.products.bali.id}?lang=en`)).body);
    expect(en).toMatchObject({ category: 'Food', url: `http://ovop.test/p/${w.products.bali.id}?lang=en` });
  });
});

describe('the catalog’s answers on its pages', () => {
  it('are those its API keeps: a page the app asked for already reads nothing, and a change shows at once', async () => {
    const w = await marketWorld(t);
    const db = t.database.db;
    const lombok = w.products.lombok.id;
    // What the app asks for the page's search (its page size, Indonesian), typed as a phone writes it.
    expect((await get('/api/v1/catalog/products?q=Madu%20&limit=24&locale=id')).statusCode).toBe(200);
    expect((await get(`/api/v1/catalog/products/${lombok}?locale=id`)).statusCode).toBe(200);
    // The provinces of its filter and the names of the program's categories are the process's, read once.
    await get('/catalog?q=salak');
    await get(`/p/${lombok}?lang=en`);
    const statements = vi.spyOn(db, 'query');
    try {
      expect(rootOf((await get('/catalog?q=madu')).body)).toContain(`/p/${lombok}`);
      expect(rootOf((await get(`/p/${lombok}`)).body)).toContain('<h1 lang="id">Madu hutan</h1>');
      expect(statements).not.toHaveBeenCalled();
    } finally {
      statements.mockRestore();
    }
    await db.query(`UPDATE products SET name = name || '{"id": "Madu hutan Sumbawa"}'::jsonb WHERE id = $1`, [lombok]);
    expect(rootOf((await get('/catalog?q=madu')).body)).toContain('Madu hutan Sumbawa');
    expect(rootOf((await get(`/p/${lombok}`)).body)).toContain('<h1 lang="id">Madu hutan Sumbawa</h1>');
  });

  it('are read as they are for a signed-in visitor', async () => {
    const w = await marketWorld(t);
    const lombok = w.products.lombok.id;
    await get(`/p/${lombok}`);
    const statements = vi.spyOn(t.database.db, 'query');
    try {
      const r = await t.request({ method: 'GET', url: `/p/${lombok}`, as: w.managers.bali });
      expect(rootOf(r.body)).toContain('<h1 lang="id">Madu hutan</h1>');
      // The product read again (the session's own statements aside).
      const productRead = ([text]: [string, ...unknown[]]) => text.includes('g.founded_on AS group_founded_on');
      expect(statements.mock.calls.filter(productRead)).toHaveLength(1);
    } finally {
      statements.mockRestore();
    }
  });
});

describe('the batch provenance page', () => {
  it('has the product, the batch’s dates, its village and group, and a link to the product', async () => {
    const w = await marketWorld(t);
    const batch = await w.batch(w.products.bali.id, { lotCode: 'KRP-PAGES-01', producedOn: '2026-02-01' });
    const r = await get(`/b/${batch.id}?lang=en`);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('<html lang="en"');
    const root = rootOf(r.body);
    expect(root).toContain('<h1 lang="en">Salak chips</h1>');
    expect(root).toContain('KRP-PAGES-01');
    expect(root).toContain('Feb 1, 2026');
    expect(root).toContain(w.groups.bali.name);
    expect(root).toContain(`<a href="/p/${w.products.bali.id}" class="button">`);
    expect(headOf(r.body)).toMatch(/<title>Salak chips · KRP-PAGES-01 · OVOP<\/title>/);
    expect(meta(r.body, 'og:url')).toBe(`http://ovop.test/b/${batch.id}?lang=en`);
    expect(meta(r.body, 'og:locale')).toBe('en_US');
    const ja = await get(`/b/${batch.id}`, { 'accept-language': 'ja-JP' });
    expect(rootOf(ja.body)).toContain('<h1 lang="ja">サラクチップス</h1>');
    // the village's specialities are free text typed in Indonesian (no codes, no translations): said so, as the app does
    expect(rootOf(ja.body)).toContain('<p class="muted small">村の特産: salak (インドネシア語)</p>');
    expect(rootOf((await get(`/b/${batch.id}`)).body)).toContain('<p class="muted small">Potensi desa: salak</p>');
  });
});

describe('the certificate verification page', () => {
  it('says the certificate is valid and what it certifies, by id and by printed number, and asks not to be indexed', async () => {
    const w = await trainingWorld(t);
    const session = await w.session({ startsOn: '2026-03-02', endsOn: '2026-03-02' });
    const member = await w.member(w.groups.bali.id, 'female');
    const enrolment = (await w.enrol(session.id, member.id)).json();
    await w.mark(session.id, '2026-03-02', [{ memberId: member.id, present: true }]);
    await w.postTest(session.id, enrolment.id, right(5));
    const list = (await w.request('GET', `/api/v1/sessions/${session.id}/enrolments`, w.trainer)).json().items;
    const id = list.find((e: { member: { id: string } }) => e.member.id === member.id).certificateId as string;
    const answer = (await t.request({ method: 'GET', url: `/api/v1/certificates/${id}/verification` })).json();

    for (const asked of [id, answer.number as string]) {
      const r = await get(`/verify/${encodeURIComponent(asked)}`);
      expect({ asked, status: r.statusCode }).toEqual({ asked, status: 200 });
      const root = rootOf(r.body);
      expect(root).toContain('<p class="verify-status" role="status">Sertifikat ini sah</p>');
      expect(root).toContain(member.name);
      expect(root).toContain('Pengemasan produk pangan');
      expect(root).toContain(answer.number);
      expect(meta(r.body, 'robots')).toBe('noindex');
      expect(headOf(r.body)).toContain(`<title>Pemeriksaan sertifikat ${answer.number} · OVOP</title>`);
    }
    const ja = await get(`/verify/${id}`, { cookie: 'ovop_lang=ja' });
    expect(ja.body).toContain('<html lang="ja"');
    expect(meta(ja.body, 'og:locale')).toBe('ja_JP');
  });

  it('answers an unknown id and a mistyped number with 404 and says which', async () => {
    const unknown = await get('/verify/01936a3e-7b7c-7cc0-8000-000000000009');
    expect(unknown.statusCode).toBe(404);
    expect(rootOf(unknown.body)).toContain('Sertifikat ini tidak ditemukan.');
    const mistyped = await get('/verify/ABCD-EFGH-JKL', { 'accept-language': 'en' });
    expect(mistyped.statusCode).toBe(404);
    expect(mistyped.body).toContain('<html lang="en"');
    expect(rootOf(mistyped.body)).toContain('role="alert"');
  });
});

describe('the success story pages', () => {
  it('render a published story with its paragraphs, facts and Article data, in the visitor’s language; a draft is 404', async () => {
    const w = await registryWorld(t);
    const writer = await w.as('group_manager', { groupId: w.groups.bali.id });
    const manager = await w.as('program_manager');
    const send = async (url: string, who: Session, payload: object = {}) => {
      const r = await t.request({ method: 'POST', url, as: who, payload });
      if (r.statusCode >= 300) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
      return r.json();
    };
    const story = await send('/api/v1/community/stories', writer, {
      groupId: w.groups.bali.id,
      title: { id: 'Dari kebun salak ke <Tokyo>' },
      body: { id: 'Kelompok kami mulai dengan lima orang.\n\nKini kami mengirim keripik ke Jepang.' },
    });
    expect((await get(`/stories/${story.id}`)).statusCode).toBe(404);
    await send(`/api/v1/community/stories/${story.id}/submit`, writer);
    await send(`/api/v1/community/stories/${story.id}/publish`, manager);

    const r = await get(`/stories/${story.id}`);
    expect(r.statusCode).toBe(200);
    const root = rootOf(r.body);
    expect(root).toContain('<h1>Dari kebun salak ke &lt;Tokyo&gt;</h1>');
    expect(root).toContain('<p>Kelompok kami mulai dengan lima orang.</p><p>Kini kami mengirim keripik ke Jepang.</p>');
    expect(root).toContain('<dt>Anggota terlatih</dt><dd>0 orang</dd>');
    expect(headOf(r.body)).toContain('<title>Dari kebun salak ke &lt;Tokyo&gt; · OVOP</title>');
    expect(meta(r.body, 'og:type')).toBe('article');
    expect(meta(r.body, 'description')).toBe(
      'Kelompok kami mulai dengan lima orang. Kini kami mengirim keripik ke Jepang.',
    );
    const article = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(r.body)![1]!);
    expect(article).toMatchObject({ '@type': 'Article', headline: 'Dari kebun salak ke <Tokyo>', inLanguage: 'id' });
    // nothing in the data may close its script element
    expect(r.body).not.toContain('"headline":"Dari kebun salak ke <Tokyo>"');

    // a Japanese visitor reads the frame in Japanese and is told the story is in Indonesian
    const ja = await get(`/stories/${story.id}`, { 'accept-language': 'ja' });
    expect(ja.body).toContain('<html lang="ja"');
    expect(rootOf(ja.body)).toContain('<h1 lang="id">Dari kebun salak ke &lt;Tokyo&gt;</h1>');
    expect(rootOf(ja.body)).toMatch(/<p class="muted small" role="note">[^<]*インドネシア語[^<]*<\/p>/);

    const list = await get(`/stories?program=${w.program.id}`);
    expect(list.statusCode).toBe(200);
    expect(rootOf(list.body)).toContain(
      `<a href="/stories/${story.id}"><strong>Dari kebun salak ke &lt;Tokyo&gt;</strong></a>`,
    );
    expect(rootOf((await get('/stories')).body)).toContain('Belum ada kisah yang terbit.');
    expect((await get('/stories/01936a3e-7b7c-7cc0-8000-000000000001')).statusCode).toBe(404);
  });
});

describe('unknown ids', () => {
  it('answer 404 with a not-found page in the visitor’s language', async () => {
    const urls = [
      '/p/00000000-0000-4000-8000-000000000000',
      '/p/nope',
      '/b/00000000-0000-4000-8000-000000000000',
      '/b/x',
    ];
    for (const url of urls) {
      const r = await get(url, { 'accept-language': 'ja' });
      expect({ url, status: r.statusCode }).toEqual({ url, status: 404 });
      expect(r.body).toContain('<html lang="ja"');
      expect(rootOf(r.body)).toContain('<a href="/catalog">');
      expect(meta(r.body, 'robots')).toBe('noindex');
    }
    const draft = await marketWorld(t).then((w) =>
      w.post('/api/v1/products', {
        groupId: w.groups.bali.id,
        name: { id: 'Draf' },
        category: 'food',
        unit: '1',
        price: { amount: '1', currency: 'IDR' },
        status: 'draft',
      }),
    );
    expect((await get(`/p/${draft.id}`)).statusCode).toBe(404);
  });
});

describe('the language of a rendered page', () => {
  it('follows the web app’s own rule: ?lang=, the chosen language’s cookie, Accept-Language, Indonesian', async () => {
    for (const { lang, chosen, preferred, expected } of FIRST_LOCALE_CASES) {
      const url = lang === null ? '/catalog' : `/catalog?lang=${lang}`;
      const headers: Record<string, string> = {};
      if (chosen !== null) headers.cookie = `ovop_lang=${chosen}`;
      if (preferred.length) headers['accept-language'] = preferred.join(', ');
      const r = await get(url, headers);
      expect({ lang, chosen, preferred, html: /<html lang="(\w+)"/.exec(r.body)?.[1] }).toEqual({
        lang,
        chosen,
        preferred,
        html: expected,
      });
    }
  });
});

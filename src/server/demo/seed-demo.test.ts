import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig, useTestApp, type TestApp } from '../../../test/app.js';
import { createPostgresDatabase, postgresUrl } from '../../../test/database.js';
import { signIn, testFiles } from '../../../test/factories.js';
import { exitOf, runCli } from '../../../test/server-process.js';
import type { Database, Queryable } from '../db/database.js';
import { importAreas, readIndonesiaAreas } from '../modules/geography/index.js';
import { monthBefore } from './seed-history.js';
import { seedDemo, type DemoSeedResult } from './seed-demo.js';
import { DEMO_ROUNDS } from './seed-ratings.js';

const t = useTestApp();
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** The test database holds Bali and NTB; the demo also needs Gunungkidul (34.03) and Kota Pekalongan (33.75). */
async function importDemoRegencies(app: TestApp = t) {
  const wanted = ['33.75', '34.03'];
  const rows = readIndonesiaAreas(['33', '34']).filter(
    (r) => r.level === 'province' || wanted.some((w) => r.code === w || r.code.startsWith(`${w}.`)),
  );
  await importAreas(app.database.db, 'ID', rows);
}

async function seed(warnings: string[] = [], app: TestApp = t) {
  return seedDemo(app.database.db, {
    secret: testConfig.secret,
    files: testFiles,
    warn: (line) => warnings.push(line),
  });
}

/**
 * The test database, but a statement matching `failOn` throws: a crash in the middle of the seed.
 * Every query, inside a transaction or not, goes through the check.
 */
function failingAt(db: Database, failOn: RegExp): Database {
  const check = (q: Queryable): Queryable['query'] =>
    ((text: string, params?: readonly unknown[]) => {
      if (failOn.test(text)) return Promise.reject(new Error(`injected failure at ${String(failOn)}`));
      return q.query(text, params);
    }) as Queryable['query'];
  return {
    kind: db.kind,
    query: check(db),
    transaction: (fn) => db.transaction((tx) => fn({ query: check(tx) })),
    close: () => db.close(),
  };
}

const DEMO_TABLES = [
  'programs',
  'users',
  'role_grants',
  'villages',
  'producer_groups',
  'members',
  'products',
  'courses',
  'journal_entries',
  'batches',
  'buyers',
  'inquiries',
  'quotes',
  'assessments',
  'certifications',
];

const count = async (table: string, app: TestApp = t) =>
  (await app.database.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

function created(result: DemoSeedResult) {
  if (!result.created) throw new Error('the demo was not created');
  return result;
}

describe('the demo seed', () => {
  describe('once seeded', () => {
    // These only read what one seed made: they share it, in a database of their own that is not emptied between them.
    const s = useTestApp({ resetEach: false });
    let seeded: ReturnType<typeof created>;
    beforeAll(async () => {
      await importDemoRegencies(s);
      seeded = created(await seed([], s));
    });

    it('builds five villages with their groups, members and products, and an account per role', async () => {
      const result = seeded;
      expect(result).toMatchObject({ villages: 5, groups: 5, members: 41, products: 9, skipped: [] });
      expect(await count('villages', s)).toBe(5);
      expect(await count('producer_groups', s)).toBe(5);
      expect(await count('members', s)).toBe(41);
      // 23 founders and 18 who joined over the demo's two years, two of whom have left since.
      const [left] = await s.database.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM members WHERE left_on IS NOT NULL',
      );
      expect(left!.n).toBe(2);
      const statuses = await s.database.db.query<{ status: string; n: number }>(
        'SELECT status, count(*)::int AS n FROM products GROUP BY status ORDER BY status',
      );
      expect(statuses).toEqual([
        { status: 'draft', n: 1 },
        { status: 'export_ready', n: 1 },
        { status: 'ready', n: 7 },
      ]);
      // Every product has an HS 2022 subheading (6 digits), and the food its label facts.
      const products = await s.database.db.query<{ hs_code: string; category: string; facts: boolean }>(
        `SELECT hs_code, category, (ingredients <> '{}' AND allergens IS NOT NULL AND net_amount IS NOT NULL
           AND shelf_life_days IS NOT NULL AND storage <> '{}') AS facts FROM products WHERE status <> 'draft'`,
      );
      expect(products.filter((p) => !/^\d{4}\.\d{2}$/.test(p.hs_code ?? ''))).toEqual([]);
      expect(products.filter((p) => p.category === 'food' && !p.facts)).toEqual([]);
      const sexes = await s.database.db.query<{ sexes: number }>(
        'SELECT count(DISTINCT sex)::int AS sexes FROM members GROUP BY group_id',
      );
      expect(sexes.map((s) => s.sexes)).toEqual([2, 2, 2, 2, 2]);
      expect(result.accounts.map((a) => a.role)).toEqual([
        'program_manager',
        'facilitator',
        'facilitator',
        'assessor',
        'trainer',
        'group_manager',
        'group_member',
        'buyer',
      ]);
      for (const a of result.accounts) expect(a.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    });

    it('gives every product its own drawn picture, stored as an upload is: a WebP photo with its thumbnail', async () => {
      const photos = await s.database.db.query<{
        name: string;
        storage_key: string | null;
        thumbnail_key: string | null;
        content_type: string;
        width: number;
        height: number;
      }>(
        `SELECT p.name->>'id' AS name, ph.storage_key, ph.thumbnail_key, ph.content_type, ph.width, ph.height
           FROM products p LEFT JOIN product_photos ph ON ph.product_id = p.id ORDER BY p.name->>'id'`,
      );
      expect(photos).toHaveLength(9);
      expect(photos.filter((p) => !p.storage_key)).toEqual([]);
      for (const p of photos) expect(p).toMatchObject({ content_type: 'image/webp', width: 800, height: 600 });
      const digest = async (key: string) => {
        const bytes = await testFiles.get(key);
        expect(bytes, key).toBeDefined();
        return createHash('sha256').update(bytes!).digest('hex');
      };
      const full = await Promise.all(photos.map((p) => digest(p.storage_key!)));
      const thumbnails = await Promise.all(photos.map((p) => digest(p.thumbnail_key!)));
      expect(new Set(full).size).toBe(9);
      expect(new Set(thumbnails).size).toBe(9);
      // The public catalog shows each ready product with its picture, not a grey box.
      const catalog = await s.request({ method: 'GET', url: '/api/v1/catalog/products' });
      const cards = catalog.json().items as { name: string; photo: { thumbnailUrl: string } | null }[];
      expect(cards).toHaveLength(8);
      expect(cards.filter((c) => !c.photo)).toEqual([]);
      const thumbnail = await s.request({ method: 'GET', url: cards[0]!.photo!.thumbnailUrl });
      expect(thumbnail.statusCode).toBe(200);
      expect(thumbnail.headers['content-type']).toBe('image/webp');
      // A batch's provenance page shows its product's picture too.
      const [batch] = await s.database.db.query<{ id: string }>(
        `SELECT b.id FROM batches b JOIN products p ON p.id = b.product_id WHERE p.name->>'id' = 'Keripik Salak Sibetan' LIMIT 1`,
      );
      const provenance = await s.request({ method: 'GET', url: `/api/v1/provenance/batches/${batch!.id}?locale=ja` });
      const chips = cards.find((c) => c.name === 'Keripik Salak Sibetan')!;
      expect(provenance.json().product.photo).toEqual({
        url: chips.photo!.thumbnailUrl.replace('-thumb', ''),
        width: 800,
        height: 600,
      });
    });

    it('gives each account its role and scope', async () => {
      const result = seeded;
      const password = (email: string) => result.accounts.find((a) => a.email === email)!.password!;
      const bali = await signIn(s.app, 'facilitator.bali@demo.ovop.id', password('facilitator.bali@demo.ovop.id'));
      const villages = await s.request({ method: 'GET', url: '/api/v1/villages', as: bali });
      expect(villages.json().items.map((v: { areaCode: string }) => v.areaCode)).toEqual(['51.07.06.2004']);
      const member = await signIn(s.app, 'group.member@demo.ovop.id', password('group.member@demo.ovop.id'));
      const products = await s.request({ method: 'GET', url: '/api/v1/products', as: member });
      expect(
        products
          .json()
          .items.map((p: { name: { id: string } }) => p.name.id)
          .sort(),
      ).toEqual(['Dodol Salak', 'Keripik Salak Sibetan']);
      // The group member's account is linked to the group's treasurer, Ni Made Suartini: she keeps the books.
      expect(result.accounts.find((a) => a.email === 'group.member@demo.ovop.id')).toMatchObject({
        office: 'treasurer',
      });
      const [salak] = (await s.request({ method: 'GET', url: '/api/v1/groups', as: member })).json().items;
      const books = await s.request({ method: 'GET', url: `/api/v1/groups/${salak.id}/books`, as: member });
      expect(books.json().abilities).toMatchObject({ read: true, post: true });
      const manager = await signIn(s.app, 'manager@demo.ovop.id', password('manager@demo.ovop.id'));
      const all = await s.request({ method: 'GET', url: '/api/v1/products?limit=100', as: manager });
      expect(all.json().items).toHaveLength(9);
    });

    it('shows the ready products in the public catalog, in Indonesian and in Japanese', async () => {
      const id = await s.request({ method: 'GET', url: '/api/v1/catalog/products' });
      const names = id.json().items.map((i: { name: string }) => i.name);
      expect(names).toHaveLength(8);
      expect(names).toContain('Keripik Salak Sibetan');
      expect(names).not.toContain('Dodol Salak');
      const ja = await s.request({ method: 'GET', url: '/api/v1/catalog/products?locale=ja' });
      expect(ja.json().items.map((i: { name: string }) => i.name)).toContain('シベタン村のサラクチップス');
      const exportReady = await s.request({
        method: 'GET',
        url: '/api/v1/catalog/products?exportReady=true&locale=en',
      });
      expect(exportReady.json().items).toMatchObject([
        { name: 'Woven Bamboo Basket', price: { amount: '85000.00', currency: 'IDR' } },
      ]);
      const honey = await s.request({ method: 'GET', url: '/api/v1/catalog/products?q=madu&locale=ja' });
      expect(honey.json().items).toMatchObject([{ name: 'スンバワ島の森のはちみつ', exportReady: false }]);
      const chips = await s.request({ method: 'GET', url: '/api/v1/catalog/products?q=salak' });
      expect(chips.json().items).toMatchObject([{ price: { amount: '12900.00', currency: 'IDR' }, unit: '100 g' }]);
    });

    it('finds a product for each example the search box gives, in each of the catalog’s languages', async () => {
      for (const locale of ['id', 'en', 'ja'] as const) {
        const messages = JSON.parse(
          readFileSync(new URL(`../../web/i18n/public/${locale}.json`, import.meta.url), 'utf8'),
        ) as Record<string, string>;
        // "mis. madu, batik, salak", "例: はちみつ、バティック、サラク": the words after the lead-in.
        const examples = messages['catalog.searchPlaceholder']!.replace(/^\S+\s*/, '').split(/[,、]\s*/);
        expect(examples.length, locale).toBeGreaterThanOrEqual(3);
        for (const q of examples) {
          const found = await s.request({
            method: 'GET',
            url: `/api/v1/catalog/products?locale=${locale}&q=${encodeURIComponent(q)}`,
          });
          expect({ locale, q, found: found.json().items.length > 0 }).toEqual({ locale, q, found: true });
        }
      }
    });

    it('plans training in Sibetan, with two years of past sessions and their certificates, and the latest verifies', async () => {
      expect(await count('courses', s)).toBe(3);
      // Three past sessions (seed-history.ts), last month's and the coming one.
      expect(await count('training_sessions', s)).toBe(5);
      const [certificate] = await s.database.db.query<{ id: string }>(
        'SELECT id FROM training_certificates ORDER BY ends_on DESC, id LIMIT 1',
      );
      expect(await count('training_certificates', s)).toBe(8);
      const r = await s.request({ method: 'GET', url: `/api/v1/certificates/${certificate!.id}/verification` });
      expect(r.json()).toMatchObject({ status: 'valid', trainerName: 'Bambang Setiawan' });
    });
  });

  it('rates the salak chips three times over two years, rising to 4★ with P-IRT and then halal, so its group naik kelas', async () => {
    const result = created(await seed());
    const manager = result.accounts.find((a) => a.role === 'program_manager')!;
    const session = await signIn(t.app, manager.email, manager.password!);
    const get = async <T>(url: string) => {
      const r = await t.request({ url, as: session });
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as T;
    };
    const [chips] = await t.database.db.query<{ id: string; group_id: string }>(
      `SELECT id, group_id FROM products WHERE name->>'id' ILIKE 'keripik salak%'`,
    );
    const rounds = await get<{ items: { status: string; stars: number | null; assessedOn: string }[] }>(
      `/api/v1/assessments?productId=${chips!.id}`,
    );
    const byDate = [...rounds.items].sort((a, b) => a.assessedOn.localeCompare(b.assessedOn));
    expect(byDate.map((r) => r.status)).toEqual(DEMO_ROUNDS.map(() => 'finalised'));
    expect(byDate.map((r) => r.assessedOn.slice(0, 7))).toEqual(
      DEMO_ROUNDS.map((r) => monthBefore(new Date(), r.back)),
    );
    // Rated under Indonesia's Kemenperin scheme, not Vietnam's OCOP: the middle of each scale (67 %) is
    // 3★, held at 2★ by the district panel; full marks are held at 4★ without a business licence (NIB).
    expect(byDate.map((r) => r.stars)).toEqual([2, 3, 4]);
    const [scheme] = await t.database.db.query<{ name: string }>(
      `SELECT s.definition->'name'->>'en' AS name FROM assessments a JOIN rating_schemes s ON s.id = a.scheme_id
       WHERE a.product_id = $1 GROUP BY 1`,
      [chips!.id],
    );
    expect(scheme!.name).toBe('Kemenperin OVOP style');
    const certificates = await get<{ items: { kind: string; issuedOn: string }[] }>(
      `/api/v1/certifications?productId=${chips!.id}`,
    );
    expect(certificates.items.map((c) => c.kind).sort()).toEqual(['halal', 'pirt']);

    const impact = async (indicator: string, period: string, by: string) =>
      (
        await get<{ rows: { value: string | null; by: Record<string, string> }[] }>(
          `/api/v1/impact?indicator=${indicator}&programId=${result.programId}&period=${period}&by=${by}`,
        )
      ).rows.filter((r) => Number(r.value) > 0);
    const today = new Date().toISOString().slice(0, 10);
    expect(await impact('products_rated', today.slice(0, 4), 'stars')).toEqual([
      expect.objectContaining({ by: { stars: '4' }, value: '1' }),
    ]);
    // In the last twelve months the group's best stars rose (3★ → 4★ on 2★ before) and it gained halal.
    const lastYear = `${monthBefore(new Date(), 12)}-01..${today}`;
    const moved = await impact('groups_naik_kelas', lastYear, 'condition');
    expect(moved.map((r) => r.by.condition).sort()).toEqual(expect.arrayContaining(['new_certification', 'stars_up']));
  });

  it('dates everything from the day of seeding: on a 2028 clock there are upcoming sessions and nothing is dated later than today', async () => {
    await importDemoRegencies();
    const today = '2028-05-10';
    const clock = { now: () => new Date(`${today}T03:00:00Z`) };
    created(await seedDemo(t.database.db, { secret: testConfig.secret, files: testFiles, clock }));
    const one = async (text: string) => (await t.database.db.query<{ v: string | number }>(text, [today]))[0]!.v;
    expect(await one('SELECT count(*)::int AS v FROM training_sessions WHERE starts_on > $1::date')).toBe(1);
    expect(await one('SELECT count(*)::int AS v FROM training_sessions WHERE ends_on < $1::date')).toBe(4);
    // The books, attendance and production refuse dates after today; the program and its history
    // began two years before.
    const latest = [
      'SELECT max(entry_date)::text AS v FROM journal_entries WHERE $1::date IS NOT NULL',
      'SELECT max(day)::text AS v FROM attendance WHERE $1::date IS NOT NULL',
      'SELECT max(produced_on)::text AS v FROM batches WHERE $1::date IS NOT NULL',
      'SELECT max(started_on)::text AS v FROM programs WHERE $1::date IS NOT NULL',
      'SELECT max(finalised_at)::date::text AS v FROM assessments WHERE $1::date IS NOT NULL',
      'SELECT max(assessed_on)::text AS v FROM assessments WHERE $1::date IS NOT NULL',
      'SELECT max(issued_on)::text AS v FROM certifications WHERE $1::date IS NOT NULL',
    ];
    for (const text of latest) {
      const date = await one(text);
      expect({ text, date: date <= today }).toEqual({ text, date: true });
      expect(String(date).slice(0, 4)).toMatch(/^202[678]$/);
    }
    expect(await one('SELECT min(started_on)::text AS v FROM programs WHERE $1::date IS NOT NULL')).toBe('2026-05-01');
    expect(await one('SELECT min(entry_date)::text AS v FROM journal_entries WHERE $1::date IS NOT NULL')).toBe(
      '2026-05-01',
    );
    expect(await one('SELECT max(entry_date)::text AS v FROM journal_entries WHERE $1::date IS NOT NULL')).toMatch(
      /^2028-0[45]-/,
    );
    expect(await one('SELECT count(*)::int AS v FROM quotes WHERE valid_until >= $1::date')).toBe(1);
    expect(await one('SELECT count(*)::int AS v FROM batches WHERE expires_on > $1::date')).toBe(5);
    const [certificate] = await t.database.db.query<{ id: string; ends_on: string }>(
      'SELECT id, ends_on::text FROM training_certificates ORDER BY ends_on DESC, id LIMIT 1',
    );
    expect(certificate!.ends_on).toBe('2028-04-12');
    // Each certificate is dated the day its session's last attendance or post-test completed it, as a
    // trainer recording them that day issues it (not the day of seeding).
    const certificates = await t.database.db.query<{ issued_on: string; ends_on: string }>(
      `SELECT issued_at::date::text AS issued_on, ends_on::text FROM training_certificates ORDER BY ends_on`,
    );
    expect(certificates.length).toBeGreaterThan(0);
    expect(certificates.filter((c) => c.issued_on !== c.ends_on)).toEqual([]);
  });

  it('adds nothing when it runs again', async () => {
    await importDemoRegencies();
    await seed();
    const tables = ['programs', 'users', 'role_grants', 'villages', 'producer_groups', 'members', 'products'];
    const before = await Promise.all(tables.map((table) => count(table)));
    const again = await seed();
    expect(again.created).toBe(false);
    expect(await Promise.all(tables.map((table) => count(table)))).toEqual(before);
  });

  it('leaves nothing behind when it fails midway, and a rerun builds the whole demo with its passwords', async () => {
    await importDemoRegencies();
    const audited = await count('audit_log');
    const photoFiles = () => {
      const folder = join(testConfig.dataDir, 'files', 'products');
      return existsSync(folder)
        ? readdirSync(folder, { recursive: true }).filter((f) => /\.webp$/.test(String(f))).length
        : 0;
    };
    const files = photoFiles();
    // The quotes come after the products and their photos.
    const failing = failingAt(t.database.db, /INSERT INTO quotes/);
    await expect(
      seedDemo(failing, { secret: testConfig.secret, files: testFiles, warn: () => undefined }),
    ).rejects.toThrow('injected failure');
    for (const table of DEMO_TABLES) expect({ table, rows: await count(table) }).toEqual({ table, rows: 0 });
    expect(await count('audit_log')).toBe(audited);
    // The photos' files went with their rows.
    expect(photoFiles()).toBe(files);

    const again = created(await seed());
    expect(again).toMatchObject({ villages: 5, groups: 5, members: 41, products: 9 });
    expect(again.accounts).toHaveLength(8);
    for (const a of again.accounts) expect(a.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(await count('batches')).toBe(5); // two for the market, three months of chips for the books
    expect(await count('quotes')).toBe(1);
  });

  it('skips, with a warning, the villages whose area is not imported', async () => {
    const warnings: string[] = [];
    const result = created(await seed(warnings));
    expect(result.skipped).toEqual(['34.03.04.2008', '33.75.02.1004']);
    expect(result).toMatchObject({ villages: 3, products: 5 });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('Nglanggeran');
  });

  // Three CLI processes, each compiling the sources: a generous bound for a busy machine.
  it('runs as `ovop seed-demo`, printing the accounts once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ovop-seed-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const env: Record<string, string> = { OVOP_DATA_DIR: join(dir, 'data'), OVOP_IMPORT_AREAS_ON_START: 'false' };
    if (postgresUrl) {
      const database = await createPostgresDatabase();
      cleanups.push(database.drop);
      env.DATABASE_URL = database.url;
      env.OVOP_SECRET = 'a-test-secret-of-at-least-32-characters';
    }
    const run = async (args: string[]) => {
      const child = runCli(args, env);
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (d) => (stdout += String(d)));
      child.stderr?.on('data', (d) => (stderr += String(d)));
      const { code } = await exitOf(child);
      return { code, stdout, stderr };
    };
    expect((await run(['import-areas', '--country', 'ID', '--provinces', '51,52'])).code).toBe(0);
    const first = await run(['seed-demo']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Seeded the demo program OVOP-ID-DEMO: 3 villages');
    expect(first.stdout).toMatch(/group\.manager@demo\.ovop\.id\s+[A-Za-z0-9_-]{16}/);
    expect(first.stdout).toMatch(/group_member\s+treasurer\s+group\.member@demo\.ovop\.id/);
    expect(first.stdout).toContain('warning: skipped Nglanggeran');
    const second = await run(['seed-demo']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('exists already; nothing was added');
    expect(second.stdout).not.toContain('@demo.ovop.id');
    // Two processes that import areas and seed a database: a generous bound on a busy machine.
  }, 180_000);
});

import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { buildGroup, buildProduct } from '../../../../test/factories.js';
import { BANYUMULEK } from '../../../../test/registry-fixtures.js';
import { pathCodes } from '../../../shared/area-path.js';
import { UI_LOCALES } from '../../../shared/locales.js';
import { HeldCatalog, heldCatalog, holdCatalog, loadHeldCatalog, Pairs, type LoadedRow } from './catalog-held.js';
import { EXACT_RANK } from './catalog-search.js';
import { catalogPageJson, catalogVersion } from './catalog.service.js';
import type { CatalogQuery } from './market.schemas.js';

const t = useTestApp();

/**
 * Words of the products' texts: common and rare ones, close spellings of each other (so that a
 * misspelling is respelt into several tiers), a word that holds another (`salakpondoh`), and one
 * run of over 60 letters, which the index of products' words keeps apart.
 */
const WORDS = [
  'keripik',
  'kripik',
  'kripek',
  'salak',
  'salakpondoh',
  'madu',
  'hutan',
  'bantal',
  'bantul',
  'bintel',
  'anyaman',
  'tenunan',
  'x'.repeat(30) + 'tenun' + 'y'.repeat(30),
];
/** What visitors type: the words, parts of them, misspellings, two at once, words no product holds. */
const QUERIES = [
  'keripik',
  'kripik salak',
  'krpik',
  'salak',
  'slak madu',
  'pondoh',
  'bantel',
  'tenun',
  'hutan madu',
  'Madu, HUTAN',
  'zzzqqq',
  'keripik zzzqqq',
  'anyamn',
  'bintal salak',
];
const PRODUCTS = 360;
const TODAY = '2026-06-15';

describe('the catalog held in memory (OVOP_CATALOG_IN_MEMORY)', () => {
  it('answers every page as the database does, and without a statement', async () => {
    const db = t.database.db;
    const groups = [await buildGroup(db), await buildGroup(db, { areaCode: BANYUMULEK, name: 'Kelompok Banyumulek' })];
    const random = fc.sample(
      fc.record({
        words: fc.subarray(WORDS, { minLength: 1, maxLength: 3 }),
        group: fc.integer({ min: 0, max: 1 }),
        status: fc.constantFrom('draft', 'ready', 'ready', 'export_ready'),
        stars: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
        // Badges that lapsed before TODAY, that last past it, and that end on it.
        until: fc.option(fc.constantFrom('2026-01-31', '2026-06-15', '2027-12-31'), { nil: null }),
        category: fc.constantFrom('food', 'basketry'),
        languages: fc.subarray(['en', 'ja'] as const),
      }),
      { numRuns: PRODUCTS, seed: 18 },
    );
    await db.query(
      `INSERT INTO products (id, program_id, group_id, area_path, name, description, story, category, unit,
         price_minor, currency, status, stars, stars_valid_until, search_text)
       SELECT md5('held' || n)::uuid, g.program_id, g.id, g.area_path, r.name, r.description, '{}', r.category, 'kg',
         1000 + n, 'IDR', r.status, r.stars, r.until, r.text
       FROM jsonb_to_recordset($1::jsonb) AS r(n int, grp uuid, name jsonb, description jsonb, category text,
         status text, stars smallint, until date, text text)
       JOIN producer_groups g ON g.id = r.grp`,
      [
        JSON.stringify(
          random.map((p, n) => {
            const text = p.words.join(' ');
            const name: Record<string, string> = { id: `Produk ${text}` };
            for (const language of p.languages) name[language] = language === 'ja' ? `製品 ${text}` : `Product ${text}`;
            return {
              n,
              grp: groups[p.group]!.id,
              name,
              description: { id: `Dibuat di desa: ${text}.` },
              category: p.category,
              status: p.status,
              stars: p.stars,
              until: p.stars === null ? null : p.until,
              text,
            };
          }),
        ),
      ],
    );
    const version = await catalogVersion(db);
    const held = await holdCatalog(db);
    expect(held.version).toBe(version);
    expect(held.size).toBe(random.filter((p) => p.status !== 'draft').length);

    const [path] = (
      await db.query<{ area_path: string }>('SELECT area_path FROM producer_groups WHERE id = $1', [groups[0]!.id])
    ).map((r) => r.area_path);
    // Each area above the first group's village, and the other group's province.
    const areas = [...pathCodes(path), '52'];
    const clock = { now: () => new Date(`${TODAY}T03:00:00Z`) };
    const tierRows = vi.spyOn(HeldCatalog.prototype, 'tierRows');
    const firstRows = vi.spyOn(HeldCatalog.prototype, 'firstRows');
    await fc.assert(
      fc.asyncProperty(
        fc.option(fc.constantFrom(...QUERIES), { nil: undefined, freq: 6 }),
        fc.integer({ min: 1, max: 40 }),
        fc.option(fc.constantFrom('food', 'basketry'), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        fc.option(fc.constantFrom(...areas), { nil: undefined, freq: 2 }),
        fc.option(fc.constantFrom('true' as const, 'false' as const), { nil: undefined }),
        fc.constantFrom(...UI_LOCALES),
        async (q, limit, category, minStars, area, exportReady, locale) => {
          const query: CatalogQuery = { q, limit, category, minStars, area, exportReady, locale };
          let [cursor, pages] = [undefined as string | undefined, 0];
          do {
            const asked = { ...query, cursor };
            const fromMemory = await catalogPageJson({ db, clock, version, held: db }, asked);
            const fromDatabase = await catalogPageJson({ db, clock, version }, asked);
            expect(fromMemory).toBe(fromDatabase);
            cursor = (JSON.parse(fromDatabase) as { nextCursor: string | null }).nextCursor ?? undefined;
          } while (cursor !== undefined && ++pages < 30);
        },
      ),
      { numRuns: 120, seed: 7 },
    );
    // Both kinds of page were answered from memory (not left to the database).
    expect(tierRows.mock.calls.length).toBeGreaterThan(100);
    expect(firstRows.mock.calls.length).toBeGreaterThan(10);

    // Once a search's words are looked up (kept under the version), its pages need no statement.
    const misspelt: CatalogQuery = { q: 'slak madu', limit: 5, locale: 'ja' };
    const answer = await catalogPageJson({ db, clock, version, held: db }, misspelt);
    expect(JSON.parse(answer)).toMatchObject({ items: expect.arrayContaining([expect.anything()]) });
    const statements = vi.spyOn(db, 'query');
    expect(await catalogPageJson({ db, clock, version, held: db }, misspelt)).toBe(answer);
    expect(await catalogPageJson({ db, clock, version, held: db }, { limit: 5, locale: 'en', area: '52' })).toBe(
      await catalogPageJson({ db, clock, version }, { limit: 5, locale: 'en', area: '52' }),
    );
    expect(statements.mock.calls.length).toBe(1); // the second page, from the database
    statements.mockRestore();
  });

  it('is not used at another version, and is read again after a write', async () => {
    const db = t.database.db;
    const group = await buildGroup(db);
    await buildProduct(db, { groupId: group.id, name: { id: 'Madu hutan Sibetan' } });
    const before = await catalogVersion(db);
    await holdCatalog(db);
    expect(heldCatalog(db, before)?.version).toBe(before);
    // A replica behind it asks an older version: answered by the database, the catalog held kept.
    expect(heldCatalog(db, String(BigInt(before) - 1n))).toBeUndefined();
    expect(heldCatalog(db, before)?.version).toBe(before);

    const added = await buildProduct(db, { groupId: group.id, name: { id: 'Madu kelulut Sibetan' } });
    const after = await catalogVersion(db);
    expect(BigInt(after)).toBeGreaterThan(BigInt(before));
    // Not held at the new version: the database answers, the new product in it.
    expect(heldCatalog(db, after)).toBeUndefined();
    const clock = { now: () => new Date(`${TODAY}T03:00:00Z`) };
    const page = JSON.parse(
      await catalogPageJson({ db, clock, version: after, held: db }, { q: 'madu', limit: 10, locale: 'id' }),
    ) as { items: { id: string }[] };
    expect(page.items.map((i) => i.id)).toContain(added.id);
    // The load that request began, or one made now, holds the new version.
    const read = await holdCatalog(db);
    expect(read.version).toBe(after);
    expect(heldCatalog(db, after)).toBe(read);
  });

  it('gives up a load that a write came in the middle of', async () => {
    const db = t.database.db;
    const group = await buildGroup(db);
    await buildProduct(db, { groupId: group.id, name: { id: 'Gula aren' } });
    const query = db.query.bind(db);
    let wrote = false;
    const statements = vi.spyOn(db, 'query').mockImplementation(async (sql: string, params?: readonly unknown[]) => {
      const rows = await query(sql, params);
      // After the first batch of products is read, a write moves the catalog's version.
      if (!wrote && sql.includes('catalog_cards c ON')) {
        wrote = true;
        await buildProduct(db, { groupId: group.id, name: { id: 'Gula semut' } });
      }
      return rows as never;
    });
    expect(await loadHeldCatalog(db)).toBeUndefined();
    statements.mockRestore();
    expect(wrote).toBe(true);
    expect((await loadHeldCatalog(db))?.size).toBe(2);
  });
});

describe('a page of the catalog held in memory, from a cursor', () => {
  /** 64 products in id order, `madu` in the 4th to 6th (few: listed) and `kopi` in every other one (many: walked). */
  const rows: LoadedRow[] = Array.from({ length: 64 }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    area_path: '/51/51.07/',
    category: 'food',
    status: 'ready',
    stars: null,
    until: null,
    search_text: [i >= 3 && i <= 5 ? 'madu' : '', i % 2 === 0 ? 'kopi' : ''].join(' '),
    card_open: `{"n":${i}`,
    texts: JSON.stringify({ id: '"name":"x"' }),
  }));
  const held = new HeldCatalog('1');
  const pairs = new Pairs();
  held.add(rows, pairs);
  const indexed = held.index(pairs.words.subarray(0, pairs.length), pairs.products.subarray(0, pairs.length));
  const filter = { today: TODAY };
  const page = (word: string, after: number | null, count: number) =>
    held
      .tierRows(
        filter,
        'id',
        [{ rank: EXACT_RANK, words: [word] }],
        after === null ? null : { rank: EXACT_RANK, id: rows[after]!.id },
        count,
      )
      .map((r) => rows.findIndex((row) => row.id === r.id));

  it('starts at the next match after the cursor', async () => {
    await indexed;
    expect(page('madu', null, 2)).toEqual([3, 4]);
    expect(page('madu', 3, 1)).toEqual([4]);
    expect(page('madu', 5, 5)).toEqual([]);
    expect(page('kopi', null, 2)).toEqual([0, 2]);
    expect(page('kopi', 1, 1)).toEqual([2]);
    expect(page('kopi', 2, 2)).toEqual([4, 6]);
    expect(held.firstRows(filter, 'id', rows[61]!.id, 5).map((r) => r.card)).toEqual([
      '{"n":62,"name":"x","stars":null}',
      '{"n":63,"name":"x","stars":null}',
    ]);
  });
});

import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { buildGroup, orderedId, publishInOrder } from '../../../../test/factories.js';
import { pathCodes } from '../../../shared/area-path.js';
import { systemClock } from '../../http/context.js';
import { catalogRepository } from './catalog.repository.js';
import { EXACT_RANK, isVariable, nearTiers, otherSpellingTiers, searchWords } from './catalog-search.js';
import { MAX_WITHIN } from './catalog-words.js';
import { searchCatalog } from './catalog.service.js';

const t = useTestApp();

/**
 * Each word and the products that contain it, by their place in id order: some in every part of the
 * catalog, some missing from a few hundred products in a row (so that a probe's first rows may hold
 * none of them, migration 0060), one in a handful only, one seldom at first and often late. Close
 * spellings share products.
 */
const WORDS: [string, (n: number) => boolean][] = [
  ['keripik', (n) => n % 3 === 0],
  ['kripek', (n) => n % 4 === 0 && (n < 150 || n > 420)],
  ['krupik', (n) => n % 5 === 0],
  ['salak', (n) => n % 7 === 0 || n > 500],
  ['madu', (n) => n % 11 === 0],
  ['margaasih', (n) => n % 97 === 5 || (n > 300 && n % 26 === 0)],
  ['maasing', (n) => n > 250 && n % 13 === 0],
  ['maasiah', (n) => n > 300 && n % 17 === 0],
  // one among the first rows, then none until past where a wider probe reads (catalog.repository.ts)
  ['pondoh', (n) => n === 30 || (n > 600 && n % 3 === 0)],
  // two close spellings of one misspelling, each held by few products, three by both (of each
  // category and status, one or the other read at once)
  ['bantal', (n) => n > 400 && n % 7 === 1],
  ['bantul', (n) => n > 400 && n % 11 === 2],
  // as close to that misspelling as those two, last of the three by its text, and common from the
  // first rows: the two rare tiers are read at once, then this one on its own
  ['bintel', (n) => n % 10 === 3],
];
const PRODUCTS = 640;

describe('a search in tiers (the words as typed, else their close spellings)', () => {
  it('pages through each tier’s products in id order, none twice, as a naive recount of the tiers says', async () => {
    const db = t.database.db;
    const group = await buildGroup(db);
    const [{ area_path: path } = { area_path: '' }] = await db.query<{ area_path: string }>(
      'SELECT area_path FROM producer_groups WHERE id = $1',
      [group.id],
    );
    // Each area above the group's village (a province and a regency are read by their code, a
    // district and the village by the path's prefix) and a province without it.
    const areas = [...pathCodes(path), pathCodes(path)[0] === '51' ? '52' : '51'];
    const texts = Array.from({ length: PRODUCTS }, (_, i) => {
      const words = WORDS.filter(([, has]) => has(i + 1)).map(([word]) => word);
      return ['produk', ...words].join(' ');
    });
    // Ids in the order of n, so that where a word occurs in id order is known.
    await db.query(
      `INSERT INTO products (id, program_id, group_id, area_path, name, description, story, category, unit, price_minor,
         currency, status, stars, stars_valid_until, search_text)
       SELECT ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, g.program_id, g.id, g.area_path,
         jsonb_build_object('id', ($2::text[])[n]), '{}', '{}', CASE WHEN n % 4 = 0 THEN 'basketry' ELSE 'food' END,
         'kg', 1000, 'IDR', CASE WHEN n % 9 = 0 THEN 'draft' WHEN n % 2 = 0 THEN 'export_ready' ELSE 'ready' END,
         1 + n % 5, date '2099-01-01',
         ($2::text[])[n]
       FROM producer_groups g, generate_series(1, $3::int) n WHERE g.id = $1`,
      [group.id, texts, PRODUCTS],
    );
    const products = await db.query<{
      id: string;
      search_text: string;
      category: string;
      stars: number;
      status: string;
    }>(`SELECT id, search_text, category, stars, status FROM products WHERE status <> 'draft' ORDER BY id`);

    /** The tiers as the service builds them (catalog-search.ts), from the database's own look-ups. */
    async function tiersOf(q: string) {
      const words = searchWords(q);
      const lookups = await catalogRepository.wordLookups(db, words.filter(isVariable));
      const tiers = lookups.some((l) => !l.known) ? nearTiers(words, lookups) : [{ rank: EXACT_RANK, words }];
      return [...tiers, ...otherSpellingTiers(tiers)];
    }

    // Tiers each held by few products are read in one statement (catalog.service.ts).
    const atOnce = vi.spyOn(catalogRepository, 'tiersAtOnce');
    // A probe that found too few is read again wider when that would fill the page.
    const probes = vi.spyOn(catalogRepository, 'probe');
    let respelt = 0;
    let pagedPastAGate = 0;
    let readThenMore = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          'kripik',
          'kripik salak',
          'kripek',
          'salak kripek',
          'maasih',
          'margaasih',
          'keripik madu',
          'pondoh',
          'bantel',
        ),
        // Up to 6 the probe reads fewer than 200 rows; from 7 a probe's first 200 rows are a part of it.
        fc.integer({ min: 1, max: 12 }),
        fc.option(fc.constantFrom('food', 'basketry'), { nil: undefined }),
        fc.option(fc.integer({ min: 2, max: 5 }), { nil: undefined }),
        fc.option(fc.constantFrom(...areas), { nil: undefined, freq: 2 }),
        fc.option(fc.constantFrom('true' as const, 'false' as const), { nil: undefined }),
        async (q, limit, category, minStars, area, exportReady) => {
          const tiers = await tiersOf(q);
          const readAtOnce = atOnce.mock.calls.length;
          const has = (text: string, words: string[]) => words.every((w) => text.includes(w));
          const expected = tiers.flatMap((tier, i) =>
            products
              .filter(
                (p) =>
                  (category === undefined || p.category === category) &&
                  (minStars === undefined || p.stars >= minStars) &&
                  (area === undefined || pathCodes(path).includes(area)) &&
                  (exportReady === undefined || (p.status === 'export_ready') === (exportReady === 'true')) &&
                  has(p.search_text, tier.words) &&
                  !tiers.slice(0, i).some((above) => has(p.search_text, above.words)),
              )
              .map((p) => p.id),
          );
          const seen: string[] = [];
          let cursor: string | undefined;
          for (let pages = 0; pages <= expected.length && pages < 25; pages++) {
            const page = await searchCatalog(
              { db, clock: systemClock },
              { q, limit, category, minStars, cursor, area, exportReady, locale: 'id' },
            );
            seen.push(...page.items.map((item) => item.id));
            if (!page.nextCursor) break;
            cursor = page.nextCursor;
          }
          // A walk cut short after 25 pages has read their share of the recount.
          expect(seen).toEqual(expected.slice(0, seen.length));
          if (seen.length < 25 * limit) expect(seen.length).toBe(expected.length);
          if (tiers.length > 1 && tiers[0]!.rank < EXACT_RANK) respelt++;
          // Tiers read at once, and then a tier below them that is not held by few products.
          const last = tiers.at(-1)!.rank;
          if (atOnce.mock.calls.slice(readAtOnce).some(([, ask]) => ask.tiers.at(-1)!.rank > last)) readThenMore++;
          if (limit >= 7 && seen.length > limit) pagedPastAGate++;
        },
      ),
      {
        numRuns: 100,
        // Sure to read tiers at once within a village (by the path's prefix) and a regency (by its
        // code), of one status, page after page.
        examples: [
          ['bantel', 1, undefined, undefined, pathCodes(path).at(-1)!, 'true'],
          ['bantel', 2, undefined, undefined, pathCodes(path)[1]!, undefined],
        ],
      },
    );
    // Searches respelt in several tiers, and pages larger than a probe's first 200 rows' share.
    expect(respelt).toBeGreaterThan(5);
    expect(pagedPastAGate).toBeGreaterThan(5);
    expect(atOnce.mock.calls.length).toBeGreaterThan(5);
    expect(readThenMore).toBeGreaterThan(2);
    // Tiers read at once within an area read by its code and one read by its path's prefix, of one
    // status, and from a cursor (catalog_rare_tiers(), migration 0064).
    const asked = atOnce.mock.calls.map(([, ask]) => ask);
    const depth = (ask: (typeof asked)[number]) => (ask.f.areaPath ? pathCodes(ask.f.areaPath).length : 0);
    expect(asked.filter((ask) => depth(ask) === 1 || depth(ask) === 2).length).toBeGreaterThan(0);
    expect(asked.filter((ask) => depth(ask) > 2).length).toBeGreaterThan(0);
    expect(asked.filter((ask) => ask.f.exportReady !== undefined).length).toBeGreaterThan(0);
    expect(asked.filter((ask) => ask.after !== null).length).toBeGreaterThan(0);
    expect(probes.mock.calls.filter(([, ask]) => ask.wide).length).toBeGreaterThan(5);
    atOnce.mockRestore();
    probes.mockRestore();
  });

  it('reads a rare close word inside more catalog words than a look-up lists through them all, at once', async () => {
    const db = t.database.db;
    const group = await buildGroup(db);
    // None of the first 200 products holds 'lotang' (it is rare); 'lotang' and 220 longer words hold it.
    const longer = Array.from(
      { length: 220 },
      (_, i) => `lotang${String.fromCharCode(97 + Math.floor(i / 26), 97 + (i % 26))}`,
    );
    await publishInOrder(db, group.id, [
      ...Array<string>(200).fill('produk'),
      'lotang',
      ...longer.map((w) => `produk ${w}`),
    ]);
    const matching = Array.from({ length: 221 }, (_, i) => orderedId(201 + i));
    const atOnce = vi.spyOn(catalogRepository, 'tiersAtOnce');
    try {
      const pages = async (version?: string) => {
        const seen: string[] = [];
        let cursor: string | undefined;
        for (let n = 0; n < 10; n++) {
          const page = await searchCatalog(
            { db, clock: systemClock, version },
            { q: 'lottang', limit: 50, cursor, locale: 'id' },
          );
          seen.push(...page.items.map((item) => item.id));
          if (!page.nextCursor) break;
          cursor = page.nextCursor;
        }
        return seen;
      };
      // Looked up in memory (under a version): the 221 words containing 'lotang' are read at once.
      expect(await pages(await catalogRepository.version(db))).toEqual(matching);
      const held = atOnce.mock.calls.map(([, ask]) => Math.max(...ask.tiers.map((tier) => tier.held.length)));
      expect(held.length).toBe(5);
      expect(held.every((n) => n === 221 && n > MAX_WITHIN)).toBe(true);
      atOnce.mockClear();
      // Looked up in the database (a signed-in reader, no version): the same, through the trigram index.
      expect(await pages()).toEqual(matching);
      expect(
        atOnce.mock.calls.flatMap(([, ask]) => ask.tiers.map((tier) => tier.held.length > MAX_WITHIN)),
      ).not.toContain(true);
    } finally {
      atOnce.mockRestore();
    }
  });

  it('reads a probe that found too few again wider when that would fill the page, else collects the matches', async () => {
    const db = t.database.db;
    const group = await buildGroup(db);
    // In id order: 'pondoh' in the 30th product and from the 601st on; 'salak' in the 30th, 100th and 300th.
    const texts = Array.from({ length: 700 }, (_, i) => {
      const n = i + 1;
      return [
        n === 30 || (n > 600 && n % 3 === 0) ? 'pondoh' : 'produk',
        [30, 100, 300].includes(n) ? 'salak' : '',
      ].join(' ');
    });
    await publishInOrder(db, group.id, texts);
    const page = (word: string) =>
      catalogRepository.matching(db, {
        f: { today: '2026-01-01' },
        locale: 'id',
        words: [word],
        excluding: [],
        after: null,
        limit: 3,
      });
    const probes = vi.spyOn(catalogRepository, 'probe');
    const collected = vi.spyOn(catalogRepository, 'matching');
    try {
      // The probe of 96 rows finds one; 6 times as wide (576 rows) finds three: the page.
      expect((await page('salak')).map((r) => r.id)).toEqual([30, 100, 300].map(orderedId));
      expect(probes.mock.calls.map(([, ask]) => ask.wide)).toEqual([true]);
      expect(collected.mock.calls.map(([, , how]) => how)).toEqual([undefined]);
      probes.mockClear();
      collected.mockClear();
      // The wider probe finds one again, too few: the matches are collected through an index.
      expect((await page('pondoh')).map((r) => r.id)).toEqual([30, 603, 606].map(orderedId));
      expect(probes.mock.calls.map(([, ask]) => ask.wide)).toEqual([true]);
      expect(collected.mock.calls.map(([, , how]) => how)).toEqual([undefined, 'index']);
    } finally {
      probes.mockRestore();
      collected.mockRestore();
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { buildGroup } from '../../../../test/factories.js';
import { pathCodes } from '../../../shared/area-path.js';
import { systemClock } from '../../http/context.js';
import { searchCatalog } from './catalog.service.js';

const t = useTestApp();

const CATEGORIES = ['food', 'basketry', 'textile'] as const;
const STATUSES = ['draft', 'ready', 'export_ready'] as const;
const NAMES = ['Keripik pisang', 'Madu hutan', 'Keripik madu', 'Kopi robusta'];

describe('the catalog filtered by an area', () => {
  it('pages through exactly the published products below the area, with the search words, in id order, as a naive recount says', async () => {
    const db = t.database.db;
    // Villages of two provinces, of several regencies and districts, two in one district: a
    // province and a regency are read through their own indexes (migration 0056), a district and
    // a village through the path's prefix.
    const villages = await db.query<{ code: string }>(
      `SELECT code FROM (
         SELECT code, row_number() OVER (PARTITION BY split_part(path, '/', 3) ORDER BY code) AS n
         FROM areas WHERE level = 'village' AND split_part(path, '/', 2) IN ('51', '52')
       ) v WHERE n <= 2 ORDER BY code LIMIT 12`,
    );
    expect(villages.length).toBe(12);
    for (const [i, v] of villages.entries()) await buildGroup(db, { areaCode: v.code, name: `Kelompok ${i}` });
    await db.query(
      `INSERT INTO products (id, program_id, group_id, area_path, name, description, story, category, unit, price_minor, currency, status,
         stars, stars_valid_until, search_text)
       SELECT gen_random_uuid(), g.program_id, g.id, g.area_path, jsonb_build_object('id', ($3::text[])[1 + n % 4] || ' ' || n), '{}', '{}',
         ($1::text[])[1 + n % 3], 'kg', 1000 * n, 'IDR', ($2::text[])[1 + (n / 3) % 3],
         CASE WHEN n % 4 = 0 THEN NULL ELSE 1 + n % 5 END, CASE WHEN n % 7 = 0 THEN date '2020-01-01' ELSE date '2099-01-01' END,
         lower(($3::text[])[1 + n % 4] || ' ' || n)
       FROM producer_groups g, generate_series(1, 30) n`,
      [CATEGORIES, STATUSES, NAMES],
    );
    const products = await db.query<{
      id: string;
      area_path: string;
      category: string;
      status: string;
      search_text: string;
      stars: number | null;
    }>(
      // The stars shown: none once their last valid day has passed.
      `SELECT id, area_path, category, status, search_text,
         CASE WHEN stars_valid_until < current_date THEN NULL ELSE stars END AS stars FROM products`,
    );
    // Each search word in some products' text (search_text, as the registry writes it).
    for (const word of ['keripik', 'madu', 'robusta'])
      expect(products.filter((p) => p.search_text.includes(word)).length).toBeGreaterThan(30);
    // Stars of every count shown, and some no longer.
    expect(new Set(products.map((p) => p.stars))).toEqual(new Set([null, 1, 2, 3, 4, 5]));
    const codes = [...new Set(products.flatMap((p) => pathCodes(p.area_path)))];
    // Each level of the tree is asked, and an area above no product.
    expect(new Set(codes.map((c) => c.split('.').length))).toEqual(new Set([1, 2, 3, 4]));
    const [empty] = await db.query<{ code: string }>(
      `SELECT code FROM areas WHERE level = 'regency' AND split_part(path, '/', 2) = '51'
         AND code <> ALL ($1::text[]) ORDER BY code LIMIT 1`,
      [codes],
    );
    let nonEmpty = 0;
    let searched = 0;
    await fc.assert(
      fc.asyncProperty(
        // The provinces as often as all other areas: their pages are read through their own index.
        fc.oneof(fc.constantFrom('51', '52'), fc.constantFrom(...codes, empty!.code)),
        fc.option(fc.constantFrom(...CATEGORIES), { nil: undefined }),
        fc.option(fc.constantFrom('true' as const, 'false' as const), { nil: undefined }),
        fc.integer({ min: 1, max: 4 }),
        // Searched in an area: its matches collected through the index, with its filters.
        fc.option(fc.constantFrom('keripik', 'madu', 'keripik madu', 'robusta'), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        async (area, category, exportReady, limit, q, minStars) => {
          const expected = products
            .filter(
              (p) =>
                p.status !== 'draft' &&
                pathCodes(p.area_path).includes(area) &&
                (category === undefined || p.category === category) &&
                (exportReady === undefined || (p.status === 'export_ready') === (exportReady === 'true')) &&
                (q === undefined || q.split(' ').every((word) => p.search_text.includes(word))) &&
                (minStars === undefined || (p.stars !== null && p.stars >= minStars)),
            )
            .map((p) => p.id)
            .sort();
          const seen: string[] = [];
          let cursor: string | undefined;
          for (let pages = 0; pages <= expected.length; pages++) {
            const page = await searchCatalog(
              { db, clock: systemClock },
              { area, category, exportReady, minStars, limit, cursor, q, locale: 'id' },
            );
            seen.push(...page.items.map((item) => item.id));
            if (!page.nextCursor) break;
            cursor = page.nextCursor;
          }
          expect(seen).toEqual(expected);
          if (expected.length > limit) nonEmpty++;
          if (expected.length > limit && q !== undefined) searched++;
        },
      ),
      { numRuns: 100 },
    );
    // Many runs paged through more than one page, searches among them.
    expect(nonEmpty).toBeGreaterThan(3);
    expect(searched).toBeGreaterThan(3);
  });
});

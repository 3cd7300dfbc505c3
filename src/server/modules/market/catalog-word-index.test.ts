import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { buildGroup, publishInOrder } from '../../../../test/factories.js';
import { catalogRepository } from './catalog.repository.js';
import { foundWords } from './catalog-search.js';

const t = useTestApp();

/**
 * Words of products' texts: some inside others (salak, salakpondoh, pondoh), joined by punctuation,
 * in other scripts, and a run of letters longer than a catalog word may be (63, over 60).
 */
const PIECES = [
  'salak',
  'salakpondoh',
  'pondoh',
  'keripik',
  'keripiksalak',
  'madu',
  'kopi2',
  'café',
  'über',
  'はちみつ',
  'kripik-salak',
  'keripik'.repeat(9),
  'x'.repeat(58) + 'madu',
  '42',
  ' ',
  '.',
  '/',
];
const text = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }).map((p) => p.join(''));

describe("the index of products' words (migration 0062)", () => {
  it('finds what LIKE finds: every published product whose text contains the word, and no other', async () => {
    const db = t.database.db;
    const group = await buildGroup(db);
    let asked = 0;
    let throughIndex = 0;
    let inLongRun = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(text, fc.boolean()), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.nat(),
        fc.nat({ max: 12 }),
        async (products, pick, at, length) => {
          // Each case on its own: the catalog's words too (they are only ever added, 0004).
          await db.query('DELETE FROM products');
          await db.query('DELETE FROM catalog_words');
          await db.query(
            `INSERT INTO products (id, program_id, group_id, area_path, name, description, story, category, unit,
               price_minor, currency, status, search_text)
             SELECT gen_random_uuid(), g.program_id, g.id, g.area_path, jsonb_build_object('id', x.t), '{}', '{}', 'food', 'kg', 1000, 'IDR',
               CASE WHEN x.draft THEN 'draft' ELSE 'ready' END, x.t
             FROM producer_groups g, unnest($2::text[], $3::boolean[]) x(t, draft) WHERE g.id = $1`,
            [group.id, products.map(([t]) => t), products.map(([, draft]) => draft)],
          );
          // The search word: three or more letters and digits from inside a word of a published text
          // (a draft's words are not the catalog's).
          const runs = products.flatMap(([t, draft]) => (draft ? [] : (t.match(/[a-z0-9]{3,}/g) ?? [])));
          if (runs.length === 0) return;
          const run = runs[pick % runs.length]!;
          const start = at % (run.length - 2);
          const word = run.slice(start, start + 3 + (length % (run.length - start - 2)));
          const lookups = await catalogRepository.wordLookups(db, [word]);
          const found = foundWords(lookups);
          // A word held only inside a run too long to be a catalog word is not one of its words (0004).
          if (!lookups.some((l) => l.known)) return;
          asked++;
          if (!found.get(word)?.within) return;
          throughIndex++;
          const rows = await catalogRepository.matching(
            db,
            { f: { today: '2026-01-01' }, locale: 'id', words: [word], excluding: [], after: null, limit: 100, found },
            'index',
          );
          const expected = await db.query<{ id: string }>(
            `SELECT id FROM products WHERE status <> 'draft' AND strpos(search_text, $1) > 0 ORDER BY id`,
            [word],
          );
          expect(
            rows.map((r) => r.id),
            word,
          ).toEqual(expected.map((r) => r.id));
          if (products.some(([t, draft]) => !draft && (t.match(/[a-z0-9]{61,}/g) ?? []).some((r) => r.includes(word))))
            inLongRun++;
        },
      ),
      { numRuns: 120 },
    );
    // The index answered nearly every search for a word of the catalog (not one that more than MAX_WITHIN of
    // its words contain), and for words found inside a run too long to be a catalog word, too.
    expect(asked).toBeGreaterThan(60);
    expect(throughIndex).toBeGreaterThan(0.9 * asked);
    expect(inLongRun).toBeGreaterThan(5);
  });

  it('says a close word is rare when none of the first 200 published products holds it (no probe is run for it)', async () => {
    const db = t.database.db;
    const group = await buildGroup(db);
    // In id order: 'keripik' in the 3rd product, 'randugarut' only in the 251st.
    const texts = Array.from({ length: 260 }, (_, i) =>
      i === 2 ? 'keripik salak' : i === 250 ? 'madu randugarut' : 'produk',
    );
    await publishInOrder(db, group.id, texts);
    const lookups = await catalogRepository.wordLookups(db, ['kripik', 'randugrut']);
    const found = foundWords(lookups);
    expect(found.get('keripik')).toEqual({ within: ['keripik'], rare: false, held: ['keripik'] });
    expect(found.get('randugarut')).toEqual({ within: ['randugarut'], rare: true, held: ['randugarut'] });
  });
});

import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { buildGroup, buildProduct, SIBETAN } from '../../../../test/factories.js';
import { UI_LOCALES } from '../../../shared/locales.js';
import { localized, shownLanguage, type Localized } from '../../../shared/localized.js';
import { fromMinor } from '../../../shared/money.js';
import { catalogRepository } from './catalog.repository.js';

const t = useTestApp();

/** A village in Lombok Barat (Nusa Tenggara Barat): another province than Sibetan's. */
const LOMBOK = '52.01.01.1001';

/**
 * What each product's card must say, counted naively from the tables it is kept from (migrations
 * 0052 and 0055): its category, unit, price (as the API writes money), status, first photo by
 * position then id, village and the names of the areas above it, and its group.
 */
async function recount() {
  const db = t.database.db;
  const products = await db.query<{
    id: string;
    group_id: string;
    area_path: string;
    category: string;
    unit: string;
    price_minor: string;
    currency: string;
    status: string;
  }>('SELECT id, group_id, area_path, category, unit, price_minor, currency, status FROM products');
  const groups = new Map(
    (await db.query<{ id: string; name: string; kind: string }>('SELECT id, name, kind FROM producer_groups')).map(
      (g) => [g.id, g],
    ),
  );
  const photos = await db.query<{
    id: string;
    product_id: string;
    position: number;
    storage_key: string;
    thumbnail_key: string;
  }>('SELECT id, product_id, position, storage_key, thumbnail_key FROM product_photos');
  const areas = new Map(
    (await db.query<{ code: string; name: string }>('SELECT code, name FROM areas')).map((a) => [a.code, a.name]),
  );
  return products
    .map((p) => {
      const first = photos
        .filter((ph) => ph.product_id === p.id)
        .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
      const codes = p.area_path.split('/').filter(Boolean);
      const village = codes.at(-1)!;
      const group = groups.get(p.group_id)!;
      return {
        product_id: p.id,
        card: {
          id: p.id,
          category: p.category,
          unit: p.unit,
          price: fromMinor(p.price_minor, p.currency),
          status: p.status,
          exportReady: p.status === 'export_ready',
          photo: first ? { url: `/media/${first.storage_key}`, thumbnailUrl: `/media/${first.thumbnail_key}` } : null,
          village: { code: village, name: areas.get(village) ?? village },
          region: codes.slice(0, -1).map((c) => areas.get(c) ?? c),
          group: { id: group.id, name: group.name, kind: group.kind },
        },
      };
    })
    .sort((a, b) => (a.product_id < b.product_id ? -1 : 1));
}

const kept = async () =>
  (
    await t.database.db.query<{ product_id: string; card: string }>(
      `SELECT product_id, card_open || '}' AS card FROM catalog_cards ORDER BY product_id`,
    )
  ).map((c) => ({ product_id: c.product_id, card: JSON.parse(c.card) as { photo: unknown } }));

const write = fc.oneof(
  fc.record({ op: fc.constant('product' as const), group: fc.nat() }),
  fc.record({ op: fc.constant('move' as const), product: fc.nat(), group: fc.nat() }),
  fc.record({
    op: fc.constant('rename group' as const),
    group: fc.nat(),
    name: fc.constantFrom('Sari Rasa', 'Maju', ''),
  }),
  fc.record({
    op: fc.constant('group kind' as const),
    group: fc.nat(),
    kind: fc.constantFrom('women_group', 'cooperative'),
  }),
  fc.record({ op: fc.constant('photo' as const), product: fc.nat(), position: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ op: fc.constant('move photo' as const), photo: fc.nat(), position: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ op: fc.constant('remove photo' as const), photo: fc.nat() }),
  fc.record({
    op: fc.constant('rename area' as const),
    code: fc.constantFrom('51', '51.07', SIBETAN, '52.01'),
    name: fc.string({ minLength: 1, maxLength: 12 }),
  }),
  fc.record({ op: fc.constant('remove product' as const), product: fc.nat() }),
  fc.record({
    op: fc.constant('price' as const),
    product: fc.nat(),
    minor: fc.bigInt({ min: 0n, max: 10n ** 13n }),
    currency: fc.constantFrom('IDR', 'JPY', 'KWD', 'CLF', 'USD', 'VND'),
  }),
  fc.record({
    op: fc.constant('status' as const),
    product: fc.nat(),
    status: fc.constantFrom('draft', 'ready', 'export_ready'),
    category: fc.constantFrom('food', 'craft', 'beverage'),
  }),
);

describe('catalog cards', () => {
  it('hold, after any writes, what a naive recount of groups, photos and areas says', async () => {
    const db = t.database.db;
    const groups = [
      await buildGroup(db, { areaCode: SIBETAN, name: 'Kelompok Salak' }),
      await buildGroup(db, { areaCode: LOMBOK, name: 'Kelompok Mutiara' }),
    ];
    const paths = new Map<string, string>();
    for (const g of groups) {
      const [row] = await db.query<{ area_path: string }>('SELECT area_path FROM producer_groups WHERE id = $1', [
        g.id,
      ]);
      paths.set(g.id, row!.area_path);
    }
    let compared = 0;
    let withPhoto = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 12 }), async (writes) => {
        for (const w of writes) {
          const products = await db.query<{ id: string }>('SELECT id FROM products ORDER BY id');
          const photos = await db.query<{ id: string }>('SELECT id FROM product_photos ORDER BY id');
          const product = 'product' in w && products.length ? products[w.product % products.length]!.id : null;
          const photo = 'photo' in w && photos.length ? photos[w.photo % photos.length]!.id : null;
          const group = 'group' in w ? groups[w.group % groups.length]!.id : null;
          if (w.op === 'product') await buildProduct(db, { groupId: group! });
          else if (w.op === 'move' && product) {
            await db.query('UPDATE products SET group_id = $2, area_path = $3 WHERE id = $1', [
              product,
              group,
              paths.get(group!),
            ]);
          } else if (w.op === 'rename group' && w.name) {
            await db.query('UPDATE producer_groups SET name = $2 WHERE id = $1', [group, w.name]);
          } else if (w.op === 'group kind') {
            await db.query('UPDATE producer_groups SET kind = $2 WHERE id = $1', [group, w.kind]);
          } else if (w.op === 'photo' && product) {
            const id = randomUUID();
            await db.query(
              `INSERT INTO product_photos (id, product_id, position, content_type, byte_size, width, height, storage_key, thumbnail_key)
               VALUES ($1, $2, $3, 'image/webp', 1000, 800, 600, $4, $5)`,
              [id, product, w.position, `photos/${id}.webp`, `photos/${id}-thumb.webp`],
            );
          } else if (w.op === 'move photo' && photo) {
            await db.query('UPDATE product_photos SET position = $2 WHERE id = $1', [photo, w.position]);
          } else if (w.op === 'remove photo' && photo) {
            await db.query('DELETE FROM product_photos WHERE id = $1', [photo]);
          } else if (w.op === 'rename area') {
            await db.query('UPDATE areas SET name = $2 WHERE code = $1', [w.code, w.name]);
          } else if (w.op === 'price' && product) {
            await db.query('UPDATE products SET price_minor = $2, currency = $3 WHERE id = $1', [
              product,
              String(w.minor),
              w.currency,
            ]);
          } else if (w.op === 'status' && product) {
            await db.query('UPDATE products SET status = $2, category = $3 WHERE id = $1', [
              product,
              w.status,
              w.category,
            ]);
          } else if (w.op === 'remove product' && product) {
            await db.query('DELETE FROM product_photos WHERE product_id = $1', [product]);
            await db.query('DELETE FROM products WHERE id = $1', [product]);
          }
        }
        const cards = await kept();
        expect(cards).toEqual(await recount());
        compared++;
        if (cards.some((c) => c.card.photo !== null)) withPhoto++;
      }),
      // One run sure to show a photo (random writes left none in one run of 25 in CI), then random ones.
      {
        numRuns: 25,
        examples: [
          [
            [
              { op: 'product', group: 0 },
              { op: 'photo', product: 0, position: 0 },
            ],
          ],
        ],
      },
    );
    expect(compared).toBe(25);
    // The comparisons were of cards that show something: products with photos among them.
    expect(withPhoto).toBeGreaterThan(0);
  });

  it('are written for a bulk insert of products in the same statement', async () => {
    const db = t.database.db;
    const group = await buildGroup(db, { areaCode: SIBETAN });
    const [product] = await db.query<{ id: string }>(
      `INSERT INTO products (id, program_id, group_id, area_path, name, description, story, category, unit, price_minor, currency, status)
       SELECT gen_random_uuid(), g.program_id, g.id, g.area_path, '{"id": "Kopi"}', '{}', '{}', 'beverage', 'kg', 50000, 'IDR', 'ready'
       FROM producer_groups g, generate_series(1, 3) WHERE g.id = $1 RETURNING id`,
      [group.id],
    );
    const [kept] = await db.query<{ card: string }>(
      `SELECT card_open || '}' AS card FROM catalog_cards WHERE product_id = $1`,
      [product!.id],
    );
    const card = JSON.parse(kept!.card) as { group: { name: string }; village: { code: string }; region: string[] };
    expect(card.group.name).toBe('Kelompok Tani Salak Sibetan');
    expect(card.village.code).toBe(SIBETAN);
    const above = await db.query<{ name: string }>('SELECT name FROM areas WHERE code = ANY($1) ORDER BY depth', [
      ['51', '51.07', '51.07.06'],
    ]);
    expect(card.region).toEqual(above.map((a) => a.name));
    const [{ n }] = (await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM products p JOIN catalog_cards c ON c.product_id = p.id WHERE p.group_id = $1',
      [group.id],
    )) as [{ n: number }];
    expect(n).toBe(3);
  });

  it("are sent with the product's name, the start of its description and its stars as a naive recount says", async () => {
    const db = t.database.db;
    const group = await buildGroup(db, { areaCode: SIBETAN });
    const today = '2026-12-05';
    // Texts with spaces of several kinds, Japanese, letters outside the BMP and line breaks, long
    // enough to be cut: a cut counts characters, never halves one.
    const text = fc
      .oneof(
        fc.array(fc.constantFrom('kripik ', 'a', 'b ', ' ', '\u3000 ', 'サラク', '😀', '\n ', 'é', '\t '), {
          maxLength: 160,
          size: 'max',
        }),
        fc.array(fc.constantFrom('サラク', '😀', '\u3000', 'é'), { maxLength: 160, size: 'max' }),
      )
      .map((parts) => parts.join(''));
    const localizedText = fc.dictionary(fc.constantFrom('id', 'en', 'ja', 'th', 'vi'), text, { maxKeys: 3 });
    let cut = 0;
    let fellBack = 0;
    await fc.assert(
      fc.asyncProperty(
        localizedText,
        localizedText,
        fc.constantFrom(...UI_LOCALES),
        fc.option(fc.integer({ min: 1, max: 5 })),
        fc.constantFrom('2026-12-04', '2026-12-05', '2027-01-01', null),
        async (name, description, locale, stars, validUntil) => {
          const token = `kartu${randomUUID().replaceAll('-', '')}`;
          const product = await buildProduct(db, { groupId: group.id, story: { id: token } });
          await db.query(
            'UPDATE products SET name = $2, description = $3, stars = $4, stars_valid_until = $5 WHERE id = $1',
            [product.id, name, description, stars, validUntil],
          );
          const [stored] = await db.query<{ name: Localized; description: Localized }>(
            'SELECT name, description FROM products WHERE id = $1',
            [product.id],
          );
          const rows = await catalogRepository.matching(db, {
            f: { today },
            locale,
            words: [token],
            excluding: [],
            after: null,
            limit: 2,
          });
          expect(rows.map((r) => r.id)).toEqual([product.id]);
          const card = JSON.parse(rows[0]!.card) as Record<string, unknown>;
          const shown = localized(stored!.description, locale);
          expect({ id: card.id, name: card.name, description: card.description, stars: card.stars }).toEqual({
            id: product.id,
            name: localized(stored!.name, locale) ?? '',
            description: shortly(shown),
            stars: stars === null || (validUntil !== null && validUntil < today) ? null : stars,
          });
          if (shown !== null && [...shown].length > 240) cut++;
          if (shownLanguage(stored!.name, locale) !== locale && Object.keys(stored!.name).length > 0) fellBack++;
        },
      ),
      { numRuns: 100 },
    );
    // Among the runs: descriptions that were cut, and names shown in another language than asked.
    expect(cut).toBeGreaterThan(0);
    expect(fellBack).toBeGreaterThan(0);
  });
});

/** The start of a description, naively: 240 characters at most, cut at a space past the middle. */
function shortly(text: string | null): string | null {
  const characters = text === null ? [] : [...text];
  if (text === null || characters.length <= 240) return text;
  const start = characters.slice(0, 240);
  const space = start.lastIndexOf(' ');
  return `${(space > 120 ? start.slice(0, space) : start).join('').trimEnd()}…`;
}

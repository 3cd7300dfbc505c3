import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { buildGroup, buildProduct, SIBETAN } from '../../../../test/factories.js';

const t = useTestApp();

/** A village in Lombok Barat (Nusa Tenggara Barat): another province than Sibetan's. */
const LOMBOK = '52.01.01.1001';

/**
 * What each product's card must say, counted naively from the tables it is kept from (migration
 * 0052): its group's name and kind, its first photo by position then id, the names of its path's areas.
 */
async function recount() {
  const db = t.database.db;
  const products = await db.query<{ id: string; group_id: string; area_path: string }>(
    'SELECT id, group_id, area_path FROM products',
  );
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
      return {
        product_id: p.id,
        group_name: groups.get(p.group_id)!.name,
        group_kind: groups.get(p.group_id)!.kind,
        photo_key: first?.storage_key ?? null,
        photo_thumbnail_key: first?.thumbnail_key ?? null,
        area_names: Object.fromEntries(codes.flatMap((c) => (areas.has(c) ? [[c, areas.get(c)!]] : []))),
      };
    })
    .sort((a, b) => (a.product_id < b.product_id ? -1 : 1));
}

const kept = () =>
  t.database.db.query(
    `SELECT product_id, group_name, group_kind, photo_key, photo_thumbnail_key, area_names
     FROM catalog_cards ORDER BY product_id`,
  );

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
          } else if (w.op === 'remove product' && product) {
            await db.query('DELETE FROM product_photos WHERE product_id = $1', [product]);
            await db.query('DELETE FROM products WHERE id = $1', [product]);
          }
        }
        const cards = await kept();
        expect(cards).toEqual(await recount());
        compared++;
        if (cards.some((c) => c.photo_key !== null)) withPhoto++;
      }),
      { numRuns: 25 },
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
    const [card] = await db.query<{ group_name: string; area_names: Record<string, string> }>(
      'SELECT group_name, area_names FROM catalog_cards WHERE product_id = $1',
      [product!.id],
    );
    expect(card!.group_name).toBe('Kelompok Tani Salak Sibetan');
    expect(Object.keys(card!.area_names)).toEqual(['51', '51.07', '51.07.06', SIBETAN]);
    const [{ n }] = (await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM products p JOIN catalog_cards c ON c.product_id = p.id WHERE p.group_id = $1',
      [group.id],
    )) as [{ n: number }];
    expect(n).toBe(3);
  });
});

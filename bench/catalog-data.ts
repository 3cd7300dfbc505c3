/**
 * Synthetic catalog data at national scale: one producer group in every village of Indonesia and
 * products spread over them, written with bulk SQL (unnest) in batches — not through the API.
 * Texts are in Indonesian, English and Japanese, built from the kinds of products OVOP villages
 * make, with the village and regency named in them, so searches meet realistic text.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../src/server/db/database.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemContext } from '../src/server/http/context.js';
import { DiskFileStorage } from '../src/server/storage/file-storage.js';
import { PersonalDataCipher } from '../src/server/crypto/personal-data.js';
import { createProgram } from '../src/server/modules/programs/index.js';
import { searchText } from '../src/server/modules/registry/index.js';
import { KINDS } from './catalog-kinds.js';

/** A small seeded generator, so every run builds the same catalog. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = [
  { code: 'food', name: { id: 'Makanan', en: 'Food', ja: '食品' } },
  { code: 'beverages', name: { id: 'Minuman', en: 'Beverages', ja: '飲料' } },
  { code: 'woven_cloth', name: { id: 'Kain tenun', en: 'Woven cloth', ja: '織物' } },
  { code: 'batik', name: { id: 'Batik', en: 'Batik', ja: 'バティック' } },
  { code: 'basketry', name: { id: 'Anyaman', en: 'Basketry', ja: 'かご・編み細工' } },
  { code: 'pottery', name: { id: 'Gerabah', en: 'Pottery', ja: '陶器' } },
];
const GROUP_KINDS = ['women_group', 'cooperative', 'bumdes', 'farmer_group', 'enterprise'];
const BATCH = 5_000;

export interface GeneratedCatalog {
  villages: number;
  products: number;
  published: number;
  /** Writing villages, groups, products and photos (with the secondary indexes dropped). */
  loadSeconds: number;
  /** Building the secondary indexes of products and catalog_words again (as the migrations define them), then VACUUM. */
  indexSeconds: number;
}

/** The secondary indexes of the products and their words, exactly as the migrations made them. */
async function catalogIndexes(db: Database): Promise<{ name: string; definition: string }[]> {
  return db.query(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
     JOIN pg_index x ON x.indexrelid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass
     WHERE i.schemaname = current_schema() AND i.tablename IN ('products', 'catalog_words') AND NOT x.indisprimary`,
  );
}

/**
 * Fills a migrated database that holds Indonesia's areas: a program, every village enrolled, one
 * group per village, `count` products (every village at least one when count allows) with photos
 * on most and stars on some; about 15 % stay drafts.
 */
export async function generateCatalog(db: Database, count: number, seed = 20_260_101): Promise<GeneratedCatalog> {
  const started = performance.now();
  const random = seeded(seed);
  const ctx = systemContext(db, {
    requestId: 'bench',
    cipher: new PersonalDataCipher('bench-'.repeat(8)),
    files: new DiskFileStorage(join(tmpdir(), 'ovop-bench-files')),
  });
  const { record: program } = await createProgram(ctx, {
    code: `BENCH-${Date.now()}`,
    name: 'OVOP catalog benchmark',
    country: 'ID',
    currency: 'IDR',
    locales: ['id', 'en', 'ja'],
    startedOn: '2026-01-01',
    categories: CATEGORIES,
  });
  await db.query(
    `INSERT INTO villages (id, program_id, area_code, area_path)
     SELECT gen_random_uuid(), $1, code, path FROM areas WHERE country = 'ID' AND level = 'village'`,
    [program.id],
  );
  await db.query(
    `INSERT INTO producer_groups (id, program_id, village_id, area_path, name, kind)
     SELECT gen_random_uuid(), v.program_id, v.id, v.area_path, 'Kelompok Usaha ' || a.name,
            ($2::text[])[1 + abs(hashtext(v.area_code)) % 5]
     FROM villages v JOIN areas a ON a.code = v.area_code WHERE v.program_id = $1`,
    [program.id, GROUP_KINDS],
  );
  const groups = await db.query<{ id: string; area_path: string; village: string; regency: string }>(
    `SELECT g.id, g.area_path, a.name AS village, r.name AS regency
     FROM producer_groups g JOIN villages v ON v.id = g.village_id JOIN areas a ON a.code = v.area_code
     JOIN areas r ON r.code = split_part(v.area_code, '.', 1) || '.' || split_part(v.area_code, '.', 2)
     WHERE g.program_id = $1 ORDER BY v.area_code`,
    [program.id],
  );
  // Every village gets one product first, then the rest land anywhere; shuffled, so that ids
  // (time-ordered UUIDv7) do not follow the area tree.
  const owners = Array.from({ length: count }, (_, i) =>
    i < groups.length ? i : Math.floor(random() * groups.length),
  );
  for (let i = owners.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [owners[i], owners[j]] = [owners[j]!, owners[i]!];
  }
  // A bulk load writes faster without the trigram indexes, which are then built once.
  const indexes = await catalogIndexes(db);
  for (const index of indexes) await db.query(`DROP INDEX ${index.name}`);
  let published = 0;
  for (let start = 0; start < count; start += BATCH) {
    const rows = owners.slice(start, start + BATCH).map((owner) => {
      const group = groups[owner]!;
      const kind = KINDS[Math.floor(random() * KINDS.length)]!;
      const fill = (text: string) => text.replaceAll('{v}', group.village).replaceAll('{r}', group.regency);
      const localized = (texts: [string, string, string]) => ({
        id: fill(texts[0]),
        en: fill(texts[1]),
        ja: fill(texts[2]),
      });
      const roll = random();
      const status = roll < 0.15 ? 'draft' : roll < 0.25 && kind.hs ? 'export_ready' : 'ready';
      if (status !== 'draft') published++;
      const [low, high] = kind.price;
      const name = localized(kind.name);
      const description = localized(kind.description);
      const story = localized(kind.story);
      return {
        id: uuidv7(),
        group,
        name,
        description,
        story,
        kind,
        status,
        price: (Math.round((low + random() * (high - low)) / 500) * 500 * 100).toString(),
        stars: random() < 0.4 ? 1 + Math.floor(random() * 5) : null,
        photos: random() < 0.6 ? 1 + Math.floor(random() * 3) : 0,
        search: searchText(name, description, story),
      };
    });
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO products (id, program_id, group_id, area_path, name, description, story, category, unit,
           price_minor, currency, hs_code, status, stars, search_text)
         SELECT t.id, $1, t.group_id, t.area_path, t.name::jsonb, t.description::jsonb, t.story::jsonb, t.category,
           t.unit, t.price_minor, 'IDR', t.hs_code, t.status, t.stars, t.search_text
         FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
           $10::bigint[], $11::text[], $12::text[], $13::smallint[], $14::text[])
           AS t(id, group_id, area_path, name, description, story, category, unit, price_minor, hs_code, status,
             stars, search_text)`,
        [
          program.id,
          rows.map((r) => r.id),
          rows.map((r) => r.group.id),
          rows.map((r) => r.group.area_path),
          rows.map((r) => JSON.stringify(r.name)),
          rows.map((r) => JSON.stringify(r.description)),
          rows.map((r) => JSON.stringify(r.story)),
          rows.map((r) => r.kind.category),
          rows.map((r) => r.kind.unit),
          rows.map((r) => r.price),
          rows.map((r) => (r.status === 'export_ready' ? r.kind.hs : null)),
          rows.map((r) => r.status),
          rows.map((r) => r.stars),
          rows.map((r) => r.search),
        ],
      );
      const photos = rows.flatMap((r) =>
        Array.from({ length: r.photos }, (_, i) => ({ product: r.id, position: i + 1 })),
      );
      await tx.query(
        `INSERT INTO product_photos (id, product_id, position, content_type, byte_size, width, height, storage_key,
           thumbnail_key)
         SELECT id, product_id, position, 'image/webp', 180000, 1600, 1200,
           'products/' || product_id || '/' || id || '.webp', 'products/' || product_id || '/' || id || '-thumb.webp'
         FROM (SELECT gen_random_uuid() AS id, t.* FROM unnest($1::uuid[], $2::int[]) AS t(product_id, position)) p`,
        [photos.map((p) => p.product), photos.map((p) => p.position)],
      );
    });
  }
  const indexStarted = performance.now();
  for (const index of indexes) {
    await db.transaction(async (tx) => {
      await tx.query(`SET LOCAL maintenance_work_mem = '128MB'`);
      await tx.query(index.definition);
    });
  }
  // VACUUM sets the rows' hint bits and the visibility map now; left to the first reads (the
  // embedded database has no autovacuum), they would dirty pages in the middle of the measurements.
  await db.query('VACUUM (ANALYZE) villages, producer_groups, products, product_photos, catalog_words, areas');
  const done = performance.now();
  return {
    villages: groups.length,
    products: count,
    published,
    loadSeconds: (indexStarted - started) / 1000,
    indexSeconds: (done - indexStarted) / 1000,
  };
}

import type { Queryable } from '../../db/database.js';
import { sql, Where, type Sql } from '../../db/sql.js';
import { writeLater, type WrittenBehind } from '../../http/write-behind.js';
import type { PhotoFields } from '../../storage/photo-encoding.js';

export type Localized = Record<string, string>;

export interface ProductRow {
  id: string;
  program_id: string;
  group_id: string;
  area_path: string;
  name: Localized;
  description: Localized;
  story: Localized;
  category: string;
  unit: string;
  price_minor: string;
  currency: string;
  capacity_per_month: number | null;
  hs_code: string | null;
  status: 'draft' | 'ready' | 'export_ready';
  shelf_life_days: number | null;
  ingredients: Localized;
  allergens: string[] | null;
  /** numeric: a decimal string. */
  net_amount: string | null;
  net_unit: 'g' | 'kg' | 'ml' | 'l' | 'pcs' | null;
  storage: Localized;
  stars: number | null;
  /** The badge's last valid day; null for a badge without an end (or no badge). */
  stars_valid_until: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export type PhotoRow = PhotoFields & { product_id: string; position: number };

export type ProductValues = Pick<
  ProductRow,
  | 'name'
  | 'description'
  | 'story'
  | 'category'
  | 'unit'
  | 'price_minor'
  | 'currency'
  | 'capacity_per_month'
  | 'hs_code'
  | 'status'
  | 'shelf_life_days'
  | 'ingredients'
  | 'allergens'
  | 'net_amount'
  | 'net_unit'
  | 'storage'
> & { search_text: string };

const COLUMNS = `p.id, p.program_id, p.group_id, p.area_path, p.name, p.description, p.story, p.category, p.unit,
  p.price_minor, p.currency, p.capacity_per_month, p.hs_code, p.status, p.shelf_life_days, p.ingredients, p.allergens, p.net_amount, p.net_unit, p.storage, p.stars, p.stars_valid_until, p.version, p.created_at, p.updated_at`;

const PHOTO_COLUMNS = 'id, product_id, position, content_type, byte_size, width, height, storage_key, thumbnail_key';

const VALUE_COLUMNS = [
  'name',
  'description',
  'story',
  'category',
  'unit',
  'price_minor',
  'currency',
  'capacity_per_month',
  'hs_code',
  'status',
  'shelf_life_days',
  'ingredients',
  'allergens',
  'net_amount',
  'net_unit',
  'storage',
  'search_text',
] as const satisfies readonly (keyof ProductValues)[];

const JSON_COLUMNS = new Set(['name', 'description', 'story', 'ingredients', 'storage']);
const param = (values: ProductValues, column: (typeof VALUE_COLUMNS)[number]) =>
  JSON_COLUMNS.has(column) ? JSON.stringify(values[column]) : values[column];

/** Each value column's type, to read held-back rows from JSON. */
const TYPES: Record<(typeof VALUE_COLUMNS)[number], string> = {
  name: 'jsonb',
  description: 'jsonb',
  story: 'jsonb',
  category: 'text',
  unit: 'text',
  price_minor: 'bigint',
  currency: 'text',
  capacity_per_month: 'integer',
  hs_code: 'text',
  status: 'text',
  shelf_life_days: 'integer',
  ingredients: 'jsonb',
  allergens: 'text[]',
  net_amount: 'numeric',
  net_unit: 'text',
  storage: 'jsonb',
  search_text: 'text',
};

type NewProduct = ProductValues & { id: string; program_id: string; group_id: string; area_path: string };

/** New products a batch writes together (`writeLater`): the same row `insert` writes, many in one statement. */
const PRODUCTS_LATER: WrittenBehind<NewProduct> = {
  table: 'products',
  async write(db, rows) {
    const columns = ['id', 'program_id', 'group_id', 'area_path', ...VALUE_COLUMNS];
    await db.query(
      `INSERT INTO products (${columns.join(', ')})
       SELECT ${columns.join(', ')} FROM jsonb_to_recordset($1::jsonb)
         AS x(id uuid, program_id uuid, group_id uuid, area_path text, ${VALUE_COLUMNS.map((c) => `${c} ${TYPES[c]}`).join(', ')})`,
      [JSON.stringify(rows)],
    );
  },
};

export const productsRepository = {
  async byId(db: Queryable, id: string): Promise<ProductRow | undefined> {
    return (await db.query<ProductRow>(`SELECT ${COLUMNS} FROM products p WHERE p.id = $1`, [id]))[0];
  },

  /** Which of these ids are products'. */
  async existing(db: Queryable, ids: string[]): Promise<string[]> {
    const rows = await db.query<{ id: string }>('SELECT id::text AS id FROM products WHERE id = ANY($1::uuid[])', [
      ids,
    ]);
    return rows.map((r) => r.id);
  },

  async list(
    db: Queryable,
    scope: Sql,
    f: {
      programId?: string | undefined;
      groupId?: string | undefined;
      areaPath?: string | undefined;
      status?: string | undefined;
      after: string | null;
      limit: number;
    },
  ): Promise<ProductRow[]> {
    const params: unknown[] = [];
    const where = new Where(params, scope);
    where.equal('p.program_id', f.programId);
    where.equal('p.group_id', f.groupId);
    where.under('p.area_path', f.areaPath);
    where.equal('p.status', f.status);
    if (f.after) where.and(sql`p.id > ${f.after}`);
    return db.query<ProductRow>(
      `SELECT ${COLUMNS} FROM products p WHERE ${where} ORDER BY p.id LIMIT ${where.bind(f.limit + 1)}`,
      params,
    );
  },

  async insert(db: Queryable, p: NewProduct): Promise<ProductRow> {
    // Nothing is read back but the defaults (a net quantity would come back at the column's scale):
    // inside a batch the row can be written later with others.
    const now = p.net_amount === null ? await writeLater(db, PRODUCTS_LATER, p) : undefined;
    if (now) {
      const { search_text: _, ...values } = p;
      return { ...values, stars: null, stars_valid_until: null, version: 1, created_at: now, updated_at: now };
    }
    const [row] = await db.query<ProductRow>(
      `INSERT INTO products AS p (id, program_id, group_id, area_path, ${VALUE_COLUMNS.join(', ')})
       VALUES ($1, $2, $3, $4, ${VALUE_COLUMNS.map((_, i) => `$${i + 5}`).join(', ')})
       RETURNING ${COLUMNS}`,
      [p.id, p.program_id, p.group_id, p.area_path, ...VALUE_COLUMNS.map((c) => param(p, c))],
    );
    return row!;
  },

  async update(db: Queryable, id: string, p: ProductValues): Promise<ProductRow> {
    const [row] = await db.query<ProductRow>(
      `UPDATE products AS p SET ${VALUE_COLUMNS.map((c, i) => `${c} = $${i + 2}`).join(', ')}, version = version + 1,
         updated_at = now()
       WHERE p.id = $1
       RETURNING ${COLUMNS}`,
      [id, ...VALUE_COLUMNS.map((c) => param(p, c))],
    );
    return row!;
  },

  async photos(db: Queryable, productIds: string[]): Promise<PhotoRow[]> {
    return db.query<PhotoRow>(
      `SELECT ${PHOTO_COLUMNS} FROM product_photos WHERE product_id = ANY($1::uuid[]) ORDER BY product_id, position, id`,
      [productIds],
    );
  },

  /** Adds a photo after the product's last one. */
  async insertPhoto(db: Queryable, p: Omit<PhotoRow, 'position'>): Promise<PhotoRow> {
    const [row] = await db.query<PhotoRow>(
      `INSERT INTO product_photos (id, product_id, position, content_type, byte_size, width, height, storage_key, thumbnail_key)
       VALUES ($1, $2, (SELECT coalesce(max(position), 0) + 1 FROM product_photos WHERE product_id = $2), $3, $4, $5, $6, $7, $8)
       RETURNING ${PHOTO_COLUMNS}`,
      [p.id, p.product_id, p.content_type, p.byte_size, p.width, p.height, p.storage_key, p.thumbnail_key],
    );
    return row!;
  },

  async photoById(db: Queryable, id: string): Promise<PhotoRow | undefined> {
    return (await db.query<PhotoRow>(`SELECT ${PHOTO_COLUMNS} FROM product_photos WHERE id = $1`, [id]))[0];
  },

  async deletePhoto(db: Queryable, id: string): Promise<void> {
    await db.query('DELETE FROM product_photos WHERE id = $1', [id]);
  },

  async countPhotos(db: Queryable, productId: string): Promise<number> {
    const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM product_photos WHERE product_id = $1', [
      productId,
    ]);
    return rows[0]?.n ?? 0;
  },
};

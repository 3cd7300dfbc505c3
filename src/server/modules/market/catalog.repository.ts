import type { Queryable } from '../../db/database.js';
import { likeContaining, likePrefix } from '../../db/sql.js';

type Localized = Record<string, string>;

/** A product as the public catalog sees it: no member, contact or legal id is ever selected. */
export interface CatalogRow {
  id: string;
  name: Localized;
  description: Localized;
  category: string;
  unit: string;
  price_minor: string;
  currency: string;
  status: 'ready' | 'export_ready';
  stars: number | null;
  area_path: string;
  group_id: string;
  group_name: string;
  group_kind: 'women_group' | 'cooperative' | 'bumdes' | 'farmer_group' | 'enterprise';
  /** Only in search results: how well the product matches the words. */
  rank?: number;
}

export interface CatalogDetailRow extends CatalogRow {
  story: Localized;
  capacity_per_month: number | null;
  hs_code: string | null;
  group_founded_on: string | null;
}

export interface CatalogAreaRow {
  code: string;
  name: string;
  level: string;
  depth: number;
}

export interface CatalogFilter {
  areaPath?: string | undefined;
  category?: string | undefined;
  minStars?: number | undefined;
  exportReady?: boolean | undefined;
}

/**
 * The rank of an exact (substring) match. Near matches rank below it, from their trigram word
 * similarity scaled to 0–999, so every rank belongs to exactly one of the two kinds of match.
 */
export const EXACT_RANK = 1000;

const COLUMNS = `p.id, p.name, p.description, p.category, p.unit, p.price_minor, p.currency, p.status, p.stars,
  p.area_path, g.id AS group_id, g.name AS group_name, g.kind AS group_kind`;
const FROM = 'products p JOIN producer_groups g ON g.id = p.group_id';

/** `p.status <> 'draft'` as written in the partial indexes' predicate, so the planner can use them. */
function conditions(f: CatalogFilter, params: unknown[]): string[] {
  const add = (value: unknown) => `$${params.push(value)}`;
  const where = [`p.status <> 'draft'`];
  if (f.areaPath) where.push(`p.area_path LIKE ${add(likePrefix(f.areaPath))}`);
  if (f.category) where.push(`p.category = ${add(f.category)}`);
  if (f.minStars) where.push(`p.stars >= ${add(f.minStars)}`);
  if (f.exportReady !== undefined) where.push(`p.status = ${add(f.exportReady ? 'export_ready' : 'ready')}`);
  return where;
}

export const catalogRepository = {
  /** A page of the catalog in id order. */
  async page(db: Queryable, f: CatalogFilter, after: string | null, limit: number): Promise<CatalogRow[]> {
    const params: unknown[] = [];
    const where = conditions(f, params);
    if (after) where.push(`p.id > $${params.push(after)}`);
    return db.query<CatalogRow>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.join(' AND ')} ORDER BY p.id LIMIT $${params.push(limit)}`,
      params,
    );
  },

  /** Products whose text contains the words as written, in id order (they share the top rank). */
  async exactMatches(
    db: Queryable,
    f: CatalogFilter,
    words: string,
    after: string | null,
    limit: number,
  ): Promise<CatalogRow[]> {
    const params: unknown[] = [];
    const where = conditions(f, params);
    where.push(`p.search_text LIKE $${params.push(likeContaining(words))}`);
    if (after) where.push(`p.id > $${params.push(after)}`);
    return db.query<CatalogRow>(
      `SELECT ${COLUMNS}, ${EXACT_RANK} AS rank FROM ${FROM} WHERE ${where.join(' AND ')}
       ORDER BY p.id LIMIT $${params.push(limit)}`,
      params,
    );
  },

  /**
   * Products whose text does not contain the words as written but comes close (pg_trgm word
   * similarity: small typos, a missing letter), best first, then in id order.
   */
  async nearMatches(
    db: Queryable,
    f: CatalogFilter,
    words: string,
    after: { rank: number; id: string } | null,
    limit: number,
  ): Promise<CatalogRow[]> {
    const params: unknown[] = [];
    const where = conditions(f, params);
    const q = `$${params.push(words)}`;
    where.push(`${q} <% p.search_text`, `p.search_text NOT LIKE $${params.push(likeContaining(words))}`);
    const rank = `least(${EXACT_RANK - 1}, round(word_similarity(${q}, p.search_text) * 1000))::int`;
    let next = '';
    if (after) {
      const [r, id] = [`$${params.push(after.rank)}`, `$${params.push(after.id)}`];
      next = `WHERE rank < ${r} OR (rank = ${r} AND id > ${id})`;
    }
    return db.query<CatalogRow>(
      `SELECT * FROM (SELECT ${COLUMNS}, ${rank} AS rank FROM ${FROM} WHERE ${where.join(' AND ')}) matches
       ${next} ORDER BY rank DESC, id LIMIT $${params.push(limit)}`,
      params,
    );
  },

  async byId(db: Queryable, id: string): Promise<CatalogDetailRow | undefined> {
    const rows = await db.query<CatalogDetailRow>(
      `SELECT ${COLUMNS}, p.story, p.capacity_per_month, p.hs_code, g.founded_on AS group_founded_on
       FROM ${FROM} WHERE p.id = $1 AND p.status <> 'draft'`,
      [id],
    );
    return rows[0];
  },

  /** Areas by code, in one query: the villages of a page and all their ancestors. */
  async areas(db: Queryable, codes: string[]): Promise<CatalogAreaRow[]> {
    if (codes.length === 0) return [];
    return db.query<CatalogAreaRow>('SELECT code, name, level, depth FROM areas WHERE code = ANY($1::text[])', [codes]);
  },
};

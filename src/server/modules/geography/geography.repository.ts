import type { Queryable } from '../../db/database.js';
import { likeContaining, likePrefix, sql, Where } from '../../db/sql.js';

export interface AreaRow {
  code: string;
  country: string;
  parent_code: string | null;
  level: string;
  depth: number;
  name: string;
  path: string;
}

export interface AreaListRow extends AreaRow {
  child_count: number;
}

const COLUMNS = 'code, country, parent_code, level, depth, name, path';

export const areasRepository = {
  async byCode(db: Queryable, code: string): Promise<AreaRow | undefined> {
    const rows = await db.query<AreaRow>(`SELECT ${COLUMNS} FROM areas WHERE code = $1`, [code]);
    return rows[0];
  },

  async byCodes(db: Queryable, codes: string[]): Promise<AreaRow[]> {
    return db.query<AreaRow>(`SELECT ${COLUMNS} FROM areas WHERE code = ANY($1::text[])`, [codes]);
  },

  async childCount(db: Queryable, code: string): Promise<number> {
    const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM areas WHERE parent_code = $1', [code]);
    return rows[0]?.n ?? 0;
  },

  async list(
    db: Queryable,
    f: {
      parent?: string | undefined;
      level?: string | undefined;
      country?: string | undefined;
      q?: string | undefined;
      after: string | null;
      limit: number;
    },
  ): Promise<AreaListRow[]> {
    const params: unknown[] = [];
    const where = new Where(params);
    where.equal('a.parent_code', f.parent);
    where.equal('a.level', f.level);
    where.equal('a.country', f.country);
    if (f.q) where.and(sql`lower(a.name) LIKE lower(${likeContaining(f.q)})`);
    if (f.after) where.and(sql`a.code > ${f.after}`);
    return db.query<AreaListRow>(
      `SELECT ${COLUMNS.split(', ')
        .map((c) => `a.${c}`)
        .join(', ')},
              (SELECT count(*)::int FROM areas c WHERE c.parent_code = a.code) AS child_count
       FROM areas a
       WHERE ${where}
       ORDER BY a.code LIMIT ${where.bind(f.limit + 1)}`,
      params,
    );
  },

  /** Whether `descendant` lies in the subtree of `ancestor` (itself included): one indexed lookup. */
  async contains(db: Queryable, ancestor: string, descendant: string): Promise<boolean | null> {
    const rows = await db.query<{ code: string; path: string }>(
      'SELECT code, path FROM areas WHERE code = ANY($1::text[])',
      [[ancestor, descendant]],
    );
    const a = rows.find((r) => r.code === ancestor);
    const d = rows.find((r) => r.code === descendant);
    if (!a || !d) return null;
    return d.path.startsWith(a.path);
  },

  async countsByLevel(db: Queryable, country: string): Promise<Record<string, number>> {
    const rows = await db.query<{ level: string; n: number }>(
      'SELECT level, count(*)::int AS n FROM areas WHERE country = $1 GROUP BY level',
      [country],
    );
    return Object.fromEntries(rows.map((r) => [r.level, r.n]));
  },

  /** Existing areas among the given codes (to find parents outside a file, and clashes with other countries). */
  async existing(
    db: Queryable,
    codes: string[],
  ): Promise<Map<string, { country: string; path: string; depth: number }>> {
    const rows = await db.query<{ code: string; country: string; path: string; depth: number }>(
      'SELECT code, country, path, depth FROM areas WHERE code = ANY($1::text[])',
      [codes],
    );
    return new Map(rows.map((r) => [r.code, { country: r.country, path: r.path, depth: r.depth }]));
  },

  /** Inserts or updates a batch; parents must be in earlier batches (rows are sent in depth order). */
  async upsert(db: Queryable, rows: Omit<AreaRow, 'country'>[], country: string): Promise<void> {
    await db.query(
      `INSERT INTO areas (code, country, parent_code, level, depth, name, path)
       SELECT t.code, $1, t.parent_code, t.level, t.depth, t.name, t.path
       FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[])
         AS t(code, parent_code, level, depth, name, path)
       ON CONFLICT (code) DO UPDATE SET
         parent_code = EXCLUDED.parent_code, level = EXCLUDED.level, depth = EXCLUDED.depth,
         name = EXCLUDED.name, path = EXCLUDED.path
       WHERE (areas.parent_code, areas.level, areas.name, areas.path)
         IS DISTINCT FROM (EXCLUDED.parent_code, EXCLUDED.level, EXCLUDED.name, EXCLUDED.path)`,
      [
        country,
        rows.map((r) => r.code),
        rows.map((r) => r.parent_code),
        rows.map((r) => r.level),
        rows.map((r) => r.depth),
        rows.map((r) => r.name),
        rows.map((r) => r.path),
      ],
    );
  },

  /** Moves the descendants of a re-parented area that the file did not mention. */
  async movePaths(db: Queryable, oldPath: string, newPath: string, depthShift: number): Promise<void> {
    await db.query(
      `UPDATE areas SET path = $2 || substr(path, length($1) + 1), depth = depth + $3
       WHERE path LIKE $4 AND path <> $1`,
      [oldPath, newPath, depthShift, likePrefix(oldPath)],
    );
  },
};

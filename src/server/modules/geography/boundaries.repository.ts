import type { Queryable } from '../../db/database.js';

export interface BoundarySetMeta {
  country: string;
  level: string;
  licence: string;
  attribution: string;
  source: string;
  digest: string;
}

export interface UnoutlinedRow {
  code: string;
  name: string;
  within: string | null;
  total: number;
}

export interface StoredOutline {
  code: string;
  geometry: unknown;
  covers: string[];
}

export const boundariesRepository = {
  async setMeta(db: Queryable, country: string, level: string): Promise<BoundarySetMeta | undefined> {
    const rows = await db.query<BoundarySetMeta>(
      `SELECT country, level, licence, attribution, source, digest FROM boundary_sets WHERE country = $1 AND level = $2`,
      [country, level],
    );
    return rows[0];
  },

  async topology(db: Queryable, country: string, level: string): Promise<unknown> {
    const rows = await db.query<{ topology: unknown }>(
      'SELECT topology FROM boundary_sets WHERE country = $1 AND level = $2',
      [country, level],
    );
    return rows[0]?.topology;
  },

  /**
   * The first `limit` areas of a country's level (by code) without an outline, each with the
   * outline that covers its land (if any) and the count of all such areas. The covering outline is
   * looked up for the rows kept only (a village level may leave tens of thousands without one).
   */
  async unoutlined(db: Queryable, country: string, level: string, limit: number): Promise<UnoutlinedRow[]> {
    return db.query<UnoutlinedRow>(
      `WITH missing AS (
         SELECT a.code, a.name, count(*) OVER ()::int AS total
         FROM areas a
         WHERE a.country = $1 AND a.level = $2
           AND NOT EXISTS (SELECT 1 FROM boundaries b WHERE b.area_code = a.code)
         ORDER BY a.code
         LIMIT $3)
       SELECT m.code, m.name, m.total,
              (SELECT b.area_code FROM boundaries b
               WHERE b.country = $1 AND b.level = $2 AND m.code = ANY(b.covers)
               ORDER BY b.area_code LIMIT 1) AS within
       FROM missing m
       ORDER BY m.code`,
      [country, level, limit],
    );
  },

  /** Replaces a country's set at one level, outlines and all. */
  async replaceSet(
    db: Queryable,
    set: BoundarySetMeta & { topology: unknown },
    outlines: StoredOutline[],
  ): Promise<void> {
    await db.query('DELETE FROM boundary_sets WHERE country = $1 AND level = $2', [set.country, set.level]);
    await db.query(
      `INSERT INTO boundary_sets (country, level, licence, attribution, source, digest, topology)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [set.country, set.level, set.licence, set.attribution, set.source, set.digest, JSON.stringify(set.topology)],
    );
    await db.query(
      `INSERT INTO boundaries (area_code, country, level, geometry, covers)
       SELECT t.code, $1, $2, t.geometry::jsonb, string_to_array(t.covers, ',')
       FROM unnest($3::text[], $4::text[], $5::text[]) AS t(code, geometry, covers)`,
      [
        set.country,
        set.level,
        outlines.map((o) => o.code),
        outlines.map((o) => JSON.stringify(o.geometry)),
        outlines.map((o) => o.covers.join(',')),
      ],
    );
  },
};

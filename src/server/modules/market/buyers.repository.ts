import type { Queryable } from '../../db/database.js';

export interface BuyerRow {
  user_id: string;
  email: string;
  name: string;
  company_name: string;
  country: string;
  area_code: string | null;
  area_path: string | null;
  area_name: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `b.user_id, u.email, u.name, b.company_name, b.country, b.area_code, b.area_path, a.name AS area_name,
  b.version, b.created_at, b.updated_at`;
/** Joined to a buyer `b` (the table or a CTE of what was just written). */
const JOINS = 'JOIN platform_accounts u ON u.id = b.user_id LEFT JOIN geography_areas a ON a.code = b.area_code';

export const buyersRepository = {
  /** With `lock`, the buyer row is held until the transaction ends: one change of a profile at a time. */
  async byUser(db: Queryable, userId: string, lock = false): Promise<BuyerRow | undefined> {
    const rows = await db.query<BuyerRow>(
      `SELECT ${COLUMNS} FROM buyers b ${JOINS} WHERE b.user_id = $1${lock ? ' FOR UPDATE OF b' : ''}`,
      [userId],
    );
    return rows[0];
  },

  async area(db: Queryable, code: string): Promise<{ country: string; path: string } | undefined> {
    const rows = await db.query<{ country: string; path: string }>(
      'SELECT country, path FROM geography_areas WHERE code = $1',
      [code],
    );
    return rows[0];
  },

  async insert(
    db: Queryable,
    b: { userId: string; companyName: string; country: string; areaCode: string | null; areaPath: string | null },
  ): Promise<BuyerRow> {
    const rows = await db.query<BuyerRow>(
      `WITH b AS (
         INSERT INTO buyers (user_id, company_name, country, area_code, area_path) VALUES ($1, $2, $3, $4, $5) RETURNING *
       ) SELECT ${COLUMNS} FROM b ${JOINS}`,
      [b.userId, b.companyName, b.country, b.areaCode, b.areaPath],
    );
    return rows[0]!;
  },

  async update(
    db: Queryable,
    userId: string,
    b: { companyName: string; country: string; areaCode: string | null; areaPath: string | null },
  ): Promise<BuyerRow> {
    const rows = await db.query<BuyerRow>(
      `WITH b AS (
         UPDATE buyers SET company_name = $2, country = $3, area_code = $4, area_path = $5, version = version + 1,
           updated_at = now() WHERE user_id = $1 RETURNING *
       ) SELECT ${COLUMNS} FROM b ${JOINS}`,
      [userId, b.companyName, b.country, b.areaCode, b.areaPath],
    );
    return rows[0]!;
  },
};

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

const SELECT = `SELECT b.user_id, u.email, u.name, b.company_name, b.country, b.area_code, b.area_path, a.name AS area_name,
  b.version, b.created_at, b.updated_at
  FROM buyers b JOIN users u ON u.id = b.user_id LEFT JOIN areas a ON a.code = b.area_code`;

export const buyersRepository = {
  async byUser(db: Queryable, userId: string): Promise<BuyerRow | undefined> {
    return (await db.query<BuyerRow>(`${SELECT} WHERE b.user_id = $1`, [userId]))[0];
  },

  async area(db: Queryable, code: string): Promise<{ country: string; path: string } | undefined> {
    return (
      await db.query<{ country: string; path: string }>('SELECT country, path FROM areas WHERE code = $1', [code])
    )[0];
  },

  async insert(
    db: Queryable,
    b: { userId: string; companyName: string; country: string; areaCode: string | null; areaPath: string | null },
  ): Promise<void> {
    await db.query(
      'INSERT INTO buyers (user_id, company_name, country, area_code, area_path) VALUES ($1, $2, $3, $4, $5)',
      [b.userId, b.companyName, b.country, b.areaCode, b.areaPath],
    );
  },

  async update(
    db: Queryable,
    userId: string,
    b: { companyName: string; country: string; areaCode: string | null; areaPath: string | null },
  ): Promise<void> {
    await db.query(
      `UPDATE buyers SET company_name = $2, country = $3, area_code = $4, area_path = $5, version = version + 1,
         updated_at = now() WHERE user_id = $1`,
      [userId, b.companyName, b.country, b.areaCode, b.areaPath],
    );
  },
};

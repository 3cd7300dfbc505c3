import type { Queryable } from '../../db/database.js';

export interface InstalledPackRow {
  country: string;
  version: string;
  digest: string;
}

export const countriesRepository = {
  async installed(db: Queryable, country: string): Promise<InstalledPackRow | undefined> {
    const rows = await db.query<InstalledPackRow>(
      'SELECT country, version, digest FROM country_packs WHERE country = $1',
      [country],
    );
    return rows[0];
  },

  async record(db: Queryable, country: string, version: string, digest: string, pack: unknown): Promise<void> {
    await db.query(
      `INSERT INTO country_packs (country, version, digest, pack) VALUES ($1, $2, $3, $4)
       ON CONFLICT (country) DO UPDATE
         SET version = excluded.version, digest = excluded.digest, pack = excluded.pack, updated_at = now()`,
      [country, version, digest, JSON.stringify(pack)],
    );
  },
};

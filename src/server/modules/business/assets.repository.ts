import type { Queryable } from '../../db/database.js';

export interface AssetRow {
  id: string;
  group_id: string;
  name: string;
  acquired_on: string;
  cost_minor: string;
  residual_minor: string;
  life_months: number;
  purchase_entry_id: string;
  disposed_on: string | null;
  /** Depreciation posted so far (all months, or through the month asked). */
  depreciated_minor: string;
  /** The last month depreciation was posted for. */
  last_month: string | null;
}

const COLUMNS = `a.id, a.group_id, a.name, a.acquired_on, a.cost_minor::text AS cost_minor,
  a.residual_minor::text AS residual_minor, a.life_months, a.purchase_entry_id, a.disposed_on`;

export const assetsRepository = {
  async insert(db: Queryable, a: Omit<AssetRow, 'disposed_on' | 'depreciated_minor' | 'last_month'>): Promise<void> {
    await db.query(
      `INSERT INTO fixed_assets (id, group_id, name, acquired_on, cost_minor, residual_minor, life_months, purchase_entry_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [a.id, a.group_id, a.name, a.acquired_on, a.cost_minor, a.residual_minor, a.life_months, a.purchase_entry_id],
    );
  },

  /** The group's assets with the depreciation posted for months up to `throughMonth` (all when null). */
  async list(db: Queryable, groupId: string, throughMonth: string | null, id?: string): Promise<AssetRow[]> {
    return db.query<AssetRow>(
      `SELECT ${COLUMNS},
         coalesce((SELECT sum(d.amount_minor) FROM asset_depreciation d
                   WHERE d.asset_id = a.id AND ($2::text IS NULL OR d.month <= $2)), 0)::text AS depreciated_minor,
         (SELECT max(d.month) FROM asset_depreciation d
          WHERE d.asset_id = a.id AND ($2::text IS NULL OR d.month <= $2)) AS last_month
       FROM fixed_assets a WHERE a.group_id = $1 AND ($3::uuid IS NULL OR a.id = $3)
       ORDER BY a.acquired_on, a.id`,
      [groupId, throughMonth, id ?? null],
    );
  },

  async recordDepreciation(db: Queryable, assetId: string, month: string, amount: bigint, entryId: string) {
    await db.query(`INSERT INTO asset_depreciation (asset_id, month, amount_minor, entry_id) VALUES ($1, $2, $3, $4)`, [
      assetId,
      month,
      amount.toString(),
      entryId,
    ]);
  },

  async dispose(db: Queryable, assetId: string, on: string, entryId: string): Promise<void> {
    await db.query(`UPDATE fixed_assets SET disposed_on = $2, disposal_entry_id = $3 WHERE id = $1`, [
      assetId,
      on,
      entryId,
    ]);
  },
};

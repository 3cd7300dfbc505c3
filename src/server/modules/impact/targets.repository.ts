import type { Queryable } from '../../db/database.js';
import { query, rawSql, sql, type Sql } from '../../db/sql.js';

/** Counts of people below this are shown as "<5" to audiences outside the caller's scope, unless the program says otherwise. */
export const DEFAULT_SUPPRESS_BELOW = 5;

export interface TargetRow {
  id: string;
  program_id: string;
  indicator: string;
  area_code: string | null;
  area_path: string;
  area_name: string | null;
  period: string;
  breakdown: Record<string, string>;
  baseline: string;
  target: string;
  note: string;
  version: number;
}

export interface SettingsRow {
  program_id: string;
  suppress_below: number;
  on_track_from: string;
  at_risk_from: string;
  version: number;
}

const SELECT = `SELECT t.id, t.program_id, t.indicator, t.area_code, t.area_path, a.name AS area_name, t.period, t.breakdown,
  t.baseline::text, t.target::text, t.note, t.version
  FROM impact_targets t LEFT JOIN geography_areas a ON a.code = t.area_code`;

export const targetsRepository = {
  async list(db: Queryable, programId: string, scope: Sql): Promise<TargetRow[]> {
    return query<TargetRow>(
      db,
      sql`${rawSql(SELECT)} WHERE t.program_id = ${programId} AND ${scope}
          ORDER BY t.period, t.indicator, t.area_path, t.id`,
    );
  },

  async byId(db: Queryable, id: string, lock = false): Promise<TargetRow | undefined> {
    const rows = await db.query<TargetRow>(`${SELECT} WHERE t.id = $1${lock ? ' FOR UPDATE OF t' : ''}`, [id]);
    return rows[0];
  },

  async insert(db: Queryable, t: Omit<TargetRow, 'area_name' | 'version'> & { created_by: string }): Promise<void> {
    await db.query(
      `INSERT INTO impact_targets (id, program_id, indicator, area_code, area_path, period, breakdown, baseline, target,
         note, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        t.id,
        t.program_id,
        t.indicator,
        t.area_code,
        t.area_path,
        t.period,
        JSON.stringify(t.breakdown),
        t.baseline,
        t.target,
        t.note,
        t.created_by,
      ],
    );
  },

  /** The target already set for this indicator, area, period and breakdown, if any. */
  async same(
    db: Queryable,
    t: { program_id: string; indicator: string; area_code: string | null; period: string; breakdown: object },
  ): Promise<TargetRow | undefined> {
    const rows = await db.query<TargetRow>(
      `${SELECT} WHERE t.program_id = $1 AND t.indicator = $2 AND COALESCE(t.area_code, '') = COALESCE($3, '')
         AND t.period = $4 AND t.breakdown = $5::jsonb`,
      [t.program_id, t.indicator, t.area_code, t.period, JSON.stringify(t.breakdown)],
    );
    return rows[0];
  },

  async update(db: Queryable, id: string, change: { baseline: string; target: string; note: string }): Promise<void> {
    await db.query(
      `UPDATE impact_targets SET baseline = $2, target = $3, note = $4, version = version + 1, updated_at = now()
       WHERE id = $1`,
      [id, change.baseline, change.target, change.note],
    );
  },

  async remove(db: Queryable, id: string): Promise<void> {
    await db.query('DELETE FROM impact_targets WHERE id = $1', [id]);
  },

  async settings(db: Queryable, programId: string): Promise<SettingsRow | undefined> {
    const rows = await db.query<SettingsRow>(
      `SELECT program_id, suppress_below, on_track_from::text, at_risk_from::text, version
       FROM impact_settings WHERE program_id = $1`,
      [programId],
    );
    return rows[0];
  },

  /** Saves the program's settings; the defaults count as version 1, so the first save is version 2. */
  async saveSettings(
    db: Queryable,
    s: { programId: string; suppressBelow: number; onTrackFrom: number; atRiskFrom: number },
  ): Promise<void> {
    await db.query(
      `INSERT INTO impact_settings (program_id, suppress_below, on_track_from, at_risk_from, version)
       VALUES ($1, $2, $3, $4, 2)
       ON CONFLICT (program_id) DO UPDATE SET suppress_below = $2, on_track_from = $3, at_risk_from = $4,
         version = impact_settings.version + 1, updated_at = now()`,
      [s.programId, s.suppressBelow, s.onTrackFrom, s.atRiskFrom],
    );
  },
};

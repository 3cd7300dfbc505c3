import type { Queryable } from '../../db/database.js';
import type { Dhis2PeriodType } from '../../../shared/schemas/dhis2.js';

export interface Dhis2SettingsRow {
  program_id: string;
  period_type: Dhis2PeriodType;
  data_set: string | null;
  attribute_option_combo: string | null;
  base_url: string | null;
  auth: 'basic' | 'token';
  username: string;
  secret_encrypted: string | null;
  timeout_seconds: number;
  version: number;
}

export interface DataElementRow {
  indicator: string;
  cell: Record<string, string>;
  data_element: string;
  category_option_combo: string | null;
  attribute_option_combo: string | null;
}

export interface OrgUnitRow {
  area_code: string | null;
  area_name: string | null;
  area_level: string | null;
  org_unit: string | null;
}

export interface PushRow {
  id: string;
  pushed_at: Date;
  pushed_by: string;
  pushed_by_name: string;
  period: string;
  data_values: number;
  status: string;
  imported: number;
  updated: number;
  ignored: number;
  deleted: number;
  conflicts: { object: string; value: string }[];
  description: string;
}

export type NewPush = Omit<PushRow, 'pushed_at'> & { program_id: string; pushed_at: string };

/** The defaults stand as version 1; the first save makes version 2. */
const SETTINGS_COLUMNS = `program_id, period_type, data_set, attribute_option_combo, base_url, auth, username,
  secret_encrypted, timeout_seconds, version`;

export const dhis2Repository = {
  async settings(db: Queryable, programId: string, lock = false): Promise<Dhis2SettingsRow | undefined> {
    const rows = await db.query<Dhis2SettingsRow>(
      `SELECT ${SETTINGS_COLUMNS} FROM impact_dhis2_settings WHERE program_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [programId],
    );
    return rows[0];
  },

  async saveMapping(
    db: Queryable,
    programId: string,
    m: { period_type: string; data_set: string | null; attribute_option_combo: string | null },
  ): Promise<void> {
    await db.query(
      `INSERT INTO impact_dhis2_settings (program_id, period_type, data_set, attribute_option_combo, version)
       VALUES ($1, $2, $3, $4, 2)
       ON CONFLICT (program_id) DO UPDATE SET period_type = $2, data_set = $3, attribute_option_combo = $4,
         version = impact_dhis2_settings.version + 1, updated_at = now()`,
      [programId, m.period_type, m.data_set, m.attribute_option_combo],
    );
  },

  async saveServer(
    db: Queryable,
    programId: string,
    s: { base_url: string; auth: string; username: string; secret_encrypted: string | null; timeout_seconds: number },
  ): Promise<void> {
    await db.query(
      `INSERT INTO impact_dhis2_settings (program_id, base_url, auth, username, secret_encrypted, timeout_seconds, version)
       VALUES ($1, $2, $3, $4, $5, $6, 2)
       ON CONFLICT (program_id) DO UPDATE SET base_url = $2, auth = $3, username = $4, secret_encrypted = $5,
         timeout_seconds = $6, version = impact_dhis2_settings.version + 1, updated_at = now()`,
      [programId, s.base_url, s.auth, s.username, s.secret_encrypted, s.timeout_seconds],
    );
  },

  async dataElements(db: Queryable, programId: string): Promise<DataElementRow[]> {
    return db.query<DataElementRow>(
      `SELECT indicator, cell, data_element, category_option_combo, attribute_option_combo
       FROM impact_dhis2_data_elements WHERE program_id = $1 ORDER BY position`,
      [programId],
    );
  },

  async orgUnits(db: Queryable, programId: string): Promise<OrgUnitRow[]> {
    return db.query<OrgUnitRow>(
      `SELECT o.area_code, a.name AS area_name, a.level AS area_level, o.org_unit
       FROM impact_dhis2_org_units o LEFT JOIN geography_areas a ON a.code = o.area_code
       WHERE o.program_id = $1 ORDER BY o.position`,
      [programId],
    );
  },

  /** Replaces the program's rows, in their order, in one statement each. */
  async replaceRows(
    db: Queryable,
    programId: string,
    dataElements: Omit<DataElementRow, never>[],
    orgUnits: { area_code: string | null; org_unit: string | null }[],
  ): Promise<void> {
    await db.query('DELETE FROM impact_dhis2_data_elements WHERE program_id = $1', [programId]);
    await db.query('DELETE FROM impact_dhis2_org_units WHERE program_id = $1', [programId]);
    if (dataElements.length) {
      await db.query(
        `INSERT INTO impact_dhis2_data_elements
           (program_id, position, indicator, cell, data_element, category_option_combo, attribute_option_combo)
         SELECT $1, r.i - 1, r.indicator, r.cell::jsonb, r.data_element, r.coc, r.aoc
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
           WITH ORDINALITY AS r(indicator, cell, data_element, coc, aoc, i)`,
        [
          programId,
          dataElements.map((d) => d.indicator),
          dataElements.map((d) => JSON.stringify(d.cell)),
          dataElements.map((d) => d.data_element),
          dataElements.map((d) => d.category_option_combo),
          dataElements.map((d) => d.attribute_option_combo),
        ],
      );
    }
    if (orgUnits.length) {
      await db.query(
        `INSERT INTO impact_dhis2_org_units (program_id, position, area_code, org_unit)
         SELECT $1, r.i - 1, r.area_code, r.org_unit
         FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS r(area_code, org_unit, i)`,
        [programId, orgUnits.map((o) => o.area_code), orgUnits.map((o) => o.org_unit)],
      );
    }
  },

  async areas(db: Queryable, codes: string[]): Promise<{ code: string; country: string }[]> {
    if (!codes.length) return [];
    return db.query('SELECT code, country FROM geography_areas WHERE code = ANY($1::text[])', [codes]);
  },

  async insertPush(db: Queryable, p: NewPush): Promise<void> {
    await db.query(
      `INSERT INTO impact_dhis2_pushes (id, program_id, pushed_at, pushed_by, pushed_by_name, period, data_values,
         status, imported, updated, ignored, deleted, conflicts, description)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        p.id,
        p.program_id,
        p.pushed_at,
        p.pushed_by,
        p.pushed_by_name,
        p.period,
        p.data_values,
        p.status,
        p.imported,
        p.updated,
        p.ignored,
        p.deleted,
        JSON.stringify(p.conflicts),
        p.description,
      ],
    );
  },

  async pushes(db: Queryable, programId: string, limit = 50): Promise<PushRow[]> {
    return db.query<PushRow>(
      `SELECT id, pushed_at, pushed_by, pushed_by_name, period, data_values, status, imported, updated, ignored,
         deleted, conflicts, description
       FROM impact_dhis2_pushes WHERE program_id = $1 ORDER BY pushed_at DESC, id LIMIT $2`,
      [programId, limit],
    );
  },
};

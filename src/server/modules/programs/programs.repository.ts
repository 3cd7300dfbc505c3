import type { Queryable } from '../../db/database.js';
import { query, rawSql, sql, type Sql } from '../../db/sql.js';
import type { Role } from '../../http/context.js';
import { WHOLE_PROGRAM_PATH, type ScopeColumns } from '../platform/index.js';
import { readOnce } from '../../http/batch-memo.js';

export interface ProgramRow {
  id: string;
  code: string;
  name: string;
  country: string;
  currency: string;
  locales: string[];
  started_on: string;
  categories: { code: string; name: Record<string, string> }[];
  member_min_age: number;
  template_program_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface GrantRow {
  id: string;
  program_id: string;
  user_id: string;
  role: Role;
  area_code: string | null;
  group_id: string | null;
  created_at: Date;
  user_email: string | null;
  user_phone: string | null;
  user_name: string;
  area_name: string | null;
  area_level: string | null;
  area_ancestors: { code: string; name: string; level: string }[];
  group_name: string | null;
  village_name: string | null;
}

const COLUMNS =
  'id, code, name, country, currency, locales, started_on, categories, member_min_age, template_program_id, version, created_at, updated_at';
const rawColumns = rawSql(COLUMNS);

/** The columns of `scopeOf(actor, programPolicy, …)` in `list`: a program is its own whole. */
export const PROGRAM_SCOPE: ScopeColumns = { program: 'id', path: WHOLE_PROGRAM_PATH, group: null };

/** A grant with its account, and its area (with ancestors) or group (with village) by name. */
const GRANT_COLUMNS = `g.id, g.program_id, g.user_id, g.role, g.area_code, g.group_id, g.created_at,
  u.email AS user_email, u.phone AS user_phone, u.name AS user_name,
  a.name AS area_name, a.level AS area_level,
  coalesce((SELECT json_agg(json_build_object('code', p.code, 'name', p.name, 'level', p.level) ORDER BY p.depth)
            FROM geography_areas p
            WHERE p.code = ANY(string_to_array(trim(BOTH '/' FROM a.path), '/')) AND p.code <> a.code), '[]'::json)
    AS area_ancestors,
  rg.name AS group_name, va.name AS village_name`;
const GRANT_JOINS = `JOIN platform_accounts u ON u.id = g.user_id
  LEFT JOIN geography_areas a ON a.code = g.area_code
  LEFT JOIN registry_groups rg ON rg.id = g.group_id
  LEFT JOIN geography_areas va ON va.code = rg.village_code`;

export type ProgramValues = Omit<ProgramRow, 'version' | 'created_at' | 'updated_at'>;

export const programsRepository = {
  async byId(db: Queryable, id: string): Promise<ProgramRow | undefined> {
    return readOnce(
      ['programs'],
      `program:${id}`,
      async () => (await db.query<ProgramRow>(`SELECT ${COLUMNS} FROM programs WHERE id = $1`, [id]))[0],
    );
  },

  /** The group offices that keep the books in a program's groups (chair and treasurer by default). */
  async bookkeepingOffices(db: Queryable, id: string): Promise<string[]> {
    const rows = await db.query<{ offices: string[] }>(
      `SELECT bookkeeping_offices AS offices FROM programs WHERE id = $1`,
      [id],
    );
    return rows[0]?.offices ?? [];
  },

  async byCode(db: Queryable, code: string): Promise<ProgramRow | undefined> {
    return (await db.query<ProgramRow>(`SELECT ${COLUMNS} FROM programs WHERE code = $1`, [code]))[0];
  },

  /** The programs in `scope` (a condition on `PROGRAM_SCOPE`'s columns), by code. */
  async list(db: Queryable, f: { scope: Sql; after: string | null; limit: number }): Promise<ProgramRow[]> {
    return query<ProgramRow>(
      db,
      sql`SELECT ${rawColumns} FROM programs
       WHERE ${f.scope} AND (${f.after}::text IS NULL OR code > ${f.after})
       ORDER BY code LIMIT ${f.limit + 1}`,
    );
  },

  async insert(db: Queryable, p: ProgramValues): Promise<ProgramRow> {
    const rows = await db.query<ProgramRow>(
      `INSERT INTO programs (id, code, name, country, currency, locales, started_on, categories, template_program_id,
         member_min_age)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
      [
        p.id,
        p.code,
        p.name,
        p.country,
        p.currency,
        p.locales,
        p.started_on,
        JSON.stringify(p.categories),
        p.template_program_id,
        p.member_min_age,
      ],
    );
    return rows[0]!;
  },

  async update(
    db: Queryable,
    id: string,
    p: Omit<ProgramValues, 'id' | 'code' | 'template_program_id'>,
  ): Promise<ProgramRow> {
    const rows = await db.query<ProgramRow>(
      `UPDATE programs SET name = $2, country = $3, currency = $4, locales = $5, started_on = $6, categories = $7,
         member_min_age = $8, version = version + 1, updated_at = now()
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, p.name, p.country, p.currency, p.locales, p.started_on, JSON.stringify(p.categories), p.member_min_age],
    );
    return rows[0]!;
  },

  async grants(db: Queryable, programId: string): Promise<GrantRow[]> {
    return db.query<GrantRow>(
      `SELECT ${GRANT_COLUMNS}
       FROM role_grants g ${GRANT_JOINS}
       WHERE g.program_id = $1 ORDER BY g.created_at, g.id`,
      [programId],
    );
  },

  async grantById(db: Queryable, programId: string, id: string): Promise<GrantRow | undefined> {
    const rows = await db.query<GrantRow>(
      `SELECT ${GRANT_COLUMNS}
       FROM role_grants g ${GRANT_JOINS} WHERE g.program_id = $1 AND g.id = $2`,
      [programId, id],
    );
    return rows[0];
  },

  async insertGrant(
    db: Queryable,
    g: { id: string; programId: string; userId: string; role: Role; areaCode: string | null; groupId: string | null },
  ): Promise<GrantRow> {
    const rows = await db.query<GrantRow>(
      `WITH g AS (
         INSERT INTO role_grants (id, program_id, user_id, role, area_code, group_id)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *)
       SELECT ${GRANT_COLUMNS} FROM g ${GRANT_JOINS}`,
      [g.id, g.programId, g.userId, g.role, g.areaCode, g.groupId],
    );
    return rows[0]!;
  },

  /** Adds a grant unless the account holds it already (bringing someone in twice changes nothing). */
  async insertGrantIfNew(
    db: Queryable,
    g: { id: string; programId: string; userId: string; role: Role; areaCode: string | null; groupId: string | null },
  ): Promise<{ id: string } | undefined> {
    const rows = await db.query<{ id: string }>(
      `INSERT INTO role_grants (id, program_id, user_id, role, area_code, group_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id`,
      [g.id, g.programId, g.userId, g.role, g.areaCode, g.groupId],
    );
    return rows[0];
  },

  /** The area paths of the program's groups among `ids` (registry's read model). */
  async groupPaths(db: Queryable, programId: string, ids: string[]): Promise<Map<string, string>> {
    const rows = await db.query<{ id: string; area_path: string }>(
      'SELECT id, area_path FROM registry_groups WHERE program_id = $1 AND id = ANY($2::uuid[])',
      [programId, ids],
    );
    return new Map(rows.map((r) => [r.id, r.area_path]));
  },

  /** Whether the producer group is one of the program's (registry's read model). */
  async groupInProgram(db: Queryable, programId: string, groupId: string): Promise<boolean> {
    const rows = await db.query('SELECT 1 FROM registry_groups WHERE id = $1 AND program_id = $2', [
      groupId,
      programId,
    ]);
    return rows.length > 0;
  },

  /** Whether any grant of the program is narrowed to an area outside `country`. */
  async hasAreaGrantsOutside(db: Queryable, programId: string, country: string): Promise<boolean> {
    const rows = await db.query(
      `SELECT 1 FROM role_grants g JOIN geography_areas a ON a.code = g.area_code
       WHERE g.program_id = $1 AND a.country <> $2 LIMIT 1`,
      [programId, country],
    );
    return rows.length > 0;
  },

  async deleteGrant(db: Queryable, id: string): Promise<void> {
    await db.query('DELETE FROM role_grants WHERE id = $1', [id]);
  },
};

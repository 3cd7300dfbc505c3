import type { Queryable } from '../../db/database.js';
import { query, rawSql, sql, type Sql } from '../../db/sql.js';

export interface JoinRow {
  id: string;
  program_id: string;
  name: string;
  phone: string | null;
  email: string | null;
  area_code: string;
  area_name: string;
  area_path: string;
  business: string;
  topics: string[];
  locale: string;
  rules_version: number;
  link_consent: boolean;
  sex: 'female' | 'male' | null;
  status: 'pending' | 'welcomed' | 'declined';
  decided_by: string | null;
  decided_at: Date | null;
  user_id: string | null;
  created_at: Date;
}

export interface RulesRow {
  program_id: string;
  version: number;
  text: Record<string, string>;
  created_at: Date;
}

const SELECT = `SELECT j.id, j.program_id, j.name, j.phone, j.email, j.area_code, a.name AS area_name, j.area_path,
  j.business, j.topics, j.locale, j.rules_version, j.link_consent, j.sex, j.status, j.decided_by, j.decided_at, j.user_id,
  j.created_at FROM community_joins j JOIN geography_areas a ON a.code = j.area_code`;

export const rulesRepository = {
  async current(db: Queryable, programId: string): Promise<RulesRow | undefined> {
    return (
      await db.query<RulesRow>(
        `SELECT program_id, version, text, created_at FROM community_rules WHERE program_id = $1
         ORDER BY version DESC LIMIT 1`,
        [programId],
      )
    )[0];
  },

  /** The next version, numbered after the newest (the primary key refuses a race's second writer). */
  async insertNext(db: Queryable, programId: string, text: Record<string, string>, by: string): Promise<RulesRow> {
    const rows = await db.query<RulesRow>(
      `INSERT INTO community_rules (program_id, version, text, created_by)
       SELECT $1, coalesce(max(version), 0) + 1, $2, $3 FROM community_rules WHERE program_id = $1
       RETURNING program_id, version, text, created_at`,
      [programId, JSON.stringify(text), by],
    );
    return rows[0]!;
  },
};

export type JoinValues = Pick<
  JoinRow,
  | 'id'
  | 'program_id'
  | 'name'
  | 'phone'
  | 'email'
  | 'area_code'
  | 'area_path'
  | 'business'
  | 'topics'
  | 'locale'
  | 'rules_version'
  | 'link_consent'
  | 'sex'
>;

export const joinsRepository = {
  async byId(db: Queryable, id: string): Promise<JoinRow | undefined> {
    return (await db.query<JoinRow>(`${SELECT} WHERE j.id = $1`, [id]))[0];
  },

  async lock(db: Queryable, id: string): Promise<void> {
    await db.query('SELECT 1 FROM community_joins WHERE id = $1 FOR UPDATE', [id]);
  },

  async insert(db: Queryable, v: JoinValues): Promise<void> {
    await db.query(
      `INSERT INTO community_joins (id, program_id, name, phone, email, area_code, area_path, business, topics,
         locale, rules_version, link_consent, sex) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        v.id,
        v.program_id,
        v.name,
        v.phone,
        v.email,
        v.area_code,
        v.area_path,
        v.business,
        v.topics,
        v.locale,
        v.rules_version,
        v.link_consent,
        v.sex,
      ],
    );
  },

  async decide(
    db: Queryable,
    id: string,
    d: { status: 'welcomed' | 'declined'; by: string; at: Date; userId: string | null },
  ): Promise<void> {
    await db.query(
      `UPDATE community_joins SET status = $2, decided_by = $3, decided_at = $4, user_id = $5 WHERE id = $1`,
      [id, d.status, d.by, d.at, d.userId],
    );
  },

  /** A program's requests in one status, oldest first, within `scope`; keyset on (created_at, id). */
  async list(
    db: Queryable,
    f: { programId: string; status: string; scope: Sql; after: [string, string] | null; limit: number },
  ): Promise<JoinRow[]> {
    const after = f.after
      ? sql`AND (j.created_at, j.id) > (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`
      : rawSql('');
    return query<JoinRow & Record<string, unknown>>(
      db,
      sql`${rawSql(SELECT)} WHERE j.program_id = ${f.programId}
        AND j.status = ${f.status} AND ${f.scope} ${after} ORDER BY j.created_at, j.id LIMIT ${f.limit + 1}`,
    );
  },
};

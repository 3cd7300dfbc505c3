import type { Queryable } from '../../db/database.js';
import { likeContaining, query, rawSql, sql, Where, type Sql } from '../../db/sql.js';
import type { GROUP_KINDS, LEGAL_ID_KINDS } from './registry.schemas.js';
import { readOnce } from '../../http/batch-memo.js';

export interface GroupRow {
  id: string;
  program_id: string;
  village_id: string;
  area_path: string;
  area_code: string;
  village_name: string;
  name: string;
  kind: (typeof GROUP_KINDS)[number];
  founded_on: string | null;
  /** The group's legal ids (JSON, see 0029_registry_facts.sql), the NIB among them. */
  legal_ids: LegalId[];
  /** The NIB of `legal_ids` (a generated column). */
  nib: string | null;
  contact: { phone?: string; email?: string; address?: string };
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface LegalId {
  kind: (typeof LEGAL_ID_KINDS)[number];
  number: string;
  issuedOn: string | null;
}

/** A group with its village's area code and name (geography's read model), from `producer_groups g` or a CTE named g. */
const PRESENTED = `SELECT g.id, g.program_id, g.village_id, g.area_path, v.area_code, a.name AS village_name, g.name,
  g.kind, g.founded_on, g.legal_ids, g.nib, g.contact, g.version, g.created_at, g.updated_at`;
const VILLAGE = 'JOIN villages v ON v.id = g.village_id JOIN geography_areas a ON a.code = v.area_code';
const SELECT = `${PRESENTED} FROM producer_groups g ${VILLAGE}`;
/** The written row (a CTE named g) as presented. */
const FROM_WRITTEN = rawSql(`${PRESENTED} FROM g ${VILLAGE}`);

export type GroupValues = Pick<GroupRow, 'name' | 'kind' | 'founded_on' | 'legal_ids' | 'contact'>;

export const groupsRepository = {
  async byId(db: Queryable, id: string): Promise<GroupRow | undefined> {
    return readOnce(
      ['producer_groups', 'villages', 'geography_areas'],
      `group:${id}`,
      async () => (await db.query<GroupRow>(`${SELECT} WHERE g.id = $1`, [id]))[0],
    );
  },

  /** `scope` is the policy's condition over g.*; it is rendered into this query's parameters. */
  async list(
    db: Queryable,
    scope: Sql,
    f: {
      programId?: string | undefined;
      villageId?: string | undefined;
      areaPath?: string | undefined;
      kind?: string | undefined;
      /** Part of the group's name (a picker's search). */
      q?: string | undefined;
      after: string | null;
      limit: number;
    },
  ): Promise<GroupRow[]> {
    const params: unknown[] = [];
    const where = new Where(params, scope);
    where.equal('g.program_id', f.programId);
    where.equal('g.village_id', f.villageId);
    where.under('g.area_path', f.areaPath);
    where.equal('g.kind', f.kind);
    if (f.q) where.and(sql`lower(g.name) LIKE ${likeContaining(f.q.toLowerCase())}`);
    if (f.after) where.and(sql`g.id > ${f.after}`);
    return db.query<GroupRow>(`${SELECT} WHERE ${where} ORDER BY g.id LIMIT ${where.bind(f.limit + 1)}`, params);
  },

  async insert(
    db: Queryable,
    g: GroupValues & { id: string; program_id: string; village_id: string; area_path: string },
  ): Promise<GroupRow> {
    const [row] = await query<GroupRow>(
      db,
      sql`WITH g AS (
        INSERT INTO producer_groups (id, program_id, village_id, area_path, name, kind, founded_on, legal_ids, contact)
        VALUES (${g.id}, ${g.program_id}, ${g.village_id}, ${g.area_path}, ${g.name}, ${g.kind}, ${g.founded_on},
                ${JSON.stringify(g.legal_ids)}, ${JSON.stringify(g.contact)})
        RETURNING *)
      ${FROM_WRITTEN}`,
    );
    return row!;
  },

  async update(db: Queryable, id: string, g: GroupValues): Promise<GroupRow> {
    const [row] = await query<GroupRow>(
      db,
      sql`WITH g AS (
        UPDATE producer_groups SET name = ${g.name}, kind = ${g.kind}, founded_on = ${g.founded_on},
          legal_ids = ${JSON.stringify(g.legal_ids)}, contact = ${JSON.stringify(g.contact)}, version = version + 1, updated_at = now()
        WHERE id = ${id}
        RETURNING *)
      ${FROM_WRITTEN}`,
    );
    return row!;
  },
};

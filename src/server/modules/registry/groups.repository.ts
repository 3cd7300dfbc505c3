import type { Queryable } from '../../db/database.js';
import { Where } from '../../db/sql.js';

export interface GroupRow {
  id: string;
  program_id: string;
  village_id: string;
  area_path: string;
  area_code: string;
  village_name: string;
  name: string;
  kind: string;
  founded_on: string | null;
  nib: string | null;
  contact: { phone?: string; email?: string; address?: string };
  version: number;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `SELECT g.id, g.program_id, g.village_id, g.area_path, v.area_code, a.name AS village_name, g.name, g.kind,
  g.founded_on, g.nib, g.contact, g.version, g.created_at, g.updated_at
  FROM producer_groups g JOIN villages v ON v.id = g.village_id JOIN areas a ON a.code = v.area_code`;

export type GroupValues = Pick<GroupRow, 'name' | 'kind' | 'founded_on' | 'nib' | 'contact'>;

export const groupsRepository = {
  async byId(db: Queryable, id: string): Promise<GroupRow | undefined> {
    return (await db.query<GroupRow>(`${SELECT} WHERE g.id = $1`, [id]))[0];
  },

  async list(
    db: Queryable,
    scope: string,
    params: unknown[],
    f: {
      programId?: string | undefined;
      villageId?: string | undefined;
      areaPath?: string | undefined;
      kind?: string | undefined;
      after: string | null;
      limit: number;
    },
  ): Promise<GroupRow[]> {
    const where = new Where(params, scope);
    where.equal('g.program_id', f.programId);
    where.equal('g.village_id', f.villageId);
    where.under('g.area_path', f.areaPath);
    where.equal('g.kind', f.kind);
    if (f.after) where.and(`g.id > ${where.bind(f.after)}`);
    return db.query<GroupRow>(`${SELECT} WHERE ${where} ORDER BY g.id LIMIT ${where.bind(f.limit + 1)}`, params);
  },

  async insert(
    db: Queryable,
    g: GroupValues & { id: string; program_id: string; village_id: string; area_path: string },
  ) {
    await db.query(
      `INSERT INTO producer_groups (id, program_id, village_id, area_path, name, kind, founded_on, nib, contact)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [g.id, g.program_id, g.village_id, g.area_path, g.name, g.kind, g.founded_on, g.nib, JSON.stringify(g.contact)],
    );
  },

  async update(db: Queryable, id: string, g: GroupValues): Promise<void> {
    await db.query(
      `UPDATE producer_groups SET name = $2, kind = $3, founded_on = $4, nib = $5, contact = $6,
         version = version + 1, updated_at = now() WHERE id = $1`,
      [id, g.name, g.kind, g.founded_on, g.nib, JSON.stringify(g.contact)],
    );
  },
};

import type { Queryable } from '../../db/database.js';
import { writeLater, type WrittenBehind } from '../../http/write-behind.js';
import type { MEMBER_ROLES, WgAnswer } from './registry.schemas.js';

export interface MemberRow {
  id: string;
  group_id: string;
  program_id: string;
  area_path: string;
  name: string;
  sex: 'female' | 'male';
  birth_year: number;
  /** Derived from the wg_* answers when any is given (a CHECK keeps it so); as recorded otherwise. */
  disability: boolean;
  /** The Washington Group short set, one answer per domain (null: not answered). */
  wg_seeing: WgAnswer | null;
  wg_hearing: WgAnswer | null;
  wg_walking: WgAnswer | null;
  wg_cognition: WgAnswer | null;
  wg_self_care: WgAnswer | null;
  wg_communication: WgAnswer | null;
  role: (typeof MEMBER_ROLES)[number];
  joined_on: string;
  left_on: string | null;
  national_id_encrypted: string | null;
  national_id_hash: string | null;
  phone_encrypted: string | null;
  /** Another member of the group has the same national id (computed when read). */
  possible_duplicate: boolean;
  /** The account this member signs in with, if linked. */
  user_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export type MemberValues = Omit<
  MemberRow,
  'id' | 'group_id' | 'program_id' | 'area_path' | 'possible_duplicate' | 'version' | 'created_at' | 'updated_at'
>;

/** A member with their group's program and area, from `members m` or a CTE named m. */
const PRESENTED = `SELECT m.id, m.group_id, g.program_id, g.area_path, m.name, m.sex, m.birth_year, m.disability,
  m.wg_seeing, m.wg_hearing, m.wg_walking, m.wg_cognition, m.wg_self_care, m.wg_communication, m.role, m.joined_on,
  m.left_on, m.national_id_encrypted, m.national_id_hash, m.phone_encrypted, m.user_id,
  EXISTS (SELECT 1 FROM members d WHERE d.group_id = m.group_id AND d.national_id_hash = m.national_id_hash
          AND d.id <> m.id) AS possible_duplicate,
  m.version, m.created_at, m.updated_at`;
const SELECT = `${PRESENTED} FROM members m JOIN producer_groups g ON g.id = m.group_id`;
/** The written row (a CTE named m) as presented. */
const FROM_WRITTEN = `${PRESENTED} FROM m JOIN producer_groups g ON g.id = m.group_id`;

const COLUMNS = [
  'name',
  'sex',
  'birth_year',
  'disability',
  'wg_seeing',
  'wg_hearing',
  'wg_walking',
  'wg_cognition',
  'wg_self_care',
  'wg_communication',
  'role',
  'joined_on',
  'left_on',
  'national_id_encrypted',
  'national_id_hash',
  'phone_encrypted',
  'user_id',
] as const satisfies readonly (keyof MemberValues)[];

/** Each column's type, to read held-back rows from JSON. */
const TYPES: Record<(typeof COLUMNS)[number], string> = {
  name: 'text',
  sex: 'text',
  birth_year: 'integer',
  disability: 'boolean',
  wg_seeing: 'text',
  wg_hearing: 'text',
  wg_walking: 'text',
  wg_cognition: 'text',
  wg_self_care: 'text',
  wg_communication: 'text',
  role: 'text',
  joined_on: 'date',
  left_on: 'date',
  national_id_encrypted: 'text',
  national_id_hash: 'text',
  phone_encrypted: 'text',
  user_id: 'uuid',
};

/** New members a batch writes together (`writeLater`): the same row `insert` writes, many in one statement. */
const MEMBERS_LATER: WrittenBehind<MemberValues & { id: string; group_id: string }> = {
  table: 'members',
  async write(db, rows) {
    await db.query(
      `INSERT INTO members (id, group_id, ${COLUMNS.join(', ')})
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS x(id uuid, group_id uuid, ${COLUMNS.map((c) => `${c} ${TYPES[c]}`).join(', ')})`,
      [JSON.stringify(rows)],
    );
  },
};

export const membersRepository = {
  async byId(db: Queryable, id: string): Promise<MemberRow | undefined> {
    return (await db.query<MemberRow>(`${SELECT} WHERE m.id = $1`, [id]))[0];
  },

  /** Which of these ids are members' (of any group). */
  async existing(db: Queryable, ids: string[]): Promise<string[]> {
    const rows = await db.query<{ id: string }>('SELECT id::text AS id FROM members WHERE id = ANY($1::uuid[])', [ids]);
    return rows.map((r) => r.id);
  },

  async list(
    db: Queryable,
    groupId: string,
    f: { active?: boolean | undefined; today: string; after: string | null; limit: number },
  ): Promise<MemberRow[]> {
    return db.query<MemberRow>(
      `${SELECT} WHERE m.group_id = $1
         AND ($2::boolean IS NULL OR (m.left_on IS NULL OR m.left_on > $5::date) = $2)
         AND ($3::uuid IS NULL OR m.id > $3)
       ORDER BY m.id LIMIT $4`,
      [groupId, f.active ?? null, f.after, f.limit + 1, f.today],
    );
  },

  async nationalIdTaken(db: Queryable, groupId: string, hash: string, exceptId: string | null): Promise<boolean> {
    const rows = await db.query(
      'SELECT 1 FROM members WHERE group_id = $1 AND national_id_hash = $2 AND ($3::uuid IS NULL OR id <> $3)',
      [groupId, hash, exceptId],
    );
    return rows.length > 0;
  },

  async accountTaken(db: Queryable, groupId: string, userId: string, exceptId: string | null): Promise<boolean> {
    const rows = await db.query(
      'SELECT 1 FROM members WHERE group_id = $1 AND user_id = $2 AND ($3::uuid IS NULL OR id <> $3)',
      [groupId, userId, exceptId],
    );
    return rows.length > 0;
  },

  /** The office of the member of a group linked to an account, while a member on `today`. */
  async officeOf(db: Queryable, groupId: string, userId: string, today: string): Promise<MemberRow['role'] | null> {
    const rows = await db.query<{ role: MemberRow['role'] }>(
      `SELECT role FROM members WHERE group_id = $1 AND user_id = $2 AND joined_on <= $3::date
         AND (left_on IS NULL OR left_on > $3::date)`,
      [groupId, userId, today],
    );
    return rows[0]?.role ?? null;
  },

  async insert(
    db: Queryable,
    id: string,
    group: { id: string; program_id: string; area_path: string },
    m: MemberValues,
  ): Promise<MemberRow> {
    // Without a national id nothing is read back but the defaults (no other member to be a
    // duplicate of): inside a batch the row can be written later with others.
    const now =
      m.national_id_hash === null ? await writeLater(db, MEMBERS_LATER, { id, group_id: group.id, ...m }) : undefined;
    if (now)
      return {
        id,
        group_id: group.id,
        program_id: group.program_id,
        area_path: group.area_path,
        ...m,
        possible_duplicate: false,
        version: 1,
        created_at: now,
        updated_at: now,
      };
    const groupId = group.id;
    const [row] = await db.query<MemberRow>(
      `WITH m AS (
         INSERT INTO members (id, group_id, ${COLUMNS.join(', ')})
         VALUES ($1, $2, ${COLUMNS.map((_, i) => `$${i + 3}`).join(', ')})
         RETURNING *)
       ${FROM_WRITTEN}`,
      [id, groupId, ...COLUMNS.map((c) => m[c])],
    );
    return row!;
  },

  async update(db: Queryable, id: string, m: MemberValues): Promise<MemberRow> {
    const [row] = await db.query<MemberRow>(
      `WITH m AS (
         UPDATE members SET ${COLUMNS.map((c, i) => `${c} = $${i + 2}`).join(', ')}, version = version + 1, updated_at = now()
         WHERE id = $1
         RETURNING *)
       ${FROM_WRITTEN}`,
      [id, ...COLUMNS.map((c) => m[c])],
    );
    return row!;
  },

  async delete(db: Queryable, id: string): Promise<void> {
    await db.query('DELETE FROM members WHERE id = $1', [id]);
  },
};

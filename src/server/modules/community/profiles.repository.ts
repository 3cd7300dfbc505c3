import type { Queryable } from '../../db/database.js';
import type { ProfileField } from '../../../shared/schemas/community-profiles.js';

export interface ProfileRow {
  offers: string;
  public_fields: ProfileField[];
}

export interface ProfileGroupRow {
  id: string;
  name: string;
  products: { id: string; name: Record<string, string> }[];
}

/** Members' public pages: what each offers and which fields are public (no row: nothing but name and village). */
export const profilesRepository = {
  async get(db: Queryable, joinId: string): Promise<ProfileRow> {
    const [row] = await db.query<ProfileRow>(
      'SELECT offers, public_fields FROM community_profiles WHERE join_id = $1',
      [joinId],
    );
    return row ?? { offers: '', public_fields: [] };
  },

  async write(db: Queryable, joinId: string, offers: string, fields: ProfileField[]): Promise<void> {
    await db.query(
      `INSERT INTO community_profiles (join_id, offers, public_fields) VALUES ($1, $2, $3)
       ON CONFLICT (join_id) DO UPDATE SET offers = EXCLUDED.offers, public_fields = EXCLUDED.public_fields,
         version = community_profiles.version + 1, updated_at = now()`,
      [joinId, offers, fields],
    );
  },

  /**
   * The producer group the account belongs to in the program (by its grant as a group's member or
   * manager; the first by name if several), with the names of its products out of draft.
   */
  async groupOf(db: Queryable, programId: string, userId: string): Promise<ProfileGroupRow | undefined> {
    const [row] = await db.query<ProfileGroupRow>(
      `SELECT g.id, g.name, coalesce((SELECT jsonb_agg(jsonb_build_object('id', p.id, 'name', p.name) ORDER BY p.created_at, p.id)
           FROM registry_products p WHERE p.group_id = g.id AND p.status <> 'draft'), '[]') AS products
       FROM programs_role_grants r JOIN registry_groups g ON g.id = r.group_id
       WHERE r.program_id = $1 AND r.user_id = $2 AND r.role IN ('group_member', 'group_manager')
       ORDER BY g.name, g.id LIMIT 1`,
      [programId, userId],
    );
    return row;
  },
};

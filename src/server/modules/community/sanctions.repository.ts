import type { Queryable } from '../../db/database.js';

export interface SanctionRow {
  id: string;
  program_id: string;
  user_id: string;
  user_name: string;
  kind: 'mute' | 'suspend';
  reason: string;
  starts_at: Date;
  ends_at: Date;
  created_by: string;
  lifted_at: Date | null;
}

const SANCTION = `SELECT s.id, s.program_id, s.user_id, u.name AS user_name, s.kind, s.reason, s.starts_at, s.ends_at,
  s.created_by, s.lifted_at FROM community_sanctions s JOIN platform_accounts u ON u.id = s.user_id`;

/** Mutes, suspensions and space moderators: what a member may do beyond their welcome. */
export const sanctionsRepository = {
  /**
   * The account's standing in a program at a time: the sanction in force (a suspension before a
   * mute, then the one ending last) and the spaces it was appointed to moderate.
   */
  async standing(
    db: Queryable,
    programId: string,
    userId: string,
    now: Date,
  ): Promise<{ sanction: Pick<SanctionRow, 'kind' | 'ends_at'> | undefined; moderates: string[] }> {
    const [row] = await db.query<{ kind: 'mute' | 'suspend' | null; ends_at: Date | null; moderates: string[] }>(
      `SELECT s.kind, s.ends_at, coalesce((SELECT array_agg(m.space_id ORDER BY m.space_id) FROM community_space_moderators m
           JOIN community_spaces sp ON sp.id = m.space_id WHERE sp.program_id = $1 AND m.user_id = $2), '{}') AS moderates
       FROM (SELECT 1) one LEFT JOIN LATERAL (
         SELECT kind, ends_at FROM community_sanctions
         WHERE program_id = $1 AND user_id = $2 AND lifted_at IS NULL AND starts_at <= $3 AND ends_at > $3
         ORDER BY kind = 'suspend' DESC, ends_at DESC LIMIT 1
       ) s ON true`,
      [programId, userId, now],
    );
    return {
      sanction: row?.kind ? { kind: row.kind, ends_at: row.ends_at! } : undefined,
      moderates: row?.moderates ?? [],
    };
  },

  async insert(
    db: Queryable,
    s: {
      id: string;
      programId: string;
      userId: string;
      kind: string;
      reason: string;
      from: Date;
      until: Date;
      by: string;
    },
  ): Promise<void> {
    await db.query(
      `INSERT INTO community_sanctions (id, program_id, user_id, kind, reason, starts_at, ends_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [s.id, s.programId, s.userId, s.kind, s.reason, s.from, s.until, s.by],
    );
  },

  async byId(db: Queryable, id: string): Promise<SanctionRow | undefined> {
    return (await db.query<SanctionRow>(`${SANCTION} WHERE s.id = $1 FOR UPDATE OF s`, [id]))[0];
  },

  /** The sanctions in force in a program at a time, ending soonest first. */
  async inForce(db: Queryable, programId: string, now: Date): Promise<SanctionRow[]> {
    return db.query<SanctionRow>(
      `${SANCTION} WHERE s.program_id = $1 AND s.lifted_at IS NULL AND s.starts_at <= $2 AND s.ends_at > $2
       ORDER BY s.ends_at, s.id`,
      [programId, now],
    );
  },

  async lift(db: Queryable, id: string, at: Date, by: string): Promise<void> {
    await db.query('UPDATE community_sanctions SET lifted_at = $2, lifted_by = $3 WHERE id = $1', [id, at, by]);
  },

  async moderators(db: Queryable, spaceId: string): Promise<{ user_id: string; name: string }[]> {
    return db.query(
      `SELECT m.user_id, u.name FROM community_space_moderators m JOIN platform_accounts u ON u.id = m.user_id
       WHERE m.space_id = $1 ORDER BY u.name, m.user_id`,
      [spaceId],
    );
  },

  /** Appoints or removes a space moderator; true when something changed. */
  async setModerator(db: Queryable, spaceId: string, userId: string, by: string | null): Promise<boolean> {
    const rows = by
      ? await db.query(
          `INSERT INTO community_space_moderators (space_id, user_id, appointed_by) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING RETURNING 1`,
          [spaceId, userId, by],
        )
      : await db.query('DELETE FROM community_space_moderators WHERE space_id = $1 AND user_id = $2 RETURNING 1', [
          spaceId,
          userId,
        ]);
    return rows.length > 0;
  },

  /** Writes one line of the moderation log about a member or a space (no thread). */
  async log(
    db: Queryable,
    m: {
      id: string;
      programId: string;
      actorId: string;
      action: string;
      userId: string;
      spaceId?: string;
      reason: string;
    },
  ): Promise<void> {
    await db.query(
      `INSERT INTO community_moderation_log (id, program_id, actor_id, action, user_id, space_id, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [m.id, m.programId, m.actorId, m.action, m.userId, m.spaceId ?? null, m.reason],
    );
  },
};

import type { Queryable } from '../../db/database.js';

export interface AnnouncementRow {
  id: string;
  program_id: string;
  title: Record<string, string>;
  body: Record<string, string>;
  target_area_code: string | null;
  target_area_name: string | null;
  target_path: string;
  target_role: string | null;
  target_space_id: string | null;
  pinned: boolean;
  author_id: string;
  author_name: string;
  created_at: Date;
  read: boolean;
}

/** The roles of the community's staff: who an announcement to the whole community reaches besides its members. */
const STAFF_ROLES = ['program_manager', 'community_manager', 'trainer', 'facilitator'];

/**
 * Whether the announcement `a` is aimed at the viewer: $3 their village's path when they are a
 * welcomed member (else null), $4 the roles they hold in the program, $5 whether they are staff.
 */
const AIMED_AT_VIEWER = `(
  ($3::text IS NOT NULL AND (
    (a.target_role IS NULL AND a.target_space_id IS NULL AND $3::text LIKE a.target_path || '%')
    OR a.target_role = 'member'
    OR (a.target_space_id IS NOT NULL AND EXISTS (SELECT 1 FROM community_spaces s
      WHERE s.id = a.target_space_id AND (s.kind = 'topic' OR $3::text LIKE s.area_path || '%')))))
  OR a.target_role = ANY($4::text[])
  OR ($5::boolean AND a.target_role IS NULL AND a.target_area_code IS NULL AND a.target_space_id IS NULL))`;

const SELECT = `SELECT a.id, a.program_id, a.title, a.body, a.target_area_code, g.name AS target_area_name,
    a.target_path, a.target_role, a.target_space_id, a.pinned, a.author_id, u.name AS author_name, a.created_at,
    EXISTS (SELECT 1 FROM community_announcement_reads r WHERE r.announcement_id = a.id AND r.user_id = $2) AS read
  FROM community_announcements a JOIN platform_accounts u ON u.id = a.author_id
  LEFT JOIN geography_areas g ON g.code = a.target_area_code`;

export interface Audience {
  userId: string;
  memberPath: string | null;
  roles: string[];
  staff: boolean;
}
const audienceParams = (v: Audience) => [v.userId, v.memberPath, v.roles, v.staff];

export const announcementsRepository = {
  async insert(
    db: Queryable,
    v: Omit<AnnouncementRow, 'target_area_name' | 'author_name' | 'created_at' | 'read'>,
  ): Promise<void> {
    await db.query(
      `INSERT INTO community_announcements (id, program_id, title, body, target_area_code, target_path, target_role,
         target_space_id, pinned, author_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        v.id,
        v.program_id,
        JSON.stringify(v.title),
        JSON.stringify(v.body),
        v.target_area_code,
        v.target_path,
        v.target_role,
        v.target_space_id,
        v.pinned,
        v.author_id,
      ],
    );
  },

  /** One announcement with whether the viewer has read it and whether it is aimed at them (or theirs). */
  async byId(db: Queryable, id: string, viewer: Audience) {
    return (
      await db.query<AnnouncementRow & { aimed: boolean }>(
        `${SELECT.replace('a.created_at,', `a.created_at, (a.author_id = $2 OR ${AIMED_AT_VIEWER}) AS aimed,`)}
         WHERE a.id = $1`,
        [id, ...audienceParams(viewer)],
      )
    )[0];
  },

  /** The program's announcements aimed at the viewer or written by them: pinned first, then newest. */
  async list(db: Queryable, programId: string, viewer: Audience, limit: number): Promise<AnnouncementRow[]> {
    return db.query<AnnouncementRow>(
      `${SELECT} WHERE a.program_id = $1 AND (a.author_id = $2 OR ${AIMED_AT_VIEWER})
       ORDER BY a.pinned DESC, a.created_at DESC, a.id DESC LIMIT $6`,
      [programId, ...audienceParams(viewer), limit],
    );
  },

  async programOf(db: Queryable, id: string): Promise<string | undefined> {
    const rows = await db.query<{ program_id: string }>(
      'SELECT program_id FROM community_announcements WHERE id = $1',
      [id],
    );
    return rows[0]?.program_id;
  },

  async markRead(db: Queryable, id: string, userId: string): Promise<void> {
    await db.query(
      `INSERT INTO community_announcement_reads (announcement_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [id, userId],
    );
  },

  /**
   * How many it is aimed at and how many of them have read it: welcomed members in its area,
   * space or role 'member'; staff holding its role; for the whole community, members and staff.
   */
  async reach(db: Queryable, id: string): Promise<{ read: number; targeted: number }> {
    const rows = await db.query<{ read: number; targeted: number }>(
      `WITH a AS (SELECT * FROM community_announcements WHERE id = $1),
       audience AS (
         SELECT j.user_id FROM community_joins j, a
         WHERE j.program_id = a.program_id AND j.status = 'welcomed' AND j.user_id IS NOT NULL AND (
           (a.target_role IS NULL AND a.target_space_id IS NULL AND j.area_path LIKE a.target_path || '%')
           OR a.target_role = 'member'
           OR (a.target_space_id IS NOT NULL AND EXISTS (SELECT 1 FROM community_spaces s
             WHERE s.id = a.target_space_id AND (s.kind = 'topic' OR j.area_path LIKE s.area_path || '%'))))
         UNION
         SELECT g.user_id FROM programs_role_grants g, a
         WHERE g.program_id = a.program_id AND (g.role = a.target_role OR (a.target_role IS NULL
           AND a.target_area_code IS NULL AND a.target_space_id IS NULL AND g.role = ANY($2::text[]))))
       SELECT (SELECT count(*)::int FROM community_announcement_reads r
           WHERE r.announcement_id = $1 AND r.user_id IN (SELECT user_id FROM audience)) AS read,
         (SELECT count(*)::int FROM audience) AS targeted`,
      [id, STAFF_ROLES],
    );
    return rows[0] ?? { read: 0, targeted: 0 };
  },
};

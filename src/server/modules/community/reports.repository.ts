import type { Queryable } from '../../db/database.js';

export interface OpenReportRow {
  post_id: string;
  body: string;
  author_id: string;
  author_name: string;
  hidden: boolean;
  post_created_at: Date;
  thread_id: string;
  title: string;
  space_id: string;
  space_name: Record<string, string>;
  reports: { reason: string; createdAt: string }[];
}

export interface ModerationLogRow {
  id: string;
  action: string;
  reason: string;
  created_at: Date;
  actor_id: string;
  actor_name: string;
  thread_id: string | null;
  thread_title: string | null;
  /** The space the action was in: the thread's, or the one a moderator was appointed to. */
  space_id: string | null;
  post_id: string | null;
  user_id: string | null;
  user_name: string | null;
  /** The village path of the member acted on (mute, suspend, lift), when they are welcomed. */
  member_path: string | null;
}

export const reportsRepository = {
  /** The posts with open reports in the given spaces, the most reported first, with each report's reason. */
  async open(db: Queryable, spaceIds: string[]): Promise<OpenReportRow[]> {
    return db.query<OpenReportRow>(
      `SELECT p.id AS post_id, p.body, p.author_id, u.name AS author_name, p.hidden_at IS NOT NULL AS hidden,
         p.created_at AS post_created_at, t.id AS thread_id, t.title, s.id AS space_id, s.name AS space_name,
         json_agg(json_build_object('reason', r.reason, 'createdAt', r.created_at) ORDER BY r.created_at) AS reports
       FROM community_reports r JOIN community_posts p ON p.id = r.post_id
       JOIN community_threads t ON t.id = p.thread_id JOIN community_spaces s ON s.id = t.space_id
       JOIN platform_accounts u ON u.id = p.author_id
       WHERE r.resolved_at IS NULL AND t.space_id = ANY($1::uuid[])
       GROUP BY p.id, u.name, t.id, s.id
       ORDER BY count(*) DESC, min(r.created_at), p.id LIMIT 200`,
      [spaceIds],
    );
  },

  /** Closes a post's open reports; how many were open. */
  async resolve(db: Queryable, postId: string, by: string, at: Date): Promise<number> {
    const rows = await db.query(
      `UPDATE community_reports SET resolved_at = $3, resolved_by = $2 WHERE post_id = $1 AND resolved_at IS NULL
       RETURNING 1`,
      [postId, by, at],
    );
    return rows.length;
  },

  /** A program's moderation log, newest first, with who acted and on what. */
  async log(db: Queryable, programId: string, limit: number): Promise<ModerationLogRow[]> {
    return db.query<ModerationLogRow>(
      `SELECT l.id, l.action, l.reason, l.created_at, l.actor_id, a.name AS actor_name, l.thread_id,
         t.title AS thread_title, coalesce(t.space_id, l.space_id) AS space_id, l.post_id, l.user_id,
         m.name AS user_name, j.area_path AS member_path
       FROM community_moderation_log l JOIN platform_accounts a ON a.id = l.actor_id
       LEFT JOIN community_threads t ON t.id = l.thread_id
       LEFT JOIN platform_accounts m ON m.id = l.user_id
       LEFT JOIN LATERAL (SELECT area_path FROM community_joins WHERE program_id = l.program_id
         AND user_id = l.user_id AND status = 'welcomed' ORDER BY decided_at DESC LIMIT 1) j ON l.user_id IS NOT NULL
       WHERE l.program_id = $1
       ORDER BY l.created_at DESC, l.id DESC LIMIT $2`,
      [programId, limit],
    );
  },
};

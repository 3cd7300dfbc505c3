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
};

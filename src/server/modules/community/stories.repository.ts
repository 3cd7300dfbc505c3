import type { Queryable } from '../../db/database.js';
import { query, rawSql, sql, type Sql } from '../../db/sql.js';
import type { PhotoFields } from '../../storage/photo-encoding.js';

export interface StoryRow {
  id: string;
  program_id: string;
  group_id: string;
  group_name: string;
  area_path: string;
  title: Record<string, string>;
  body: Record<string, string>;
  status: 'draft' | 'submitted' | 'published';
  review_comment: string | null;
  author_id: string;
  published_at: Date | null;
  version: number;
  template_id: string | null;
}

export type StoryPhotoRow = PhotoFields & { story_id: string };

export interface StoryFactsRow {
  group_id: string;
  stars: number | null;
  first_export_on: string | null;
  trained_members: number;
}

const SELECT = `SELECT s.id, s.program_id, s.group_id, g.name AS group_name, s.area_path, s.title, s.body, s.status,
  s.review_comment, s.author_id, s.published_at, s.version, s.template_id
  FROM community_stories s JOIN registry_groups g ON g.id = s.group_id`;

export const storiesRepository = {
  async byId(db: Queryable, id: string): Promise<StoryRow | undefined> {
    return (await db.query<StoryRow>(`${SELECT} WHERE s.id = $1`, [id]))[0];
  },

  async lockedById(db: Queryable, id: string): Promise<StoryRow | undefined> {
    await db.query('SELECT 1 FROM community_stories WHERE id = $1 FOR UPDATE', [id]);
    return this.byId(db, id);
  },

  async insert(
    db: Queryable,
    v: Pick<StoryRow, 'id' | 'program_id' | 'group_id' | 'area_path' | 'title' | 'body' | 'author_id' | 'template_id'>,
  ): Promise<void> {
    await db.query(
      `INSERT INTO community_stories (id, program_id, group_id, area_path, title, body, author_id, template_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        v.id,
        v.program_id,
        v.group_id,
        v.area_path,
        JSON.stringify(v.title),
        JSON.stringify(v.body),
        v.author_id,
        v.template_id,
      ],
    );
  },

  async update(
    db: Queryable,
    id: string,
    v: Pick<StoryRow, 'title' | 'body' | 'status' | 'review_comment' | 'published_at'> & { publishedBy: string | null },
  ): Promise<void> {
    await db.query(
      `UPDATE community_stories SET title = $2, body = $3, status = $4, review_comment = $5, published_at = $6,
         published_by = COALESCE($7, published_by), version = version + 1 WHERE id = $1`,
      [id, JSON.stringify(v.title), JSON.stringify(v.body), v.status, v.review_comment, v.published_at, v.publishedBy],
    );
  },

  /** A program's stories in a status (published: newest first), within `scope` (alias s; null: published ones for anyone). */
  async list(db: Queryable, programId: string, status: string | null, scope: Sql | null): Promise<StoryRow[]> {
    return query<StoryRow & Record<string, unknown>>(
      db,
      sql`${rawSql(SELECT)} WHERE s.program_id = ${programId} AND (${status}::text IS NULL OR s.status = ${status})
        AND ${scope ?? rawSql('true')} ORDER BY s.published_at DESC NULLS LAST, s.created_at DESC, s.id DESC LIMIT 200`,
    );
  },

  async photos(db: Queryable, storyIds: string[]): Promise<StoryPhotoRow[]> {
    if (storyIds.length === 0) return [];
    return db.query<StoryPhotoRow>(
      `SELECT id, story_id, content_type, byte_size, width, height, storage_key, thumbnail_key
       FROM community_story_photos WHERE story_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [storyIds],
    );
  },

  async countPhotos(db: Queryable, storyId: string): Promise<number> {
    const rows = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM community_story_photos WHERE story_id = $1',
      [storyId],
    );
    return rows[0]!.n;
  },

  async insertPhoto(db: Queryable, p: StoryPhotoRow): Promise<void> {
    await db.query(
      `INSERT INTO community_story_photos (id, story_id, content_type, byte_size, width, height, storage_key, thumbnail_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [p.id, p.story_id, p.content_type, p.byte_size, p.width, p.height, p.storage_key, p.thumbnail_key],
    );
  },

  /**
   * What the groups have done, from the read models quality, market and training publish: their best
   * star award, their first export order, and their members with a training certificate that stands.
   */
  async facts(db: Queryable, groupIds: string[]): Promise<StoryFactsRow[]> {
    if (groupIds.length === 0) return [];
    return db.query<StoryFactsRow>(
      `SELECT g.id AS group_id,
         (SELECT max(a.stars)::int FROM quality_star_awards a WHERE a.group_id = g.id) AS stars,
         (SELECT min(o.placed_on)::text FROM market_orders o
           WHERE o.group_id = g.id AND o.market = 'export' AND o.status <> 'cancelled') AS first_export_on,
         (SELECT count(DISTINCT c.member_id)::int FROM training_completions c WHERE c.group_id = g.id) AS trained_members
       FROM unnest($1::uuid[]) AS g(id)`,
      [groupIds],
    );
  },

  /** The groups' products on the public catalog (published: not drafts), by name. */
  async products(
    db: Queryable,
    groupIds: string[],
  ): Promise<{ id: string; group_id: string; name: Record<string, string> }[]> {
    if (groupIds.length === 0) return [];
    return db.query(
      `SELECT id, group_id, name FROM registry_products WHERE group_id = ANY($1::uuid[]) AND status <> 'draft'
       ORDER BY created_at, id`,
      [groupIds],
    );
  },
};

import type { Queryable } from '../../db/database.js';
import { likeContaining, likePrefix } from '../../db/sql.js';
import type { PhotoFields } from '../../storage/photo-encoding.js';
import type { WordLookup } from '../market/index.js';

export interface ThreadRow {
  id: string;
  program_id: string;
  space_id: string;
  space_name: Record<string, string>;
  space_area_path: string;
  author_id: string;
  author_name: string;
  title: string;
  kind: 'discussion' | 'question';
  language: 'id' | 'en' | 'ja';
  accepted_post_id: string | null;
  locked_at: Date | null;
  hidden_at: Date | null;
  reply_count: number;
  last_activity_at: Date;
  created_at: Date;
}

/** A word found whole (or as a word's beginning) by the full-text document: Latin letters and digits. */
function isWholeWord(word: string): boolean {
  return /^[\p{Script=Latin}\p{Nd}]+$/u.test(word);
}

export interface PostRow {
  id: string;
  thread_id: string;
  author_id: string;
  author_name: string;
  body: string;
  language: 'id' | 'en' | 'ja';
  hidden_at: Date | null;
  created_at: Date;
  tr_language: 'id' | 'en' | 'ja' | null;
  tr_title: string | null;
  tr_body: string | null;
  tr_added_by: string | null;
  tr_added_by_name: string | null;
  tr_added_at: Date | null;
  helpful_count: number;
  helpful_by_me: boolean;
  reported_by_me: boolean;
  reports: number;
}

/** A thread with its space, its opening post's state and its kept count of visible replies (0041). */
const THREAD = `SELECT t.id, t.program_id, t.space_id, s.name AS space_name, s.area_path AS space_area_path,
  t.author_id, u.name AS author_name, t.title, t.kind, t.language, t.accepted_post_id, t.locked_at, o.hidden_at,
  t.reply_count, t.last_activity_at, t.created_at
  FROM community_threads t JOIN community_posts o ON o.id = t.id JOIN community_spaces s ON s.id = t.space_id
  JOIN platform_accounts u ON u.id = t.author_id`;

export interface PostPhotoRow extends PhotoFields {
  post_id: string;
}

const PHOTO = `SELECT id, post_id, content_type, byte_size, width, height, storage_key, thumbnail_key
  FROM community_post_photos`;

export interface PostHead {
  id: string;
  thread_id: string;
  author_id: string;
  language: 'id' | 'en' | 'ja';
  hidden_at: Date | null;
}

/** A post with its thread's facts: what a repeated create (same client id) is compared with. */
export interface WrittenPost {
  id: string;
  thread_id: string;
  author_id: string;
  body: string;
  language: string;
  space_id: string;
  title: string;
  kind: string;
}

export interface NewThread {
  id: string;
  programId: string;
  spaceId: string;
  authorId: string;
  title: string;
  body: string;
  kind: string;
  language: string;
  at: Date;
}

export const threadsRepository = {
  async byId(db: Queryable, id: string): Promise<ThreadRow | undefined> {
    return (await db.query<ThreadRow>(`${THREAD} WHERE t.id = $1`, [id]))[0];
  },

  async lock(db: Queryable, id: string): Promise<void> {
    await db.query('SELECT 1 FROM community_threads WHERE id = $1 FOR UPDATE', [id]);
  },

  /** A thread and its opening post, followed by its author. */
  async insert(db: Queryable, t: NewThread): Promise<void> {
    await db.query(
      `INSERT INTO community_threads (id, program_id, space_id, author_id, title, kind, language, last_activity_at,
         search_text, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, lower($5 || ' ' || $9), $8)`,
      [t.id, t.programId, t.spaceId, t.authorId, t.title, t.kind, t.language, t.at, t.body],
    );
    await db.query(
      `INSERT INTO community_posts (id, thread_id, program_id, author_id, body, language, created_at)
       VALUES ($1, $1, $2, $3, $4, $5, $6)`,
      [t.id, t.programId, t.authorId, t.body, t.language, t.at],
    );
    await db.query('INSERT INTO community_follows (thread_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      t.id,
      t.authorId,
    ]);
  },

  /** A reply; the thread's reply count and last activity follow by trigger (0041). */
  async insertReply(
    db: Queryable,
    r: { id: string; threadId: string; programId: string; authorId: string; body: string; language: string; at: Date },
  ): Promise<void> {
    await db.query(
      `INSERT INTO community_posts (id, thread_id, program_id, author_id, body, language, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [r.id, r.threadId, r.programId, r.authorId, r.body, r.language, r.at],
    );
  },

  /** A space's threads, newest activity first; keyset on (last_activity_at, id) descending. */
  async inSpace(
    db: Queryable,
    f: { spaceId: string; withHidden: boolean; after: [string, string] | null; limit: number },
  ): Promise<ThreadRow[]> {
    const params: unknown[] = [f.spaceId, f.withHidden, f.limit + 1];
    const after = f.after
      ? `AND (t.last_activity_at, t.id) < ($${params.push(f.after[0])}::timestamptz, $${params.push(f.after[1])}::uuid)`
      : '';
    return db.query<ThreadRow>(
      `${THREAD} WHERE t.space_id = $1 AND (o.hidden_at IS NULL OR $2) ${after}
       ORDER BY t.last_activity_at DESC, t.id DESC LIMIT $3`,
      params,
    );
  },

  /**
   * Threads of the program in the given spaces whose title and posts (search_text) hold every word of a
   * tier and not all the words of any earlier tier, newest activity first. Latin words are whole
   * words or their beginnings, through the full-text document (community_threads_doc); other words
   * (Japanese is written without spaces) are found inside the text.
   */
  async matching(
    db: Queryable,
    f: { programId: string; spaceIds: string[]; withHidden: boolean; words: string[]; excluding: string[][] },
    limit: number,
  ): Promise<ThreadRow[]> {
    const params: unknown[] = [f.programId, f.spaceIds, f.withHidden];
    const holds = (words: string[]) => {
      const whole = words.filter(isWholeWord);
      return [
        ...(whole.length
          ? [`t.search_doc @@ to_tsquery('simple', $${params.push(whole.map((w) => `${w}:*`).join(' & '))})`]
          : []),
        ...words.filter((w) => !isWholeWord(w)).map((w) => `t.search_text LIKE $${params.push(likeContaining(w))}`),
      ];
    };
    const match = [...holds(f.words), ...f.excluding.map((set) => `NOT (${holds(set).join(' AND ') || 'true'})`)];
    return db.query<ThreadRow>(
      `${THREAD} WHERE t.program_id = $1 AND t.space_id = ANY($2::uuid[]) AND (o.hidden_at IS NULL OR $3)
         AND ${match.join(' AND ') || 'true'}
       ORDER BY t.last_activity_at DESC, t.id DESC LIMIT $${params.push(limit)}`,
      params,
    );
  },

  /**
   * For each word, whether the program's threads hold a word beginning with it (as matching finds
   * it) and, if not, the closest words they hold.
   */
  async wordLookups(db: Queryable, programId: string, tokens: string[]): Promise<WordLookup[]> {
    if (tokens.length === 0) return [];
    const params: unknown[] = [programId];
    const blocks = tokens.map((token) => {
      const [word, pattern] = [`$${params.push(token)}::text`, `$${params.push(likePrefix(token))}`];
      return `SELECT ${word} AS token, k.known, c.word, c.similarity
        FROM (SELECT EXISTS (SELECT 1 FROM community_words WHERE program_id = $1 AND word LIKE ${pattern}) AS known) k
        LEFT JOIN LATERAL (
          SELECT word, similarity(word, ${word}) AS similarity FROM community_words
          WHERE NOT k.known AND program_id = $1 AND word % ${word} AND strpos(${word}, word) = 0
          ORDER BY similarity DESC, word LIMIT 3
        ) c ON true`;
    });
    return db.query<WordLookup>(blocks.join('\nUNION ALL\n'), params);
  },

  /**
   * The thread's posts in the order written, with helpful counts, the viewer's own marks, and the
   * stored translation into the reader's language (none for a post written in it).
   */
  async posts(
    db: Queryable,
    threadId: string,
    viewerId: string,
    withHidden: boolean,
    locale: string,
  ): Promise<PostRow[]> {
    return db.query<PostRow>(
      `SELECT p.id, p.thread_id, p.author_id, u.name AS author_name, p.body, p.language, p.hidden_at, p.created_at,
         tr.language AS tr_language, tr.title AS tr_title, tr.body AS tr_body, tr.added_by AS tr_added_by,
         ta.name AS tr_added_by_name, tr.added_at AS tr_added_at,
         (SELECT count(*)::int FROM community_helpful h WHERE h.post_id = p.id) AS helpful_count,
         EXISTS (SELECT 1 FROM community_helpful h WHERE h.post_id = p.id AND h.user_id = $2) AS helpful_by_me,
         EXISTS (SELECT 1 FROM community_reports r WHERE r.post_id = p.id AND r.user_id = $2) AS reported_by_me,
         (SELECT count(*)::int FROM community_reports r WHERE r.post_id = p.id) AS reports
       FROM community_posts p JOIN platform_accounts u ON u.id = p.author_id
       LEFT JOIN community_post_translations tr ON tr.post_id = p.id AND tr.language = $4 AND p.language <> $4
       LEFT JOIN platform_accounts ta ON ta.id = tr.added_by
       WHERE p.thread_id = $1 AND (p.hidden_at IS NULL OR $3)
       ORDER BY p.id = p.thread_id DESC, p.created_at, p.id`,
      [threadId, viewerId, withHidden, locale],
    );
  },

  async post(db: Queryable, id: string): Promise<PostHead | undefined> {
    return (
      await db.query<PostHead>(
        'SELECT id, thread_id, author_id, language, hidden_at FROM community_posts WHERE id = $1',
        [id],
      )
    )[0];
  },

  /** A post as written, for a replay of its create (decision 031). */
  async written(db: Queryable, id: string): Promise<WrittenPost | undefined> {
    return (
      await db.query<WrittenPost>(
        `SELECT p.id, p.thread_id, p.author_id, p.body, p.language, t.space_id, t.title, t.kind
         FROM community_posts p JOIN community_threads t ON t.id = p.thread_id WHERE p.id = $1`,
        [id],
      )
    )[0];
  },

  async translation(
    db: Queryable,
    postId: string,
    language: string,
  ): Promise<{ title: string | null; body: string; added_by: string } | undefined> {
    return (
      await db.query<{ title: string | null; body: string; added_by: string }>(
        'SELECT title, body, added_by FROM community_post_translations WHERE post_id = $1 AND language = $2',
        [postId, language],
      )
    )[0];
  },

  /** Stores a post's translation into a language, replacing the one there was. */
  async saveTranslation(
    db: Queryable,
    t: { postId: string; language: string; title: string | null; body: string; addedBy: string; at: Date },
  ): Promise<void> {
    await db.query(
      `INSERT INTO community_post_translations (post_id, language, title, body, added_by, added_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (post_id, language) DO UPDATE
         SET title = excluded.title, body = excluded.body, added_by = excluded.added_by, added_at = excluded.added_at`,
      [t.postId, t.language, t.title, t.body, t.addedBy, t.at],
    );
  },

  /**
   * The thread's search text again from its title, opening text, visible replies and their stored
   * translations, and the program's words from it (0050): for a new reply; edits, hides, restores,
   * deletes and translations are kept by trigger.
   */
  async refreshSearchText(db: Queryable, threadId: string): Promise<void> {
    await db.query('SELECT community_threads_refresh_search(ARRAY[$1::uuid])', [threadId]);
  },

  /** The posts' photos, in the order added. */
  async photos(db: Queryable, postIds: string[]): Promise<PostPhotoRow[]> {
    if (postIds.length === 0) return [];
    return db.query<PostPhotoRow>(`${PHOTO} WHERE post_id = ANY($1::uuid[]) ORDER BY created_at, id`, [postIds]);
  },

  async photoById(db: Queryable, id: string): Promise<PostPhotoRow | undefined> {
    return (await db.query<PostPhotoRow>(`${PHOTO} WHERE id = $1`, [id]))[0];
  },

  /** The photo a stored file (the photo or its thumbnail) belongs to. */
  async photoByKey(db: Queryable, key: string): Promise<PostPhotoRow | undefined> {
    return (await db.query<PostPhotoRow>(`${PHOTO} WHERE storage_key = $1 OR thumbnail_key = $1`, [key]))[0];
  },

  async countPhotos(db: Queryable, postId: string): Promise<number> {
    const rows = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM community_post_photos WHERE post_id = $1',
      [postId],
    );
    return rows[0]!.n;
  },

  async insertPhoto(db: Queryable, p: PostPhotoRow, at: Date): Promise<void> {
    await db.query(
      `INSERT INTO community_post_photos (id, post_id, content_type, byte_size, width, height, storage_key,
         thumbnail_key, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [p.id, p.post_id, p.content_type, p.byte_size, p.width, p.height, p.storage_key, p.thumbnail_key, at],
    );
  },

  async deletePhoto(db: Queryable, id: string): Promise<void> {
    await db.query('DELETE FROM community_post_photos WHERE id = $1', [id]);
  },

  /** Who follows the thread: told of each reply. */
  async followers(db: Queryable, threadId: string): Promise<string[]> {
    const rows = await db.query<{ user_id: string }>(
      'SELECT user_id FROM community_follows WHERE thread_id = $1 ORDER BY user_id',
      [threadId],
    );
    return rows.map((r) => r.user_id);
  },

  async postAuthor(db: Queryable, postId: string): Promise<string | undefined> {
    const rows = await db.query<{ author_id: string }>('SELECT author_id FROM community_posts WHERE id = $1', [postId]);
    return rows[0]?.author_id;
  },

  async isFollowing(db: Queryable, threadId: string, userId: string): Promise<boolean> {
    const rows = await db.query('SELECT 1 FROM community_follows WHERE thread_id = $1 AND user_id = $2', [
      threadId,
      userId,
    ]);
    return rows.length > 0;
  },

  async setFollowing(db: Queryable, threadId: string, userId: string, following: boolean): Promise<void> {
    await db.query(
      following
        ? 'INSERT INTO community_follows (thread_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING'
        : 'DELETE FROM community_follows WHERE thread_id = $1 AND user_id = $2',
      [threadId, userId],
    );
  },

  /** Turns the person's "helpful" on the post on or off; answers whether it is now on and the count. */
  async toggleHelpful(db: Queryable, postId: string, userId: string): Promise<{ helpful: boolean; count: number }> {
    const removed = await db.query('DELETE FROM community_helpful WHERE post_id = $1 AND user_id = $2 RETURNING 1', [
      postId,
      userId,
    ]);
    if (removed.length === 0)
      await db.query('INSERT INTO community_helpful (post_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        postId,
        userId,
      ]);
    const [row] = await db.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM community_helpful WHERE post_id = $1',
      [postId],
    );
    return { helpful: removed.length === 0, count: row!.count };
  },

  /** Records a report; false when the person reported the post already. */
  async report(db: Queryable, postId: string, userId: string, reason: string): Promise<boolean> {
    const rows = await db.query(
      `INSERT INTO community_reports (post_id, user_id, reason) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
      [postId, userId, reason],
    );
    return rows.length > 0;
  },

  async accept(db: Queryable, threadId: string, postId: string): Promise<void> {
    await db.query('UPDATE community_threads SET accepted_post_id = $2 WHERE id = $1', [threadId, postId]);
  },

  async setHidden(db: Queryable, postId: string, hidden: { at: Date; by: string } | null): Promise<void> {
    await db.query('UPDATE community_posts SET hidden_at = $2, hidden_by = $3 WHERE id = $1', [
      postId,
      hidden?.at ?? null,
      hidden?.by ?? null,
    ]);
  },

  async setLocked(db: Queryable, threadId: string, at: Date | null): Promise<void> {
    await db.query('UPDATE community_threads SET locked_at = $2 WHERE id = $1', [threadId, at]);
  },

  async logModeration(
    db: Queryable,
    m: {
      id: string;
      programId: string;
      actorId: string;
      action: string;
      threadId: string;
      postId: string | null;
      reason: string;
    },
  ): Promise<void> {
    await db.query(
      `INSERT INTO community_moderation_log (id, program_id, actor_id, action, thread_id, post_id, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [m.id, m.programId, m.actorId, m.action, m.threadId, m.postId, m.reason],
    );
  },

  /** Threads the account opened since the time given: the slow mode's count. */
  async threadsSince(db: Queryable, programId: string, authorId: string, since: Date): Promise<Date[]> {
    const rows = await db.query<{ created_at: Date }>(
      `SELECT created_at FROM community_threads WHERE program_id = $1 AND author_id = $2 AND created_at > $3
       ORDER BY created_at`,
      [programId, authorId, since],
    );
    return rows.map((r) => r.created_at);
  },
};

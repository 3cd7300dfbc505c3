import type { Queryable } from '../../db/database.js';

export interface SpaceRow {
  id: string;
  program_id: string;
  kind: 'topic' | 'area';
  topic: string | null;
  area_code: string | null;
  area_level: string | null;
  area_path: string;
  name: Record<string, string>;
}

/** A space with its count of threads, for the spaces screen. */
export interface CountedSpaceRow extends SpaceRow {
  thread_count: number;
}

/** A welcomed member of a program's community: the account and the village they joined from. */
export interface MemberRow {
  id: string;
  program_id: string;
  user_id: string;
  area_path: string;
  welcomed_at: Date;
}

const COLUMNS = `s.id, s.program_id, s.kind, s.topic, s.area_code, a.level AS area_level, s.area_path, s.name`;
const FROM = `FROM community_spaces s LEFT JOIN geography_areas a ON a.code = s.area_code`;
/** Counting a space's threads reads every one of them: only the spaces screen asks for it. */
const THREAD_COUNT = `(SELECT count(*)::int FROM community_threads t JOIN community_posts p ON p.id = t.id
    WHERE t.space_id = s.id AND (p.hidden_at IS NULL OR $2)) AS thread_count`;

export const spacesRepository = {
  /** The account's welcome into the program's community, if it has one (the newest). */
  async member(db: Queryable, programId: string, userId: string): Promise<MemberRow | undefined> {
    return (
      await db.query<MemberRow>(
        `SELECT id, program_id, user_id, area_path, decided_at AS welcomed_at FROM community_joins
         WHERE program_id = $1 AND user_id = $2 AND status = 'welcomed' ORDER BY decided_at DESC LIMIT 1`,
        [programId, userId],
      )
    )[0];
  },

  /** Adds the spaces that are missing: the topic spaces, and the areas (province, regency) over a village's path. */
  async ensure(
    db: Queryable,
    programId: string,
    topics: { id: string; topic: string; name: Record<string, string> }[],
    villagePath: string | null,
    newId: () => string,
  ): Promise<void> {
    await db.query(
      `INSERT INTO community_spaces (id, program_id, kind, topic, name)
       SELECT t.id, $1, 'topic', t.topic, t.name FROM jsonb_to_recordset($2::jsonb) AS t(id uuid, topic text, name jsonb)
       ORDER BY t.topic ON CONFLICT DO NOTHING`,
      [programId, JSON.stringify(topics)],
    );
    if (villagePath === null) return;
    const areas = await db.query<{ code: string; name: string; path: string }>(
      `SELECT code, name, path FROM geography_areas
       WHERE level IN ('province', 'regency') AND $1 LIKE path || '%' ORDER BY depth`,
      [villagePath],
    );
    for (const area of areas)
      await db.query(
        `INSERT INTO community_spaces (id, program_id, kind, area_code, area_path, name)
         VALUES ($1, $2, 'area', $3, $4, $5) ON CONFLICT DO NOTHING`,
        [newId(), programId, area.code, area.path, JSON.stringify({ id: area.name })],
      );
  },

  /** The programs whose community the account was welcomed into, or (staff, `programIds`) works in; by name. */
  async communities(
    db: Queryable,
    userId: string,
    programIds: string[] | 'all',
  ): Promise<{ id: string; name: string; member: boolean }[]> {
    return db.query(
      `SELECT p.id, p.name, EXISTS (SELECT 1 FROM community_joins j WHERE j.program_id = p.id AND j.user_id = $1
           AND j.status = 'welcomed') AS member
       FROM programs_programs p
       WHERE EXISTS (SELECT 1 FROM community_rules r WHERE r.program_id = p.id)
         AND (p.id = ANY($2::uuid[]) OR $3 OR EXISTS (SELECT 1 FROM community_joins j WHERE j.program_id = p.id
           AND j.user_id = $1 AND j.status = 'welcomed'))
       ORDER BY p.name, p.id`,
      [userId, programIds === 'all' ? [] : programIds, programIds === 'all'],
    );
  },

  /**
   * The program's spaces, topics first; `villagePath` (a member's) narrows area spaces to the
   * areas over their village, null lists them all. Thread counts leave hidden threads out unless
   * `withHidden`.
   */
  async list(
    db: Queryable,
    programId: string,
    villagePath: string | null,
    withHidden: boolean,
  ): Promise<CountedSpaceRow[]> {
    return db.query<CountedSpaceRow>(
      `SELECT ${COLUMNS}, ${THREAD_COUNT} ${FROM} WHERE s.program_id = $1
         AND (s.kind = 'topic' OR $3::text IS NULL OR $3::text LIKE s.area_path || '%')
       ORDER BY s.kind DESC, s.area_path, s.topic`,
      [programId, withHidden, villagePath],
    );
  },

  /** Every space of the program, without counts (search). */
  async inProgram(db: Queryable, programId: string): Promise<SpaceRow[]> {
    return db.query<SpaceRow>(`SELECT ${COLUMNS} ${FROM} WHERE s.program_id = $1 ORDER BY s.id`, [programId]);
  },

  async byId(db: Queryable, id: string): Promise<SpaceRow | undefined> {
    return (await db.query<SpaceRow>(`SELECT ${COLUMNS} ${FROM} WHERE s.id = $1`, [id]))[0];
  },

  /** The space's threads, leaving hidden ones out unless `withHidden`. */
  async threadCount(db: Queryable, id: string, withHidden: boolean): Promise<number> {
    const [row] = await db.query<{ thread_count: number }>(
      `SELECT ${THREAD_COUNT} FROM community_spaces s WHERE s.id = $1`,
      [id, withHidden],
    );
    return row?.thread_count ?? 0;
  },
};

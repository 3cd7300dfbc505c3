import type { Queryable } from '../../db/database.js';
import type { CourseTest } from './training.schemas.js';

/** A material as the course keeps it: where the file is stored (answers carry a signed link made when read). */
export interface CourseFile {
  id: string;
  title: string;
  key: string;
  contentType: string;
  byteSize: number;
}

export interface CourseRow {
  id: string;
  program_id: string;
  title: Record<string, string>;
  description: Record<string, string>;
  topic: string;
  duration_hours: number;
  links: { title: string; url: string }[];
  files: CourseFile[];
  pre_test: CourseTest | null;
  post_test: CourseTest | null;
  min_attendance_percent: number;
  min_post_test_percent: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export type CourseValues = Omit<CourseRow, 'id' | 'program_id' | 'files' | 'version' | 'created_at' | 'updated_at'>;

const COLUMNS = [
  'title',
  'description',
  'topic',
  'duration_hours',
  'links',
  'pre_test',
  'post_test',
  'min_attendance_percent',
  'min_post_test_percent',
] as const satisfies readonly (keyof CourseValues)[];
const JSON_COLUMNS = new Set(['title', 'description', 'links', 'pre_test', 'post_test']);
const value = (c: CourseValues, column: (typeof COLUMNS)[number]) =>
  JSON_COLUMNS.has(column) && c[column] !== null ? JSON.stringify(c[column]) : c[column];

const RETURNED = `id, program_id, title, description, topic, duration_hours, links, files, pre_test, post_test,
  min_attendance_percent, min_post_test_percent, version, created_at, updated_at`;
const SELECT = `SELECT ${RETURNED} FROM courses c`;

export const coursesRepository = {
  async byId(db: Queryable, id: string): Promise<CourseRow | undefined> {
    return (await db.query<CourseRow>(`${SELECT} WHERE c.id = $1`, [id]))[0];
  },

  async list(
    db: Queryable,
    f: { programId: string; topic?: string | undefined; after: string | null; limit: number },
  ): Promise<CourseRow[]> {
    return db.query<CourseRow>(
      `${SELECT} WHERE c.program_id = $1 AND ($2::text IS NULL OR c.topic = $2) AND ($3::uuid IS NULL OR c.id > $3)
       ORDER BY c.id LIMIT $4`,
      [f.programId, f.topic ?? null, f.after, f.limit + 1],
    );
  },

  async insert(db: Queryable, id: string, programId: string, c: CourseValues): Promise<CourseRow> {
    const rows = await db.query<CourseRow>(
      `INSERT INTO courses (id, program_id, ${COLUMNS.join(', ')})
       VALUES ($1, $2, ${COLUMNS.map((_, i) => `$${i + 3}`).join(', ')}) RETURNING ${RETURNED}`,
      [id, programId, ...COLUMNS.map((col) => value(c, col))],
    );
    return rows[0]!;
  },

  /** Writes an edit based on `base`; undefined when the course is no longer at that version. */
  async update(db: Queryable, id: string, base: number, c: CourseValues): Promise<CourseRow | undefined> {
    const rows = await db.query<CourseRow>(
      `UPDATE courses SET ${COLUMNS.map((col, i) => `${col} = $${i + 3}`).join(', ')},
         version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 RETURNING ${RETURNED}`,
      [id, base, ...COLUMNS.map((col) => value(c, col))],
    );
    return rows[0];
  },

  /** Adds a material; undefined when the course is gone. */
  async addFile(db: Queryable, id: string, file: CourseFile): Promise<CourseRow | undefined> {
    const rows = await db.query<CourseRow>(
      `UPDATE courses SET files = files || $2::jsonb, version = version + 1, updated_at = now() WHERE id = $1
       RETURNING ${RETURNED}`,
      [id, JSON.stringify([file])],
    );
    return rows[0];
  },
};

import type { Queryable } from '../../db/database.js';
import type { TestKind } from './training.schemas.js';

export interface AttemptRow {
  id: string;
  enrolment_id: string;
  kind: TestKind;
  answers: (number | null)[];
  correct: number;
  total: number;
  created_at: Date;
}

export const testAttemptsRepository = {
  async byId(db: Queryable, id: string): Promise<AttemptRow | undefined> {
    return (
      await db.query<AttemptRow>(
        'SELECT id, enrolment_id, kind, answers, correct, total, created_at FROM test_attempts WHERE id = $1',
        [id],
      )
    )[0];
  },
  async insert(db: Queryable, a: Omit<AttemptRow, 'created_at'> & { recorded_by: string }): Promise<AttemptRow> {
    const rows = await db.query<AttemptRow>(
      `INSERT INTO test_attempts (id, enrolment_id, kind, answers, correct, total, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, enrolment_id, kind, answers, correct, total, created_at`,
      [a.id, a.enrolment_id, a.kind, JSON.stringify(a.answers), a.correct, a.total, a.recorded_by],
    );
    return rows[0]!;
  },
};

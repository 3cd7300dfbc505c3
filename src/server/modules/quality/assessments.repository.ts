import type { Queryable } from '../../db/database.js';
import { query, rawSql, sql, Where, type Sql } from '../../db/sql.js';
import type { PanelTier } from './quality.schemas.js';
import type { RatingResult, Score } from './scoring.js';

export interface AssessmentRow {
  id: string;
  program_id: string;
  product_id: string;
  group_id: string;
  area_path: string;
  scheme_id: string;
  year: number;
  panel_tier: PanelTier;
  assessed_on: string;
  status: 'open' | 'finalised' | 'appealed';
  self_scores: Score[] | null;
  self_assessed_at: Date | null;
  self_assessed_by: string | null;
  result: RatingResult | null;
  stars: number | null;
  valid_until: string | null;
  finalised_at: Date | null;
  finalised_by: string | null;
  reopened_at: Date | null;
  created_by: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface PanelScoreRow {
  assessment_id: string;
  assessor_id: string;
  criterion: string;
  points: string;
  comment: string | null;
  scored_at: Date;
}

export interface EvidenceRow {
  id: string;
  assessment_id: string;
  uploaded_by: string;
  criterion: string | null;
  content_type: string;
  byte_size: number;
  storage_key: string;
  created_at: Date;
}

export interface AppealRow {
  id: string;
  assessment_id: string;
  filed_by: string;
  reason: string;
  filed_at: Date;
  decision: 'upheld' | 'rejected' | null;
  note: string | null;
  decided_by: string | null;
  decided_at: Date | null;
}

const COLUMNS = `a.id, a.program_id, a.product_id, a.group_id, a.area_path, a.scheme_id, a.year, a.panel_tier,
  a.assessed_on, a.status, a.self_scores, a.self_assessed_at, a.self_assessed_by, a.result, a.stars, a.valid_until,
  a.finalised_at, a.finalised_by, a.reopened_at, a.created_by, a.version, a.created_at, a.updated_at`;

/** A panel tier as a rank, in SQL: district 1, province 2, national 3. */
const TIER_RANK_SQL = (column: string) =>
  `CASE ${column} WHEN 'district' THEN 1 WHEN 'province' THEN 2 WHEN 'national' THEN 3 END`;

export const assessmentsRepository = {
  async byId(db: Queryable, id: string): Promise<AssessmentRow | undefined> {
    return (await db.query<AssessmentRow>(`SELECT ${COLUMNS} FROM assessments a WHERE a.id = $1`, [id]))[0];
  },

  /** Assessments at or below the user's panel tier in the assessment's program (none without a tier). */
  withinPanelTier(userId: string): Sql {
    return sql`a.panel_rank <= (SELECT ${rawSql(TIER_RANK_SQL('t.tier'))} FROM assessor_tiers t
      WHERE t.program_id = a.program_id AND t.user_id = ${userId})`;
  },

  async list(
    db: Queryable,
    scope: Sql,
    f: {
      programId?: string | undefined;
      productId?: string | undefined;
      groupId?: string | undefined;
      status?: string | undefined;
      after: string | null;
      limit: number;
    },
  ): Promise<AssessmentRow[]> {
    const params: unknown[] = [];
    const where = new Where(params, scope);
    where.equal('a.program_id', f.programId);
    where.equal('a.product_id', f.productId);
    where.equal('a.group_id', f.groupId);
    where.equal('a.status', f.status);
    if (f.after) where.and(`a.id > ${where.bind(f.after)}`);
    return db.query<AssessmentRow>(
      `SELECT ${COLUMNS} FROM assessments a WHERE ${where} ORDER BY a.id LIMIT ${where.bind(f.limit + 1)}`,
      params,
    );
  },

  /** The product's assessment in a round (its year), if one was entered: at most one (migration 0031). */
  async inRound(db: Queryable, productId: string, year: number): Promise<AssessmentRow | undefined> {
    return (
      await db.query<AssessmentRow>(
        `SELECT ${COLUMNS} FROM assessments a WHERE a.product_id = $1 AND a.year = $2 AND NOT a.earlier_in_round`,
        [productId, year],
      )
    )[0];
  },

  /** The product's newest decided round: the one whose result the public sees. */
  async newestDecided(db: Queryable, productId: string): Promise<AssessmentRow | undefined> {
    return (
      await db.query<AssessmentRow>(
        `SELECT ${COLUMNS} FROM assessments a WHERE a.product_id = $1 AND a.status IN ('finalised', 'appealed')
         ORDER BY a.year DESC, a.assessed_on DESC, a.earlier_in_round, a.created_at DESC LIMIT 1`,
        [productId],
      )
    )[0];
  },

  async insert(
    db: Queryable,
    a: Pick<
      AssessmentRow,
      | 'id'
      | 'program_id'
      | 'product_id'
      | 'group_id'
      | 'area_path'
      | 'scheme_id'
      | 'year'
      | 'panel_tier'
      | 'assessed_on'
      | 'created_by'
    >,
  ): Promise<AssessmentRow> {
    const rows = await db.query<AssessmentRow>(
      `INSERT INTO assessments AS a (id, program_id, product_id, group_id, area_path, scheme_id, year, panel_tier, panel_rank,
         assessed_on, status, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, ${TIER_RANK_SQL('$8::text')}, $9, 'open', $10) RETURNING ${COLUMNS}`,
      [
        a.id,
        a.program_id,
        a.product_id,
        a.group_id,
        a.area_path,
        a.scheme_id,
        a.year,
        a.panel_tier,
        a.assessed_on,
        a.created_by,
      ],
    );
    return rows[0]!;
  },

  async setSelfScores(db: Queryable, id: string, scores: Score[], by: string): Promise<AssessmentRow> {
    return one(
      db,
      sql`UPDATE assessments a SET self_scores = ${JSON.stringify(scores)}, self_assessed_at = now(),
        self_assessed_by = ${by}, version = version + 1, updated_at = now() WHERE a.id = ${id}`,
    );
  },

  async upsertPanelScores(
    db: Queryable,
    id: string,
    assessorId: string,
    scores: { criterion: string; points: number; comment?: string | undefined }[],
  ): Promise<AssessmentRow> {
    await db.query(
      `INSERT INTO panel_scores (assessment_id, assessor_id, criterion, points, comment)
       SELECT $1, $2, s.criterion, s.points, s.comment
       FROM jsonb_to_recordset($3::jsonb) AS s(criterion text, points numeric, comment text)
       ON CONFLICT (assessment_id, assessor_id, criterion)
       DO UPDATE SET points = excluded.points, comment = excluded.comment, scored_at = now()`,
      [id, assessorId, JSON.stringify(scores)],
    );
    return one(db, sql`UPDATE assessments a SET version = version + 1, updated_at = now() WHERE a.id = ${id}`);
  },

  async panelScores(db: Queryable, id: string): Promise<PanelScoreRow[]> {
    return db.query<PanelScoreRow>(
      `SELECT assessment_id, assessor_id, criterion, points, comment, scored_at FROM panel_scores
       WHERE assessment_id = $1 ORDER BY criterion, assessor_id`,
      [id],
    );
  },

  async finalise(
    db: Queryable,
    id: string,
    f: { result: RatingResult; stars: number | null; validUntil: string | null; by: string },
  ): Promise<AssessmentRow> {
    return one(
      db,
      sql`UPDATE assessments a SET status = 'finalised', result = ${JSON.stringify(f.result)}, stars = ${f.stars},
        valid_until = ${f.validUntil}, finalised_at = now(), finalised_by = ${f.by}, version = version + 1,
        updated_at = now() WHERE a.id = ${id}`,
    );
  },

  async setStatus(db: Queryable, id: string, status: AssessmentRow['status']): Promise<AssessmentRow> {
    return one(
      db,
      sql`UPDATE assessments a SET status = ${status}, version = version + 1, updated_at = now() WHERE a.id = ${id}`,
    );
  },

  /** An upheld appeal reopens scoring: the computed result is set aside until the next finalisation. */
  async reopen(db: Queryable, id: string): Promise<AssessmentRow> {
    return one(
      db,
      sql`UPDATE assessments a SET status = 'open', result = NULL, stars = NULL, valid_until = NULL,
        reopened_at = now(), version = version + 1, updated_at = now() WHERE a.id = ${id}`,
    );
  },

  async insertEvidence(db: Queryable, e: Omit<EvidenceRow, 'created_at'>): Promise<EvidenceRow> {
    const rows = await db.query<EvidenceRow>(
      `INSERT INTO assessment_evidence (id, assessment_id, uploaded_by, criterion, content_type, byte_size, storage_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING id, assessment_id, uploaded_by, criterion, content_type, byte_size, storage_key, created_at`,
      [e.id, e.assessment_id, e.uploaded_by, e.criterion, e.content_type, e.byte_size, e.storage_key],
    );
    return rows[0]!;
  },

  async evidence(db: Queryable, id: string): Promise<EvidenceRow[]> {
    return db.query<EvidenceRow>(
      `SELECT id, assessment_id, uploaded_by, criterion, content_type, byte_size, storage_key, created_at
       FROM assessment_evidence WHERE assessment_id = $1 ORDER BY id`,
      [id],
    );
  },

  async appeals(db: Queryable, id: string): Promise<AppealRow[]> {
    return db.query<AppealRow>(
      `SELECT id, assessment_id, filed_by, reason, filed_at, decision, note, decided_by, decided_at
       FROM assessment_appeals WHERE assessment_id = $1 ORDER BY filed_at, id`,
      [id],
    );
  },

  async insertAppeal(db: Queryable, a: { id: string; assessmentId: string; filedBy: string; reason: string }) {
    const rows = await db.query<AppealRow>(
      `INSERT INTO assessment_appeals (id, assessment_id, filed_by, reason) VALUES ($1, $2, $3, $4)
       RETURNING id, assessment_id, filed_by, reason, filed_at, decision, note, decided_by, decided_at`,
      [a.id, a.assessmentId, a.filedBy, a.reason],
    );
    return rows[0]!;
  },

  async decideAppeal(db: Queryable, id: string, d: { decision: string; note: string; by: string }): Promise<void> {
    await db.query(
      `UPDATE assessment_appeals SET decision = $2, note = $3, decided_by = $4, decided_at = now() WHERE id = $1`,
      [id, d.decision, d.note, d.by],
    );
  },

  // ---- the product's current badge (the registry shows it on the product; see setProductBadge) --------

  async setBadge(db: Queryable, productId: string, assessmentId: string, stars: number, validUntil: string) {
    await db.query(
      `INSERT INTO product_ratings (product_id, assessment_id, stars, valid_until) VALUES ($1, $2, $3, $4)
       ON CONFLICT (product_id) DO UPDATE SET assessment_id = excluded.assessment_id, stars = excluded.stars,
         valid_until = excluded.valid_until`,
      [productId, assessmentId, stars, validUntil],
    );
  },

  /** Removes a product's badge (optionally only when it came from the given assessment); whether one was removed. */
  async clearBadge(db: Queryable, productId: string, fromAssessment?: string): Promise<boolean> {
    const rows = await db.query(
      `DELETE FROM product_ratings WHERE product_id = $1 AND ($2::uuid IS NULL OR assessment_id = $2) RETURNING product_id`,
      [productId, fromAssessment ?? null],
    );
    return rows.length > 0;
  },
};

/** The one row an UPDATE of an assessment returns. */
async function one(db: Queryable, update: Sql): Promise<AssessmentRow> {
  return (await query<AssessmentRow>(db, sql`${update} RETURNING ${rawSql(COLUMNS)}`))[0]!;
}

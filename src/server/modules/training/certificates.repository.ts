import type { Queryable } from '../../db/database.js';
import { likePrefix, query, sql, type Sql } from '../../db/sql.js';

/** 'withdrawn': by hand, issued in error; 'no_longer_complete': attendance corrected or enrolment cancelled. */
export type RevokedReason = 'withdrawn' | 'no_longer_complete';

export interface CertificateRow {
  id: string;
  enrolment_id: string;
  session_id: string;
  member_id: string;
  program_id: string;
  group_id: string;
  area_path: string;
  verification_code: string;
  participant_name: string;
  course_title: Record<string, string>;
  topic: string;
  starts_on: string;
  ends_on: string;
  trainer_name: string;
  program_name: string;
  issued_at: Date;
  revoked_at: Date | null;
  revoked_reason: RevokedReason | null;
  hours: number | null;
  issuer: string | null;
  place: string | null;
  signer_name: string | null;
  signer_title: string | null;
  signature_key: string | null;
  trainer_id: string;
}

/** Who issues and signs a program's certificates (its program manager sets it). */
export interface CertificateSettingsRow {
  program_id: string;
  issuer: string | null;
  signer_name: string | null;
  signer_title: string | null;
  signature_key: string | null;
  version: number;
  updated_at: Date;
}

/** A certificate with its session's trainer; `FROM` names the rows `c` (a CTE of written rows can stand in). */
const selectFrom = (certificates: string) => `SELECT c.id, c.enrolment_id, c.session_id, c.member_id, c.program_id,
  c.group_id, c.area_path, c.verification_code, c.participant_name, c.course_title, c.topic, c.starts_on, c.ends_on,
  c.trainer_name, c.program_name, c.issued_at, c.revoked_at, c.revoked_reason, c.hours, c.issuer, c.place,
  c.signer_name, c.signer_title, c.signature_key, s.trainer_id
  FROM ${certificates} c JOIN training_sessions s ON s.id = c.session_id`;
const SELECT = selectFrom('training_certificates');

export const certificatesRepository = {
  async byId(db: Queryable, id: string): Promise<CertificateRow | undefined> {
    return (await db.query<CertificateRow>(`${SELECT} WHERE c.id = $1`, [id]))[0];
  },

  async byCode(db: Queryable, code: string): Promise<CertificateRow | undefined> {
    return (await db.query<CertificateRow>(`${SELECT} WHERE c.verification_code = $1`, [code]))[0];
  },

  async programExists(db: Queryable, programId: string): Promise<boolean> {
    return (await db.query(`SELECT 1 FROM programs_programs WHERE id = $1`, [programId])).length > 0;
  },

  async settings(db: Queryable, programId: string): Promise<CertificateSettingsRow | undefined> {
    return (
      await db.query<CertificateSettingsRow>(
        `SELECT program_id, issuer, signer_name, signer_title, signature_key, version, updated_at
         FROM training_certificate_settings WHERE program_id = $1`,
        [programId],
      )
    )[0];
  },

  /** Sets the given fields of a program's settings (creating them), one version on. */
  async saveSettings(
    db: Queryable,
    programId: string,
    s: Partial<Pick<CertificateSettingsRow, 'issuer' | 'signer_name' | 'signer_title' | 'signature_key'>>,
  ): Promise<CertificateSettingsRow> {
    const rows = await db.query<CertificateSettingsRow>(
      `INSERT INTO training_certificate_settings AS t (program_id, issuer, signer_name, signer_title, signature_key)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (program_id) DO UPDATE SET
         issuer = CASE WHEN $6 THEN excluded.issuer ELSE t.issuer END,
         signer_name = CASE WHEN $7 THEN excluded.signer_name ELSE t.signer_name END,
         signer_title = CASE WHEN $8 THEN excluded.signer_title ELSE t.signer_title END,
         signature_key = CASE WHEN $9 THEN excluded.signature_key ELSE t.signature_key END,
         version = t.version + 1, updated_at = now()
       RETURNING program_id, issuer, signer_name, signer_title, signature_key, version, updated_at`,
      [
        programId,
        s.issuer ?? null,
        s.signer_name ?? null,
        s.signer_title ?? null,
        s.signature_key ?? null,
        'issuer' in s,
        'signer_name' in s,
        'signer_title' in s,
        'signature_key' in s,
      ],
    );
    return rows[0]!;
  },

  /**
   * Issues the certificate of an enrolment once, with the names as printed today, dated by the
   * app's clock (the day the last attendance or test that completed it was recorded): a second issue
   * while one is valid is a no-op (undefined).
   */
  async issue(
    db: Queryable,
    c: { id: string; enrolmentId: string; code: string; issuedAt: Date },
  ): Promise<CertificateRow | undefined> {
    const rows = await db.query<CertificateRow>(
      `WITH written AS (INSERT INTO training_certificates (id, enrolment_id, session_id, member_id, program_id,
         group_id, area_path, verification_code, participant_name, course_title, topic, starts_on, ends_on,
         trainer_name, program_name, hours, issuer, place, signer_name, signer_title, signature_key, issued_at)
       SELECT $1, e.id, s.id, e.member_id, e.program_id, e.group_id, e.area_path, $3, m.name, co.title, co.topic,
         s.starts_on, s.ends_on, u.name, p.name, co.duration_hours, cs.issuer, a.name, cs.signer_name,
         cs.signer_title, cs.signature_key, $4
       FROM enrolments e JOIN training_sessions s ON s.id = e.session_id JOIN courses co ON co.id = s.course_id
       JOIN registry_members m ON m.id = e.member_id JOIN platform_accounts u ON u.id = s.trainer_id
       JOIN programs_programs p ON p.id = e.program_id
       -- The place of issue: the session's regency (its own area when it sits higher).
       LEFT JOIN geography_areas a ON a.code = coalesce(nullif(split_part(s.area_path, '/', 3), ''), s.area_code)
       LEFT JOIN training_certificate_settings cs ON cs.program_id = e.program_id
       WHERE e.id = $2
       ON CONFLICT (enrolment_id) WHERE revoked_at IS NULL DO NOTHING
       RETURNING *)
       ${selectFrom('written')}`,
      [c.id, c.enrolmentId, c.code, c.issuedAt],
    );
    return rows[0];
  },

  /** Revokes a valid certificate and returns it; undefined when it was already revoked. */
  async revoke(db: Queryable, id: string, reason: RevokedReason): Promise<CertificateRow | undefined> {
    const rows = await db.query<CertificateRow>(
      `WITH written AS (UPDATE training_certificates SET revoked_at = now(), revoked_reason = $2
         WHERE id = $1 AND revoked_at IS NULL RETURNING *)
       ${selectFrom('written')}`,
      [id, reason],
    );
    return rows[0];
  },

  /** A member's valid certificates, newest first. */
  async ofMember(db: Queryable, memberId: string): Promise<CertificateRow[]> {
    return db.query<CertificateRow>(
      `${SELECT} WHERE c.member_id = $1 AND c.revoked_at IS NULL ORDER BY c.ends_on DESC, c.id`,
      [memberId],
    );
  },

  async ofGroup(db: Queryable, groupId: string): Promise<CertificateRow[]> {
    return db.query<CertificateRow>(
      `${SELECT} WHERE c.group_id = $1 AND c.revoked_at IS NULL ORDER BY c.participant_name, c.ends_on DESC, c.id`,
      [groupId],
    );
  },

  /**
   * People trained (distinct members with a valid certificate) by topic and sex, within a scope over
   * `c` and, when given, an area subtree.
   */
  async summary(db: Queryable, programId: string, scope: Sql, areaPath: string | null) {
    return query<{ topic: string; sex: 'female' | 'male'; people: number }>(
      db,
      sql`SELECT c.topic, m.sex, count(DISTINCT c.member_id)::int AS people
       FROM training_certificates c JOIN registry_members m ON m.id = c.member_id
       WHERE ${trained(programId, scope, areaPath)}
       GROUP BY c.topic, m.sex ORDER BY c.topic, m.sex`,
    );
  },

  /** People trained in anything, by sex (a person trained in two topics counts once). */
  async totals(db: Queryable, programId: string, scope: Sql, areaPath: string | null) {
    return query<{ sex: 'female' | 'male'; people: number }>(
      db,
      sql`SELECT m.sex, count(DISTINCT c.member_id)::int AS people
       FROM training_certificates c JOIN registry_members m ON m.id = c.member_id
       WHERE ${trained(programId, scope, areaPath)}
       GROUP BY m.sex ORDER BY m.sex`,
    );
  },
};

const trained = (programId: string, scope: Sql, areaPath: string | null) =>
  areaPath === null
    ? sql`c.program_id = ${programId} AND c.revoked_at IS NULL AND ${scope}`
    : sql`c.program_id = ${programId} AND c.revoked_at IS NULL AND ${scope} AND c.area_path LIKE ${likePrefix(areaPath)}`;

import type { Queryable } from '../../db/database.js';
import type { OrganisationRole } from '../../../shared/schemas/organisations.js';

export interface OrganisationRow {
  id: string;
  name: string;
  reporting_currency: string;
  /** The reader's role on it (null when they hold none). */
  role: OrganisationRole | null;
}

export interface MemberProgramRow {
  id: string;
  code: string;
  name: string;
  country: string;
  currency: string;
}

export interface RateRow {
  currency: string;
  as_of: string;
  rate: string;
  entered_at: Date;
}

export const organisationsRepository = {
  async insert(db: Queryable, o: { id: string; name: string; reportingCurrency: string }): Promise<void> {
    await db.query('INSERT INTO organisations (id, name, reporting_currency) VALUES ($1, $2, $3)', [
      o.id,
      o.name,
      o.reportingCurrency,
    ]);
  },

  /** One organisation with the user's role on it. */
  async byId(db: Queryable, id: string, userId: string): Promise<OrganisationRow | undefined> {
    const rows = await db.query<OrganisationRow>(
      `SELECT o.id, o.name, o.reporting_currency, m.role
       FROM organisations o LEFT JOIN organisation_members m ON m.organisation_id = o.id AND m.user_id = $2
       WHERE o.id = $1`,
      [id, userId],
    );
    return rows[0];
  },

  /** The organisations the user is granted on, or every one (for a platform admin). */
  async visibleTo(db: Queryable, userId: string, all: boolean): Promise<OrganisationRow[]> {
    return db.query<OrganisationRow>(
      `SELECT o.id, o.name, o.reporting_currency, m.role
       FROM organisations o LEFT JOIN organisation_members m ON m.organisation_id = o.id AND m.user_id = $1
       WHERE $2 OR m.user_id IS NOT NULL
       ORDER BY o.name, o.id`,
      [userId, all],
    );
  },

  async programsOf(
    db: Queryable,
    organisationIds: string[],
  ): Promise<(MemberProgramRow & { organisation_id: string })[]> {
    return db.query(
      `SELECT op.organisation_id, p.id, p.code, p.name, p.country, p.currency
       FROM organisation_programs op JOIN programs_programs p ON p.id = op.program_id
       WHERE op.organisation_id = ANY($1::uuid[])
       ORDER BY p.country, p.code`,
      [organisationIds],
    );
  },

  async addProgram(db: Queryable, organisationId: string, programId: string): Promise<boolean> {
    const rows = await db.query(
      `INSERT INTO organisation_programs (organisation_id, program_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING RETURNING program_id`,
      [organisationId, programId],
    );
    return rows.length > 0;
  },

  async setMember(db: Queryable, organisationId: string, userId: string, role: OrganisationRole): Promise<void> {
    await db.query(
      `INSERT INTO organisation_members (organisation_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (organisation_id, user_id) DO UPDATE SET role = excluded.role, granted_at = now()`,
      [organisationId, userId, role],
    );
  },

  async rates(db: Queryable, organisationId: string): Promise<RateRow[]> {
    return db.query<RateRow>(
      `SELECT currency, to_char(as_of, 'YYYY-MM-DD') AS as_of, rate, entered_at
       FROM organisation_rates WHERE organisation_id = $1 ORDER BY currency, as_of DESC`,
      [organisationId],
    );
  },

  async rate(db: Queryable, organisationId: string, currency: string, asOf: string): Promise<RateRow | undefined> {
    const rows = await db.query<RateRow>(
      `SELECT currency, to_char(as_of, 'YYYY-MM-DD') AS as_of, rate, entered_at
       FROM organisation_rates WHERE organisation_id = $1 AND currency = $2 AND as_of = $3`,
      [organisationId, currency, asOf],
    );
    return rows[0];
  },

  async saveRate(
    db: Queryable,
    organisationId: string,
    r: { currency: string; asOf: string; rate: string; by: string },
  ): Promise<void> {
    await db.query(
      `INSERT INTO organisation_rates (organisation_id, currency, as_of, rate, entered_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (organisation_id, currency, as_of)
         DO UPDATE SET rate = excluded.rate, entered_by = excluded.entered_by, entered_at = now()`,
      [organisationId, r.currency, r.asOf, r.rate, r.by],
    );
  },
};

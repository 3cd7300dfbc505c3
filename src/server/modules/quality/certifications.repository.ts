import type { Queryable } from '../../db/database.js';
import { Where, type Sql } from '../../db/sql.js';
import type { CertificationKind } from './quality.schemas.js';

export interface CertificationRow {
  id: string;
  program_id: string;
  group_id: string;
  product_id: string | null;
  area_path: string;
  kind: CertificationKind;
  number: string;
  issuer: string;
  issued_on: string;
  expires_on: string | null;
  document_key: string | null;
  document_type: string | null;
  document_size: number | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export type CertificationValues = Pick<CertificationRow, 'number' | 'issuer' | 'issued_on' | 'expires_on'>;

const COLUMNS = `c.id, c.program_id, c.group_id, c.product_id, c.area_path, c.kind, c.number, c.issuer, c.issued_on,
  c.expires_on, c.document_key, c.document_type, c.document_size, c.version, c.created_at, c.updated_at`;

export const certificationsRepository = {
  async byId(db: Queryable, id: string): Promise<CertificationRow | undefined> {
    return (await db.query<CertificationRow>(`SELECT ${COLUMNS} FROM certifications c WHERE c.id = $1`, [id]))[0];
  },

  /** The certificates that cover a product: its own and its group's. */
  async covering(db: Queryable, productId: string | null, groupId: string): Promise<CertificationRow[]> {
    return db.query<CertificationRow>(
      `SELECT ${COLUMNS} FROM certifications c
       WHERE c.group_id = $2 AND (c.product_id IS NULL OR c.product_id = $1) ORDER BY c.id`,
      [productId, groupId],
    );
  },

  /** What a buyer may see of the certificates valid on a day for a product (its own and its group's). */
  async validFor(db: Queryable, productId: string, onDate: string) {
    return db.query<{ kind: string; number: string; issuer: string; expires_on: string | null }>(
      `SELECT c.kind, c.number, c.issuer, c.expires_on FROM certifications c JOIN registry_products p ON p.id = $1
       WHERE c.group_id = p.group_id AND (c.product_id IS NULL OR c.product_id = $1)
         AND c.issued_on <= $2 AND (c.expires_on IS NULL OR c.expires_on >= $2)
       ORDER BY c.kind, c.id`,
      [productId, onDate],
    );
  },

  async list(
    db: Queryable,
    scope: Sql,
    f: {
      programId?: string | undefined;
      productId?: string | undefined;
      groupId?: string | undefined;
      expiringBetween?: [string, string] | undefined;
      after: string | null;
      limit: number;
    },
  ): Promise<CertificationRow[]> {
    const params: unknown[] = [];
    const where = new Where(params, scope);
    where.equal('c.program_id', f.programId);
    where.equal('c.product_id', f.productId);
    where.equal('c.group_id', f.groupId);
    if (f.expiringBetween)
      where.and(`c.expires_on BETWEEN ${where.bind(f.expiringBetween[0])} AND ${where.bind(f.expiringBetween[1])}`);
    if (f.after) where.and(`c.id > ${where.bind(f.after)}`);
    return db.query<CertificationRow>(
      `SELECT ${COLUMNS} FROM certifications c WHERE ${where} ORDER BY c.id LIMIT ${where.bind(f.limit + 1)}`,
      params,
    );
  },

  async insert(
    db: Queryable,
    c: CertificationValues &
      Pick<CertificationRow, 'id' | 'program_id' | 'group_id' | 'product_id' | 'area_path' | 'kind'>,
  ): Promise<CertificationRow> {
    const rows = await db.query<CertificationRow>(
      `INSERT INTO certifications AS c (id, program_id, group_id, product_id, area_path, kind, number, issuer, issued_on,
         expires_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
      [
        c.id,
        c.program_id,
        c.group_id,
        c.product_id,
        c.area_path,
        c.kind,
        c.number,
        c.issuer,
        c.issued_on,
        c.expires_on,
      ],
    );
    return rows[0]!;
  },

  async update(db: Queryable, id: string, c: CertificationValues): Promise<CertificationRow> {
    const rows = await db.query<CertificationRow>(
      `UPDATE certifications c SET number = $2, issuer = $3, issued_on = $4, expires_on = $5,
         version = version + 1, updated_at = now() WHERE c.id = $1 RETURNING ${COLUMNS}`,
      [id, c.number, c.issuer, c.issued_on, c.expires_on],
    );
    return rows[0]!;
  },

  async setDocument(
    db: Queryable,
    id: string,
    d: { key: string; type: string; size: number },
  ): Promise<CertificationRow> {
    const rows = await db.query<CertificationRow>(
      `UPDATE certifications c SET document_key = $2, document_type = $3, document_size = $4,
         version = version + 1, updated_at = now() WHERE c.id = $1 RETURNING ${COLUMNS}`,
      [id, d.key, d.type, d.size],
    );
    return rows[0]!;
  },

  async delete(db: Queryable, id: string): Promise<void> {
    await db.query('DELETE FROM certifications WHERE id = $1', [id]);
  },
};

import type { Queryable } from '../../db/database.js';
import { Where, lockRow, type Sql } from '../../db/sql.js';
import type { TradeTermsAnswer } from './market.schemas.js';

type Localized = Record<string, string>;

export interface InquiryRow {
  id: string;
  program_id: string;
  group_id: string;
  product_id: string;
  area_path: string;
  buyer_id: string;
  kind: 'inquiry' | 'sample' | 'quotation';
  quantity: string | null;
  status: 'open' | 'answered' | 'quoted' | 'ordered' | 'closed';
  product_name: Localized;
  product_unit: string;
  product_currency: string;
  group_name: string;
  company_name: string;
  buyer_country: string;
  /** The buyer account's language: documents for the buyer are written in it. */
  buyer_locale: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface MessageRow {
  id: string;
  inquiry_id: string;
  side: 'buyer' | 'group';
  author_name: string;
  body: string;
  created_at: Date;
}

export interface QuoteRow {
  id: string;
  inquiry_id: string;
  unit_price_minor: string;
  currency: string;
  group_currency: string;
  rate: string | null;
  quantity: string;
  valid_until: string;
  /** Stored as presented (freight as a decimal string in the quote's currency). */
  terms: TradeTermsAnswer | null;
  note: string | null;
  status: 'open' | 'accepted' | 'superseded';
  created_at: Date;
}

const COLUMNS = `i.id, i.program_id, i.group_id, i.product_id, i.area_path, i.buyer_id, i.kind, i.quantity, i.status,
  p.name AS product_name, p.unit AS product_unit, p.currency AS product_currency, g.name AS group_name, b.company_name,
  b.country AS buyer_country, ba.locale AS buyer_locale, i.version, i.created_at, i.updated_at`;
/** Joined to an inquiry `i` (a table or a CTE of what was just written). */
const JOINS = `JOIN registry_products p ON p.id = i.product_id JOIN registry_groups g ON g.id = i.group_id
  JOIN buyers b ON b.user_id = i.buyer_id JOIN platform_accounts ba ON ba.id = i.buyer_id`;
const SELECT = `SELECT ${COLUMNS} FROM inquiries i ${JOINS}`;

const MESSAGE_COLUMNS = `m.id, m.inquiry_id, m.side, coalesce(u.name, 'OVOP') AS author_name, m.body, m.created_at`;

const QUOTE_COLUMNS = `id, inquiry_id, unit_price_minor, currency, group_currency, rate::text AS rate, quantity, valid_until,
  terms, note, status, created_at`;

export const inquiriesRepository = {
  async byId(db: Queryable, id: string, lock = false): Promise<InquiryRow | undefined> {
    if (lock) await lockRow(db, 'inquiries', id);
    return (await db.query<InquiryRow>(`${SELECT} WHERE i.id = $1`, [id]))[0];
  },

  /** A buyer's own inquiries, or those within the scope condition; newest first. */
  async list(
    db: Queryable,
    scope: Sql,
    f: { groupId?: string | undefined; status?: string | undefined; before: string | null; limit: number },
  ): Promise<InquiryRow[]> {
    const params: unknown[] = [];
    const where = new Where(params, scope);
    where.equal('i.group_id', f.groupId);
    where.equal('i.status', f.status);
    if (f.before) where.and(`i.id < ${where.bind(f.before)}`);
    return db.query<InquiryRow>(`${SELECT} WHERE ${where} ORDER BY i.id DESC LIMIT ${where.bind(f.limit + 1)}`, params);
  },

  async insert(
    db: Queryable,
    i: Pick<
      InquiryRow,
      'id' | 'program_id' | 'group_id' | 'product_id' | 'area_path' | 'buyer_id' | 'kind' | 'quantity'
    >,
  ): Promise<InquiryRow> {
    const rows = await db.query<InquiryRow>(
      `WITH i AS (
         INSERT INTO inquiries (id, program_id, group_id, product_id, area_path, buyer_id, kind, quantity, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open') RETURNING *
       ) SELECT ${COLUMNS} FROM i ${JOINS}`,
      [i.id, i.program_id, i.group_id, i.product_id, i.area_path, i.buyer_id, i.kind, i.quantity],
    );
    return rows[0]!;
  },

  async setStatus(db: Queryable, id: string, status: InquiryRow['status']): Promise<InquiryRow> {
    const rows = await db.query<InquiryRow>(
      `WITH i AS (
         UPDATE inquiries SET status = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING *
       ) SELECT ${COLUMNS} FROM i ${JOINS}`,
      [id, status],
    );
    return rows[0]!;
  },

  async insertMessage(
    db: Queryable,
    m: { id: string; inquiryId: string; authorId: string; side: 'buyer' | 'group'; body: string },
  ): Promise<MessageRow> {
    const rows = await db.query<MessageRow>(
      `WITH m AS (
         INSERT INTO inquiry_messages (id, inquiry_id, author_id, side, body) VALUES ($1, $2, $3, $4, $5) RETURNING *
       ) SELECT ${MESSAGE_COLUMNS} FROM m LEFT JOIN platform_accounts u ON u.id = m.author_id`,
      [m.id, m.inquiryId, m.authorId, m.side, m.body],
    );
    return rows[0]!;
  },

  async messages(db: Queryable, inquiryIds: string[]): Promise<MessageRow[]> {
    return db.query<MessageRow>(
      `SELECT ${MESSAGE_COLUMNS} FROM inquiry_messages m LEFT JOIN platform_accounts u ON u.id = m.author_id
       WHERE m.inquiry_id = ANY($1::uuid[]) ORDER BY m.inquiry_id, m.id`,
      [inquiryIds],
    );
  },

  async quotes(db: Queryable, inquiryIds: string[]): Promise<QuoteRow[]> {
    return db.query<QuoteRow>(
      `SELECT ${QUOTE_COLUMNS} FROM quotes WHERE inquiry_id = ANY($1::uuid[]) ORDER BY inquiry_id, id`,
      [inquiryIds],
    );
  },

  async quoteById(db: Queryable, id: string): Promise<QuoteRow | undefined> {
    return (await db.query<QuoteRow>(`SELECT ${QUOTE_COLUMNS} FROM quotes WHERE id = $1`, [id]))[0];
  },

  /** A new quote replaces the inquiry's open ones. */
  async insertQuote(
    db: Queryable,
    q: Omit<QuoteRow, 'status' | 'created_at'> & { author_id: string },
  ): Promise<QuoteRow> {
    await db.query(`UPDATE quotes SET status = 'superseded' WHERE inquiry_id = $1 AND status = 'open'`, [q.inquiry_id]);
    const rows = await db.query<QuoteRow>(
      `INSERT INTO quotes (id, inquiry_id, unit_price_minor, currency, group_currency, rate, quantity, valid_until, terms,
         note, status, author_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'open', $11) RETURNING ${QUOTE_COLUMNS}`,
      [
        q.id,
        q.inquiry_id,
        q.unit_price_minor,
        q.currency,
        q.group_currency,
        q.rate,
        q.quantity,
        q.valid_until,
        q.terms === null ? null : JSON.stringify(q.terms),
        q.note,
        q.author_id,
      ],
    );
    return rows[0]!;
  },

  async acceptQuote(db: Queryable, id: string): Promise<void> {
    await db.query(`UPDATE quotes SET status = 'accepted' WHERE id = $1`, [id]);
  },

  /** What a pro-forma names beside the inquiry: the group's village and country, the buyer's name. */
  async proformaParties(
    db: Queryable,
    inquiryId: string,
  ): Promise<{ village: string; country: string; buyerName: string }> {
    const rows = await db.query<{ village: string; country: string; buyerName: string }>(
      `SELECT a.name AS village, p.country, u.name AS "buyerName" FROM inquiries i
       JOIN registry_groups g ON g.id = i.group_id JOIN geography_areas a ON a.code = g.village_code
       JOIN programs_programs p ON p.id = i.program_id JOIN platform_accounts u ON u.id = i.buyer_id
       WHERE i.id = $1`,
      [inquiryId],
    );
    return rows[0]!;
  },

  /**
   * The accounts that manage a producer group: they are told of its inquiries and orders. Only
   * grants in the group's own program count, so a grant made elsewhere can never receive them.
   */
  async groupManagerIds(db: Queryable, groupId: string): Promise<string[]> {
    const rows = await db.query<{ user_id: string }>(
      `SELECT DISTINCT r.user_id FROM programs_role_grants r
       JOIN registry_groups g ON g.id = r.group_id AND g.program_id = r.program_id
       WHERE r.group_id = $1 AND r.role = 'group_manager' ORDER BY r.user_id`,
      [groupId],
    );
    return rows.map((r) => r.user_id);
  },
};

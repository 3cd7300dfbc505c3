import type { Queryable } from '../../db/database.js';
import type { Localized } from '../../../shared/localized.js';

/** What the public may know of a batch: no member, contact or legal id is ever selected. */
export interface ProvenanceRow {
  id: string;
  lot_code: string;
  produced_on: string;
  expires_on: string | null;
  quantity: string;
  unit: string;
  area_path: string;
  product_id: string;
  product_name: Localized;
  product_description: Localized;
  product_story: Localized;
  product_category: string;
  product_status: string;
  group_name: string;
  group_kind: string;
  group_founded_on: string | null;
  village_code: string;
  village_potentials: string[];
  /** The program's country (ISO 3166-1 alpha-2). */
  country: string;
}

export interface ProvenanceInputRow {
  lot_code: string;
  quantity: string;
  unit: string;
  produced_on: string;
  product_name: Localized;
  village_code: string;
  group_name: string;
}

const SELECT = `SELECT b.id, b.lot_code, b.produced_on, b.expires_on, b.quantity, b.unit, b.area_path, p.id AS product_id,
  p.name AS product_name, p.description AS product_description, p.story AS product_story, p.category AS product_category,
  p.status AS product_status, g.name AS group_name, g.kind AS group_kind, g.founded_on AS group_founded_on,
  g.village_code, g.village_potentials, pr.country
  FROM batches b JOIN registry_products p ON p.id = b.product_id JOIN registry_groups g ON g.id = b.group_id
  JOIN programs_programs pr ON pr.id = g.program_id`;

export const provenanceRepository = {
  async batch(db: Queryable, id: string): Promise<ProvenanceRow | undefined> {
    return (await db.query<ProvenanceRow>(`${SELECT} WHERE b.id = $1`, [id]))[0];
  },

  async inputs(db: Queryable, batchId: string): Promise<ProvenanceInputRow[]> {
    return db.query<ProvenanceInputRow>(
      `SELECT b.lot_code, i.quantity, b.unit, b.produced_on, p.name AS product_name, g.village_code,
         g.name AS group_name
       FROM batch_inputs i JOIN batches b ON b.id = i.input_batch_id JOIN registry_products p ON p.id = b.product_id
       JOIN registry_groups g ON g.id = b.group_id
       WHERE i.batch_id = $1 ORDER BY b.lot_code`,
      [batchId],
    );
  },

  async areaNames(db: Queryable, codes: string[]): Promise<Map<string, string>> {
    const rows = await db.query<{ code: string; name: string }>(
      'SELECT code, name FROM geography_areas WHERE code = ANY($1::text[])',
      [codes],
    );
    return new Map(rows.map((r) => [r.code, r.name]));
  },
};

import type { Queryable } from '../../db/database.js';
import type { FieldError } from '../../http/errors.js';

/**
 * Whether a product may be export-ready is decided by the quality module, which owns
 * certifications and the per-market checklists. The registry cannot import it (quality imports
 * the registry), so quality registers its check here when the app is built. Without it, only
 * the registry's own rule (English name and HS code) applies.
 */
export interface ExportReadinessQuestion {
  /** Null for a product being created. */
  id: string | null;
  groupId: string;
  category: string;
  name: Record<string, string>;
  hsCode: string | null;
}

/** The failed checks; an empty list means ready in at least one target market. */
export type ExportReadinessCheck = (db: Queryable, product: ExportReadinessQuestion) => Promise<FieldError[]>;

let check: ExportReadinessCheck | undefined;

export function setExportReadinessCheck(fn: ExportReadinessCheck | undefined): void {
  check = fn;
}

export async function exportReadinessErrors(db: Queryable, product: ExportReadinessQuestion): Promise<FieldError[]> {
  return check ? check(db, product) : [];
}

import type { Queryable } from '../../db/database.js';
import type { FieldError } from '../../http/errors.js';

/**
 * What the registry needs from modules that import it, handed in by whoever builds the app (or
 * runs a command): the registry cannot import them without a cycle.
 */
export interface RegistryDeps {
  /**
   * Whether a product may be export-ready is decided by the quality module, which owns
   * certifications and the per-market checklists (quality exports `registryExportReadinessCheck`).
   */
  exportReadiness: ExportReadinessCheck;
}

/** The facts of a product that its export readiness depends on. */
export interface ExportReadinessQuestion {
  /** Null for a product being created. */
  id: string | null;
  groupId: string;
  /** Its program's country is the product's country of origin. */
  programId: string;
  category: string;
  name: Record<string, string>;
  hsCode: string | null;
  /** What its label would carry (the food-labelling items of the checklists). */
  label: {
    ingredients: Record<string, string>;
    allergens: string[] | null;
    netQuantity: { amount: number; unit: string } | null;
    shelfLifeDays: number | null;
    storage: Record<string, string>;
  };
}

/** The failed checks on the given day (`on`, YYYY-MM-DD); an empty list means ready in at least one target market. */
export type ExportReadinessCheck = (
  db: Queryable,
  product: ExportReadinessQuestion,
  on: string,
) => Promise<FieldError[]>;

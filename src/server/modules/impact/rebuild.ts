import type { Database } from '../../db/database.js';
import { rebuildSalesSummary } from '../business/index.js';

/**
 * Recomputes every summary an indicator is read from, each by the module that keeps it, from the
 * facts. Today one: the monthly sales per regency (business). The other indicators are counted from
 * the facts on every read and need no rebuild.
 */
export async function rebuildSummaries(db: Database): Promise<Record<string, number>> {
  return { sales_month_totals: await rebuildSalesSummary(db) };
}

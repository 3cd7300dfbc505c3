import type { Database } from '../../db/database.js';
import { rebuildSalesSummary } from '../business/index.js';

/**
 * Recomputes every summary an indicator is read from, each by the module that keeps it, from the
 * facts. Today the monthly sales per regency and per province (business). The other indicators are
 * counted from the facts on every read and need no rebuild.
 */
export async function rebuildSummaries(db: Database): Promise<Record<string, number>> {
  const sales = await rebuildSalesSummary(db);
  return { sales_month_totals: sales.regencies, sales_month_provinces: sales.provinces };
}

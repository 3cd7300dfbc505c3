import type { Database } from '../../db/database.js';

/**
 * Recomputes the monthly sales summary (sales_month_totals) from the sales themselves
 * (business_sales): what `ovop impact rebuild` runs after a restore or a change of a summary's
 * definition. The table is locked first, so a posting made meanwhile waits and then adds its sale to
 * the rebuilt figures — it is neither lost nor counted twice. Returns the rows written.
 */
export async function rebuildSalesSummary(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('LOCK TABLE sales_month_totals IN EXCLUSIVE MODE');
    await tx.query('DELETE FROM sales_month_totals');
    const rows = await tx.query<{ n: string }>(
      `WITH written AS (
         INSERT INTO sales_month_totals (program_id, area_path, month, market, channel, destination, led_by, currency, amount)
         SELECT program_id, COALESCE(substring(area_path FROM '^/[^/]+/[^/]+/'), area_path),
                date_trunc('month', entry_date)::date, market, channel, destination, led_by, currency, sum(amount)
         FROM business_sales
         GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
         RETURNING 1)
       SELECT count(*) AS n FROM written`,
    );
    return Number(rows[0]!.n);
  });
}

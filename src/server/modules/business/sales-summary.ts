import type { Database } from '../../db/database.js';

/**
 * Recomputes the monthly sales summaries — per regency (sales_month_totals) and per province
 * (sales_month_provinces) — from the sales themselves (business_sales): what `ovop impact rebuild`
 * runs after a restore or a change of a summary's definition. Both tables are locked first, so a
 * posting made meanwhile waits and then adds its sale to the rebuilt figures — it is neither lost
 * nor counted twice. Returns the rows written to each.
 */
export async function rebuildSalesSummary(db: Database): Promise<{ regencies: number; provinces: number }> {
  return db.transaction(async (tx) => {
    await tx.query('LOCK TABLE sales_month_totals, sales_month_provinces IN EXCLUSIVE MODE');
    await tx.query('DELETE FROM sales_month_totals');
    await tx.query('DELETE FROM sales_month_provinces');
    const [regencies] = await tx.query<{ n: string }>(
      `WITH written AS (
         INSERT INTO sales_month_totals (program_id, area_path, month, market, channel, destination, led_by, currency, amount)
         SELECT program_id, COALESCE(substring(area_path FROM '^/[^/]+/[^/]+/'), area_path),
                date_trunc('month', entry_date)::date, market, channel, destination, led_by, currency, sum(amount)
         FROM business_sales
         GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
         RETURNING 1)
       SELECT count(*) AS n FROM written`,
    );
    // From the regency rows just written: the same sums, cut one level higher.
    const [provinces] = await tx.query<{ n: string }>(
      `WITH written AS (
         INSERT INTO sales_month_provinces (program_id, area_path, month, market, channel, destination, led_by, currency, amount)
         SELECT program_id, substring(area_path FROM '^/[^/]+/'), month, market, channel, destination, led_by, currency,
                sum(amount)
         FROM sales_month_totals
         GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
         RETURNING 1)
       SELECT count(*) AS n FROM written`,
    );
    return { regencies: Number(regencies!.n), provinces: Number(provinces!.n) };
  });
}

import type { Queryable } from '../../db/database.js';

/**
 * What other modules may change on a product: its star badge (set by the quality module from an
 * assessment) and its export-ready status (a certificate it relied on lapsed). The registry owns
 * the products table; these are the only writes to it from outside.
 */

/** Sets (or, with null stars, removes) the badge a product shows, valid until the given date. */
export async function setProductBadge(
  db: Queryable,
  productId: string,
  badge: { stars: number; validUntil: string } | null,
): Promise<void> {
  await db.query('UPDATE products SET stars = $2, stars_valid_until = $3 WHERE id = $1', [
    productId,
    badge?.stars ?? null,
    badge?.validUntil ?? null,
  ]);
}

/** Export-ready products of a group (or only the given product of it). */
export async function exportReadyProductIds(
  db: Queryable,
  groupId: string,
  productId: string | null,
): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM products WHERE group_id = $1 AND ($2::uuid IS NULL OR id = $2) AND status = 'export_ready'`,
    [groupId, productId],
  );
  return rows.map((r) => r.id);
}

/** Falls a product back from export-ready to ready; a new version, as any edit. */
export async function demoteToReady(db: Queryable, productId: string): Promise<void> {
  await db.query(
    `UPDATE products SET status = 'ready', version = version + 1, updated_at = now()
     WHERE id = $1 AND status = 'export_ready'`,
    [productId],
  );
}

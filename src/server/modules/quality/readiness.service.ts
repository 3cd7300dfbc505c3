import type { Queryable } from '../../db/database.js';
import type { Ctx } from '../../http/context.js';
import type { FieldError } from '../../http/errors.js';
import { recordAudit } from '../platform/index.js';
import { readProduct, type ExportReadinessCheck } from '../registry/index.js';
import { certificationsRepository } from './certifications.repository.js';
import { exportReadiness, readyAnywhere, type MarketReadiness } from './export-readiness.js';
import { today } from './scoring.js';

interface ProductFacts {
  id: string | null;
  groupId: string;
  category: string;
  name: Record<string, string>;
  hsCode: string | null;
}

export async function readinessOf(db: Queryable, product: ProductFacts, on: string): Promise<MarketReadiness[]> {
  const certs = await certificationsRepository.covering(db, product.id, product.groupId);
  return exportReadiness(
    {
      category: product.category,
      hsCode: product.hsCode,
      name: product.name,
      certificates: certs.map((c) => ({ kind: c.kind, issuedOn: c.issued_on, expiresOn: c.expires_on })),
    },
    on,
  );
}

/** What the registry asks before a product becomes export-ready: the failed checks, none when ready somewhere. */
export const registryExportReadinessCheck: ExportReadinessCheck = async (db, product) => {
  const markets = await readinessOf(db, product, today());
  if (readyAnywhere(markets)) return [];
  return markets.flatMap((m) =>
    m.checks
      .filter((c) => c.ok === false)
      .map((c): FieldError => ({ path: `exportReadiness.${m.market}.${c.code}`, message: c.reason })),
  );
};

/**
 * Products that were export-ready but are no longer ready in any market (a certificate expired,
 * changed or was deleted) fall back to 'ready', in the caller's transaction, with an audit entry.
 */
export async function settleExportStatus(
  tx: Queryable,
  ctx: Pick<Ctx, 'actor' | 'requestId'>,
  products: (ProductFacts & { id: string })[],
  on: string,
): Promise<string[]> {
  const demoted: string[] = [];
  for (const product of products) {
    if (readyAnywhere(await readinessOf(tx, product, on))) continue;
    await certificationsRepository.demoteToReady(tx, product.id);
    await recordAudit(tx, ctx, {
      action: 'product.export_ready_lapsed',
      entity: 'product',
      entityId: product.id,
      before: { status: 'export_ready' },
      after: { status: 'ready', on },
    });
    demoted.push(product.id);
  }
  return demoted;
}

/** GET /products/{id}/export-readiness: the checklist per market for today; a lapsed export-ready product falls back here. */
export async function getExportReadiness(ctx: Ctx, productId: string) {
  const on = today();
  return ctx.db.transaction(async (tx) => {
    const row = await readProduct({ actor: ctx.actor, db: tx }, productId);
    const facts = { id: row.id, groupId: row.group_id, category: row.category, name: row.name, hsCode: row.hs_code };
    const markets = await readinessOf(tx, facts, on);
    let status = row.status;
    if (status === 'export_ready' && (await settleExportStatus(tx, ctx, [facts], on)).length) status = 'ready';
    return { productId: row.id, on, status, readyAnywhere: readyAnywhere(markets), markets };
  });
}

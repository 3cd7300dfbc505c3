import type { Queryable } from '../../db/database.js';
import type { Ctx, TxCtx } from '../../http/context.js';
import type { FieldError } from '../../http/errors.js';
import { dateIn } from '../../../shared/dates.js';
import { recordAudit } from '../platform/index.js';
import { programById } from '../programs/index.js';
import {
  demoteToReady,
  productReadinessQuestion,
  readProduct,
  type ExportReadinessCheck,
  type ExportReadinessQuestion,
} from '../registry/index.js';
import { certificationsRepository } from './certifications.repository.js';
import { exportReadiness, readyAnywhere, type MarketReadiness } from './export-readiness.js';

async function readinessOf(db: Queryable, product: ExportReadinessQuestion, on: string): Promise<MarketReadiness[]> {
  const certs = await certificationsRepository.covering(db, product.id, product.groupId);
  const program = await programById(db, product.programId);
  return exportReadiness(
    {
      category: product.category,
      hsCode: product.hsCode,
      name: product.name,
      certificates: certs.map((c) => ({ kind: c.kind, issuedOn: c.issued_on, expiresOn: c.expires_on })),
      label: product.label,
      origin: program?.country ?? null,
    },
    on,
  );
}

/**
 * What the registry asks before a product becomes export-ready: the failed checks, none when ready
 * somewhere, judged on `on` (the registry passes its command's date; without one, today by the
 * system clock).
 */
export async function registryExportReadinessCheck(
  db: Queryable,
  product: Parameters<ExportReadinessCheck>[1],
  on: string,
): Promise<FieldError[]> {
  const markets = await readinessOf(db, product, on);
  if (readyAnywhere(markets)) return [];
  return markets.flatMap((m) =>
    m.checks
      .filter((c) => c.ok === false)
      .map((c): FieldError => ({ path: `exportReadiness.${m.market}.${c.code}`, code: c.reason, message: c.message })),
  );
}

/**
 * Products that were export-ready but are no longer ready in any market (a certificate changed or
 * was deleted) fall back to 'ready', in the command's transaction, with an audit entry.
 */
export async function settleExportStatus(
  tx: TxCtx,
  products: (ExportReadinessQuestion & { id: string })[],
): Promise<string[]> {
  const on = dateIn(tx.clock.now());
  const demoted: string[] = [];
  for (const product of products) {
    if (readyAnywhere(await readinessOf(tx.db, product, on))) continue;
    await demoteToReady(tx.db, product.id);
    await recordAudit(tx.db, tx, {
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

/**
 * GET /products/{id}/export-readiness: the checklist per market for today. An export-ready product
 * no longer ready anywhere (a certificate lapsed with time) reads as ready; it is stored so by the
 * next write of the product, not by this read.
 */
export async function getExportReadiness(ctx: Ctx, productId: string) {
  const on = dateIn(ctx.clock.now());
  const row = await readProduct(ctx, productId);
  const markets = await readinessOf(ctx.db, productReadinessQuestion(row), on);
  const ready = readyAnywhere(markets);
  const status = row.status === 'export_ready' && !ready ? 'ready' : row.status;
  return { productId: row.id, on, status, readyAnywhere: ready, markets };
}

/** The quality module's public face: rating schemes, assessments, certifications, export readiness. */
import { setExportReadinessCheck } from '../registry/index.js';
import { registryExportReadinessCheck } from './readiness.service.js';
import { certificationsRepository } from './certifications.repository.js';
import type { Queryable } from '../../db/database.js';

export { qualityRoutes } from './quality.routes.js';
export { exportReadiness, MARKETS, type MarketReadiness } from './export-readiness.js';
export { SCHEME_TEMPLATES } from './scheme-templates.js';

/** The certificates valid today for a product, as the public catalog shows them (no documents). */
export async function publicCertifications(
  db: Queryable,
  productId: string,
  today = new Date().toISOString().slice(0, 10),
) {
  const rows = await certificationsRepository.validFor(db, productId, today);
  return rows.map((r) => ({ kind: r.kind, number: r.number, issuer: r.issuer, validUntil: r.expires_on }));
}

// The registry asks the quality module whether a product may be export-ready. Registered when this
// module is loaded — by the server and by every CLI command alike — so no path skips the check.
setExportReadinessCheck(registryExportReadinessCheck);

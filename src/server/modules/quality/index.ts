/** The quality module's public face: rating schemes, assessments, certifications, export readiness. */
import { certificationsRepository } from './certifications.repository.js';
import type { Queryable } from '../../db/database.js';

export { qualityRoutes } from './quality.routes.js';
/** What the registry asks before a product becomes export-ready (app.ts hands it to the registry). */
export { registryExportReadinessCheck } from './readiness.service.js';
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

/** The quality module's public face: rating schemes, assessments, certifications, export readiness. */
import type { Queryable } from '../../db/database.js';
import { certificationsRepository } from './certifications.repository.js';
import { mayReadCertificationDocument } from './certifications.service.js';
import { mayReadEvidenceFile } from './evidence.service.js';

export { qualityRoutes } from './quality.routes.js';

/** The quality module's private files and who may read them (asked by `/media`). */
export const qualityFileReaders = {
  assessments: mayReadEvidenceFile,
  certifications: mayReadCertificationDocument,
};

/** What the registry asks before a product becomes export-ready (passed to it by the app). */
export { registryExportReadinessCheck } from './readiness.service.js';

/**
 * The certificates valid on a day for a product, as the public catalog and provenance pages show
 * them (no documents). Callers pass their day (`dateIn(ctx.clock.now())`); without one, today by
 * the system clock.
 */
export async function publicCertifications(db: Queryable, productId: string, on: string) {
  const rows = await certificationsRepository.validFor(db, productId, on);
  return rows.map((r) => ({ kind: r.kind, number: r.number, issuer: r.issuer, validUntil: r.expires_on }));
}

/** A product's public badge, named by its scheme and round (the catalog's product page). */
export { publicRating } from './public-ratings.js';

/** The commands the demo seed runs. */
export { createScheme, setAssessorTier } from './schemes.service.js';
export {
  createAssessment,
  finaliseAssessment,
  recordPanelScores,
  recordSelfAssessment,
} from './assessments.service.js';
export { createCertification } from './certifications.service.js';
export { KEMENPERIN_TEMPLATE_ID } from './scheme-templates.js';

/** A shipped rating-scheme template's id by its key ('otop', 'ocop', 'kemenperin-ovop'), as country packs name them. */
export { schemeTemplateId } from './scheme-templates.js';

/** What waits in the quality work for the caller, for the home screen. */
export { qualityTasks } from './tasks.service.js';

/** A rating scheme as a file, for copying between programs (`ovop programs export-template`). */
export { exportScheme, importScheme } from './scheme-exchange.js';

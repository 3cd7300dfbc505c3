import type { Ctx } from '../../http/context.js';
import { textsMissingLocales } from '../../../shared/localized.js';
import { notFound } from '../../http/errors.js';
import { SCHEME_DOCUMENT_FORMAT, type SchemeDocument } from '../../../shared/schemas/quality.js';
import { authorize, programTarget } from '../platform/index.js';
import { programById } from '../programs/index.js';
import { schemePolicy } from './quality.policy.js';
import { createScheme, getScheme } from './schemes.service.js';

/**
 * A rating scheme as a file (decision 027): its definition — codes, never ids — under a format name
 * and version, so another program of this installation or of another one can take it in. Exporting
 * a program's rubric and importing one into a program are its manager's acts (or an admin's).
 */
export async function exportScheme(ctx: Ctx, id: string): Promise<SchemeDocument> {
  const scheme = await getScheme(ctx, id);
  if (scheme.programId) authorize(ctx.actor, schemePolicy, 'update', programTarget(scheme.programId));
  const program = scheme.programId ? await programById(ctx.db, scheme.programId) : undefined;
  return {
    format: SCHEME_DOCUMENT_FORMAT,
    formatVersion: 1,
    source: { programCode: program?.code ?? null, exportedAt: ctx.clock.now().toISOString() },
    definition: scheme.definition,
  };
}

/**
 * Takes a scheme file into a program as a new scheme (a new id, version 1, its own family): one
 * transaction, so a refused file leaves nothing. Its texts are kept in every language they have; the
 * ones missing a language of the program are reported, for the manager to complete.
 */
export async function importScheme(ctx: Ctx, programId: string, document: SchemeDocument) {
  const program = await programById(ctx.db, programId);
  if (!program) throw notFound('Program');
  authorize(ctx.actor, schemePolicy, 'update', programTarget(programId));
  const { record } = await createScheme(ctx, { programId, definition: document.definition });
  return { scheme: record, missingLocales: textsMissingLocales(document.definition, program.locales) };
}

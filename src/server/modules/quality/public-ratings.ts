import type { Queryable } from '../../db/database.js';
import { notFound } from '../../http/errors.js';
import { localized } from '../../../shared/localized.js';
import type { UiLocale } from '../../../shared/locales.js';
import { programById } from '../programs/index.js';
import { SCHEME_TEMPLATES } from './scheme-templates.js';
import type { PublicRatingAnswer, PublicSchemeAnswer, SchemeDefinition } from './quality.schemas.js';

/**
 * What the public sees of ratings: a product's badge named by its scheme and round ("OCOP ★★★★
 * 2026"), and the scheme's summary the badge links to — its parts and weights, star bands, the
 * requirements a product must meet. Nothing about assessors, scores or appeals, and not the
 * scheme's caveats, which are notes to the staff who configure it.
 */

interface BadgeRow {
  stars: number;
  valid_until: string;
  year: number;
  scheme_id: string;
  definition: SchemeDefinition;
}

/** The product's badge valid on `on`, or null: not rated in public. */
export async function publicRating(
  db: Queryable,
  productId: string,
  on: string,
  locale: UiLocale,
): Promise<PublicRatingAnswer | null> {
  const [row] = await db.query<BadgeRow>(
    `SELECT r.stars, r.valid_until::text AS valid_until, a.year, a.scheme_id, s.definition
     FROM product_ratings r JOIN assessments a ON a.id = r.assessment_id JOIN rating_schemes s ON s.id = a.scheme_id
     WHERE r.product_id = $1 AND r.valid_until >= $2::date`,
    [productId, on],
  );
  if (!row) return null;
  return {
    stars: row.stars,
    year: row.year,
    validUntil: row.valid_until,
    scheme: { id: row.scheme_id, badgeName: badgeName(row.definition, locale) },
  };
}

const badgeName = (def: SchemeDefinition, locale: UiLocale) =>
  localized(def.badgeName, locale) ?? localized(def.name, locale) ?? '';

/** A scheme's public summary, by its id (a program's scheme version or a shipped template). */
export async function publicScheme(db: Queryable, id: string, locale: UiLocale): Promise<PublicSchemeAnswer> {
  const template = SCHEME_TEMPLATES.find((tpl) => tpl.id === id);
  const row = template
    ? { definition: template.definition, version: 1 }
    : (
        await db.query<{ definition: SchemeDefinition; version: number; program_id: string }>(
          `SELECT definition, version, program_id FROM rating_schemes WHERE id = $1`,
          [id],
        )
      )[0];
  if (!row) throw notFound('Rating scheme');
  const categories = 'program_id' in row ? ((await programById(db, row.program_id))?.categories ?? []) : [];
  const def = row.definition;
  const text = (t: Record<string, string> | undefined) => localized(t, locale);
  // A requirement names the program's categories it applies to; a template has none, so the codes.
  // Codes the program does not use are left out (the templates list every spelling of food and drink).
  const categoryNames = new Map(categories.map((c) => [c.code, text(c.name) ?? c.code]));
  const namesOf = (codes: string[]) => {
    const known = codes.flatMap((c) => categoryNames.get(c) ?? []);
    return known.length ? known : codes;
  };
  return {
    id,
    version: row.version,
    name: text(def.name) ?? '',
    badgeName: badgeName(def, locale),
    description: text(def.description),
    // The caveats are notes to the program's staff (what to check against the source, what to change
    // in their copy): the staff read them with the scheme, the public summary says only what the stars mean.
    caveats: null,
    validityMonths: def.validityMonths,
    minPublicStars: def.minPublicStars,
    parts: def.parts.map((p) => ({
      code: p.code,
      name: text(p.name) ?? p.code,
      unverified: p.placeholder === true,
      points: p.criteria.reduce((sum, c) => sum + c.weight, 0),
      criteria: p.criteria.map((c) => ({ code: c.code, name: text(c.name) ?? c.code, points: c.weight })),
    })),
    thresholds: [...def.thresholds].filter((t) => t.stars >= def.minPublicStars).sort((a, b) => b.stars - a.stars),
    requirements: def.gates.map((g) => ({
      code: g.code,
      name: text(g.name) ?? g.code,
      anyOf: g.anyOf,
      categories: g.categories ? namesOf(g.categories) : null,
      onFail: g.onFail.effect === 'cap' ? { effect: 'cap', maxStars: g.onFail.maxStars } : { effect: 'block' },
    })),
    starTiers: def.starTiers,
  };
}

import { createHash } from 'node:crypto';
import type { FeatureCollection } from 'geojson';
import { topology } from 'topojson-server';
import type { Database, Queryable } from '../../db/database.js';
import { systemActor } from '../../http/context.js';
import { invalid, notFound, type FieldError } from '../../http/errors.js';
import { etagMatches } from '../../http/etag.js';
import { recordAudit } from '../platform/index.js';
import {
  INDONESIA_PROVINCE_OUTLINES,
  readIndonesiaOutlines,
  woundForD3,
  type OutlineInput,
} from './boundary-import.js';
import { boundariesRepository } from './boundaries.repository.js';
import { areasRepository } from './geography.repository.js';
import type { BoundariesAnswer, BoundariesQuery } from './geography.schemas.js';

/** The grid of stored topologies: 100,000 steps across the set's bounding box (about 50 m across Indonesia). */
const QUANTIZATION = 1e5;
/** At most this many areas without an outline are named in an answer (a village level has tens of thousands). */
const UNOUTLINED_LIMIT = 1000;

export interface BoundarySetInput {
  level: string;
  licence: string;
  attribution: string;
  source: string;
  outlines: OutlineInput[];
}

export interface BoundaryImportResult {
  country: string;
  level: string;
  outlines: number;
  /** The stored topology's size in bytes (what an answer carries before compression). */
  bytes: number;
  /** Areas of the level still without an outline, and how many of them lie within an outline. */
  unoutlined: number;
  covered: number;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Checks every code against the areas at the level: each names a known area of one country, and
 * what an outline covers is such an area without an outline of its own. Errors name the features.
 */
function checkCodes(
  outlines: OutlineInput[],
  level: string,
  areas: Map<string, { country: string; level: string }>,
): { country: string | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const unknown = (code: string, path: string) =>
    errors.push({
      path,
      code: 'outline_unknown_area',
      params: { code, level },
      message: `"${code}" is not a known area at level ${level}`,
    });
  const country = areas.get(outlines.find((o) => areas.get(o.code)?.level === level)?.code ?? '')?.country ?? null;
  const outlined = new Set(outlines.map((o) => o.code));
  outlines.forEach((o, i) => {
    const area = areas.get(o.code);
    if (!area || area.level !== level) unknown(o.code, `outlines[${i}].code`);
    else if (area.country !== country)
      errors.push({
        path: `outlines[${i}].code`,
        code: 'area_other_country',
        params: { code: o.code, country: area.country },
        message: `"${o.code}" belongs to country ${area.country}`,
      });
    for (const c of o.covers) {
      const covered = areas.get(c);
      if (!covered || covered.level !== level || covered.country !== country) unknown(c, `outlines[${i}].covers`);
      else if (outlined.has(c))
        errors.push({
          path: `outlines[${i}].covers`,
          code: 'outline_covers_outlined',
          params: { code: c },
          message: `"${c}" has an outline of its own`,
        });
    }
  });
  return { country, errors };
}

/** The refusal's one sentence: the unknown codes by name, the first twenty of them. */
function refusal(errors: FieldError[], level: string): string {
  const unknown = [...new Set(errors.filter((e) => e.code === 'outline_unknown_area').map((e) => e.params!.code))];
  if (unknown.length === 0) return `The outline file has ${errors.length} error(s); nothing was imported.`;
  const names = unknown.slice(0, 20).join(', ') + (unknown.length > 20 ? ', …' : '');
  return `The outline file names ${unknown.length} code(s) that are not areas at level ${level}: ${names}; nothing was imported.`;
}

/**
 * Imports one level's outlines of a country, replacing its earlier set whole, in one transaction:
 * the file is checked first (an unknown code → nothing written), then stored per area and as one
 * quantized TopoJSON topology. The country is the one the codes belong to.
 *
 * Like importAreas, the platform runs it outside any request (first start, `ovop
 * import-boundaries`, test set-up): it opens its transaction on the database and audits as the
 * system actor.
 */
export async function importBoundaries(
  db: Database,
  input: BoundarySetInput,
  parseErrors: FieldError[] = [],
): Promise<BoundaryImportResult> {
  if (parseErrors.length > 0) throw invalid(parseErrors, 'The outline file has errors; nothing was imported.');
  if (input.outlines.length === 0)
    throw invalid(
      [{ path: 'file', code: 'outline_file_invalid', message: 'has no outlines' }],
      'The outline file has no outlines; nothing was imported.',
    );
  return db.transaction(async (tx) => {
    const codes = [...new Set(input.outlines.flatMap((o) => [o.code, ...o.covers]))];
    const areas = new Map((await areasRepository.byCodes(tx, codes)).map((a) => [a.code, a]));
    const { country, errors } = checkCodes(input.outlines, input.level, areas);
    if (errors.length > 0 || country === null) throw invalid(errors.slice(0, 200), refusal(errors, input.level));
    const outlines = input.outlines.map((o) => ({ ...o, geometry: woundForD3(o.geometry) }));
    const built = topology(
      {
        areas: {
          type: 'FeatureCollection',
          features: outlines.map((o) => ({ type: 'Feature', id: o.code, properties: null, geometry: o.geometry })),
        } as FeatureCollection,
      },
      QUANTIZATION,
    );
    const stored = JSON.stringify(built);
    const meta = {
      country,
      level: input.level,
      licence: input.licence,
      attribution: input.attribution,
      source: input.source,
    };
    const digest = sha256(JSON.stringify({ ...meta, stored }));
    await boundariesRepository.replaceSet(tx, { ...meta, digest, topology: built }, outlines);
    const rest = await boundariesRepository.unoutlined(tx, country, input.level, UNOUTLINED_LIMIT);
    const result: BoundaryImportResult = {
      country,
      level: input.level,
      outlines: input.outlines.length,
      bytes: Buffer.byteLength(stored),
      unoutlined: rest[0]?.total ?? 0,
      covered: input.outlines.reduce((n, o) => n + o.covers.length, 0),
    };
    await recordAudit(
      tx,
      { actor: systemActor, requestId: null },
      {
        action: 'boundaries.import',
        entity: 'boundary_set',
        entityId: `${country}/${input.level}`,
        after: { ...meta, outlines: result.outlines, bytes: result.bytes },
      },
    );
    return result;
  });
}

/**
 * A country's outlines at one level, with the areas that have none. `etag` names this answer;
 * when the caller's copy has it already (`ifNoneMatch`), the answer is left out (a 304) and the
 * topology is not even read.
 */
export async function getBoundaries(
  ctx: { db: Queryable },
  query: BoundariesQuery,
  ifNoneMatch: string | undefined,
): Promise<{ etag: string; answer: BoundariesAnswer | null }> {
  const set = await boundariesRepository.setMeta(ctx.db, query.country, query.level);
  if (!set) throw notFound('Outlines');
  const rows = await boundariesRepository.unoutlined(ctx.db, query.country, query.level, UNOUTLINED_LIMIT);
  const missing = rows.map((r) => ({ code: r.code, name: r.name, within: r.within }));
  const missingCount = rows[0]?.total ?? 0;
  const etag = `"${sha256(JSON.stringify([set.digest, missing, missingCount])).slice(0, 32)}"`;
  if (etagMatches(ifNoneMatch, etag)) return { etag, answer: null };
  const stored = await boundariesRepository.topology(ctx.db, query.country, query.level);
  return {
    etag,
    answer: {
      country: set.country,
      level: set.level,
      licence: set.licence,
      attribution: set.attribution,
      source: set.source,
      topology: stored as BoundariesAnswer['topology'],
      missing,
      missingCount,
    },
  };
}

/**
 * Indonesia's province outlines shipped with the platform (Natural Earth, public domain), for the
 * provinces given (all by default): imported with Indonesia's areas.
 */
export function importIndonesiaOutlines(db: Database, provinces?: string[]): Promise<BoundaryImportResult> {
  const { level, licence, attribution, source } = INDONESIA_PROVINCE_OUTLINES;
  return importBoundaries(db, { level, licence, attribution, source, outlines: readIndonesiaOutlines(provinces) });
}

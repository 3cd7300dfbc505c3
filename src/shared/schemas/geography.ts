import { z } from 'zod';
import { coded } from '../problem-codes.js';
import { pageOf, pageQuery } from '../common.schemas.js';

/** Area codes are the country's own (Kemendagri: '11.01.01.2001'); '/' is reserved for paths. */
export const areaCode = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, coded('not_an_area_code', 'is not an area code'));
export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, coded('not_a_country_code', 'must be an ISO 3166-1 alpha-2 code such as ID'));

export const listAreasQuery = pageQuery.extend({
  parent: areaCode.optional(),
  level: z.string().min(1).max(40).optional(),
  country: countryCode.optional(),
  q: z.string().trim().min(1).max(100).optional(),
});
export type ListAreasQuery = z.infer<typeof listAreasQuery>;

/** A search by name for a picker: `scope=mine` keeps only areas inside the caller's own grants. */
export const searchAreasQuery = z.object({
  q: z.string().trim().min(2).max(100),
  level: z.string().min(1).max(40).optional(),
  country: countryCode.optional(),
  scope: z.enum(['all', 'mine']).default('all'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchAreasQuery = z.infer<typeof searchAreasQuery>;

export const areaParams = z.object({ code: areaCode });
export const containsParams = z.object({ code: areaCode, other: areaCode });

// ---- answers -----------------------------------------------------------------------------------
export const areaAnswer = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  parentCode: z.string().nullable(),
  country: z.string(),
});
export type AreaAnswer = z.infer<typeof areaAnswer>;

/** An area in a list, with how many areas lie directly below it. */
export const areaPage = pageOf(areaAnswer.extend({ childCount: z.number().int() }));
export type AreaListItem = z.infer<typeof areaPage>['items'][number];

/** One area with its ancestors from the root down, and how many areas lie directly below it. */
export const areaDetailAnswer = areaAnswer.extend({ ancestors: z.array(areaAnswer), childCount: z.number().int() });
export type AreaDetailAnswer = z.infer<typeof areaDetailAnswer>;

export const areaContainsAnswer = z.object({ ancestor: z.string(), descendant: z.string(), contains: z.boolean() });

/** An area's ancestor as a search hit names it: enough for "Sukamaju — Cibadak, Kab. Sukabumi, Jawa Barat". */
export const areaTrailStep = z.object({ code: z.string(), name: z.string(), level: z.string() });

/** A search hit: the area, its ancestors from the root down, and whether it lies in the caller's scope. */
export const areaHitAnswer = areaAnswer.extend({ ancestors: z.array(areaTrailStep), inScope: z.boolean() });
export type AreaHitAnswer = z.infer<typeof areaHitAnswer>;
export const areaSearchAnswer = z.object({ items: z.array(areaHitAnswer) });
export type AreaSearchAnswer = z.infer<typeof areaSearchAnswer>;

// ---- area outlines (boundaries) ------------------------------------------------------------------
/** The outlines of one country's areas at one level, for a map. */
export const boundariesQuery = z.object({ country: countryCode, level: z.string().min(1).max(40) });
export type BoundariesQuery = z.infer<typeof boundariesQuery>;

/**
 * A TopoJSON topology (quantized: integer arcs with a transform). Its one object, `areas`, is a
 * GeometryCollection whose geometries carry the area code as `id`; topojson-client's `feature()`
 * turns it back into GeoJSON features for d3-geo.
 */
const topologyGeometry = z.object({
  type: z.enum(['Polygon', 'MultiPolygon']),
  id: z.string(),
  arcs: z.array(z.unknown()),
});
export const topologyAnswer = z.object({
  type: z.literal('Topology'),
  bbox: z.array(z.number()).optional(),
  transform: z.object({ scale: z.tuple([z.number(), z.number()]), translate: z.tuple([z.number(), z.number()]) }),
  objects: z.object({
    areas: z.object({ type: z.literal('GeometryCollection'), geometries: z.array(topologyGeometry) }),
  }),
  // Each arc: [x, y] steps on the quantized grid, the first absolute and the rest relative to the one
  // before (TopoJSON's delta encoding). Left unchecked element by element: tens of thousands of points
  // that the import built.
  arcs: z.array(z.unknown()).describe('arcs: arrays of [dx, dy] integer steps'),
});

/** An area of the level without an outline of its own; `within`: the outline that holds its land, if any. */
export const unoutlinedArea = z.object({ code: z.string(), name: z.string(), within: z.string().nullable() });

export const boundariesAnswer = z.object({
  country: z.string(),
  level: z.string(),
  licence: z.string(),
  attribution: z.string(),
  source: z.string(),
  topology: topologyAnswer,
  /** The first areas of the level (by code) that have no outline, and how many there are in all. */
  missing: z.array(unoutlinedArea),
  missingCount: z.number().int(),
});
export type BoundariesAnswer = z.infer<typeof boundariesAnswer>;

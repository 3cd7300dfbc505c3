import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { geoBounds, geoContains } from 'd3-geo';
import type { FeatureCollection, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { afterEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { createPostgresDatabase, postgresUrl } from '../../../../test/database.js';
import { exitOf, runCli } from '../../../../test/server-process.js';
import { PgliteDatabase } from '../../db/pglite.js';
import { PostgresDatabase } from '../../db/postgres.js';
import { Problem } from '../../http/errors.js';
import type { OutlineInput } from './boundary-import.js';
import { importBoundaries, importIndonesiaOutlines } from './boundaries.service.js';
import type { BoundariesAnswer } from './geography.schemas.js';

const t = useTestApp();

/** A rough box around a place, counter-clockwise as GeoJSON's right-hand rule draws an exterior ring. */
const box = (west: number, south: number, east: number, north: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ],
  ],
});
const BALI = box(114.4, -8.85, 115.72, -8.05);
const LOMBOK = box(115.8, -8.95, 116.75, -8.2);
const outline = (code: string, geometry: Polygon, covers: string[] = []): OutlineInput => ({ code, geometry, covers });
const set = (outlines: OutlineInput[], level = 'province') => ({
  level,
  licence: 'CC BY 4.0',
  attribution: 'Outlines © Test Survey',
  source: 'test-survey.geojson',
  outlines,
});

async function boundaries(query = 'country=ID&level=province', headers: Record<string, string> = {}) {
  return t.request({ method: 'GET', url: `/api/v1/areas/boundaries?${query}`, headers });
}

async function refusal(promise: Promise<unknown>): Promise<Problem> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Problem);
  return error as Problem;
}

describe('importing outlines', () => {
  it('stores the outlines of known areas with the set’s licence, attribution and source', async () => {
    const result = await importBoundaries(t.database.db, set([outline('51', BALI), outline('52', LOMBOK)]));
    expect(result).toMatchObject({ country: 'ID', level: 'province', outlines: 2, unoutlined: 0 });
    const [stored] = await t.database.db.query<{ licence: string; attribution: string; source: string }>(
      "SELECT licence, attribution, source FROM boundary_sets WHERE country = 'ID' AND level = 'province'",
    );
    expect(stored).toEqual({
      licence: 'CC BY 4.0',
      attribution: 'Outlines © Test Survey',
      source: 'test-survey.geojson',
    });
    const rows = await t.database.db.query<{ area_code: string; level: string }>(
      'SELECT area_code, level FROM boundaries ORDER BY area_code',
    );
    expect(rows).toEqual([
      { area_code: '51', level: 'province' },
      { area_code: '52', level: 'province' },
    ]);
  });

  it('refuses a file naming an unknown code, names it, and writes nothing', async () => {
    const problem = await refusal(
      importBoundaries(t.database.db, set([outline('51', BALI), outline('99', LOMBOK), outline('52', LOMBOK, ['77'])])),
    );
    expect(problem.status).toBe(400);
    expect(problem.detail).toMatch(/2 code\(s\) that are not areas at level province: 99, 77/);
    expect(problem.errors?.map((e) => [e.path, e.code, e.params?.code])).toEqual([
      ['outlines[1].code', 'outline_unknown_area', '99'],
      ['outlines[2].covers', 'outline_unknown_area', '77'],
    ]);
    expect(await t.database.db.query('SELECT 1 FROM boundaries')).toEqual([]);
    expect(await t.database.db.query('SELECT 1 FROM boundary_sets')).toEqual([]);
  });

  it('refuses an area of another level', async () => {
    const problem = await refusal(importBoundaries(t.database.db, set([outline('51.07', BALI)])));
    expect(problem.errors?.map((e) => e.code)).toEqual(['outline_unknown_area']);
    expect(problem.detail).toMatch(/51\.07/);
  });

  it('refuses to cover an area that has an outline of its own', async () => {
    const problem = await refusal(
      importBoundaries(t.database.db, set([outline('51', BALI, ['52']), outline('52', LOMBOK)])),
    );
    expect(problem.errors?.map((e) => [e.code, e.params?.code])).toEqual([['outline_covers_outlined', '52']]);
  });

  it('replaces the whole set on a second import', async () => {
    await importBoundaries(t.database.db, set([outline('51', BALI), outline('52', LOMBOK)]));
    const again = await importBoundaries(t.database.db, {
      ...set([outline('52', LOMBOK)]),
      licence: 'Public domain',
      attribution: 'Another survey',
    });
    expect(again).toMatchObject({ outlines: 1, unoutlined: 1 });
    expect(await t.database.db.query('SELECT area_code FROM boundaries')).toEqual([{ area_code: '52' }]);
    const answer = (await boundaries()).json() as BoundariesAnswer;
    expect(answer).toMatchObject({ licence: 'Public domain', attribution: 'Another survey' });
    expect(answer.topology.objects.areas.geometries.map((g) => g.id)).toEqual(['52']);
    expect(answer.missing).toEqual([{ code: '51', name: 'Bali', within: null }]);
  });

  it('imports the shipped outlines of the provinces in the database', async () => {
    const result = await importIndonesiaOutlines(t.database.db, ['51', '52']);
    expect(result).toMatchObject({ country: 'ID', level: 'province', outlines: 2, unoutlined: 0 });
    const answer = (await boundaries()).json() as BoundariesAnswer;
    expect(answer.licence).toMatch(/public domain/i);
    expect(answer.attribution).toMatch(/Natural Earth/);
    const fc = feature(
      answer.topology as never,
      answer.topology.objects.areas as never,
    ) as unknown as FeatureCollection;
    const bali = fc.features.find((f) => f.id === '51')!;
    // Denpasar lies in Bali's outline, Mataram (Lombok) does not.
    expect(geoContains(bali, [115.22, -8.65])).toBe(true);
    expect(geoContains(bali, [116.12, -8.58])).toBe(false);
  });
});

describe('GET /api/v1/areas/boundaries', () => {
  it('answers TopoJSON that topojson-client turns back into features with the area codes', async () => {
    await importBoundaries(t.database.db, set([outline('51', BALI), outline('52', LOMBOK)]));
    const response = await boundaries();
    expect(response.statusCode, response.body).toBe(200);
    const answer = response.json() as BoundariesAnswer;
    expect(answer).toMatchObject({
      country: 'ID',
      level: 'province',
      licence: 'CC BY 4.0',
      attribution: 'Outlines © Test Survey',
      source: 'test-survey.geojson',
      missing: [],
      missingCount: 0,
    });
    expect(answer.topology.type).toBe('Topology');
    expect(answer.topology.transform.scale[0]).toBeGreaterThan(0);
    const fc = feature(
      answer.topology as never,
      answer.topology.objects.areas as never,
    ) as unknown as FeatureCollection;
    expect(fc.features.map((f) => f.id)).toEqual(['51', '52']);
    const [[west, south], [east, north]] = geoBounds(fc.features[0]!);
    expect([west, south, east, north].map((v) => Math.round(v * 100) / 100)).toEqual([114.4, -8.85, 115.72, -8.05]);
    expect(geoContains(fc.features[1]!, [116.12, -8.58])).toBe(true);
  });

  it('lists the areas of the level without an outline, with the outline that holds them', async () => {
    await importBoundaries(t.database.db, set([outline('51', box(114.4, -8.95, 116.75, -8.05), ['52'])]));
    const answer = (await boundaries()).json() as BoundariesAnswer;
    expect(answer.missing).toEqual([{ code: '52', name: 'Nusa Tenggara Barat', within: '51' }]);
    expect(answer.missingCount).toBe(1);
  });

  it('is public and cacheable, and answers 304 to a caller whose copy is current', async () => {
    await importBoundaries(t.database.db, set([outline('51', BALI), outline('52', LOMBOK)]));
    const first = await boundaries();
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=3600');
    const again = await boundaries(undefined, { 'if-none-match': `W/"stale", ${etag}` });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
  });

  it('names a new answer after a re-import', async () => {
    await importBoundaries(t.database.db, set([outline('51', BALI), outline('52', LOMBOK)]));
    const etag = (await boundaries()).headers.etag as string;
    await importBoundaries(t.database.db, {
      ...set([outline('51', BALI), outline('52', LOMBOK)]),
      attribution: 'New credit',
    });
    const after = await boundaries(undefined, { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.json()).toMatchObject({ attribution: 'New credit' });
  });

  it('answers 404 for a level without outlines, and 400 for a bad country', async () => {
    await importBoundaries(t.database.db, set([outline('51', BALI)]));
    expect((await boundaries('country=ID&level=regency')).statusCode).toBe(404);
    expect((await boundaries('country=MY&level=province')).statusCode).toBe(404);
    const bad = await boundaries('country=Indonesia&level=province');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toContain('query.country');
  });
});

describe('the import-boundaries command', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  const geojson = (features: [string, Polygon][], property = 'code') =>
    ({
      type: 'FeatureCollection',
      features: features.map(([code, geometry]) => ({ type: 'Feature', properties: { [property]: code }, geometry })),
    }) as FeatureCollection;

  it(
    'imports outlines after the areas, refuses a file naming an unknown code, and replaces the set',
    { timeout: 300_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ovop-boundaries-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const env: Record<string, string> = { OVOP_DATA_DIR: join(dir, 'data'), OVOP_IMPORT_AREAS_ON_START: 'false' };
      let databaseUrl: string | undefined;
      if (postgresUrl) {
        const created = await createPostgresDatabase();
        cleanups.push(created.drop);
        databaseUrl = created.url;
        env.DATABASE_URL = created.url;
        env.OVOP_SECRET = 'a-test-secret-of-at-least-32-characters';
      }
      const run = async (args: string[]) => {
        const child = runCli(args, env);
        let stdout = '';
        let stderr = '';
        child.stdout?.on('data', (d) => (stdout += String(d)));
        child.stderr?.on('data', (d) => (stderr += String(d)));
        const { code } = await exitOf(child);
        return { code, stdout, stderr };
      };
      const licence = ['--level', 'province', '--licence', 'CC BY 4.0', '--attribution', 'Outlines © Test Survey'];

      // Indonesia's areas come with the shipped outlines of the provinces imported.
      const areas = await run(['import-areas', '--country', 'ID', '--provinces', '51,52']);
      expect(areas.stderr).toBe('');
      expect(areas.stdout).toMatch(/Stored 2 province outlines for ID \(\d+ KB as TopoJSON\)\./);

      const refused = join(dir, 'refused.geojson');
      writeFileSync(
        refused,
        JSON.stringify(
          geojson([
            ['51', BALI],
            ['99', LOMBOK],
          ]),
        ),
      );
      const no = await run(['import-boundaries', '--file', refused, ...licence]);
      expect(no.code).toBe(1);
      expect(no.stderr).toContain('names 1 code(s) that are not areas at level province: 99; nothing was imported');
      expect(no.stderr).toContain('outlines[1].code: "99" is not a known area at level province');

      const survey = join(dir, 'survey.topojson');
      const topo = topology(
        {
          provinces: geojson(
            [
              ['51', BALI],
              ['52', LOMBOK],
            ],
            'kode',
          ),
        },
        1e4,
      );
      writeFileSync(survey, JSON.stringify(topo));
      const yes = await run(['import-boundaries', '--file', survey, '--code-property', 'kode', ...licence]);
      expect(yes.stderr).toBe('');
      expect(yes.code).toBe(0);
      expect(yes.stdout).toMatch(/Stored 2 province outlines for ID/);

      const db = databaseUrl
        ? await PostgresDatabase.open(databaseUrl, 1)
        : await PgliteDatabase.open(join(dir, 'data', 'pglite'));
      try {
        expect(await db.query('SELECT licence, attribution, source FROM boundary_sets')).toEqual([
          { licence: 'CC BY 4.0', attribution: 'Outlines © Test Survey', source: 'survey.topojson' },
        ]);
        expect(await db.query('SELECT area_code FROM boundaries ORDER BY area_code')).toEqual([
          { area_code: '51' },
          { area_code: '52' },
        ]);
      } finally {
        await db.close();
      }
    },
  );
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { createPostgresDatabase, postgresUrl } from '../../../../test/database.js';
import { exitOf, runCli } from '../../../../test/server-process.js';
import type { Database } from '../../db/database.js';
import { PgliteDatabase } from '../../db/pglite.js';
import { PostgresDatabase } from '../../db/postgres.js';
import { Problem, type FieldError } from '../../http/errors.js';
import { parseAreasCsv, planAreaImport, readIndonesiaAreas, type ExistingArea } from './area-import.js';
import { importAreas } from './geography.service.js';

const t = useTestApp();

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A small made-up tree for Timor-Leste: two municipalities, posts below them, sucos below those. */
const TIMOR = `code,parent_code,level,name
TL-DI,,municipality,Díli
TL-DI.01,TL-DI,post,Cristo Rei
TL-DI.01.001,TL-DI.01,suco,Becora
TL-DI.01.002,TL-DI.01,suco,Camea
TL-DI.02,TL-DI,post,Dom Aleixo
TL-DI.02.001,TL-DI.02,suco,Comoro
TL-BA,,municipality,Baucau
TL-BA.01,TL-BA,post,Vemasse
`;

function parsed(text: string) {
  const { rows, errors } = parseAreasCsv(text);
  expect(errors).toEqual([]);
  return rows;
}

/** Runs an import that must be refused and returns its field errors. */
async function refusedImport(country: string, text: string): Promise<FieldError[]> {
  const { rows, errors } = parseAreasCsv(text);
  const error: unknown = await importAreas(t.database.db, country, rows, errors).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Problem);
  expect(error).toMatchObject({ status: 400, code: 'validation' });
  return (error as Problem).errors ?? [];
}

async function countAreas(db: Database = t.database.db, country?: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM areas WHERE $1::text IS NULL OR country = $1',
    [country ?? null],
  );
  return row!.n;
}

async function pathOf(code: string): Promise<{ path: string; depth: number } | undefined> {
  const [row] = await t.database.db.query<{ path: string; depth: number }>(
    'SELECT path, depth FROM areas WHERE code = $1',
    [code],
  );
  return row;
}

async function contains(code: string, other: string): Promise<boolean> {
  const response = await t.request({ method: 'GET', url: `/api/v1/areas/${code}/contains/${other}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().contains;
}

describe('importing a country from a CSV file', () => {
  it('imports every row parents-first with materialised paths and depths', async () => {
    const result = await importAreas(t.database.db, 'TL', parsed(TIMOR));
    expect(result).toEqual({ country: 'TL', rows: 8, byLevel: { municipality: 2, post: 3, suco: 3 } });
    expect(await pathOf('TL-DI.01.002')).toEqual({ path: '/TL-DI/TL-DI.01/TL-DI.01.002/', depth: 2 });
    const village = await t.request({ method: 'GET', url: '/api/v1/areas/TL-DI.01.002' });
    expect(village.json()).toMatchObject({
      country: 'TL',
      ancestors: [{ code: 'TL-DI' }, { code: 'TL-DI.01' }],
    });
    expect(await contains('TL-DI', 'TL-DI.02.001')).toBe(true);
    expect(await contains('TL-BA', 'TL-DI.02.001')).toBe(false);
  });

  it('accepts rows in any order, a byte-order mark, blank lines and a quoted name with a comma', async () => {
    const text = `\uFEFFcode,parent_code,level,name\r\nTL-DI.01,TL-DI,post,"Cristo Rei, Díli"\r\n\r\nTL-DI,,municipality,Díli\r\n`;
    await importAreas(t.database.db, 'TL', parsed(text));
    const post = await t.request({ method: 'GET', url: '/api/v1/areas/TL-DI.01' });
    expect(post.json()).toMatchObject({ name: 'Cristo Rei, Díli', parentCode: 'TL-DI' });
  });

  it('writes an audit record of the import', async () => {
    await importAreas(t.database.db, 'TL', parsed(TIMOR));
    const audit = await t.database.db.query<{ entity_id: string }>(
      `SELECT entity_id FROM audit_log WHERE action = 'areas.import'`,
    );
    expect(audit).toEqual([{ entity_id: 'TL' }]);
  });

  it('changes nothing when the same file is imported again', async () => {
    await importAreas(t.database.db, 'TL', parsed(TIMOR));
    const before = await t.database.db.query(
      `SELECT code, parent_code, level, depth, name, path, xmin::text AS version FROM areas ORDER BY code`,
    );
    const again = await importAreas(t.database.db, 'TL', parsed(TIMOR));
    expect(again.byLevel).toEqual({ municipality: 2, post: 3, suco: 3 });
    const after = await t.database.db.query(
      `SELECT code, parent_code, level, depth, name, path, xmin::text AS version FROM areas ORDER BY code`,
    );
    // Same rows, and not even rewritten: xmin changes whenever PostgreSQL writes a new row version.
    expect(after).toEqual(before);
    expect(await countAreas(t.database.db, 'TL')).toBe(8);
  });

  it('renames an area in a second import without touching the rest', async () => {
    await importAreas(t.database.db, 'TL', parsed(TIMOR));
    await importAreas(t.database.db, 'TL', parsed('code,parent_code,level,name\nTL-BA,,municipality,Baukau\n'));
    const response = await t.request({ method: 'GET', url: '/api/v1/areas/TL-BA' });
    expect(response.json()).toMatchObject({ name: 'Baukau', childCount: 1 });
    expect(await countAreas(t.database.db, 'TL')).toBe(8);
  });
});

describe('refusing a broken file', () => {
  it('refuses an unknown parent with its line, importing nothing', async () => {
    const before = await countAreas();
    const errors = await refusedImport('TL', `${TIMOR}TL-BA.02,TL-XX,post,Laga\n`);
    expect(errors).toEqual([
      expect.objectContaining({ path: 'line 10.parent_code', message: 'unknown parent "TL-XX"' }),
    ]);
    expect(await countAreas()).toBe(before);
    expect(await countAreas(t.database.db, 'TL')).toBe(0);
  });

  it('refuses duplicate codes, naming both lines', async () => {
    const before = await countAreas();
    const errors = await refusedImport('TL', `${TIMOR}TL-DI.01,TL-BA,post,Cristo Rei again\n`);
    expect(errors).toEqual([
      expect.objectContaining({ path: 'line 10.code', message: 'duplicates the code on line 3' }),
    ]);
    expect(await countAreas()).toBe(before);
  });

  it('refuses a cycle of parents, naming every line in it', async () => {
    const before = await countAreas();
    const errors = await refusedImport('TL', `${TIMOR}TL-A,TL-B,post,A\nTL-B,TL-A,post,B\n`);
    expect(errors).toEqual([
      expect.objectContaining({ path: 'line 10.parent_code', message: '"TL-A" is part of a cycle' }),
      expect.objectContaining({ path: 'line 11.parent_code', message: '"TL-B" is part of a cycle' }),
    ]);
    expect(await countAreas()).toBe(before);
  });

  it('refuses an area that is its own parent', async () => {
    const errors = await refusedImport('TL', 'code,parent_code,level,name\nTL-A,TL-A,post,A\n');
    expect(errors).toEqual([
      expect.objectContaining({ path: 'line 2.parent_code', message: '"TL-A" is part of a cycle' }),
    ]);
  });

  it('refuses a file without the expected header', async () => {
    expect(parseAreasCsv('code,parent,level,name\nTL-DI,,municipality,Díli\n')).toEqual({
      rows: [],
      errors: [expect.objectContaining({ path: 'line 1', message: 'the header must be code,parent_code,level,name' })],
    });
    const errors = await refusedImport('TL', 'kode,induk,tingkat,nama\nTL-DI,,municipality,Díli\n');
    expect(errors).toEqual([
      expect.objectContaining({ path: 'line 1', message: 'the header must be code,parent_code,level,name' }),
    ]);
    expect(await countAreas(t.database.db, 'TL')).toBe(0);
  });

  it('refuses rows with the wrong number of columns, importing none of the good rows', async () => {
    const text = `${TIMOR}TL-BA.02,TL-BA,post\nTL-BA.03,TL-BA,post,Laga,extra\n`;
    expect(parseAreasCsv(text).errors).toEqual([
      expect.objectContaining({ path: 'line 10', message: 'has 3 columns, expected 4' }),
      expect.objectContaining({ path: 'line 11', message: 'has 5 columns, expected 4' }),
    ]);
    await refusedImport('TL', text);
    expect(await countAreas(t.database.db, 'TL')).toBe(0);
  });

  it('refuses text that is not CSV', async () => {
    expect(parseAreasCsv('code,parent_code,level,name\n"TL-DI,,municipality,Díli\n').errors).toEqual([
      expect.objectContaining({ path: 'file', message: expect.stringMatching(/^is not valid CSV/) }),
    ]);
  });

  it('refuses bad codes and empty names or levels, line by line', async () => {
    const errors = await refusedImport(
      'TL',
      'code,parent_code,level,name\nTL/DI,,municipality,Díli\nTL-BA,,,Baucau\nTL-LA,,municipality,\n',
    );
    expect(errors).toEqual([
      expect.objectContaining({ path: 'line 2.code', message: '"TL/DI" is not a valid area code' }),
      expect.objectContaining({ path: 'line 3.level', message: 'is empty' }),
      expect.objectContaining({ path: 'line 4.name', message: 'is empty' }),
    ]);
  });

  it("refuses a code that another country already uses, and a parent in another country's tree", async () => {
    const before = await countAreas();
    const errors = await refusedImport(
      'TL',
      'code,parent_code,level,name\n51.07,,municipality,Not Karangasem\nTL-X,51,post,Under Bali\n',
    );
    expect(errors).toEqual([
      expect.objectContaining({ path: 'line 2.code', message: '"51.07" already belongs to country ID' }),
      expect.objectContaining({ path: 'line 3.parent_code', message: 'parent "51" belongs to country ID' }),
    ]);
    expect(await countAreas()).toBe(before);
    const karangasem = await t.request({ method: 'GET', url: '/api/v1/areas/51.07' });
    expect(karangasem.json()).toMatchObject({ name: 'Kabupaten Karangasem', country: 'ID' });
  });
});

describe('re-parenting areas in a later import', () => {
  it("moves the untouched descendants' paths and depths with the moved area", async () => {
    await importAreas(t.database.db, 'TL', parsed(TIMOR));
    // Cristo Rei moves from Díli to Baucau's post Vemasse: one level deeper, sucos not in the file.
    await importAreas(t.database.db, 'TL', parsed('code,parent_code,level,name\nTL-DI.01,TL-BA.01,post,Cristo Rei\n'));
    expect(await pathOf('TL-DI.01')).toEqual({ path: '/TL-BA/TL-BA.01/TL-DI.01/', depth: 2 });
    expect(await pathOf('TL-DI.01.001')).toEqual({ path: '/TL-BA/TL-BA.01/TL-DI.01/TL-DI.01.001/', depth: 3 });
    expect(await contains('TL-BA', 'TL-DI.01.002')).toBe(true);
    expect(await contains('TL-DI', 'TL-DI.01.002')).toBe(false);
    expect(await contains('TL-DI', 'TL-DI.02.001')).toBe(true);
    const suco = await t.request({ method: 'GET', url: '/api/v1/areas/TL-DI.01.001' });
    expect(suco.json().ancestors.map((a: { code: string }) => a.code)).toEqual(['TL-BA', 'TL-BA.01', 'TL-DI.01']);
  });

  it('moves a subtree up to the root', async () => {
    await importAreas(t.database.db, 'TL', parsed(TIMOR));
    await importAreas(t.database.db, 'TL', parsed('code,parent_code,level,name\nTL-DI.02,,municipality,Dom Aleixo\n'));
    expect(await pathOf('TL-DI.02.001')).toEqual({ path: '/TL-DI.02/TL-DI.02.001/', depth: 1 });
    expect(await contains('TL-DI', 'TL-DI.02.001')).toBe(false);
  });

  it('moves an area and, in the same file, one of its descendants out of it', async () => {
    await importAreas(t.database.db, 'TL', parsed(TIMOR));
    // Díli goes under Baucau; its post Cristo Rei leaves Díli for the root. Becora and Camea follow Cristo Rei.
    await importAreas(
      t.database.db,
      'TL',
      parsed('code,parent_code,level,name\nTL-DI,TL-BA,municipality,Díli\nTL-DI.01,,post,Cristo Rei\n'),
    );
    expect(await pathOf('TL-DI.01.001')).toEqual({ path: '/TL-DI.01/TL-DI.01.001/', depth: 1 });
    expect(await pathOf('TL-DI.02.001')).toEqual({ path: '/TL-BA/TL-DI/TL-DI.02/TL-DI.02.001/', depth: 3 });
    expect(await contains('TL-BA', 'TL-DI.01.001')).toBe(false);
  });

  it('places a new area below an untouched area whose ancestor moves in the same file', async () => {
    await importAreas(t.database.db, 'TL', parsed(TIMOR));
    await importAreas(
      t.database.db,
      'TL',
      parsed('code,parent_code,level,name\nTL-DI.02.002,TL-DI.02,suco,Bairro Pite\nTL-DI,TL-BA,municipality,Díli\n'),
    );
    expect(await pathOf('TL-DI.02.002')).toEqual({ path: '/TL-BA/TL-DI/TL-DI.02/TL-DI.02.002/', depth: 3 });
    expect(await pathOf('TL-DI.02.001')).toEqual({ path: '/TL-BA/TL-DI/TL-DI.02/TL-DI.02.001/', depth: 3 });
  });

  it('turns a subtree upside down when a descendant leaves first and its old ancestor follows below it', async () => {
    await importAreas(t.database.db, 'TL', parsed(TIMOR));
    // Cristo Rei becomes a root; Díli moves below Becora, which stays below Cristo Rei.
    await importAreas(
      t.database.db,
      'TL',
      parsed('code,parent_code,level,name\nTL-DI,TL-DI.01.001,municipality,Díli\nTL-DI.01,,post,Cristo Rei\n'),
    );
    expect(await pathOf('TL-DI.01.001')).toEqual({ path: '/TL-DI.01/TL-DI.01.001/', depth: 1 });
    expect(await pathOf('TL-DI')).toEqual({ path: '/TL-DI.01/TL-DI.01.001/TL-DI/', depth: 2 });
    expect(await pathOf('TL-DI.02.001')).toEqual({
      path: '/TL-DI.01/TL-DI.01.001/TL-DI/TL-DI.02/TL-DI.02.001/',
      depth: 4,
    });
  });

  it('refuses a cycle that runs through areas the file does not mention', async () => {
    await importAreas(t.database.db, 'TL', parsed(TIMOR));
    // Díli below Vemasse (in Baucau), and Baucau below Dom Aleixo (in Díli).
    const errors = await refusedImport(
      'TL',
      'code,parent_code,level,name\nTL-DI,TL-BA.01,municipality,Díli\nTL-BA,TL-DI.02,municipality,Baucau\n',
    );
    expect(errors.map((e) => e.path)).toEqual(['line 2.parent_code', 'line 3.parent_code']);
  });

  it('refuses to move an area under one of its own descendants', async () => {
    await importAreas(t.database.db, 'TL', parsed(TIMOR));
    const before = await t.database.db.query('SELECT code, parent_code, path FROM areas ORDER BY code');
    const errors = await refusedImport('TL', 'code,parent_code,level,name\nTL-DI,TL-DI.01.001,municipality,Díli\n');
    expect(errors).toEqual([
      expect.objectContaining({ path: 'line 2.parent_code', message: '"TL-DI" is part of a cycle' }),
    ]);
    expect(await t.database.db.query('SELECT code, parent_code, path FROM areas ORDER BY code')).toEqual(before);
  });
});

describe('planning an import', () => {
  const existing = new Map<string, ExistingArea>([['51.07', { country: 'ID', path: '/51/51.07/', depth: 1 }]]);

  it('orders rows parents-first and places them below an existing parent', () => {
    const { areas, errors } = planAreaImport(
      [
        { line: 2, code: '51.07.99.0001', parentCode: '51.07.99', level: 'village', name: 'Baru' },
        { line: 3, code: '51.07.99', parentCode: '51.07', level: 'district', name: 'Kecamatan Baru' },
      ],
      'ID',
      existing,
    );
    expect(errors).toEqual([]);
    expect(areas.map((a) => [a.code, a.depth, a.path])).toEqual([
      ['51.07.99', 2, '/51/51.07/51.07.99/'],
      ['51.07.99.0001', 3, '/51/51.07/51.07.99/51.07.99.0001/'],
    ]);
  });

  it('reports every problem at once and plans nothing', () => {
    const { areas, errors } = planAreaImport(
      [
        { line: 2, code: 'A', parentCode: null, level: 'x', name: 'n'.repeat(201) },
        { line: 3, code: 'B', parentCode: 'nowhere', level: 'x', name: 'B' },
        { line: 4, code: 'A', parentCode: null, level: 'x', name: 'A' },
      ],
      'XX',
      new Map(),
    );
    expect(areas).toEqual([]);
    expect(errors).toEqual([
      expect.objectContaining({ path: 'line 2.name', message: 'is longer than 200 characters' }),
      expect.objectContaining({ path: 'line 4.code', message: 'duplicates the code on line 2' }),
      expect.objectContaining({ path: 'line 3.parent_code', message: 'unknown parent "nowhere"' }),
    ]);
  });
});

describe('an import into an empty areas table', () => {
  /** The areas table's indexes as PostgreSQL would write them again. */
  const indexes = () =>
    t.database.db.query<{ definition: string }>(
      `SELECT pg_get_indexdef(indexrelid) AS definition FROM pg_index WHERE indrelid = 'areas'::regclass ORDER BY 1`,
    );

  it('builds the indexes again as they were, after the rows, and finds areas by name through them', async () => {
    const before = await indexes();
    // Five indexes besides the key: by parent, by path, by country and level, and two of names' trigrams.
    expect(before.filter((i) => / USING gin /.test(i.definition))).toHaveLength(2);
    expect(before.length).toBeGreaterThanOrEqual(6);
    await t.database.db.query('TRUNCATE areas CASCADE');
    await importAreas(t.database.db, 'TL', parsed(TIMOR));
    expect(await indexes()).toEqual(before);
    expect(await countAreas(t.database.db, 'TL')).toBe(8);
    const found = await t.request({ method: 'GET', url: '/api/v1/areas/search?q=becora' });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().items.map((a: { code: string }) => a.code)).toEqual(['TL-DI.01.001']);
  });

  it('keeps the indexes of a table that holds areas, and changes them row by row', async () => {
    await importAreas(t.database.db, 'TL', parsed(TIMOR));
    const before = await indexes();
    await importAreas(t.database.db, 'TL', parsed(TIMOR.replace('Comoro', 'Madohi')));
    expect(await indexes()).toEqual(before);
    const found = await t.request({ method: 'GET', url: '/api/v1/areas/search?q=madohi' });
    expect(found.json().items.map((a: { code: string }) => a.code)).toEqual(['TL-DI.02.001']);
  });
});

describe('the import-areas command', () => {
  // Spawns the command line: a loaded machine takes its time, so the bound is generous.
  it(
    'imports a CSV file, and refuses a broken one with line-numbered errors and nothing written',
    { timeout: 600_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ovop-import-'));
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
      const run = async (file: string) => {
        const child = runCli(['import-areas', '--csv', file, '--country', 'tl'], env);
        let stdout = '';
        let stderr = '';
        child.stdout?.on('data', (d) => (stdout += String(d)));
        child.stderr?.on('data', (d) => (stderr += String(d)));
        const { code } = await exitOf(child);
        return { code, stdout, stderr };
      };

      const broken = join(dir, 'broken.csv');
      writeFileSync(broken, `${TIMOR}TL-BA.02,TL-XX,post,Laga\nTL-BA.03,TL-BA,post\n`);
      const refused = await run(broken);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('nothing was imported');
      expect(refused.stderr).toContain('line 11: has 3 columns, expected 4');

      const good = join(dir, 'timor.csv');
      writeFileSync(good, TIMOR);
      const imported = await run(good);
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      expect(imported.stdout).toMatch(/Imported 8 rows for TL in [\d.]+ s \(now: /);

      const db = databaseUrl
        ? await PostgresDatabase.open(databaseUrl, 1)
        : await PgliteDatabase.open(join(dir, 'data', 'pglite'));
      try {
        expect(await countAreas(db)).toBe(8);
        expect(await countAreas(db, 'TL')).toBe(8);
      } finally {
        await db.close();
      }
    },
  );
});

describe('importing all of Indonesia', () => {
  it('loads 38 provinces, 514 regencies, 7,285 districts and 83,762 villages', { timeout: 600_000 }, async () => {
    const rows = readIndonesiaAreas();
    expect(rows).toHaveLength(91_599);
    const result = await importAreas(t.database.db, 'ID', rows);
    const expected = { province: 38, regency: 514, district: 7_285, village: 83_762 };
    expect(result.byLevel).toEqual(expected);
    const counted = await t.database.db.query<{ level: string; n: number }>(
      `SELECT level, count(*)::int AS n FROM areas WHERE country = 'ID' GROUP BY level`,
    );
    expect(Object.fromEntries(counted.map((r) => [r.level, r.n]))).toEqual(expected);
    const [misplaced] = await t.database.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM areas c LEFT JOIN areas p ON p.code = c.parent_code
       WHERE c.country = 'ID'
         AND (c.path <> coalesce(p.path, '/') || c.code || '/' OR c.depth <> coalesce(p.depth + 1, 0))`,
    );
    expect(misplaced!.n).toBe(0);
    const aceh = await t.request({ method: 'GET', url: '/api/v1/areas/11.01.01.2001' });
    expect(aceh.json()).toMatchObject({ name: 'Keude Bakongan', ancestors: [{ code: '11' }, {}, {}] });
  });
});

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import type { Database } from '../src/server/db/database.js';
import { migrate } from '../src/server/db/migrate.js';
import { PgliteDatabase } from '../src/server/db/pglite.js';
import { PostgresDatabase } from '../src/server/db/postgres.js';
import { importAreas, readIndonesiaAreas } from '../src/server/modules/geography/index.js';

/** The PostgreSQL server the suite runs on (`npm run test:pg`), or undefined for embedded PGlite. */
export const postgresUrl = process.env.OVOP_TEST_DATABASE_URL;

/** Bali and Nusa Tenggara Barat: two real provinces are enough for scope rules and fast to load. */
export const FIXTURE_PROVINCES = ['51', '52'];

export interface TestDatabase {
  db: Database;
  /** Its URL on the PostgreSQL server; undefined on PGlite. */
  url?: string;
  /** Empties every table but the migrations and the fixture areas. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/**
 * One database per test file: an in-memory PGlite, or a fresh database on the PostgreSQL server.
 * With the fixture areas it is a copy of the suite's template (test/template-setup.ts), migrated
 * once before the files run: migrating and importing the areas again in every file took most of a
 * file's start. `migrate` still runs, and finds nothing to do unless the template is missing.
 */
export async function openTestDatabase(options: { areas?: boolean } = {}): Promise<TestDatabase> {
  const template = options.areas === false ? undefined : providedTemplate();
  let db: Database;
  let drop = async () => {};
  let url: string | undefined;
  if (postgresUrl) {
    const created = await createPostgresDatabase(template?.postgresDatabase);
    db = await PostgresDatabase.open(created.url, 4);
    drop = created.drop;
    url = created.url;
  } else {
    db = await PgliteDatabase.open(undefined, template?.pgliteDump ? { load: readFileSync(template.pgliteDump) } : {});
  }
  await migrate(db);
  if (options.areas !== false && !template) await importAreas(db, 'ID', readIndonesiaAreas(FIXTURE_PROVINCES));
  return {
    db,
    ...(url ? { url } : {}),
    reset: () => resetDatabase(db),
    async close() {
      await db.close();
      await drop();
    },
  };
}

/** The template this run's setup provided, if any (none outside vitest's unit suite). */
function providedTemplate(): { pgliteDump?: string; postgresDatabase?: string } | undefined {
  try {
    const template = inject('databaseTemplate');
    return postgresUrl
      ? template?.postgresDatabase
        ? template
        : undefined
      : template?.pgliteDump
        ? template
        : undefined;
  } catch {
    return undefined;
  }
}

/** The suite's template: a database migrated once, with the fixture areas (test/template-setup.ts). */
export async function buildTemplate(): Promise<
  { kind: 'pglite'; dump: Buffer } | { kind: 'postgres'; name: string; drop: () => Promise<void> }
> {
  if (postgresUrl) {
    const created = await createPostgresDatabase();
    const db = await PostgresDatabase.open(created.url, 1);
    await migrate(db);
    await importAreas(db, 'ID', readIndonesiaAreas(FIXTURE_PROVINCES));
    await db.close();
    return { kind: 'postgres', name: new URL(created.url).pathname.slice(1), drop: created.drop };
  }
  const db = await PgliteDatabase.open(undefined);
  await migrate(db);
  await importAreas(db, 'ID', readIndonesiaAreas(FIXTURE_PROVINCES));
  const dump = await db.dump();
  await db.close();
  return { kind: 'pglite', dump };
}

/** A new database on the test PostgreSQL server (empty, or a copy of `template`), and a way to drop it. */
export async function createPostgresDatabase(template?: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!postgresUrl) throw new Error('OVOP_TEST_DATABASE_URL is not set');
  const name = `ovop_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * Empties every table but the migrations, the fixture areas and the catalog's version, which only
 * grows (the TRUNCATE bumps it): an app kept across a file's tests never serves a cached catalog
 * answer of an earlier test.
 */
async function resetDatabase(db: Database): Promise<void> {
  const tables = await db.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public'
     AND tablename NOT IN ('schema_migrations', 'areas', 'catalog_version')`,
  );
  // The audit log refuses TRUNCATE by design; only the test reset lifts that, for its own statement.
  await db.transaction(async (tx) => {
    await tx.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_truncate');
    await tx.query(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} CASCADE`);
    await tx.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_truncate');
    await tx.query(`DELETE FROM areas WHERE country <> 'ID' OR split_part(code, '.', 1) <> ALL($1::text[])`, [
      FIXTURE_PROVINCES,
    ]);
  });
}

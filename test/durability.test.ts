import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PgliteDatabase } from '../src/server/db/pglite.js';
import { PostgresDatabase } from '../src/server/db/postgres.js';
import { createPostgresDatabase, postgresUrl } from './database.js';
import { exitOf, startServer } from './server-process.js';

const ADMIN = { email: 'admin@example.id', password: 'Durable-salak-chips-2026' };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a committed write', () => {
  it('survives kill -9 of the server', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ovop-durability-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const env: Record<string, string> = {
      OVOP_DATA_DIR: dataDir,
      OVOP_IMPORT_AREAS_ON_START: 'false',
      OVOP_ADMIN_EMAIL: ADMIN.email,
      OVOP_ADMIN_PASSWORD: ADMIN.password,
    };
    let databaseUrl: string | undefined;
    if (postgresUrl) {
      const created = await createPostgresDatabase();
      cleanups.push(created.drop);
      databaseUrl = created.url;
      env.DATABASE_URL = created.url;
      env.OVOP_SECRET = 'a-test-secret-of-at-least-32-characters';
    }

    const server = await startServer(env);
    cleanups.push(() => void server.child.kill('SIGKILL'));
    const headers = { 'content-type': 'application/json', origin: server.url };
    const signIn = await fetch(`${server.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers,
      body: JSON.stringify(ADMIN),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const created = await fetch(`${server.url}/api/v1/programs`, {
      method: 'POST',
      headers: { ...headers, cookie },
      body: JSON.stringify({
        code: 'DURABLE',
        name: 'Survives a crash',
        country: 'ID',
        currency: 'IDR',
        locales: ['id'],
        startedOn: '2026-11-28',
      }),
    });
    expect(created.status).toBe(201);

    server.child.kill('SIGKILL');
    expect(await exitOf(server.child)).toMatchObject({ signal: 'SIGKILL' });

    const db = databaseUrl
      ? await PostgresDatabase.open(databaseUrl, 1)
      : await PgliteDatabase.open(join(dataDir, 'pglite'));
    try {
      const rows = await db.query<{ name: string }>(`SELECT name FROM programs WHERE code = 'DURABLE'`);
      expect(rows).toEqual([{ name: 'Survives a crash' }]);
      const audit = await db.query(`SELECT 1 FROM audit_log WHERE action = 'program.create'`);
      expect(audit).toHaveLength(1);
    } finally {
      await db.close();
    }
  });
});

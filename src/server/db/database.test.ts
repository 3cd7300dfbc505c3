import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPostgresDatabase, openTestDatabase, postgresUrl, type TestDatabase } from '../../../test/database.js';
import { inOneTransaction } from './database.js';
import { listMigrations, migrate } from './migrate.js';
import { PgliteDatabase } from './pglite.js';
import { PostgresDatabase } from './postgres.js';
import { PLANNED_EACH_TIME } from './sql.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase({ areas: false });
  await t.db.query('CREATE TABLE IF NOT EXISTS tx_probe (n int PRIMARY KEY)');
});
beforeEach(async () => {
  await t.db.query('DELETE FROM tx_probe');
});
afterAll(async () => {
  await t.db.query('DROP TABLE IF EXISTS tx_probe');
  await t.close();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('transactions', () => {
  it('keep concurrent commands apart: a failing one rolls back only its own writes', async () => {
    const failing = t.db.transaction(async (tx) => {
      await tx.query('INSERT INTO tx_probe (n) VALUES (1)');
      await pause(50);
      throw new Error('crash mid-command');
    });
    const concurrent = t.db.transaction(async (tx) => {
      await tx.query('INSERT INTO tx_probe (n) VALUES (2)');
    });
    const reader = t.db.query<{ n: number }>('SELECT n FROM tx_probe ORDER BY n');
    await expect(failing).rejects.toThrow('crash mid-command');
    await concurrent;
    const seenByReader = (await reader).map((r) => r.n);
    expect(seenByReader).not.toContain(1);
    const rows = await t.db.query<{ n: number }>('SELECT n FROM tx_probe ORDER BY n');
    expect(rows.map((r) => r.n)).toEqual([2]);
  });

  it('commit all writes of a command together', async () => {
    await t.db.transaction(async (tx) => {
      await tx.query('INSERT INTO tx_probe (n) VALUES (10)');
      await tx.query('INSERT INTO tx_probe (n) VALUES (11)');
    });
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query('INSERT INTO tx_probe (n) VALUES (12)');
        await tx.query('INSERT INTO tx_probe (n) VALUES (10)'); // duplicate key
      }),
    ).rejects.toMatchObject({ code: '23505' });
    const rows = await t.db.query<{ n: number }>('SELECT n FROM tx_probe ORDER BY n');
    expect(rows.map((r) => r.n)).toEqual([10, 11]);
  });

  it('run many concurrent commands without losing or mixing any', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t.db
          .transaction(async (tx) => {
            await tx.query('INSERT INTO tx_probe (n) VALUES ($1)', [100 + i]);
            if (i % 4 === 0) throw new Error('refused');
          })
          .catch(() => undefined),
      ),
    );
    const [row] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM tx_probe');
    expect(row!.n).toBe(30);
  });
});

describe('one transaction around several commands', () => {
  const probe = async () => (await t.db.query<{ n: number }>('SELECT n FROM tx_probe ORDER BY n')).map((r) => r.n);

  it('commits every command together, and a command that fails undoes only its own writes', async () => {
    await inOneTransaction(t.db, async (db) => {
      await db.transaction((tx) => tx.query('INSERT INTO tx_probe (n) VALUES (1)'));
      await expect(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO tx_probe (n) VALUES (2)');
          throw new Error('this command fails');
        }),
      ).rejects.toThrow('this command fails');
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO tx_probe (n) VALUES (3)');
        await tx.query('INSERT INTO tx_probe (n) VALUES (4)');
      });
      await db.query('INSERT INTO tx_probe (n) VALUES (5)');
    });
    expect(await probe()).toEqual([1, 3, 4, 5]);
  });

  it('leaves nothing when the whole fails after its commands committed theirs', async () => {
    await expect(
      inOneTransaction(t.db, async (db) => {
        await db.transaction((tx) => tx.query('INSERT INTO tx_probe (n) VALUES (1)'));
        await inOneTransaction(db, (inner) =>
          inner.transaction((tx) => tx.query('INSERT INTO tx_probe (n) VALUES (2)')),
        );
        throw new Error('crash after two commands');
      }),
    ).rejects.toThrow('crash after two commands');
    expect(await probe()).toEqual([]);
  });
});

describe('migrations', () => {
  it('are recorded once and re-running them changes nothing', async () => {
    const applied = await migrate(t.db);
    expect(applied).toEqual([]);
    const rows = await t.db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    expect(rows.map((r) => r.name)).toEqual(listMigrations().map((m) => m.name));
  });

  it('give the same schema whether applied at once or one release at a time', async () => {
    const stepwise = await openTestDatabase({ areas: false });
    try {
      // openTestDatabase migrates everything at once; rebuild a second schema step by step to compare.
      await stepwise.db.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      const all = listMigrations();
      for (let i = 1; i <= all.length; i++) await migrate(stepwise.db, all.slice(0, i));
      const describe = (db: typeof t.db) =>
        db.query(
          `SELECT table_name, column_name, data_type, is_nullable, column_default
           FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'tx_probe'
           ORDER BY table_name, column_name`,
        );
      const indexes = (db: typeof t.db) =>
        db.query(
          `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'tx_probe' ORDER BY indexname`,
        );
      expect(await describe(stepwise.db)).toEqual(await describe(t.db));
      expect(await indexes(stepwise.db)).toEqual(await indexes(t.db));
    } finally {
      await stepwise.close();
    }
  });
});

describe('the audit log', () => {
  it('refuses updates and deletes', async () => {
    await t.db.query(`INSERT INTO audit_log (action, entity, entity_id) VALUES ('test.probe', 'probe', '1')`);
    await expect(t.db.query(`UPDATE audit_log SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(t.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    const rows = await t.db.query(`SELECT action FROM audit_log WHERE entity = 'probe'`);
    expect(rows).toEqual([{ action: 'test.probe' }]);
  });
});

describe.skipIf(!postgresUrl)('prepared statements on PostgreSQL', () => {
  const preparedOf = (db: PostgresDatabase) =>
    db.transaction(async (tx) => {
      await tx.query('SELECT $1::int + 1 AS n', [41]);
      const rows = await tx.query<{ name: string; statement: string }>(
        `SELECT name, statement FROM pg_prepared_statements WHERE statement = 'SELECT $1::int + 1 AS n'`,
      );
      return rows;
    });

  it('runs the statements a transaction asks for at once one after the other, in order', async () => {
    const created = await createPostgresDatabase();
    const db = await PostgresDatabase.open(created.url, 1);
    let active = 0;
    let most = 0;
    const query = pg.Client.prototype.query;
    const spy = vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (
      this: pg.Client,
      ...args: unknown[]
    ) {
      active++;
      most = Math.max(most, active);
      const done = () => void active--;
      const answer = (query as (...a: unknown[]) => Promise<unknown>).apply(this, args);
      void answer.then(done, done);
      return answer;
    } as typeof query);
    try {
      const rows = await db.transaction((tx) =>
        Promise.all([
          tx.query<{ n: number }>('SELECT 1 AS n FROM pg_sleep(0.05)'),
          tx.query<{ n: number }>('SELECT $1::int AS n', [2]),
          tx.query<{ n: number }>('SELECT 3 AS n'),
        ]),
      );
      expect(rows).toEqual([[{ n: 1 }], [{ n: 2 }], [{ n: 3 }]]);
      expect(most).toBe(1);
    } finally {
      spy.mockRestore();
      await db.close();
      await created.drop();
    }
  });

  it('prepares a statement with parameters once per connection, and not when turned off', async () => {
    const created = await createPostgresDatabase();
    const on = await PostgresDatabase.open(created.url, 1);
    const off = await PostgresDatabase.open(created.url, 1, { prepare: false });
    try {
      const first = await preparedOf(on);
      expect(first).toHaveLength(1);
      expect(first[0]!.name).toMatch(/^ovop_/);
      // Run again on the same connection: the same statement, not a second one.
      expect(await preparedOf(on)).toEqual(first);
      expect(await on.query<{ n: number }>('SELECT $1::int + 1 AS n', [1])).toEqual([{ n: 2 }]);
      expect(await preparedOf(off)).toEqual([]);
    } finally {
      await on.close();
      await off.close();
      await created.drop();
    }
  });

  it('runs a statement marked as planned each time unnamed, so that each call is planned for its values', async () => {
    const created = await createPostgresDatabase();
    const db = await PostgresDatabase.open(created.url, 1);
    const marked = `${PLANNED_EACH_TIME}SELECT $1::int * 2 AS n`;
    try {
      for (const n of [1, 2, 3, 4, 5, 6, 7]) expect(await db.query<{ n: number }>(marked, [n])).toEqual([{ n: 2 * n }]);
      await db.query('SELECT $1::int * 3 AS n', [1]);
      const prepared = await db.query<{ statement: string }>(
        `SELECT statement FROM pg_prepared_statements WHERE statement LIKE '%::int * _ AS n'`,
      );
      expect(prepared.map((p) => p.statement)).toEqual(['SELECT $1::int * 3 AS n']);
    } finally {
      await db.close();
      await created.drop();
    }
  });
});

describe.skipIf(!!postgresUrl)('prepared statements on PGlite', () => {
  let db: PgliteDatabase;
  beforeAll(async () => {
    db = await PgliteDatabase.open(undefined, { maxPrepared: 8 });
    await db.query('CREATE TABLE kinds (id int PRIMARY KEY, v jsonb)');
  });
  afterAll(() => db.close());

  const prepared = () =>
    db.query<{ name: string; statement: string }>(
      `SELECT name, statement FROM pg_prepared_statements WHERE name <> $1 ORDER BY prepare_time, name`,
      [''],
    );

  it('prepares a statement with parameters once, and neither one marked as planned each time nor one without', async () => {
    for (const n of [1, 2, 3])
      expect(await db.query<{ n: number }>('SELECT $1::int + 1 AS n', [n])).toEqual([{ n: n + 1 }]);
    for (const n of [1, 2])
      expect(await db.query(`${PLANNED_EACH_TIME}SELECT $1::int * 2 AS n`, [n])).toEqual([{ n: 2 * n }]);
    expect(await db.query('SELECT 7 AS n')).toEqual([{ n: 7 }]);
    const statements = (await prepared()).map((p) => p.statement);
    expect(statements).toContain('SELECT $1::int + 1 AS n');
    expect(statements.filter((s) => s === 'SELECT $1::int + 1 AS n')).toHaveLength(1);
    expect(statements.some((s) => s.includes('* 2 AS n') || s === 'SELECT 7 AS n')).toBe(false);
  });

  it('answers what PGlite answers unprepared, for every kind of value the platform stores', async () => {
    const text = `SELECT $1::int AS i, $2::bigint AS b, $3::numeric AS n, $4::text AS t, $5::text[] AS ta,
      $6::jsonb AS j, $7::timestamptz AS at, $8::date AS d, $9::boolean AS f, $10::bytea AS by, $11::uuid AS u`;
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(
          fc.option(fc.integer(), { nil: null }),
          fc.option(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String), { nil: null }),
          fc.option(
            fc.integer({ min: -1e6, max: 1e6 }).map((c) => (c / 100).toFixed(2)),
            { nil: null },
          ),
          fc.option(fc.string({ unit: 'grapheme' }), { nil: null }),
          fc.option(fc.array(fc.option(fc.string({ unit: 'grapheme' }), { nil: null })), { nil: null }),
          fc.option(fc.jsonValue(), { nil: null }),
          fc.option(fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }), {
            nil: null,
          }),
          fc.option(
            fc
              .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
              .map((d) => d.toISOString().slice(0, 10)),
            { nil: null },
          ),
          fc.option(fc.boolean(), { nil: null }),
          fc.option(fc.uint8Array({ maxLength: 40 }), { nil: null }),
          fc.option(fc.uuid(), { nil: null }),
        ),
        async (values) => {
          // A value PostgreSQL refuses (a string that is not JSON text) is refused the same way.
          const settle = (rows: Promise<unknown>) =>
            rows.then(
              (r) => ({ rows: r }),
              (error: unknown) => ({ code: (error as { code?: string }).code }),
            );
          const ours = await settle(db.query(text, values));
          const theirs = await settle(db.pg.query(text, values).then((r) => r.rows));
          expect(ours).toEqual(theirs);
          if ('rows' in ours) answered += 1;
        },
      ),
      { numRuns: 150 },
    );
    expect(answered).toBeGreaterThan(100);
  });

  it('runs the statements a transaction asks for at once one after the other, in order, the first time each is seen', async () => {
    // The second read is the first's text: ready as soon as the first is prepared, it still waits for the update.
    const rows = await db.transaction((tx) =>
      Promise.all([
        tx.query('INSERT INTO kinds (id, v) VALUES ($1, $2) RETURNING id', [1, { a: 1 }]),
        tx.query('SELECT v FROM kinds WHERE id = $1', [1]),
        tx.query('UPDATE kinds SET v = $2 WHERE id = $1 RETURNING v', [1, { a: 2 }]),
        tx.query('SELECT v FROM kinds WHERE id = $1', [1]),
      ]),
    );
    expect(rows).toEqual([[{ id: 1 }], [{ v: { a: 1 } }], [{ v: { a: 2 } }], [{ v: { a: 2 } }]]);
  });

  it('answers a statement PostgreSQL refuses with its error every time, and rolls back the transaction it was in', async () => {
    const refused = 'SELECT $1::int FROM no_such_table';
    for (const _ of [1, 2]) await expect(db.query(refused, [1])).rejects.toMatchObject({ code: '42P01' });
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO kinds (id, v) VALUES ($1, $2)', [2, { b: 1 }]);
        await tx.query(refused, [1]);
      }),
    ).rejects.toMatchObject({ code: '42P01' });
    expect(await db.query('SELECT id FROM kinds WHERE id = $1', [2])).toEqual([]);
    expect((await prepared()).map((p) => p.statement)).not.toContain(refused);
  });

  it('runs texts past its bound unprepared, with the same answers', async () => {
    const texts = Array.from({ length: 12 }, (_, i) => `SELECT $1::int + ${i} AS n`);
    for (const [i, text] of texts.entries()) expect(await db.query(text, [1])).toEqual([{ n: 1 + i }]);
    const names = (await prepared()).map((p) => p.name);
    expect(names.length).toBeLessThanOrEqual(8);
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names).size).toBe(names.length);
  });
});

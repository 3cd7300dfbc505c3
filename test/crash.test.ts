/**
 * kill -9 of the real server (or CLI) at points chosen by what it has done — a line it printed, a
 * number of writes it acknowledged — then a restart, and the invariants that must survive: the
 * first start's areas and demo whole or absent, every acknowledged posting there and the books
 * balanced, reservations matching stock movements with no batch over-reserved. Every wait has a
 * generous bound that only ends a hung test.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/server/db/database.js';
import { ConfigError } from '../src/server/config.js';
import { dateIn } from '../src/shared/dates.js';
import { testConfig, type Session } from './app.js';
import { createPostgresDatabase, FIXTURE_PROVINCES, postgresUrl } from './database.js';
import { exitOf, runCli, startServer, type ServerProcess } from './server-process.js';
import { buildTradeWorld, openInstallation, type Installation, type TradeWorld } from './server-world.js';

/** Kill rounds per scenario: one in CI (time-bounded), more by hand with OVOP_CRASH_ROUNDS=5. */
const ROUNDS = Number(process.env.OVOP_CRASH_ROUNDS ?? 1);
/** Ends only a hung wait; a healthy one takes seconds (a cold start of the CLI on a loaded machine, a minute or two). */
const BOUND_MS = 240_000;
const SECRET = testConfig.secret;

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A data folder (and, on PostgreSQL, a database) for one scenario, and the environment that points there. */
async function installation(): Promise<Installation & { env: Record<string, string> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ovop-crash-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const env: Record<string, string> = { OVOP_DATA_DIR: dataDir, OVOP_SECRET: SECRET };
  if (!postgresUrl) return { env, dataDir };
  const created = await createPostgresDatabase();
  cleanups.push(created.drop);
  return { env: { ...env, DATABASE_URL: created.url }, dataDir, databaseUrl: created.url };
}

async function inspect<T>(where: Installation, fn: (db: Database) => Promise<T>) {
  const db = await openWhenFree(where);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/**
 * Opens the installation once no process holds it: a server's first start runs in a child process,
 * which stops on its own (without committing) when the server is killed.
 */
async function openWhenFree(where: Installation): Promise<Database> {
  const deadline = Date.now() + BOUND_MS;
  for (;;) {
    try {
      return await openInstallation(where);
    } catch (error) {
      if (!(error instanceof ConfigError) || !/in use by process/.test(error.message) || Date.now() > deadline)
        throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Polls `condition` until it holds; fails after the bound, naming what it waited for. */
async function until(condition: () => boolean, what: string, output: () => string): Promise<void> {
  const deadline = Date.now() + BOUND_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`waited ${BOUND_MS / 1000} s for ${what}:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Runs the CLI and kills it -9 as soon as its output matches `at`; returns everything it printed. */
async function killWhenPrinted(args: string[], env: Record<string, string>, at: RegExp): Promise<string> {
  const child = runCli(args, env);
  cleanups.push(() => void child.kill('SIGKILL'));
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  try {
    await until(
      () => at.test(output) || child.exitCode !== null,
      `${String(at)} from ovop ${args.join(' ')}`,
      () => output,
    );
    expect(child.exitCode, output).toBeNull();
  } finally {
    child.kill('SIGKILL');
  }
  expect(await exitOf(child)).toMatchObject({ signal: 'SIGKILL' });
  return output;
}

/** Runs the CLI to its end. */
async function runToEnd(args: string[], env: Record<string, string>): Promise<string> {
  const child = runCli(args, env);
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const { code } = await exitOf(child);
  expect(code, output).toBe(0);
  return output;
}

async function serve(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServer(env);
  cleanups.push(() => void server.child.kill('SIGKILL'));
  return server;
}

/** Stops a server the polite way, so that the database can be opened here. */
async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  expect(await exitOf(server.child)).toMatchObject({ code: 0 });
}

// ---------------------------------------------------------------------------------------------
// (a) The first start: Indonesia's areas and the demo, whole or absent.

const DEMO_TABLES = [
  'programs',
  'villages',
  'producer_groups',
  'members',
  'products',
  'courses',
  'training_certificates',
  'journal_entries',
  'batches',
  'buyers',
  'quotes',
  'assessments',
  'certifications',
] as const;

async function demoState(db: Database) {
  const counts: Record<string, number> = {};
  for (const table of DEMO_TABLES) {
    counts[table] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
  }
  const [users] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM users WHERE email LIKE '%@demo.ovop.id'`,
  );
  const [areas] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM areas WHERE country = 'ID'`);
  const [outlines] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM boundaries WHERE country = 'ID'`);
  return { counts, demoUsers: users!.n, areas: areas!.n, outlines: outlines!.n };
}

type DemoState = Awaited<ReturnType<typeof demoState>>;
const ABSENT = Object.fromEntries(DEMO_TABLES.map((t) => [t, 0]));

/** Absent: not a row of it. Whole: exactly what a demo seeded without interruption holds. */
function expectWholeOrAbsent(state: DemoState, whole: DemoState['counts']): 'whole' | 'absent' {
  if (state.counts.programs === 0) {
    expect(state.counts).toEqual(ABSENT);
    expect(state.demoUsers).toBe(0);
    return 'absent';
  }
  expect(state.counts).toEqual(whole);
  expect(state.demoUsers).toBe(8);
  return 'whole';
}

/** The full demo over all of Indonesia (five villages), as `ovop serve` seeds it on a first start. */
const WHOLE_DEMO = {
  programs: 1,
  villages: 5,
  producer_groups: 5,
  members: 41,
  products: 9,
  courses: 3,
  training_certificates: 8,
  journal_entries: 327,
  batches: 5,
  buyers: 1,
  quotes: 1,
  assessments: 3,
  certifications: 2,
};
const INDONESIA = 91_599;
/** Natural Earth's 33 provinces (boundaries/README.md). */
const PROVINCE_OUTLINES = 33;

describe.skipIf(postgresUrl)('kill -9 during the first start on the embedded database', () => {
  it(
    'leaves the areas and the demo whole or absent, and the next start completes them',
    async () => {
      const where = await installation();
      const env = { ...where.env, OVOP_IMPORT_AREAS_ON_START: 'true' };
      const seen: string[] = [];
      // Killed while importing, while seeding, and after the seed committed (before listening).
      const points = [/Importing Indonesia/, /Seeding the demo program/, /Seeded the demo program/];
      for (const at of points) {
        const output = await killWhenPrinted(['serve'], { ...env, PORT: '0' }, at);
        const state = await inspect(where, demoState);
        const demo = expectWholeOrAbsent(state, WHOLE_DEMO);
        // The areas go with the demo: all of Indonesia or none of it.
        expect([0, INDONESIA]).toContain(state.areas);
        // The province outlines go with the areas.
        expect(state.outlines).toBe(state.areas === INDONESIA ? PROVINCE_OUTLINES : 0);
        if (demo === 'whole') expect(state.areas).toBe(INDONESIA);
        else expect(output).not.toMatch(/@demo\.ovop\.id/);
        seen.push(`${demo}/${state.areas}`);
      }
      expect(seen).toEqual(['absent/0', 'absent/0', `whole/${INDONESIA}`]);

      const server = await serve(env);
      await stop(server);
      expect(server.output()).not.toContain('Importing');
      const state = await inspect(where, demoState);
      expect(expectWholeOrAbsent(state, WHOLE_DEMO)).toBe('whole');
      expect(state.areas).toBe(INDONESIA);
      expect(state.outlines).toBe(PROVINCE_OUTLINES);
    },
    5 * BOUND_MS,
  );
});

describe.runIf(postgresUrl)('kill -9 during `ovop seed-demo` on PostgreSQL', () => {
  it(
    'leaves the demo whole or absent, and the next run builds it whole with its passwords',
    async () => {
      const where = await installation();
      await runToEnd(['import-areas', '--country', 'ID', '--provinces', FIXTURE_PROVINCES.join(',')], where.env);
      // Bali and NTB hold three of the five demo villages, with two years of history; the cooperative’s books are elsewhere.
      const whole = { ...WHOLE_DEMO, villages: 3, producer_groups: 3, members: 21, products: 5, journal_entries: 196 };
      for (let round = 0; round < ROUNDS; round++) {
        const output = await killWhenPrinted(['seed-demo'], where.env, /Seeding the demo program/);
        expect(output).not.toMatch(/@demo\.ovop\.id/);
        expect(expectWholeOrAbsent(await inspect(where, demoState), whole)).toBe('absent');
      }
      const output = await runToEnd(['seed-demo'], where.env);
      expect(output).toMatch(/group\.manager@demo\.ovop\.id\s+[A-Za-z0-9_-]{16}/);
      expect(expectWholeOrAbsent(await inspect(where, demoState), whole)).toBe('whole');
    },
    5 * BOUND_MS,
  );
});

// ---------------------------------------------------------------------------------------------
// (b) and (c): streams of writes to a running server.

type Outcome = { kind: 'acknowledged'; status: number; body: unknown } | { kind: 'refused'; status: number };

/**
 * Sends requests from `workers` concurrent loops until the server has acknowledged `killAfter` of
 * them (then kills it -9 at once, with others in flight) or `next` runs out.
 */
async function stream(
  server: ServerProcess,
  session: Session,
  options: { workers: number; killAfter: number | null; next: () => { url: string; body: object; key: string } | null },
): Promise<{ acknowledged: Map<string, unknown>; refused: number; killed: boolean }> {
  const acknowledged = new Map<string, unknown>();
  let refused = 0;
  let killed = false;
  const headers = { 'content-type': 'application/json', origin: server.url, ...session.headers };
  const send = async (url: string, body: object): Promise<Outcome | null> => {
    try {
      const r = await fetch(`${server.url}${url}`, { method: 'POST', headers, body: JSON.stringify(body) });
      const text = await r.text();
      if (r.status >= 200 && r.status < 300) return { kind: 'acknowledged', status: r.status, body: JSON.parse(text) };
      if (r.status >= 500) throw new Error(`${url}: ${r.status} ${text}`);
      return { kind: 'refused', status: r.status };
    } catch (error) {
      if (killed) return null; // cut by the kill: its outcome is unknown, and either is allowed
      throw error;
    }
  };
  const worker = async () => {
    while (!killed) {
      const request = options.next();
      if (!request) return;
      const outcome = await send(request.url, request.body);
      if (!outcome || killed) return;
      if (outcome.kind === 'refused') refused++;
      else {
        acknowledged.set(request.key, outcome.body);
        if (options.killAfter !== null && acknowledged.size >= options.killAfter) {
          killed = true;
          server.child.kill('SIGKILL');
        }
      }
    }
  };
  const deadline = setTimeout(() => server.child.kill('SIGKILL'), BOUND_MS);
  try {
    await Promise.all(Array.from({ length: options.workers }, worker));
  } finally {
    clearTimeout(deadline);
  }
  if (killed) expect(await exitOf(server.child)).toMatchObject({ signal: 'SIGKILL' });
  return { acknowledged, refused, killed };
}

describe('kill -9 during writes', () => {
  let where: Awaited<ReturnType<typeof installation>>;
  let world: TradeWorld;
  beforeAll(async () => {
    where = await installation();
    where.env.OVOP_IMPORT_AREAS_ON_START = 'false';
    // 2 × 18 units for orders of 3: the stock runs out after 12 confirmations.
    world = await buildTradeWorld(where, { batches: ['18', '18'], orders: 15, orderQuantity: '3' });
  }, 2 * BOUND_MS);

  it(
    'loses no acknowledged posting and leaves no half entry: the books balance',
    async () => {
      const today = dateIn(new Date());
      const posted = new Map<string, number>();
      let server = await serve(where.env);
      let n = 0;
      const next = () => {
        const id = randomUUID();
        const amount = 1000 + (n++ % 97) * 100;
        posted.set(id, amount);
        return {
          key: id,
          url: `/api/v1/groups/${world.groupId}/transactions`,
          body: {
            id,
            kind: 'cash_sale',
            date: today,
            amount: { amount: `${amount}.00`, currency: 'IDR' },
            memo: 'crash',
          },
        };
      };
      const acknowledged = new Set<string>();
      for (let round = 0; round < ROUNDS; round++) {
        const result = await stream(server, world.manager, { workers: 4, killAfter: 10 + 5 * round, next });
        expect(result).toMatchObject({ killed: true, refused: 0 });
        for (const id of result.acknowledged.keys()) acknowledged.add(id);
        server = await serve(where.env);
      }
      await stop(server);

      await inspect(where, async (db) => {
        const entries = await db.query<{ id: string; lines: number; debit: string; credit: string }>(
          `SELECT e.id, count(l.line_no)::int AS lines, coalesce(sum(l.debit), 0)::text AS debit,
                coalesce(sum(l.credit), 0)::text AS credit
           FROM journal_entries e LEFT JOIN journal_lines l ON l.entry_id = e.id
          WHERE e.group_id = $1 GROUP BY e.id`,
          [world.groupId],
        );
        const byId = new Map(entries.map((e) => [e.id, e]));
        // Every acknowledged posting is there, with its amount (in sen) on each side.
        for (const id of acknowledged) {
          expect(byId.get(id), `acknowledged entry ${id}`).toMatchObject({
            lines: 2,
            debit: String(posted.get(id)! * 100),
            credit: String(posted.get(id)! * 100),
          });
        }
        // No half entry: every entry has its lines and balances, acknowledged or cut by the kill.
        for (const e of entries) {
          expect(e.lines).toBeGreaterThanOrEqual(2);
          expect(e.debit).toBe(e.credit);
        }
        expect(entries.length).toBeGreaterThanOrEqual(acknowledged.size);
        const groups = await db.query<{ group_id: string; debit: string; credit: string }>(
          `SELECT group_id, sum(debit)::text AS debit, sum(credit)::text AS credit FROM journal_lines GROUP BY group_id`,
        );
        for (const g of groups) expect(g.debit, `trial balance of ${g.group_id}`).toBe(g.credit);
      });
      // Each round streamed until at least 10 + 5·round postings were acknowledged.
      expect(acknowledged.size).toBeGreaterThanOrEqual(
        Array.from({ length: ROUNDS }, (_, r) => 10 + 5 * r).reduce((a, b) => a + b, 0),
      );
    },
    4 * BOUND_MS,
  );

  it(
    'loses no acknowledged confirmation, and reservations match stock movements with no batch over-reserved',
    async () => {
      let server = await serve(where.env);
      const confirmed = new Set<string>();
      let queue: string[] = [...world.orders];
      const next = () => {
        const id = queue.shift();
        return id ? { key: id, url: `/api/v1/orders/${id}/transitions`, body: { to: 'confirmed' } } : null;
      };
      for (let round = 0; round < ROUNDS; round++) {
        const result = await stream(server, world.manager, { workers: 4, killAfter: 3, next });
        expect(result.killed).toBe(true);
        for (const id of result.acknowledged.keys()) confirmed.add(id);
        // Those cut by the kill are tried again: a confirmation that did commit is refused as a second one.
        queue = world.orders.filter((id) => !confirmed.has(id));
        server = await serve(where.env);
      }
      // The rest, without a kill: the stock runs out and the last ones are refused, never over-reserved.
      const drain = await stream(server, world.manager, { workers: 4, killAfter: null, next });
      for (const id of drain.acknowledged.keys()) confirmed.add(id);
      expect(drain.refused).toBeGreaterThan(0);
      await stop(server);

      await inspect(where, async (db) => {
        const orders = await db.query<{ id: string; status: string; quantity: string; allocated: string | null }>(
          `SELECT o.id, o.status, o.quantity::text, (SELECT sum(a.quantity)::text FROM order_allocations a WHERE a.order_id = o.id) AS allocated
           FROM orders o WHERE o.id = ANY($1::uuid[])`,
          [world.orders],
        );
        for (const o of orders) {
          if (confirmed.has(o.id)) expect(o.status, `acknowledged confirmation of ${o.id}`).toBe('confirmed');
          // Confirmed ⇔ allocated in full; a placed order holds nothing.
          if (o.status === 'confirmed') expect(Number(o.allocated)).toBe(Number(o.quantity));
          else expect({ status: o.status, allocated: o.allocated }).toEqual({ status: 'placed', allocated: null });
        }
        const held = orders.filter((o) => o.status === 'confirmed').length;
        expect(held).toBe(12);
        const batches = await db.query<{ stock: string; reserved: string; allocated: string; moved: string }>(
          `SELECT b.stock::text, b.reserved::text,
                (SELECT coalesce(sum(a.quantity), 0)::text FROM order_allocations a WHERE a.batch_id = b.id) AS allocated,
                (SELECT coalesce(sum(CASE m.kind WHEN 'reserved' THEN m.quantity WHEN 'released' THEN -m.quantity END), 0)::text
                   FROM stock_movements m WHERE m.batch_id = b.id) AS moved
           FROM batches b WHERE b.id = ANY($1::uuid[])`,
          [world.batches],
        );
        for (const b of batches) {
          expect(Number(b.reserved)).toBe(Number(b.allocated));
          expect(Number(b.reserved)).toBe(Number(b.moved));
          expect(Number(b.stock) - Number(b.reserved)).toBeGreaterThanOrEqual(0);
        }
      });
    },
    4 * BOUND_MS,
  );
});

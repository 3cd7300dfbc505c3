import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig, useTestApp, type Session } from '../../../test/app.js';
import { buildUser, signedIn } from '../../../test/factories.js';
import { salakChips } from '../../../test/quality-fixtures.js';
import { registryWorld } from '../../../test/registry-fixtures.js';
import { cluster, makeStreamingReplica, noReplicaReason, type StreamingReplica } from '../../../test/replica.js';
import { buildApp } from '../app.js';
import { ReadReplicas, WROTE_COOKIE } from './replicas.js';

const MAX_LAG_MS = 3000;

it.runIf(noReplicaReason)('skips the read replica tests', (ctx) => {
  ctx.skip(noReplicaReason);
});

describe.skipIf(noReplicaReason !== undefined)('read replicas (a streaming replica of the test cluster)', () => {
  let replica: StreamingReplica;
  beforeAll(async () => {
    replica = await makeStreamingReplica(cluster!);
  });
  afterAll(async () => {
    await replica?.remove();
  });

  const t = useTestApp({
    async replicas(database) {
      // The test database was made after the base backup: it reaches the replica by streaming.
      await replica.caughtUp();
      return ReadReplicas.open(database.db, [replica.urlOf(database.url!)], {
        maxLagMs: MAX_LAG_MS,
        checkEveryMs: 100,
        retryAfterMs: 300,
        connections: 4,
      });
    },
  });

  const catalogNames = async (as?: Session): Promise<string[]> => {
    const r = await t.request({ method: 'GET', url: '/api/v1/catalog/products?limit=50', ...(as ? { as } : {}) });
    expect(r.statusCode).toBe(200);
    return (r.json().items as { name: string }[]).map((p) => p.name).sort();
  };
  const replicaReads = () => t.replicas!.health()[0]!.reads;

  /** Waits, by condition, until the app's checks see the replica in `state`. */
  async function until(state: 'ok' | 'lagging' | 'failed', timeoutMs = 30_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (t.replicas!.health()[0]!.state !== state) {
      if (Date.now() > end) throw new Error(`the replica stayed ${t.replicas!.health()[0]!.state}, not ${state}`);
      await t.replicas!.check();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** A program with a product ready to sell in Karangasem, replayed by the replica. */
  async function world() {
    const w = await registryWorld(t);
    await w.post('/api/v1/products', salakChips(w.groups.bali.id));
    await replica.caughtUp();
    await until('ok');
    return w;
  }

  it('reads the public catalog from the replica, on its own connections', async () => {
    await world();
    const before = replicaReads();
    expect(await catalogNames()).toEqual(['Keripik salak']);
    expect(replicaReads()).toBeGreaterThan(before);
    // The area's path is read once per catalog version on the replica too: the second page within
    // Bali reads the version and the page, not the area again.
    const area = async (limit: number) => {
      const start = replicaReads();
      const r = await t.request({ method: 'GET', url: `/api/v1/catalog/products?area=51&limit=${limit}` });
      expect(r.json().items).toHaveLength(1);
      return replicaReads() - start;
    };
    expect(await area(10)).toBe(3);
    expect(await area(11)).toBe(2);
    const [row] = await replica.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE application_name = 'ovop-replica-read' AND datname = '${new URL(t.database.url!).pathname.slice(1)}'`,
    );
    expect(row?.n).toBeGreaterThan(0);
    const health = await t.request({ method: 'GET', url: '/health' });
    expect(health.json().replicas).toEqual([
      { replica: 0, state: 'ok', lagMs: expect.any(Number), reads: replicaReads(), failedReads: 0 },
    ]);
  });

  it("sends a user's reads to the primary until a replica has replayed their write, and skips a replica that lags beyond the bound", async () => {
    const w = await world();
    const other = await signedIn(t.app, await buildUser(t.database.db));
    await replica.caughtUp();
    await until('ok');
    await replica.query('SELECT pg_wal_replay_pause()');
    try {
      const write = await t.request({
        method: 'POST',
        url: '/api/v1/products',
        as: w.admin,
        payload: salakChips(w.groups.bali.id, { name: { id: 'Dodol salak' } }),
      });
      expect(write.statusCode).toBe(201);
      const wrote = write.cookies.find((c) => c.name === WROTE_COOKIE);
      expect(wrote?.value).toMatch(/^\d+$/);
      // Within the bound the paused replica still serves visitors: it has not seen the new product.
      let before = replicaReads();
      expect(await catalogNames()).toEqual(['Keripik salak']);
      expect(replicaReads()).toBeGreaterThan(before);
      before = replicaReads();
      expect(await catalogNames(other)).toEqual(['Keripik salak']);
      expect(replicaReads()).toBeGreaterThan(before);
      // The one who wrote it reads from the primary, and sees it.
      before = replicaReads();
      expect(await catalogNames(w.admin)).toEqual(['Dodol salak', 'Keripik salak']);
      expect(replicaReads()).toBe(before);
      // Another instance, which did not answer the write, knows it from the cookie the write set.
      const elsewhere = await ReadReplicas.open(t.database.db, [replica.urlOf(t.database.url!)], {
        maxLagMs: MAX_LAG_MS,
        connections: 2,
      });
      const instance = await buildApp({ config: testConfig, db: t.database.db, replicas: elsewhere, logger: false });
      try {
        const read = (cookie?: string) =>
          instance.inject({
            method: 'GET',
            url: '/api/v1/catalog/products',
            headers: { ...w.admin.headers, ...(cookie ? { cookie: `${w.admin.headers.cookie}; ${cookie}` } : {}) },
          });
        expect((await read()).json().items).toHaveLength(1);
        expect((await read(`${WROTE_COOKIE}=${wrote!.value}`)).json().items).toHaveLength(2);
      } finally {
        await instance.close();
        await elsewhere.close();
      }
      // Past the bound the replica is skipped: everyone reads from the primary.
      await until('lagging');
      expect(t.replicas!.health()[0]!.lagMs).toBeGreaterThan(MAX_LAG_MS);
      expect(await catalogNames()).toEqual(['Dodol salak', 'Keripik salak']);
      expect(replicaReads()).toBe(before);
    } finally {
      await replica.query('SELECT pg_wal_replay_resume()');
    }
    // Caught up again, it serves visitors and the writer alike.
    await replica.caughtUp();
    await until('ok');
    for (const reader of [undefined, w.admin]) {
      const resumed = replicaReads();
      expect(await catalogNames(reader)).toEqual(['Dodol salak', 'Keripik salak']);
      expect(replicaReads()).toBeGreaterThan(resumed);
    }
  });

  it('falls back to the primary without a failed request when the replica stops mid-run, and reads from it again once it is back', async () => {
    await world();
    const statuses: number[] = [];
    let crashed = false;
    // Four clients read until the replica has crashed under them, then ten times more each.
    const reader = async () => {
      for (let after = 0; after < 10; after += crashed ? 1 : 0) {
        const r = await t.request({ method: 'GET', url: '/api/v1/catalog/products' });
        statuses.push(r.statusCode);
        expect(r.json().items).toHaveLength(1);
        // A request from the primary's cache runs no statement: without this turn of the event loop
        // four clients would keep it to themselves, and pg_ctl's exit would never be heard.
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const crash = async () => {
      while (statuses.length < 20) await new Promise((resolve) => setImmediate(resolve));
      await replica.crash();
      crashed = true;
    };
    const primaryBefore = t.replicas!.primaryReads;
    await Promise.all([reader(), reader(), reader(), reader(), crash()]);
    expect(statuses.length).toBeGreaterThanOrEqual(60);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    // Reads in flight when it stopped failed on it and were answered by the primary.
    expect(t.replicas!.health()[0]).toMatchObject({ state: 'failed', failedReads: expect.any(Number) });
    expect(t.replicas!.health()[0]!.failedReads).toBeGreaterThan(0);
    expect(t.replicas!.primaryReads).toBeGreaterThan(primaryBefore);
    // Started again, it is probed after the retry delay and serves reads again.
    await replica.start();
    await replica.caughtUp();
    await until('ok');
    const before = replicaReads();
    expect(await catalogNames()).toEqual(['Keripik salak']);
    expect(replicaReads()).toBeGreaterThan(before);
  });
});

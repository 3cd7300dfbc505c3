/**
 * Catalog reads with one primary and one streaming replica against the primary alone, in the same
 * run, on the same data: the catalog benchmark's products on PostgreSQL, a replica made of the
 * throw-away cluster with `pg_basebackup -R` (test/replica.ts), the app with and without
 * `DATABASE_REPLICA_URLS`.
 *
 * Alone: `node scripts/with-postgres.mjs npx tsx bench/replicas.ts` (OVOP_REPLICA_BENCH_PRODUCTS,
 * default 200,000); from `npm run bench` after the catalog benchmark, on its database.
 */
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import type { Database } from '../src/server/db/database.js';
import { migrate } from '../src/server/db/migrate.js';
import { PostgresDatabase } from '../src/server/db/postgres.js';
import { ReadReplicas } from '../src/server/db/replicas.js';
import { createPostgresDatabase, postgresUrl } from '../test/database.js';
import { cluster, makeStreamingReplica } from '../test/replica.js';
import { generateCatalog } from './catalog-data.js';
import type { CatalogLoadResult } from './catalog-load.js';
import { ensureIndonesia, runLoad } from './catalog.js';
import { REPORT_FILE, writeSection } from './sections.js';

export const REPLICAS_SECTION_TITLE = '## Read replicas: catalog reads, one primary and one replica';

const SCENARIOS = [
  { name: 'search `q=keripik`', path: '/api/v1/catalog/products?q=keripik' },
  { name: 'filter `area=51`', path: '/api/v1/catalog/products?area=51' },
  { name: 'first page, no filter', path: '/api/v1/catalog/products' },
] as const;

const LOAD = { connections: 32, seconds: 10, warmupSeconds: 2 };

const config = loadConfig({
  OVOP_SECRET: 'bench-secret-that-is-long-enough-for-ovop',
  OVOP_LOG_LEVEL: 'silent',
  OVOP_DATA_DIR: join(tmpdir(), 'ovop-replica-bench-files'),
  OVOP_IMPORT_AREAS_ON_START: 'false',
  // Every request reads the database: what a replica takes off the primary.
  OVOP_CATALOG_CACHE_BYTES: '0',
});

const step = (what: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] replicas: ${what}`);

interface Row {
  name: string;
  primary: CatalogLoadResult;
  replica: CatalogLoadResult;
  replicaReads: number;
}

export interface ReplicaBenchResult {
  date: string;
  products: number;
  version: string;
  rows: Row[];
  seconds: number;
}

/** Measures each scenario on the primary alone, then with one replica, alternating per row. */
export async function runReplicaBench(db: Database, url: string, products: number): Promise<ReplicaBenchResult> {
  if (!cluster) throw new Error('the replica benchmark needs the throw-away cluster of scripts/with-postgres.mjs');
  const started = performance.now();
  step('making a streaming replica (pg_basebackup -R)');
  const replica = await makeStreamingReplica(cluster);
  const replicas = await ReadReplicas.open(db, [replica.urlOf(url)], { maxLagMs: 5000 });
  const alone = await buildApp({ config, db, logger: false });
  const withReplica = await buildApp({ config, db, replicas, logger: false });
  const urls = await Promise.all(
    [alone, withReplica].map(async (app) => {
      await app.listen({ host: '127.0.0.1', port: 0 });
      return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    }),
  );
  const rows: Row[] = [];
  try {
    for (const scenario of SCENARIOS) {
      step(`${scenario.path}: primary alone`);
      const primary = await runLoad({ url: urls[0]!, path: scenario.path, ...LOAD });
      step(`${scenario.path}: with one replica`);
      const before = replicas.health()[0]!.reads;
      const onReplica = await runLoad({ url: urls[1]!, path: scenario.path, ...LOAD });
      if (primary.failures + onReplica.failures > 0) throw new Error(`${scenario.path}: failed requests`);
      rows.push({
        name: scenario.name,
        primary,
        replica: onReplica,
        replicaReads: replicas.health()[0]!.reads - before,
      });
    }
  } finally {
    await alone.close();
    await withReplica.close();
    await replicas.close();
    await replica.remove();
  }
  const [{ server_version: version } = { server_version: 'unknown' }] = await db.query<{ server_version: string }>(
    'SHOW server_version',
  );
  return {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    products,
    version,
    rows,
    seconds: (performance.now() - started) / 1000,
  };
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => n.toFixed(1);

export function renderReplicaSection(r: ReplicaBenchResult): string {
  const rows = r.rows.map(
    (row) =>
      `| ${row.name} | ${int(row.primary.requestsPerSecond)} | ${ms(row.primary.p95)} | ${int(row.replica.requestsPerSecond)} | ${ms(row.replica.p95)} | ${(row.replica.requestsPerSecond / row.primary.requestsPerSecond).toFixed(2)} × | ${int(row.replicaReads)} |`,
  );
  return `${REPLICAS_SECTION_TITLE}

Measured ${r.date} by \`node scripts/with-postgres.mjs npx tsx bench/replicas.ts\` (also part of
\`npm run bench\`; this run ${int(r.seconds)} s) on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node
${process.version}, PostgreSQL ${r.version}. ${int(r.products)} catalog products (the catalog benchmark's data); the
replica is made of the throw-away cluster with \`pg_basebackup -R\` and streams from it, on the same
machine. Two apps on one process's database pools: one with no replica, one with
\`DATABASE_REPLICA_URLS\` naming the replica (anonymous reads, so every catalog read may go to it).
autocannon keeps ${LOAD.connections} connections busy for ${LOAD.seconds} s per cell (after ${LOAD.warmupSeconds} s of warm-up); each
row measures the primary alone, then with the replica, one after the other. Both run without the
answer cache (\`OVOP_CATALOG_CACHE_BYTES=0\`), so every request reads the database: with it, a
repeated question runs no statement on the primary, which follows the catalog's version from its
notifications, but reads the version on a replica, where none arrive (decision 024). *Replica reads*
counts the statements the replica answered during the row (the catalog's version and the page: two
a request), which shows the reads went there.

| Request | Primary alone req/s | p95 ms | With one replica req/s | p95 ms | Replica / alone | Replica reads |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

- On one machine a replica adds no CPU: the primary, the replica, the server and the load generator
  share the same cores, so the ratio shows what routing a read to a replica costs (a second pool;
  the choice of replica is made in memory) rather than what a second database server gains. On
  separate machines the catalog's reads leave the primary entirely, and its CPU is the writes'.
- Other work on the machine moves figures by tens of percent (load average over the last 5 minutes
  of this run: ${loadavg()[1]!.toFixed(1)}). What the table shows is that the reads went to the
  replica (its statement count) and what routing them there costs on one machine.
`;
}

async function standalone(): Promise<void> {
  if (!postgresUrl || !cluster) {
    console.error('Run `node scripts/with-postgres.mjs npx tsx bench/replicas.ts` (it needs the throw-away cluster).');
    process.exit(2);
  }
  const products = Number(process.env.OVOP_REPLICA_BENCH_PRODUCTS ?? 200_000);
  const created = await createPostgresDatabase();
  const db = await PostgresDatabase.open(created.url);
  try {
    await migrate(db);
    await ensureIndonesia(db, 'PostgreSQL');
    step(`generating ${int(products)} products`);
    await generateCatalog(db, products);
    const section = renderReplicaSection(await runReplicaBench(db, created.url, products));
    writeSection(section);
    console.log(section);
    step(`written to ${REPORT_FILE}`);
  } finally {
    await db.close();
    await created.drop();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await standalone();

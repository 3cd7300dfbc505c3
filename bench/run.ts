/**
 * `npm run bench`: national-scale figures (areas, bookkeeping reports, catalog, impact, community), the soak and the outbox replay, written to docs/benchmarks.md.
 * Runs under scripts/with-postgres.mjs, which provides a throw-away PostgreSQL server.
 */
import { AREA_SEARCH_SECTION_TITLE } from './area-search-title.js';
import { BOOKS_SECTION_TITLE, renderBooksSection, runBooksBench } from './books.js';
import {
  COMMUNITY_SECTION_TITLE,
  communitySizeFromEnv,
  renderCommunitySection,
  runCommunityBench,
} from './community.js';
import { CATALOG_SECTION_TITLE, renderCatalogSection, runCatalogBench } from './catalog.js';
import { EMBEDDED_SECTION_TITLE, renderEmbeddedSection, runEmbeddedBench } from './embedded.js';
import { IMPACT_SECTION_TITLE, impactScaleFromEnv, renderImpactSection, runImpactBench } from './impact.js';
import { renderReplicaSection, REPLICAS_SECTION_TITLE, runReplicaBench } from './replicas.js';
import { outboxReplay, renderReplaySection, REPLAY_SECTION_TITLE, replayOptionsFromEnv } from './outbox-replay.js';
import { keptSections, WEB_SECTION_TITLE, writeSection } from './sections.js';
import { renderSoakSection, soak, SOAK_SECTION_TITLE, soakOptionsFromEnv } from './soak.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../src/server/db/database.js';
import { migrate } from '../src/server/db/migrate.js';
import { PgliteDatabase } from '../src/server/db/pglite.js';
import { PostgresDatabase } from '../src/server/db/postgres.js';
import { readIndonesiaAreas } from '../src/server/modules/geography/index.js';
import { createPostgresDatabase, postgresUrl } from '../test/database.js';
import { measureHttp, type Endpoint } from './http.js';
import { timeCopy, timeImportAreas } from './import.js';
import type { LoadResult } from './load.js';
import { machine, renderReport } from './report.js';

const REPORT = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
const ENDPOINTS: Endpoint[] = ['area', 'contains'];
const LOAD = { connections: 32, seconds: 10, warmupSeconds: 3, seed: 20_260_101 };

if (!postgresUrl) {
  console.error('Run `npm run bench` (it starts a throw-away PostgreSQL), or set OVOP_TEST_DATABASE_URL.');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'ovop-bench-'));
const cleanups: (() => Promise<void>)[] = [async () => rmSync(work, { recursive: true, force: true })];
const step = (what: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${what}`);

async function migrated(db: Database): Promise<Database> {
  await migrate(db);
  cleanups.push(() => db.close());
  return db;
}

async function freshPostgres(): Promise<{ url: string; db: Database }> {
  const created = await createPostgresDatabase();
  cleanups.push(created.drop);
  return { url: created.url, db: await migrated(await PostgresDatabase.open(created.url)) };
}

try {
  const started = performance.now();
  step('reading Indonesia from idn-area-data');
  const parseStarted = performance.now();
  const rows = readIndonesiaAreas();
  const parseSeconds = (performance.now() - parseStarted) / 1000;
  const codes = {
    villages: rows.filter((r) => r.level === 'village').map((r) => r.code),
    regencies: rows.filter((r) => r.level === 'regency').map((r) => r.code),
  };
  const codesFile = join(work, 'codes.json');
  writeFileSync(codesFile, JSON.stringify(codes));

  step(`importing ${rows.length} areas into PGlite on disk`);
  const pglite = await migrated(await PgliteDatabase.open(join(work, 'pglite')));
  const pgliteImport = await timeImportAreas(pglite, rows);
  step(`importing ${rows.length} areas into PostgreSQL`);
  const postgres = await freshPostgres();
  const postgresImport = await timeImportAreas(postgres.db, rows);
  step(`COPY of the same rows into PostgreSQL`);
  const copy = await timeCopy((await freshPostgres()).url, rows);

  // Both engines answer from fresh statistics, as a server that has been up for a while would.
  await pglite.query('ANALYZE areas');
  await postgres.db.query('ANALYZE areas');
  const http = new Map<string, Map<Endpoint, LoadResult>>();
  for (const [engine, db] of [
    ['PGlite', pglite],
    ['PostgreSQL', postgres.db],
  ] as const) {
    step(`HTTP load on ${engine}: ${ENDPOINTS.join(', ')}`);
    http.set(engine, await measureHttp(db, ENDPOINTS, { ...LOAD, codesFile }));
  }

  const [version] = await postgres.db.query<{ server_version: string }>('SHOW server_version');
  const report = renderReport({
    machine: machine(version!.server_version),
    parseSeconds,
    imports: { pglite: pgliteImport, postgres: postgresImport, copy },
    http,
    load: LOAD,
    villages: codes.villages.length,
    regencies: codes.regencies.length,
    totalSeconds: (performance.now() - started) / 1000,
  });
  writeFileSync(
    REPORT,
    `${report.trimEnd()}\n${keptSections([
      WEB_SECTION_TITLE,
      BOOKS_SECTION_TITLE,
      CATALOG_SECTION_TITLE,
      IMPACT_SECTION_TITLE,
      SOAK_SECTION_TITLE,
      REPLAY_SECTION_TITLE,
      AREA_SEARCH_SECTION_TITLE,
      REPLICAS_SECTION_TITLE,
      COMMUNITY_SECTION_TITLE,
      EMBEDDED_SECTION_TITLE,
    ])}`,
  );
  console.log(report);
  step(`written to ${REPORT}`);
  step('bookkeeping reports over 100,000 journal lines (about 2 minutes)');
  const books = renderBooksSection(
    await runBooksBench([
      { engine: 'PGlite', db: pglite },
      { engine: 'PostgreSQL', db: postgres.db },
    ]),
  );
  writeSection(books);
  console.log(books);
  step('catalog search over 200,000 synthetic products (about 7 minutes)');
  const catalog = await runCatalogBench([
    { engine: 'PGlite', db: pglite },
    { engine: 'PostgreSQL', db: postgres.db },
  ]);
  const section = renderCatalogSection(catalog);
  writeSection(section);
  console.log(section);
  step('catalog reads with one streaming replica against the primary alone (about 3 minutes)');
  const replicas = renderReplicaSection(await runReplicaBench(postgres.db, postgres.url, catalog.options.products));
  writeSection(replicas);
  console.log(replicas);
  const impactScale = impactScaleFromEnv();
  step(
    `impact: sales by market × sex over ${impactScale.postgres * 10_000_000} journal lines on PostgreSQL, ${impactScale.pglite * 10_000_000} on PGlite (OVOP_IMPACT_BENCH_SCALE)`,
  );
  const impact = renderImpactSection(
    await runImpactBench([
      { engine: 'PGlite', db: pglite, scale: impactScale.pglite },
      { engine: 'PostgreSQL', db: postgres.db, scale: impactScale.postgres },
    ]),
  );
  writeSection(impact);
  console.log(impact);
  const soakOptions = soakOptionsFromEnv();
  step(`soak: ${soakOptions.seconds} s of mixed load against a server process, RSS sampled`);
  console.log(renderSoakSection(await soak(soakOptions)));
  const community = communitySizeFromEnv();
  step(
    `community: ${community.members} members and ${community.posts} posts on PostgreSQL, a tenth on PGlite; a space's threads and search`,
  );
  const communitySection = renderCommunitySection([
    await runCommunityBench('postgres', community.members, community.posts),
    await runCommunityBench('pglite', Math.floor(community.members / 10), Math.floor(community.posts / 10)),
  ]);
  writeSection(communitySection);
  console.log(communitySection);
  const replayOptions = replayOptionsFromEnv();
  step(`outbox replay: ${replayOptions.records} queued records sent twice to a server process`);
  console.log(renderReplaySection(await outboxReplay(replayOptions)));
  step('the embedded server: `npm start` on an empty folder, then restarts, idle memory');
  const embedded = renderEmbeddedSection(await runEmbeddedBench());
  writeSection(embedded);
  console.log(embedded);
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((e: unknown) => console.error(e));
}

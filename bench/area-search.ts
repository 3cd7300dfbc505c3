/**
 * `node scripts/with-postgres.mjs tsx bench/area-search.ts`: the area picker's search over the whole
 * Indonesian area table (~84k rows) on PostgreSQL — names searched as people type them, with and
 * without a level, for a facilitator narrowed to one regency (their areas ranked first).
 * Prints p50/p95 per case; the goal is p50 ≤ 30 ms.
 */
import { migrate } from '../src/server/db/migrate.js';
import { PostgresDatabase } from '../src/server/db/postgres.js';
import { areasRepository } from '../src/server/modules/geography/geography.repository.js';
import { readIndonesiaAreas } from '../src/server/modules/geography/index.js';
import { createPostgresDatabase, postgresUrl } from '../test/database.js';
import { timeCopy } from './import.js';
import { AREA_SEARCH_SECTION_TITLE } from './area-search-title.js';
import { writeSection } from './sections.js';

if (!postgresUrl) {
  console.error('Run under scripts/with-postgres.mjs, or set OVOP_TEST_DATABASE_URL.');
  process.exit(2);
}

const ROUNDS = 300;
const created = await createPostgresDatabase();
const db = await PostgresDatabase.open(created.url);
try {
  await migrate(db);
  const rows = readIndonesiaAreas();
  await timeCopy(created.url, rows);
  await db.query('ANALYZE areas');
  const villages = rows.filter((r) => r.level === 'village');
  // A fixed spread of real names (every n-th village), typed as a prefix of 4+ letters and in full.
  const names = Array.from({ length: ROUNDS }, (_, i) => villages[Math.floor((i * villages.length) / ROUNDS)]!.name);
  const cases = {
    'full name, villages': (name: string) => ({ q: name, level: 'village' }),
    'first 4 letters, any level': (name: string) => ({ q: name.slice(0, 4) }),
    'full name, any level': (name: string) => ({ q: name }),
  } as const;
  const scope = { none: null, 'facilitator of one regency': ['/32/32.02/'] } as const;
  const lines = [`${rows.length} areas; ${ROUNDS} searches per case`, ''];
  console.log(lines[0]);
  for (const [scopeName, scopePaths] of Object.entries(scope)) {
    for (const [caseName, make] of Object.entries(cases)) {
      const times: number[] = [];
      for (const name of names) {
        const started = performance.now();
        await areasRepository.search(db, {
          ...make(name),
          scopePaths: scopePaths ? [...scopePaths] : null,
          mineOnly: false,
          limit: 20,
        });
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const at = (p: number) => times[Math.floor(p * (times.length - 1))]!.toFixed(1);
      const line = `${scopeName} · ${caseName}: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`;
      console.log(line);
      lines.push(`- ${line}`);
    }
  }
  writeSection(
    [
      AREA_SEARCH_SECTION_TITLE,
      '',
      '`node scripts/with-postgres.mjs tsx bench/area-search.ts`: the picker search (`GET /api/v1/areas/search`)',
      "as a repository call on PostgreSQL 15, the trigram index on lower(name), ranked with the caller's areas first.",
      'Goal: p50 ≤ 30 ms.',
      '',
      ...lines,
    ].join('\n'),
  );
} finally {
  await db.close();
  await created.drop();
}

/**
 * The community at national scale: `members` welcomed members and `posts` posts (a tenth of them
 * opening a thread, the rest replies) in one program's topic and area spaces, written with bulk
 * SQL; then a space's thread list (first page and the next by its cursor) and a search (words as
 * typed, and one misspelt), each asked `REQUESTS` times in a row by a welcomed member through the
 * app in this process (routing, session, schema, policy, SQL, answer: no network). p50 and p95 of
 * each, against the same member's `GET /api/v1/community/mine` as the floor.
 *
 * `node scripts/with-postgres.mjs npx tsx bench/community.ts` (PostgreSQL, 100,000 members and
 * 1,000,000 posts by default; OVOP_COMMUNITY_MEMBERS and OVOP_COMMUNITY_POSTS set them), and
 * `OVOP_COMMUNITY_ENGINE=pglite` for the embedded engine at a tenth of the size.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.js';
import type { Database } from '../src/server/db/database.js';
import { migrate } from '../src/server/db/migrate.js';
import { PgliteDatabase } from '../src/server/db/pglite.js';
import { PostgresDatabase } from '../src/server/db/postgres.js';
import { importAreas, readIndonesiaAreas } from '../src/server/modules/geography/index.js';
import { ORIGIN, testConfig, type Session, type TestApp } from '../test/app.js';
import { communityWorld } from '../test/community-fixtures.js';
import { createPostgresDatabase, FIXTURE_PROVINCES, postgresUrl } from '../test/database.js';
import { writeSection } from './sections.js';

export const COMMUNITY_SECTION_TITLE = '## Community: a space’s threads and search at national scale';

const REQUESTS = 300;
const WARMUP = 30;

/** Words of the threads' titles: what village entrepreneurs ask about, in Indonesian. */
const WORDS = [
  'kemasan',
  'keripik',
  'salak',
  'label',
  'halal',
  'harga',
  'ekspor',
  'pemasaran',
  'kopi',
  'madu',
  'batik',
  'tenun',
  'sertifikat',
  'pirt',
  'bpom',
  'foto',
  'toko',
  'daring',
  'modal',
  'pembukuan',
  'gerabah',
  'anyaman',
  'dodol',
  'sambal',
  'rendang',
  'pengiriman',
  'pameran',
  'merek',
  'resep',
  'mesin',
];

interface Timing {
  what: string;
  p50: number;
  p95: number;
  results: number;
}

async function generate(db: Database, programId: string, members: number, posts: number): Promise<number> {
  const started = performance.now();
  const words = `(ARRAY[${WORDS.map((w) => `'${w}'`).join(',')}])`;
  // Members: an account and a welcomed join each, in the program's villages.
  await db.query(
    `INSERT INTO users (id, email, name, password_hash)
     SELECT gen_random_uuid(), 'bench' || n || '@example.id', 'Anggota ' || n, NULL FROM generate_series(1, $1) AS n`,
    [members],
  );
  // Picks by number from numbered copies (indexed and analysed, so that the planner joins by hash or
  // index, not in a loop over a guessed-small side); indexing a 100,000-element array instead reads
  // the whole array for every row.
  const numbered = async (table: string, select: string, params: unknown[] = []) => {
    await db.query(`CREATE TABLE ${table} AS ${select}`, params);
    await db.query(`CREATE UNIQUE INDEX ON ${table} (i)`);
    await db.query(`ANALYZE ${table}`);
  };
  await numbered(
    'bench_villages',
    `SELECT code, path, (row_number() OVER (ORDER BY code) - 1)::int AS i FROM areas WHERE level = 'village'`,
  );
  await db.query(
    `INSERT INTO community_joins (id, program_id, name, email, area_code, area_path, locale, rules_version, status,
                                  decided_at, user_id, created_at)
     SELECT gen_random_uuid(), $1, u.name, u.email, v.code, v.path, 'id', 1, 'welcomed', now() - interval '60 days', u.id,
            now() - interval '61 days'
     FROM (SELECT id, name, email, (row_number() OVER (ORDER BY email))::int % (SELECT count(*)::int FROM bench_villages) AS village
           FROM users WHERE email LIKE 'bench%') u
     JOIN bench_villages v ON v.i = u.village`,
    [programId],
  );
  // Threads in every space, by members, over the last year; their opening posts (the thread's own
  // id, by its author) and replies by others.
  await numbered(
    'bench_members',
    `SELECT user_id, (row_number() OVER (ORDER BY id) - 1)::int AS i FROM community_joins
     WHERE program_id = $1 AND status = 'welcomed'`,
    [programId],
  );
  const threads = Math.max(1, Math.floor(posts / 10));
  const memberCount = '(SELECT count(*)::int FROM bench_members)';
  await db.query(
    `WITH s AS (SELECT array_agg(id ORDER BY id) AS ids FROM community_spaces WHERE program_id = $1),
          made AS (SELECT n, ${words}[1 + n % 30] AS a, ${words}[1 + (n / 30) % 30] AS b, ${words}[1 + (n / 900) % 30] AS c,
                          now() - (n % 525600) * interval '1 minute' AS at, (n * 7) % ${memberCount} AS author
                   FROM generate_series(1, $2) AS n)
     INSERT INTO community_threads (id, program_id, space_id, author_id, title, kind, language, last_activity_at,
                                    search_text, created_at)
     SELECT gen_random_uuid(), $1, s.ids[1 + m.n % cardinality(s.ids)], p.user_id,
            'Bagaimana ' || m.a || ' ' || m.b || ' untuk ' || m.c || '?',
            CASE WHEN m.n % 3 = 0 THEN 'discussion' ELSE 'question' END, 'id', m.at,
            lower('Bagaimana ' || m.a || ' ' || m.b || ' untuk ' || m.c || '? Kami kelompok di desa, mohon saran.'), m.at
     FROM made m CROSS JOIN s JOIN bench_members p ON p.i = m.author`,
    [programId, threads],
  );
  await db.query(
    `WITH t AS (SELECT id, author_id, created_at, row_number() OVER (ORDER BY id) AS n FROM community_threads
                WHERE program_id = $1),
          r AS (SELECT t.*, r, (t.n * 11 + r) % ${memberCount} AS author FROM t CROSS JOIN generate_series(0, 9) AS r)
     INSERT INTO community_posts (id, thread_id, program_id, author_id, body, language, created_at)
     SELECT CASE WHEN r.r = 0 THEN r.id ELSE gen_random_uuid() END, r.id, $1,
            CASE WHEN r.r = 0 THEN r.author_id ELSE p.user_id END,
            CASE WHEN r.r = 0 THEN 'Kami kelompok di desa, mohon saran.' ELSE 'Coba tanyakan ke pendamping, kami pernah mencoba.' END,
            'id', r.created_at + r.r * interval '1 hour'
     FROM r JOIN bench_members p ON p.i = r.author`,
    [programId],
  );
  // The threads' search text over their visible replies too, as the service keeps it (0050).
  await db.query('UPDATE community_threads SET search_text = community_thread_search_text(id) WHERE program_id = $1', [
    programId,
  ]);
  await db.query('DROP TABLE bench_members, bench_villages');
  await db.query('ANALYZE');
  return (performance.now() - started) / 1000;
}

async function time(t: TestApp, what: string, url: string, as: Session): Promise<Timing> {
  const ask = async () => {
    const r = await t.request({ method: 'GET', url, as });
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
    return r.json() as { items?: unknown[] };
  };
  for (let i = 0; i < WARMUP; i++) await ask();
  const ms: number[] = [];
  let results = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    const answer = await ask();
    ms.push(performance.now() - started);
    results = answer.items?.length ?? 0;
  }
  ms.sort((a, b) => a - b);
  return { what, p50: ms[Math.floor(ms.length * 0.5)]!, p95: ms[Math.floor(ms.length * 0.95)]!, results };
}

/**
 * EXPLAIN ANALYZE of the statements one request runs over the threads (OVOP_COMMUNITY_EXPLAIN=1):
 * the request is asked once with the database's query recorded, then each statement is explained.
 */
async function explain(t: TestApp, db: Database, url: string, as: Session): Promise<string[]> {
  const asked: [string, readonly unknown[] | undefined][] = [];
  const query = db.query.bind(db);
  db.query = ((text: string, params?: readonly unknown[]) => {
    if (text.includes('community_threads') || text.includes('community_words')) asked.push([text, params]);
    return query(text, params);
  }) as Database['query'];
  try {
    await t.request({ method: 'GET', url, as });
  } finally {
    db.query = query;
  }
  const plans: string[] = [];
  for (const [text, params] of asked) {
    const rows = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params);
    plans.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
  }
  return plans;
}

export async function runCommunityBench(engine: 'postgres' | 'pglite', members: number, posts: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ovop-community-bench-'));
  const created = engine === 'postgres' ? await createPostgresDatabase() : undefined;
  const db: Database = created
    ? await PostgresDatabase.open(created.url)
    : await PgliteDatabase.open(join(dataDir, 'db'));
  let app: FastifyInstance | undefined;
  try {
    await migrate(db);
    await importAreas(db, 'ID', readIndonesiaAreas(FIXTURE_PROVINCES));
    app = await buildApp({ config: { ...testConfig, dataDir }, db, logger: false });
    await app.ready();
    const inject = app.inject.bind(app);
    const t: TestApp = {
      app,
      database: { db, reset: () => Promise.resolve(), close: () => Promise.resolve() },
      request: ({ as, headers, ...options }) =>
        inject({ ...options, headers: { host: 'localhost:3000', origin: ORIGIN, ...as?.headers, ...headers } }),
    };
    const w = await communityWorld(t);
    const loadSeconds = await generate(db, w.program.id, members, posts);
    const [counted] = await db.query<{ threads: number; posts: number; members: number }>(
      `SELECT (SELECT count(*)::int FROM community_threads) AS threads, (SELECT count(*)::int FROM community_posts) AS posts,
              (SELECT count(*)::int FROM community_joins WHERE status = 'welcomed') AS members`,
    );
    const packaging = w.space('packaging');
    const as = w.ayu.session;
    const first = (
      await t.request({ method: 'GET', url: `/api/v1/community/spaces/${packaging}/threads`, as })
    ).json() as {
      nextCursor: string | null;
    };
    const timings = [
      await time(t, 'the member’s communities (`GET /community/mine`, the floor)', '/api/v1/community/mine', as),
      await time(t, 'a space’s threads, first page', `/api/v1/community/spaces/${packaging}/threads`, as),
      ...(first.nextCursor
        ? [
            await time(
              t,
              'a space’s threads, the next page (cursor)',
              `/api/v1/community/spaces/${packaging}/threads?cursor=${encodeURIComponent(first.nextCursor)}`,
              as,
            ),
          ]
        : []),
      await time(t, 'search `kemasan keripik`', `/api/v1/community/${w.program.id}/search?q=kemasan%20keripik`, as),
      await time(t, 'search `kemasn` (misspelt)', `/api/v1/community/${w.program.id}/search?q=kemasn`, as),
    ];
    if (process.env.OVOP_COMMUNITY_EXPLAIN) {
      const urls = [
        `/api/v1/community/spaces/${packaging}/threads`,
        `/api/v1/community/${w.program.id}/search?q=kemasan%20keripik`,
        `/api/v1/community/${w.program.id}/search?q=kemasn`,
      ];
      for (const url of urls) console.error(`\n# ${url}\n${(await explain(t, db, url, as)).join('\n\n')}`);
    }
    return { engine, loadSeconds, counted: counted!, timings };
  } finally {
    await app?.close();
    await db.close();
    await created?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The community's size on PostgreSQL (PGlite gets a tenth): OVOP_COMMUNITY_MEMBERS, OVOP_COMMUNITY_POSTS. */
export function communitySizeFromEnv(env: NodeJS.ProcessEnv = process.env) {
  return {
    members: Number(env.OVOP_COMMUNITY_MEMBERS ?? 100_000),
    posts: Number(env.OVOP_COMMUNITY_POSTS ?? 1_000_000),
  };
}

type Run = Awaited<ReturnType<typeof runCommunityBench>>;

export function renderCommunitySection(runs: Run[]): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const table = (run: Run) => {
    const floor = run.timings[0]!.p50;
    return [
      `**${run.engine === 'postgres' ? 'PostgreSQL' : 'PGlite'}**: ${run.counted.members.toLocaleString('en')} welcomed members, ${run.counted.threads.toLocaleString('en')} threads, ${run.counted.posts.toLocaleString('en')} posts (written in ${run.loadSeconds.toFixed(0)} s).`,
      '',
      '| Request | p50 | p95 | p50 / floor | Results |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...run.timings.map(
        (x) => `| ${x.what} | ${ms(x.p50)} | ${ms(x.p95)} | ${(x.p50 / floor).toFixed(1)}× | ${x.results} |`,
      ),
    ].join('\n');
  };
  return `${COMMUNITY_SECTION_TITLE}

One program's community, written with bulk SQL: welcomed members in the villages of two provinces,
threads spread over its topic and area spaces over a year (a tenth of the posts open a thread, each
with nine replies), titles made of the words village entrepreneurs ask about. A welcomed member asks
each request ${REQUESTS} times in a row (after ${WARMUP} to warm up) through the app in this process:
session, schema, policy, SQL and answer, no network. The floor is the same member's list of
communities. Goal: p95 ≤ 50 ms on PostgreSQL.

${runs.map(table).join('\n\n')}

Run on ${new Date().toISOString().slice(0, 10)} by \`node scripts/with-postgres.mjs npx tsx bench/community.ts\`.
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!postgresUrl && process.env.OVOP_COMMUNITY_ENGINE !== 'pglite') {
    console.error('Run it under scripts/with-postgres.mjs, or set OVOP_COMMUNITY_ENGINE=pglite.');
    process.exit(2);
  }
  const { members, posts } = communitySizeFromEnv();
  const runs: Run[] = [];
  if (postgresUrl) runs.push(await runCommunityBench('postgres', members, posts));
  runs.push(await runCommunityBench('pglite', Math.floor(members / 10), Math.floor(posts / 10)));
  const section = renderCommunitySection(runs);
  writeSection(section);
  console.log(section);
}

/**
 * The impact module's sales figures at national scale (issue #15): every village of Indonesia,
 * 200,000 producer groups, 2,000,000 members and 10,000,000 journal lines of sales at scale 1.
 * Reads of sales by market × sex, month by month for a year, nationally, for a province and for a
 * regency, through the real service (`impactValues`, which reads the monthly summaries: per province
 * `sales_month_provinces` for national and province reads, per regency `sales_month_totals` below)
 * side by side in the same run with the same query over the line-level facts (`business_sales`, a
 * GROUP BY over journal_lines); then sales posted through the business module's posting path
 * (`recordTransaction`) on the loaded tables, with the summaries' trigger enabled and disabled in
 * alternating rounds: one at a time into groups all over the country, and by several posters at once
 * into groups of one province, in one market, all of them adding to the same province rows.
 *
 * The scale is `OVOP_IMPACT_BENCH_SCALE` (1 = full size, default 0.1; several separated by commas,
 * each in its own database) for PostgreSQL and
 * `OVOP_IMPACT_BENCH_PGLITE_SCALE` (default a tenth of it) for PGlite.
 * Alone: `node scripts/with-postgres.mjs npx tsx bench/impact.ts`; writes its section of
 * docs/benchmarks.md (or the file named by `OVOP_IMPACT_BENCH_REPORT`). `OVOP_IMPACT_BENCH_ENGINES=postgres`
 * (or `pglite`) runs one engine.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../src/server/db/database.js';
import { migrate } from '../src/server/db/migrate.js';
import { PgliteDatabase } from '../src/server/db/pglite.js';
import { PostgresDatabase } from '../src/server/db/postgres.js';
import { sql } from '../src/server/db/sql.js';
import type { Ctx } from '../src/server/http/context.js';
import { rebuildSalesSummary, recordTransaction } from '../src/server/modules/business/index.js';
import { readIndonesiaAreas } from '../src/server/modules/geography/index.js';
import { impactValues } from '../src/server/modules/impact/impact.service.js';
import { indicatorValues, type Bucket } from '../src/server/modules/impact/impact.repository.js';
import { indicatorByCode } from '../src/server/modules/impact/indicators.js';
import { fromMinor, toMinor } from '../src/shared/money.js';
import { impactQuery } from '../src/shared/schemas/impact.js';
import { simpleTransactionBody } from '../src/shared/schemas/business.js';
import { createPostgresDatabase, postgresUrl } from '../test/database.js';
import { buildProgram, system } from '../test/factories.js';
import { timeImportAreas } from './import.js';
import { REPORT_FILE, writeSection } from './sections.js';

export const IMPACT_SECTION_TITLE = '## Impact: sales by market × sex, national to regency';

const FULL = { groups: 200_000, members: 2_000_000, lines: 10_000_000 };
const RUNS = 20;
const WARMUP = 3;
/** Postings per round and rounds, alternating with and without the summary's trigger. */
const POSTINGS = 100;
const ROUNDS = 4;
/** Posters at once (each its own connection and transactions) into one province. */
const POSTERS = 4;
const YEAR = '2025';
const PROVINCE = '35'; // Jawa Timur, the province with the most villages
const REGENCY = '35.07'; // Kabupaten Malang
const step = (what: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${what}`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/**
 * `OVOP_IMPACT_BENCH_SCALE` is one scale or several separated by commas ("0.1,1"): the standalone
 * run measures PostgreSQL at each in a fresh database, `npm run bench` at the first.
 */
export function impactScaleFromEnv(): { postgres: number; postgresScales: number[]; pglite: number } {
  const postgresScales = (process.env.OVOP_IMPACT_BENCH_SCALE ?? '0.1').split(',').map(Number);
  const postgres = postgresScales[0]!;
  const pglite = Number(process.env.OVOP_IMPACT_BENCH_PGLITE_SCALE ?? String(postgres / 10));
  if (![...postgresScales, pglite].every((s) => s > 0 && s <= 1)) throw new Error('a scale is in (0, 1]');
  return { postgres, postgresScales, pglite };
}

interface Sizes {
  villages: number;
  groups: number;
  members: number;
  lines: number;
}

interface PostingRate {
  withSummary: number;
  withoutSummary: number;
  postings: number;
}

interface ReadTiming {
  name: string;
  /** The summary `impactValues` reads for it. */
  summaryTable: string;
  rows: number;
  summary: { p50: number; p95: number };
  naive: { p50: number; p95: number };
}

export interface ImpactEngineResult {
  engine: string;
  scale: number;
  sizes: Sizes;
  fillSeconds: number;
  rebuildSeconds: number;
  summaryRows: { regencies: number; provinces: number };
  reads: ReadTiming[];
  posting: PostingRate;
  /** POSTERS at once into groups of one province, one market. */
  concurrent: PostingRate;
  agree: boolean;
}

/**
 * Villages (one enrolment per area of level village, up to the number of groups), groups spread
 * over them, ten members per group (the first a chair), and two-line cash sales over 2024–2026 —
 * all in bulk SQL with the journal's own triggers off (the replica role), then the monthly
 * balances and the sales summary computed from the lines as the triggers would have.
 */
async function fill(db: Database, programId: string, userId: string, scale: number): Promise<Sizes> {
  const groups = Math.round(FULL.groups * scale);
  const members = Math.round(FULL.members * scale);
  const entries = Math.round((FULL.lines * scale) / 2);
  await db.transaction(async (tx) => {
    await tx.query(
      `CREATE TEMP TABLE bench_villages ON COMMIT DROP AS
         SELECT row_number() OVER (ORDER BY md5(code)) AS n, code, path FROM areas
         WHERE country = 'ID' AND level = 'village' ORDER BY md5(code) LIMIT $1`,
      [groups],
    );
    await tx.query(
      `INSERT INTO villages (id, program_id, area_code, area_path)
       SELECT md5('v' || n)::uuid, $1, code, path FROM bench_villages`,
      [programId],
    );
    const [v] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_villages');
    await tx.query(
      `INSERT INTO producer_groups (id, program_id, village_id, area_path, name, kind, created_at)
       SELECT md5('g' || i)::uuid, $1, md5('v' || v.n)::uuid, v.path, 'Kelompok ' || i,
              (ARRAY['women_group', 'cooperative', 'bumdes', 'farmer_group', 'enterprise'])[i % 5 + 1],
              timestamptz '2023-06-01'
       FROM generate_series(1, $2::int) i JOIN bench_villages v ON v.n = (i - 1) % $3 + 1`,
      [programId, groups, v!.n],
    );
    // Member i belongs to group (i - 1) % groups + 1; the first of each group chairs it. Six in ten
    // are women, chairs included; led_by below follows the same formula.
    await tx.query(
      `INSERT INTO members (id, group_id, name, sex, birth_year, role, joined_on)
       SELECT md5('m' || i)::uuid, md5('g' || ((i - 1) % $1 + 1))::uuid, 'Anggota ' || i,
              CASE WHEN i % 5 < 3 THEN 'female' ELSE 'male' END, 1960 + i % 45,
              CASE WHEN i <= $1 THEN 'chair' ELSE 'member' END, date '2023-06-01'
       FROM generate_series(1, $2::int) i`,
      [groups, members],
    );
    await tx.query(
      `INSERT INTO ledger_books (group_id, currency, next_entry_no)
       SELECT md5('g' || n)::uuid, 'IDR', $2::int / $1 + 2 FROM generate_series(1, $1::int) n`,
      [groups, entries],
    );
    await tx.query(
      `INSERT INTO ledger_accounts (id, group_id, code, name, type, line, role)
       SELECT md5(a.role || n)::uuid, md5('g' || n)::uuid, a.code, jsonb_build_object('id', a.name), a.type, a.line, a.role
       FROM generate_series(1, $1::int) n
       CROSS JOIN (VALUES ('cash', '1-101', 'Kas', 'asset', 'cash_and_equivalents'),
                          ('sales', '4-101', 'Penjualan', 'revenue', 'revenue')) AS a(role, code, name, type, line)`,
      [groups],
    );
    // The journal's triggers (append-only guard, balance check at commit, monthly balances, the
    // sales summary, led_by) and foreign keys are off for the bulk load; what they compute is
    // computed below from the same rows.
    await tx.query("SET LOCAL session_replication_role = 'replica'");
    // Entry i: group (i % groups) + 1, a day of 2024–2026, one market in three, exports to Japan,
    // Singapore or the Netherlands.
    await tx.query(
      `INSERT INTO journal_entries (id, group_id, entry_no, entry_date, kind, memo, details, posted_by, led_by)
       SELECT md5('e' || i)::uuid, md5('g' || (i % $1 + 1))::uuid, i / $1 + 1, date '2024-01-01' + (i * 7 % 1096)::int,
              'cash_sale', '', jsonb_strip_nulls(jsonb_build_object(
                'market', (ARRAY['local', 'national', 'export'])[i % 3 + 1],
                'destination', CASE WHEN i % 3 = 2 THEN (ARRAY['JP', 'SG', 'NL'])[i / 3 % 3 + 1] END,
                'via', 'cash')),
              $3, CASE WHEN (i % $1 + 1) % 5 < 3 THEN 'female' ELSE 'male' END
       FROM generate_series(0, $2::bigint - 1) i`,
      [groups, entries, userId],
    );
    await tx.query(
      `INSERT INTO journal_lines (entry_id, line_no, account_id, debit, credit, group_id, entry_date)
       SELECT md5('e' || i)::uuid, s.n, md5(CASE s.n WHEN 1 THEN 'cash' ELSE 'sales' END || (i % $1 + 1))::uuid,
              CASE WHEN s.n = 1 THEN (i * 7919 % 500 + 10) * 100000 ELSE 0 END,
              CASE WHEN s.n = 2 THEN (i * 7919 % 500 + 10) * 100000 ELSE 0 END,
              md5('g' || (i % $1 + 1))::uuid, date '2024-01-01' + (i * 7 % 1096)::int
       FROM generate_series(0, $2::bigint - 1) i CROSS JOIN (VALUES (1), (2)) AS s(n)`,
      [groups, entries],
    );
    await tx.query("SET LOCAL session_replication_role = 'origin'");
    await tx.query(
      `INSERT INTO ledger_month_balances (group_id, account_id, month, debit, credit)
       SELECT l.group_id, l.account_id, date_trunc('month', l.entry_date)::date, sum(l.debit), sum(l.credit)
       FROM journal_lines l JOIN producer_groups g ON g.id = l.group_id AND g.program_id = $1
       GROUP BY 1, 2, 3`,
      [programId],
    );
  });
  const [villages] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM villages WHERE program_id = $1', [
    programId,
  ]);
  return { villages: villages!.n, groups, members, lines: entries * 2 };
}

/** A slow read stops after this long once it has been measured MIN_RUNS times. */
const BUDGET_MS = 60_000;
const MIN_RUNS = 5;

async function timed(fn: () => Promise<number>): Promise<{ p50: number; p95: number; rows: number }> {
  const times: number[] = [];
  let rows = 0;
  const started = performance.now();
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const t0 = performance.now();
    rows = await fn();
    if (i >= WARMUP) times.push(performance.now() - t0);
    if (times.length >= MIN_RUNS && performance.now() - started > BUDGET_MS) break;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), rows };
}

/** The year's sales by month × market × sex from the lines: the same query, `fromSummary` off. */
const naiveRead = (db: Database, programId: string, areaPath: string | undefined, depth: number | undefined) => {
  const buckets: Bucket[] = Array.from({ length: 12 }, (_, m) => {
    const month = String(m + 1).padStart(2, '0');
    const last = new Date(Date.UTC(Number(YEAR), m + 1, 0)).getUTCDate();
    return { name: `${YEAR}-${month}`, from: `${YEAR}-${month}-01`, to: `${YEAR}-${month}-${last}` };
  });
  return indicatorValues(db, {
    indicator: indicatorByCode('sales_revenue')!,
    buckets,
    by: ['market', 'sex'],
    programId,
    areaPath,
    depth,
    scope: sql`true`,
    today: new Date().toISOString().slice(0, 10),
    fromSummary: false,
    salesByProvince: false,
  });
};

/** Money in major units ("12900.50") summed in minor units. */
const total = (values: (string | null)[]) => values.reduce((s, v) => s + toMinor(String(v), 'IDR')!, 0n);

async function measureReads(
  db: Database,
  ctx: Ctx,
  programId: string,
): Promise<{ reads: ReadTiming[]; agree: boolean }> {
  const areas = await db.query<{ code: string; path: string }>('SELECT code, path FROM areas WHERE code = ANY($1)', [
    [PROVINCE, REGENCY],
  ]);
  const pathOf = (code: string) => areas.find((a) => a.code === code)!.path;
  const scenarios = [
    { name: 'national, one value', area: undefined, level: undefined, path: undefined, depth: undefined },
    { name: 'national, per province', area: undefined, level: 'province', path: undefined, depth: 0 },
    {
      name: `province ${PROVINCE} (Jawa Timur)`,
      area: PROVINCE,
      level: undefined,
      path: pathOf(PROVINCE),
      depth: undefined,
    },
    { name: `province ${PROVINCE}, per regency`, area: PROVINCE, level: 'regency', path: pathOf(PROVINCE), depth: 1 },
    { name: `regency ${REGENCY} (Malang)`, area: REGENCY, level: undefined, path: pathOf(REGENCY), depth: undefined },
  ];
  const reads: ReadTiming[] = [];
  let agree = true;
  for (const s of scenarios) {
    const query = impactQuery.parse({
      indicator: 'sales_revenue',
      programId,
      period: YEAR,
      every: 'month',
      by: 'market,sex',
      ...(s.area ? { area: s.area } : {}),
      ...(s.level ? { level: s.level } : {}),
    });
    const answer = await impactValues(ctx, query);
    const naiveRows = await naiveRead(db, programId, s.path, s.depth);
    const fromSummary = total(answer.rows.map((r) => r.value));
    const fromLines = total(naiveRows.map((r) => fromMinor(r.value, 'IDR').amount));
    if (answer.rows.length !== naiveRows.length || fromSummary !== fromLines) {
      agree = false;
      console.error(
        `${s.name}: summary ${answer.rows.length} rows, ${fromSummary}; lines ${naiveRows.length} rows, ${fromLines}`,
      );
    }
    const summary = await timed(async () => (await impactValues(ctx, query)).rows.length);
    const naive = await timed(async () => (await naiveRead(db, programId, s.path, s.depth)).length);
    // What impactValues picks for an admin: per province unless a regency is asked or grouped by.
    const summaryTable = (s.depth ?? 0) <= 0 && !s.area?.includes('.') ? 'sales_month_provinces' : 'sales_month_totals';
    reads.push({ name: s.name, summaryTable, rows: summary.rows, summary, naive });
    step(`${s.name}: summary p50 ${summary.p50.toFixed(1)} ms, lines p50 ${naive.p50.toFixed(1)} ms`);
  }
  return { reads, agree };
}

/**
 * Cash sales posted through `recordTransaction` into `groupIds`, by `posters` loops at once, in
 * rounds alternating the summaries' trigger; `market` fixed, or one in three of each.
 */
async function measurePosting(
  db: Database,
  ctx: Ctx,
  groupIds: string[],
  posters: number,
  market?: 'local' | 'national' | 'export',
): Promise<PostingRate> {
  let n = 0;
  const post = () => {
    const i = n++;
    const m = market ?? (['local', 'national', 'export'] as const)[i % 3]!;
    return recordTransaction(
      ctx,
      groupIds[i % groupIds.length]!,
      simpleTransactionBody.parse({
        kind: 'cash_sale',
        date: '2026-11-02',
        amount: { amount: `${15000 + (i % 97) * 500}.00`, currency: 'IDR' },
        market: m,
        ...(m === 'export' ? { destination: 'JP' } : {}),
      }),
    );
  };
  const postMany = (count: number) =>
    Promise.all(
      Array.from({ length: posters }, async (_, p) => {
        for (let i = p; i < count; i += posters) await post();
      }),
    );
  // Warm-up: each picked group's chart is completed on its first posting.
  for (let i = 0; i < groupIds.length; i++) await post();
  const seconds = { with: 0, without: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of ['with', 'without'] as const) {
      if (mode === 'without')
        await db.query('ALTER TABLE journal_lines DISABLE TRIGGER journal_lines_sales_month_totals');
      const t0 = performance.now();
      await postMany(POSTINGS);
      seconds[mode] += (performance.now() - t0) / 1000;
      if (mode === 'without')
        await db.query('ALTER TABLE journal_lines ENABLE TRIGGER journal_lines_sales_month_totals');
    }
  }
  const postings = POSTINGS * ROUNDS;
  return { withSummary: postings / seconds.with, withoutSummary: postings / seconds.without, postings };
}

/** 50 groups spread over the country's list, and 50 of one province. */
async function postingGroups(db: Database, programId: string, groups: number) {
  const picked = Array.from({ length: 50 }, (_, i) => Math.floor((i * groups) / 50) + 1);
  const spread = await db.query<{ id: string }>("SELECT md5('g' || n)::uuid::text AS id FROM unnest($1::int[]) n", [
    picked,
  ]);
  const province = await db.query<{ id: string }>(
    `SELECT g.id::text AS id FROM producer_groups g JOIN areas a ON a.code = $2
     WHERE g.program_id = $1 AND g.area_path LIKE a.path || '%' ORDER BY g.id LIMIT 50`,
    [programId, PROVINCE],
  );
  return { spread: spread.map((r) => r.id), province: province.map((r) => r.id) };
}

export async function runImpactBench(
  engines: { engine: string; db: Database; scale: number }[],
): Promise<ImpactEngineResult[]> {
  const results: ImpactEngineResult[] = [];
  for (const { engine, db, scale } of engines) {
    const [areas] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM areas WHERE level = 'village'");
    if (!areas?.n) {
      step(`${engine}: importing Indonesia's areas`);
      await timeImportAreas(db, readIndonesiaAreas());
    }
    const program = await buildProgram(db);
    const ctx = system(db);
    step(`${engine}: writing scale ${scale} (${Math.round(FULL.lines * scale).toLocaleString('en-US')} journal lines)`);
    const started = performance.now();
    const sizes = await fill(db, program.id, ctx.actor.kind === 'user' ? ctx.actor.id : '', scale);
    const fillSeconds = (performance.now() - started) / 1000;
    step(`${engine}: written in ${fillSeconds.toFixed(1)} s; rebuilding the sales summary`);
    const rebuildStarted = performance.now();
    const summaryRows = await rebuildSalesSummary(db);
    const rebuildSeconds = (performance.now() - rebuildStarted) / 1000;
    for (const table of [
      'journal_entries',
      'journal_lines',
      'members',
      'producer_groups',
      'villages',
      'sales_month_totals',
      'sales_month_provinces',
    ]) {
      await db.query(`VACUUM ANALYZE ${table}`);
    }
    step(
      `${engine}: ${summaryRows.regencies} regency and ${summaryRows.provinces} province summary rows in ${rebuildSeconds.toFixed(1)} s; reading`,
    );
    const { reads, agree } = await measureReads(db, ctx, program.id);
    step(`${engine}: posting`);
    const groupIds = await postingGroups(db, program.id, sizes.groups);
    const posting = await measurePosting(db, ctx, groupIds.spread, 1);
    step(`${engine}: ${posting.withSummary.toFixed(1)} postings/s with, ${posting.withoutSummary.toFixed(1)} without`);
    const concurrent = await measurePosting(db, ctx, groupIds.province, POSTERS, 'local');
    step(
      `${engine}: ${POSTERS} at once into province ${PROVINCE}: ${concurrent.withSummary.toFixed(1)} postings/s with, ${concurrent.withoutSummary.toFixed(1)} without`,
    );
    results.push({
      engine,
      scale,
      sizes,
      fillSeconds,
      rebuildSeconds,
      summaryRows,
      reads,
      posting,
      concurrent,
      agree,
    });
  }
  return results;
}

const fmt = (n: number) => n.toLocaleString('en-US');

function postingLine(p: PostingRate): string {
  const cost = (p.withoutSummary / p.withSummary - 1) * 100;
  return `${p.withSummary.toFixed(1)} sales/s with the summaries, ${p.withoutSummary.toFixed(1)} without: ${cost > 0 ? `the summaries cost ${cost.toFixed(0)} % more time per posting` : `no cost measurable (${cost.toFixed(0)} %, within the noise of a shared machine)`}`;
}

export function renderImpactSection(results: ImpactEngineResult[]): string {
  const lines = [
    IMPACT_SECTION_TITLE,
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`bench/impact.ts\` (issue #15). The full size is every`,
    'village of Indonesia, 200,000 producer groups, 2,000,000 members and 10,000,000 journal lines of sales; **the runs',
    'below are scaled down** (the scale of each engine is in its heading), on a shared machine with 2 cores and other',
    'jobs running. Data written in bulk SQL (sales spread over 2024–2026, three markets, the chair’s sex), the summaries',
    'filled by `rebuildSalesSummary`, then VACUUM ANALYZE. Each read is the sales of 2025 month by month, by market × sex',
    `(\`sales_revenue\`), asked ${RUNS} times after ${WARMUP} warm-ups (a read over the lines stops after ${MIN_RUNS} once`,
    `it has taken ${BUDGET_MS / 1000} s): through \`impactValues\` as an admin (from the monthly summary named in the`,
    'table: per province `sales_month_provinces` or per regency `sales_month_totals`) and, in the same run, the same',
    'query over the lines (`business_sales`, a GROUP BY over journal_lines joined to entries, accounts and groups).',
    'Milliseconds p50 / p95. Posting: cash sales through `recordTransaction` (the business module’s posting path, its own',
    `transaction each) on the loaded tables, ${ROUNDS} rounds of ${POSTINGS} with the summaries’ trigger and ${POSTINGS} with it disabled,`,
    `alternating: one at a time into 50 groups over the country, and by ${POSTERS} posters at once into 50 groups of province`,
    `${PROVINCE}, all in the local market (every posting adds to one of the same two province rows).`,
    'Goals (issue #15, at full size): reads ≥ 50× faster than the lines and p95 ≤ 50 ms; posting cost of the summary ≤ 40 %.',
    '',
  ];
  for (const r of results) {
    lines.push(
      `### ${r.engine}, scale ${r.scale} (${fmt(r.sizes.villages)} villages, ${fmt(r.sizes.groups)} groups, ${fmt(r.sizes.members)} members, ${fmt(r.sizes.lines)} lines)`,
      '',
      '| read (2025 by month × market × sex) | summary | rows | summary p50 / p95 | lines p50 / p95 | lines ÷ summary (p50) |',
      '|---|---|---:|---:|---:|---:|',
      ...r.reads.map(
        (t) =>
          `| ${t.name} | ${t.summaryTable} | ${t.rows} | ${t.summary.p50.toFixed(1)} / ${t.summary.p95.toFixed(1)} | ${t.naive.p50.toFixed(1)} / ${t.naive.p95.toFixed(1)} | ${(t.naive.p50 / t.summary.p50).toFixed(0)}× |`,
      ),
      '',
      `- Posting one at a time (${r.posting.postings} each): ${postingLine(r.posting)}.`,
      `- Posting ${POSTERS} at once into province ${PROVINCE} (${r.concurrent.postings} each): ${postingLine(r.concurrent)}.`,
      `- Written in ${r.fillSeconds.toFixed(0)} s; the summaries rebuilt from the lines in ${r.rebuildSeconds.toFixed(1)} s (${fmt(r.summaryRows.regencies)} regency rows, ${fmt(r.summaryRows.provinces)} province rows).`,
      `- The summary and the lines ${r.agree ? 'gave the same rows and totals' : 'DISAGREED'} for every read.`,
      '',
    );
  }
  return lines.join('\n');
}

async function standalone() {
  if (!postgresUrl) {
    console.error('Run under scripts/with-postgres.mjs (it starts a throw-away PostgreSQL).');
    process.exit(2);
  }
  const scale = impactScaleFromEnv();
  const only = process.env.OVOP_IMPACT_BENCH_ENGINES;
  const engines: { engine: string; db: Database; scale: number }[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  try {
    if (!only || only === 'pglite') {
      const pglite = await PgliteDatabase.open(undefined);
      await migrate(pglite);
      cleanups.push(() => pglite.close());
      engines.push({ engine: 'PGlite', db: pglite, scale: scale.pglite });
    }
    if (!only || only === 'postgres') {
      for (const postgresScale of scale.postgresScales) {
        const created = await createPostgresDatabase();
        cleanups.push(created.drop);
        const postgres = await PostgresDatabase.open(created.url);
        cleanups.push(() => postgres.close());
        await migrate(postgres);
        engines.push({ engine: 'PostgreSQL', db: postgres, scale: postgresScale });
      }
    }
    // Each engine's figures are written as soon as they are in.
    const results: ImpactEngineResult[] = [];
    for (const engine of engines) {
      results.push(...(await runImpactBench([engine])));
      writeSection(renderImpactSection(results), process.env.OVOP_IMPACT_BENCH_REPORT ?? REPORT_FILE);
    }
    console.log(renderImpactSection(results));
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((e: unknown) => console.error(e));
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await standalone();

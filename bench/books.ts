/**
 * Bookkeeping reports at the size of a busy producer group: 100,000 journal lines over three
 * years for one group, beside 200,000 lines of other groups in the same tables. Measures, one
 * request at a time through the HTTP app (sign-in and scope checks included): the income statement
 * of one year, the statement of financial position at the end (every line of the group), and the
 * three statements as a PDF and as an XLSX.
 *
 * Alone: `node scripts/with-postgres.mjs npx tsx bench/books.ts` — an in-memory PGlite and a fresh
 * PostgreSQL database; writes its section of docs/benchmarks.md.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/server/app.js';
import type { Database } from '../src/server/db/database.js';
import { migrate } from '../src/server/db/migrate.js';
import { PgliteDatabase } from '../src/server/db/pglite.js';
import { PostgresDatabase } from '../src/server/db/postgres.js';
import { importAreas, readIndonesiaAreas } from '../src/server/modules/geography/index.js';
import { createPostgresDatabase, postgresUrl } from '../test/database.js';
import { buildGroup, buildProgram, buildUser, buildVillage, STRONG_PASSWORD } from '../test/factories.js';
import { benchConfig } from './http.js';
import { writeSection } from './sections.js';

export const BOOKS_SECTION_TITLE = '## Bookkeeping reports (100,000 journal lines)';

const LINES = 100_000;
const OTHER_GROUPS = 4;
const RUNS = 30;
const WARMUP = 3;
const step = (what: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${what}`);

/**
 * Everyday patterns, two lines each: sale, expense, purchase, credit sale, payment received, and the
 * lines a SAK EMKM statement adds — goods made and sold at cost, interest (beban keuangan),
 * depreciation against its contra-asset, and tax (beban pajak).
 */
const PATTERNS: [debit: string, credit: string][] = [
  ['cash', 'sales'],
  ['other_expenses', 'cash'],
  ['materials', 'bank'],
  ['receivables', 'sales'],
  ['cash', 'receivables'],
  ['finished_goods', 'materials'],
  ['cost_of_goods', 'finished_goods'],
  ['interest', 'cash'],
  ['depreciation', 'accumulated_depreciation'],
  ['income_tax', 'cash'],
];

/**
 * Opens a group's books through the API (adding an account is the first write that opens them),
 * then writes `lines` lines of entries straight into the journal.
 */
async function fillBooks(db: Database, request: Requester, groupId: string, lines: number): Promise<void> {
  await request(`/api/v1/groups/${groupId}/accounts`, {
    code: '6-190',
    name: { id: 'Beban administrasi bank', en: 'Bank charges' },
    line: 'expenses',
  });
  const books = await request(`/api/v1/groups/${groupId}/books`);
  const byRole = new Map((books.accounts as { id: string; role: string }[]).map((a) => [a.role, a.id]));
  const missing = PATTERNS.flat().filter((role) => !byRole.has(role));
  if (missing.length) throw new Error(`The chart has no account for ${missing.join(', ')}`);
  const debit = PATTERNS.map(([d]) => byRole.get(d)!);
  const credit = PATTERNS.map(([, c]) => byRole.get(c)!);
  const entries = lines / 2;
  const [user] = await db.query<{ id: string }>('SELECT id FROM users LIMIT 1');
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO journal_entries (id, group_id, entry_no, entry_date, kind, memo, posted_by)
       SELECT gen_random_uuid(), $1, i, date '2024-01-01' + (i % 1096), 'journal', 'bench ' || i, $2
       FROM generate_series(1, $3::int) i`,
      [groupId, user!.id, entries],
    );
    await tx.query(
      `INSERT INTO journal_lines (entry_id, line_no, account_id, debit, credit, group_id, entry_date)
       SELECT e.id, s.n, CASE WHEN s.n = 1 THEN ($2::uuid[])[e.entry_no % ${PATTERNS.length} + 1] ELSE ($3::uuid[])[e.entry_no % ${PATTERNS.length} + 1] END,
         CASE WHEN s.n = 1 THEN (e.entry_no * 7919 % 1000000 + 1000) * 100 ELSE 0 END,
         CASE WHEN s.n = 2 THEN (e.entry_no * 7919 % 1000000 + 1000) * 100 ELSE 0 END,
         e.group_id, e.entry_date
       FROM journal_entries e CROSS JOIN (VALUES (1), (2)) AS s(n) WHERE e.group_id = $1`,
      [groupId, debit, credit],
    );
    await tx.query('UPDATE ledger_books SET next_entry_no = $2 WHERE group_id = $1', [groupId, entries + 1]);
  });
}

/** GETs `url`, or POSTs `body` to it; refuses any answer that is not a success. */
type Requester = (url: string, body?: object) => Promise<Record<string, unknown> & { accounts?: unknown }>;

interface Timing {
  name: string;
  p50: number;
  p95: number;
  bytes: number;
}

export interface BooksEngineResult {
  engine: string;
  fillSeconds: number;
  timings: Timing[];
  balanced: boolean;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

export async function runBooksBench(engines: { engine: string; db: Database }[]): Promise<BooksEngineResult[]> {
  const results: BooksEngineResult[] = [];
  for (const { engine, db } of engines) {
    const [areas] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM areas WHERE code = '51.07.06.2004'");
    if (!areas?.n) await importAreas(db, 'ID', readIndonesiaAreas(['51']));
    const app = await buildApp({ config: benchConfig, db, logger: false });
    await app.ready();
    const program = await buildProgram(db);
    const admin = await buildUser(db, { isAdmin: true });
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { origin: 'http://localhost:3000', host: 'localhost:3000' },
      payload: { email: admin.email, password: STRONG_PASSWORD },
    });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
    const get = (url: string) => app.inject({ url, headers: { cookie, host: 'localhost:3000' } });
    const request: Requester = async (url, body) => {
      const answer = body
        ? await app.inject({
            method: 'POST',
            url,
            payload: body,
            headers: { cookie, host: 'localhost:3000', origin: 'http://localhost:3000' },
          })
        : await get(url);
      if (answer.statusCode >= 300) throw new Error(`${url}: ${answer.statusCode} ${answer.body}`);
      return answer.json();
    };

    step(
      `${engine}: writing ${LINES.toLocaleString('en-US')} journal lines for one group and ${((OTHER_GROUPS * LINES) / 2).toLocaleString('en-US')} for others`,
    );
    const started = performance.now();
    const village = await buildVillage(db, { programId: program.id });
    const group = await buildGroup(db, { village, name: 'Kelompok Tani Salak Sibetan' });
    await fillBooks(db, request, group.id, LINES);
    for (let i = 0; i < OTHER_GROUPS; i++) {
      const other = await buildGroup(db, { village, name: `Kelompok ${i + 2}` });
      await fillBooks(db, request, other.id, LINES / 2);
    }
    // What autovacuum does on a server that has been up a while: statistics and the visibility map.
    await db.query('VACUUM ANALYZE journal_lines');
    await db.query('VACUUM ANALYZE journal_entries');
    const fillSeconds = (performance.now() - started) / 1000;

    const base = `/api/v1/groups/${group.id}`;
    const scenarios = [
      ['income statement, one year (2026)', `${base}/reports/income-statement?from=2026-01-01&to=2026-12-31`],
      ['financial position at 2026-12-31 (all lines)', `${base}/reports/financial-position?at=2026-12-31`],
      ['notes', `${base}/reports/notes?from=2026-01-01&to=2026-12-31`],
      ['statements as PDF', `${base}/reports/statements?format=pdf&from=2026-01-01&to=2026-12-31`],
      ['statements as XLSX', `${base}/reports/statements?format=xlsx&from=2026-01-01&to=2026-12-31`],
      ['journal, first page of 50', `${base}/journal`],
    ] as const;
    const timings: Timing[] = [];
    for (const [name, url] of scenarios) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < WARMUP + RUNS; i++) {
        const t0 = performance.now();
        const r = await get(url);
        const ms = performance.now() - t0;
        if (r.statusCode !== 200) throw new Error(`${name}: ${r.statusCode} ${r.body.slice(0, 300)}`);
        bytes = r.rawPayload.length;
        if (i >= WARMUP) times.push(ms);
      }
      times.sort((a, b) => a - b);
      timings.push({ name, p50: percentile(times, 0.5), p95: percentile(times, 0.95), bytes });
      step(`${engine}: ${name}: p50 ${percentile(times, 0.5).toFixed(1)} ms`);
    }
    const position = await request(`${base}/reports/financial-position?at=2026-12-31`);
    results.push({ engine, fillSeconds, timings, balanced: position.balanced === true });
    await app.close();
  }
  return results;
}

export function renderBooksSection(results: BooksEngineResult[]): string {
  const engines = results.map((r) => r.engine);
  const rows = results[0]!.timings.map((t, i) => {
    const cells = results.map((r) => {
      const floor = r.timings.find((f) => f.name.startsWith('journal'))!.p50;
      const { p50, p95 } = r.timings[i]!;
      return `${p50.toFixed(1)} / ${p95.toFixed(1)} (${(p50 / floor).toFixed(1)}×)`;
    });
    return `| ${t.name} | ${cells.join(' | ')} | ${(t.bytes / 1024).toFixed(1)} KB |`;
  });
  return [
    BOOKS_SECTION_TITLE,
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`bench/books.ts\`. One producer group with`,
    `${LINES.toLocaleString('en-US')} journal lines (${(LINES / 2).toLocaleString('en-US')} entries, 2024–2026) and ${OTHER_GROUPS} other groups with`,
    `${(LINES / 2).toLocaleString('en-US')} lines each in the same tables. Each report was asked ${RUNS} times, one at a time, through the HTTP app`,
    `(session, scope check, computation, serialisation) after ${WARMUP} warm-up requests. Milliseconds, p50 / p95, and in`,
    "brackets the p50 as a multiple of the same run's journal first page: the machine is shared and loaded, so that",
    'page (one index range, 50 rows) is the floor to compare runs by. Statements read whole months from',
    '`ledger_month_balances` (kept by a trigger on `journal_lines`) and only the days of their partial edge months',
    'from the lines; the bench writes its lines with one bulk INSERT per group, which the trigger follows in one pass.',
    '',
    `| report | ${engines.join(' | ')} | response size |`,
    `|---|${engines.map(() => '---:').join('|')}|---:|`,
    ...rows,
    '',
    ...results.map(
      (r) =>
        `- ${r.engine}: the journal was written in ${r.fillSeconds.toFixed(1)} s (bulk SQL, with the balance check at commit); the statement of financial position ${r.balanced ? 'balanced' : 'DID NOT balance'}.`,
    ),
    '',
  ].join('\n');
}

async function standalone() {
  if (!postgresUrl) {
    console.error('Run under scripts/with-postgres.mjs (it starts a throw-away PostgreSQL).');
    process.exit(2);
  }
  const pglite = await PgliteDatabase.open(undefined);
  await migrate(pglite);
  const created = await createPostgresDatabase();
  const postgres = await PostgresDatabase.open(created.url);
  await migrate(postgres);
  try {
    const results = await runBooksBench([
      { engine: 'PGlite', db: pglite },
      { engine: 'PostgreSQL', db: postgres },
    ]);
    const section = renderBooksSection(results);
    writeSection(section);
    console.log(section);
  } finally {
    await pglite.close();
    await postgres.close();
    await created.drop();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await standalone();

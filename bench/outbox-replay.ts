/**
 * The outbox replay: 10,000 creates queued by the field app (members, products, attendance marks,
 * one-tap cash-book transactions, each with its client id) sent to a real `ovop serve` process on
 * PostgreSQL, then all sent again — a device that lost the answers and resends. Each replay is
 * timed; afterwards the rows are counted through the API: every queued record exactly once.
 *
 * The records are sent as the app sends them: each phone's outbox (the group manager's, the
 * trainer's) in batches planned by the app's own `planBatch` (`POST /api/v1/batch`, one batch at a
 * time per phone, the two phones at once), attendance taps of one day merged into one PUT.
 *
 * `node scripts/with-postgres.mjs npx tsx bench/outbox-replay.ts` (also a step of `npm run bench`).
 * OVOP_REPLAY_RECORDS sets the queue's size (default 10,000), OVOP_REPLAY_BATCH the most requests
 * in one batch (default the app's, 100); OVOP_REPLAY_NODE_OPTIONS the server's NODE_OPTIONS.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.js';
import { importAreas, readIndonesiaAreas } from '../src/server/modules/geography/index.js';
import { addDays, dateIn } from '../src/shared/dates.js';
import { BATCH_MAX_REQUESTS, type BatchAnswer } from '../src/shared/schemas/batch.js';
import { planBatch, type Sendable } from '../src/shared/batch-plan.js';
import { ORIGIN, testConfig, type Session, type TestApp } from '../test/app.js';
import { createPostgresDatabase, FIXTURE_PROVINCES, postgresUrl } from '../test/database.js';
import { exitOf, startServer, type ServerProcess } from '../test/server-process.js';
import { openInstallation, type Installation } from '../test/server-world.js';
import { trainingWorld } from '../test/training-fixtures.js';
import { writeSection } from './sections.js';

export const REPLAY_SECTION_TITLE = '## Outbox replay: 10,000 queued records, sent twice';

type Kind = 'member' | 'product' | 'attendance' | 'transaction';

/** The queue's mix, in parts of ten: what a facilitator's and a treasurer's day of field work adds. */
const MIX: Record<Kind, number> = { member: 3, product: 1, attendance: 4, transaction: 2 };

/** Members enrolled in the session and its days: attendance marks are (member, day) pairs. */
const PARTICIPANTS = 200;
const DAYS = 30;

interface Queued {
  kind: Kind;
  id: string;
  method: 'POST' | 'PUT';
  path: string;
  as: Session;
  body: object;
}

interface ReplayWorld {
  groupId: string;
  sessionId: string;
  participants: string[];
  days: string[];
  /** The group's manager: members, products and the books. */
  manager: Session;
  /** The session's trainer: attendance. */
  trainer: Session;
}

export interface ReplayOptions {
  records: number;
  /** The most requests in one batch. */
  batch: number;
}

export interface ReplayRun {
  seconds: number;
  /** CPU seconds the server process used (user + system, from /proc), and the load average at the end. */
  serverCpuSeconds: number;
  loadAverage: number;
  /** Batches sent, and the requests in them (taps of one day merged into one). */
  batches: number;
  requests: number;
  statuses: Record<string, number>;
  errors: string[];
}

export interface ReplayResult {
  options: ReplayOptions;
  queued: Record<Kind, number>;
  runs: [ReplayRun, ReplayRun];
  /** Rows found through the API per kind: each queued id found once, none twice, none missing. */
  found: Record<Kind, { once: number; duplicates: number; lost: number }>;
  date: string;
  node: string;
  cpus: string;
}

/** A group with its manager, a trainer and a 30-day session with its participants, built in this process. */
async function buildReplayWorld(where: Installation, today: string): Promise<ReplayWorld> {
  const db = await openInstallation(where);
  let app: FastifyInstance | undefined;
  try {
    await importAreas(db, 'ID', readIndonesiaAreas(FIXTURE_PROVINCES));
    app = await buildApp({ config: { ...testConfig, dataDir: where.dataDir }, db, logger: false });
    await app.ready();
    const inject = app.inject.bind(app);
    const t: TestApp = {
      app,
      database: { db, reset: () => Promise.resolve(), close: () => Promise.resolve() },
      request: ({ as, headers, ...options }) =>
        inject({ ...options, headers: { host: 'localhost:3000', origin: ORIGIN, ...as?.headers, ...headers } }),
    };
    const w = await trainingWorld(t);
    const groupId = w.groups.bali.id as string;
    const days = Array.from({ length: DAYS }, (_, i) => addDays(today, i - DAYS + 1));
    const session = await w.session({ startsOn: days[0], endsOn: days.at(-1), capacity: PARTICIPANTS });
    const participants: string[] = [];
    for (let i = 0; i < PARTICIPANTS; i++) {
      const member = await w.member(groupId, i % 2 ? 'male' : 'female');
      const r = await w.enrol(session.id as string, member.id);
      if (r.statusCode !== 201) throw new Error(`enrol: ${r.statusCode} ${r.body}`);
      participants.push(member.id);
    }
    const manager = await w.as('group_manager', { groupId });
    return { groupId, sessionId: session.id as string, participants, days, manager, trainer: w.trainer };
  } finally {
    await app?.close();
    await db.close();
  }
}

/** The outbox: `records` creates in the mix's proportions, interleaved as a day's work would be. */
function queue(world: ReplayWorld, records: number, today: string): Queued[] {
  const kinds = (Object.entries(MIX) as [Kind, number][]).flatMap(([kind, parts]) => Array<Kind>(parts).fill(kind));
  // A trainer marks a day's sheet, participant after participant, then the next day's.
  const marks = world.days.flatMap((day) => world.participants.map((memberId) => ({ memberId, day })));
  const out: Queued[] = [];
  let attendance = 0;
  for (let i = 0; i < records; i++) {
    const kind = kinds[i % kinds.length]!;
    const id = randomUUID();
    if (kind === 'member') {
      out.push({
        kind,
        id,
        method: 'POST',
        path: `/api/v1/groups/${world.groupId}/members`,
        as: world.manager,
        body: { id, name: `Anggota ${i}`, sex: i % 3 ? 'female' : 'male', birthYear: 1960 + (i % 45), joinedOn: today },
      });
    } else if (kind === 'product') {
      out.push({
        kind,
        id,
        method: 'POST',
        path: '/api/v1/products',
        as: world.manager,
        body: {
          id,
          groupId: world.groupId,
          name: { id: `Keripik salak ${i}` },
          description: { id: 'Keripik dari salak Sibetan.' },
          category: 'food',
          unit: '100 g',
          price: { amount: `${10_000 + (i % 20) * 500}`, currency: 'IDR' },
          status: 'draft',
        },
      });
    } else if (kind === 'attendance') {
      // A tap: one participant on one day, with the time the phone recorded it.
      const mark = marks[attendance++ % marks.length]!;
      out.push({
        kind,
        id: `${mark.memberId}/${mark.day}`,
        method: 'PUT',
        path: `/api/v1/sessions/${world.sessionId}/attendance/${mark.day}`,
        as: world.trainer,
        body: { items: [{ memberId: mark.memberId, present: i % 7 !== 0, markedAt: `${mark.day}T01:00:00Z` }] },
      });
    } else {
      const sale = i % 3 !== 0;
      out.push({
        kind,
        id,
        method: 'POST',
        path: `/api/v1/groups/${world.groupId}/transactions`,
        as: world.manager,
        body: sale
          ? { id, kind: 'cash_sale', date: today, amount: { amount: '12900.00', currency: 'IDR' }, memo: `Jual ${i}` }
          : {
              id,
              kind: 'expense',
              category: 'utilities',
              date: today,
              amount: { amount: '5000.00', currency: 'IDR' },
              memo: `Listrik ${i}`,
            },
      });
    }
  }
  return out;
}

/** The CPU seconds (user + system) a process has used so far, from /proc/{pid}/stat. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** One phone's outbox sent as the app sends it: batch after batch, planned by the app's `planBatch`. */
async function sendOutbox(server: ServerProcess, records: Queued[], max: number, run: ReplayRun): Promise<void> {
  const as = records[0]!.as;
  const byId = new Map(records.map((r) => [r.id, r]));
  let waiting: Sendable[] = records.map((r) => ({
    clientId: r.id,
    kind: r.kind,
    method: r.method,
    url: r.path,
    body: r.body,
  }));
  const inFlight = Number(process.env.OVOP_REPLAY_IN_FLIGHT ?? 1);
  const worker = async () => {
    while (waiting.length) {
      const plan = planBatch(waiting, max);
      const sent = new Set(plan.flatMap((p) => p.records.map((r) => r.clientId)));
      waiting = waiting.filter((r) => !sent.has(r.clientId));
      run.batches++;
      run.requests += plan.length;
      try {
        const response = await fetch(`${server.url}/api/v1/batch`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: server.url, ...as.headers },
          body: JSON.stringify({ requests: plan.map((p) => p.request) }),
        });
        if (!response.ok) throw new Error(`batch ${response.status} ${(await response.text()).slice(0, 200)}`);
        const { results } = (await response.json()) as BatchAnswer;
        for (const [i, result] of results.entries()) {
          // Each record of a request (taps merged into a day) takes its answer.
          for (const record of plan[i]!.records) {
            run.statuses[result.status] = (run.statuses[result.status] ?? 0) + 1;
            if (result.status >= 400 && run.errors.length < 5)
              run.errors.push(
                `${byId.get(record.clientId)!.kind} ${result.status} ${JSON.stringify(result.body).slice(0, 200)}`,
              );
          }
        }
      } catch (error) {
        run.statuses.failed = (run.statuses.failed ?? 0) + sent.size;
        if (run.errors.length < 5) run.errors.push(String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
}

/** Sends every phone's outbox, the phones at once, each batch after batch. */
async function replay(server: ServerProcess, records: Queued[], max: number): Promise<ReplayRun> {
  const cpuBefore = cpuSeconds(server.child.pid!);
  const run: ReplayRun = {
    seconds: 0,
    serverCpuSeconds: 0,
    loadAverage: 0,
    batches: 0,
    requests: 0,
    statuses: {},
    errors: [],
  };
  const phones = new Map<Session, Queued[]>();
  for (const r of records) {
    const outbox = phones.get(r.as) ?? [];
    outbox.push(r);
    phones.set(r.as, outbox);
  }
  const started = performance.now();
  await Promise.all([...phones.values()].map((outbox) => sendOutbox(server, outbox, max, run)));
  return {
    ...run,
    seconds: (performance.now() - started) / 1000,
    serverCpuSeconds: cpuSeconds(server.child.pid!) - cpuBefore,
    loadAverage: loadavg()[0]!,
  };
}

async function getJson<T>(server: ServerProcess, path: string, as: Session): Promise<T> {
  const response = await fetch(`${server.url}${path}`, { headers: as.headers });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Every item of a paged list, following its cursor. */
async function allItems(server: ServerProcess, path: string, as: Session): Promise<{ id: string }[]> {
  const items: { id: string }[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: { items: { id: string }[]; nextCursor: string | null } = await getJson(
      server,
      `${path}${sep}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      as,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** How often each queued id of a kind appears among the ids the API lists. */
function tally(queuedIds: string[], listed: string[]) {
  const seen = new Map<string, number>();
  for (const id of listed) seen.set(id, (seen.get(id) ?? 0) + 1);
  let once = 0;
  let duplicates = 0;
  let lost = 0;
  for (const id of new Set(queuedIds)) {
    const n = seen.get(id) ?? 0;
    if (n === 0) lost++;
    else if (n === 1) once++;
    else duplicates += n - 1;
  }
  return { once, duplicates, lost };
}

async function countThroughApi(server: ServerProcess, world: ReplayWorld, records: Queued[]) {
  const ids = (kind: Kind) => records.filter((r) => r.kind === kind).map((r) => r.id);
  const members = await allItems(server, `/api/v1/groups/${world.groupId}/members`, world.manager);
  const products = await allItems(server, `/api/v1/products?groupId=${world.groupId}`, world.manager);
  const journal = await allItems(server, `/api/v1/groups/${world.groupId}/journal`, world.manager);
  const marks: string[] = [];
  for (const day of world.days) {
    const sheet = await getJson<{ items: { memberId: string; present: boolean | null }[] }>(
      server,
      `/api/v1/sessions/${world.sessionId}/attendance/${day}`,
      world.trainer,
    );
    for (const item of sheet.items) if (item.present !== null) marks.push(`${item.memberId}/${day}`);
  }
  return {
    member: tally(
      ids('member'),
      members.map((m) => m.id),
    ),
    product: tally(
      ids('product'),
      products.map((p) => p.id),
    ),
    attendance: tally(ids('attendance'), marks),
    transaction: tally(
      ids('transaction'),
      journal.map((e) => e.id),
    ),
  };
}

const int = (x: number) => Math.round(x).toLocaleString('en-US');
const ms = (seconds: number) => `${(seconds * 1000).toFixed(1)} ms`;
const statusLine = (s: Record<string, number>) =>
  Object.entries(s)
    .map(([status, n]) => `${status}: ${int(n)}`)
    .join(', ');

/** Whether the goal was met and, when not, what bounds it: the server's CPU per record, or waiting. */
function verdict(r: ReplayResult): string {
  const slowest = Math.max(...r.runs.map((run) => run.seconds));
  if (slowest <= 10) return 'Met.';
  const cpu = Math.max(...r.runs.map((run) => run.serverCpuSeconds));
  return (
    `Not met (${slowest.toFixed(1)} s). The server process used up to ${cpu.toFixed(1)} s of CPU for a replay ` +
    `(${ms(cpu / r.options.records)} a record); the rest is PostgreSQL and the machine's other load ` +
    `(the load average above).`
  );
}

export function renderReplaySection(r: ReplayResult): string {
  const [first, second] = r.runs;
  const rate = (run: ReplayRun) => int(r.options.records / run.seconds);
  const found = (Object.entries(r.found) as [Kind, ReplayResult['found'][Kind]][])
    .map(([kind, f]) => `| ${kind} | ${int(r.queued[kind])} | ${int(f.once)} | ${int(f.duplicates)} | ${int(f.lost)} |`)
    .join('\n');
  return `${REPLAY_SECTION_TITLE}

Measured ${r.date} by \`bench/outbox-replay.ts\` (Node ${r.node}, ${r.cpus}; the machine shared with
other work): the real server (\`ovop serve\` from the sources, its own process, logs at \`warn\`) on a
fresh PostgreSQL database holding Bali and NTB, a producer group with its manager, a trainer and a
${DAYS}-day session with ${PARTICIPANTS} participants. The outbox holds ${int(r.options.records)} creates, each with its
client id: ${(Object.entries(r.queued) as [Kind, number][]).map(([k, n]) => `${int(n)} ${k}s`).join(', ')}
(members and draft products of the group, attendance taps of one participant on one day with the
phone's time, one-tap cash sales and expenses), on two phones: the group manager's and the trainer's.
Each phone sends its outbox as the app does: in order, batch after batch (\`POST /api/v1/batch\`,
at most ${r.options.batch} requests each, planned by the app's own \`planBatch\`; a day's attendance taps
merged into one PUT of that day's sheet), the two phones at once. Then the whole outbox is sent
again, as a device does that lost the answers.

| Replay | Time | Records/s | Batches | Requests | Server CPU per record | Load average (1 min) | Answers per record |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |
${r.runs.map((run, i) => `| ${i ? 'second (resend)' : 'first (creates)'} | ${run.seconds.toFixed(1)} s | ${rate(run)} | ${int(run.batches)} | ${int(run.requests)} | ${ms(run.serverCpuSeconds / r.options.records)} | ${run.loadAverage.toFixed(1)} | ${statusLine(run.statuses)} |`).join('\n')}

Goal: each replay within 10 s. ${verdict(r)}

Counted through the API afterwards (members and products lists, the journal, each day's attendance
sheet), each queued id:

| Kind | Queued | Found once | Duplicates | Lost |
| --- | ---: | ---: | ---: | ---: |
${found}
${[...first.errors, ...second.errors].length ? `\nFirst errors: ${[...first.errors, ...second.errors].map((e) => `\`${e}\``).join('; ')}.\n` : ''}`;
}

export function replayOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ReplayOptions {
  return {
    records: Number(env.OVOP_REPLAY_RECORDS ?? 10_000),
    batch: Number(env.OVOP_REPLAY_BATCH ?? BATCH_MAX_REQUESTS),
  };
}

/** Sets up a database and a server, replays the outbox twice, and writes its section of docs/benchmarks.md. */
export async function outboxReplay(options: ReplayOptions): Promise<ReplayResult> {
  if (!postgresUrl) throw new Error('the replay runs on PostgreSQL: start it with scripts/with-postgres.mjs');
  const dataDir = mkdtempSync(join(tmpdir(), 'ovop-replay-'));
  const database = await createPostgresDatabase();
  let server: ServerProcess | undefined;
  try {
    const today = dateIn(new Date());
    const world = await buildReplayWorld({ dataDir, databaseUrl: database.url }, today);
    server = await startServer({
      OVOP_DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      OVOP_SECRET: testConfig.secret,
      OVOP_IMPORT_AREAS_ON_START: 'false',
      // Node options for the server, e.g. `--import` of a profiler, to see where a replay's time goes.
      ...(process.env.OVOP_REPLAY_NODE_OPTIONS ? { NODE_OPTIONS: process.env.OVOP_REPLAY_NODE_OPTIONS } : {}),
    });
    const records = queue(world, options.records, today);
    const first = await replay(server, records, options.batch);
    const second = await replay(server, records, options.batch);
    const queued = Object.fromEntries(
      (Object.keys(MIX) as Kind[]).map((k) => [k, records.filter((r) => r.kind === k).length]),
    ) as Record<Kind, number>;
    const result: ReplayResult = {
      options,
      queued,
      runs: [first, second],
      found: await countThroughApi(server, world, records),
      date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      node: process.version,
      cpus: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`,
    };
    writeSection(renderReplaySection(result));
    return result;
  } finally {
    if (server) {
      server.child.kill('SIGTERM');
      await exitOf(server.child);
    }
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await outboxReplay(replayOptionsFromEnv());
  console.log(renderReplaySection(result));
  const bad = Object.values(result.found).some((f) => f.duplicates > 0 || f.lost > 0);
  if (bad) process.exitCode = 1;
}

/**
 * The soak: a few minutes of mixed load against a real `ovop serve` process on PostgreSQL, with the
 * server's resident memory (RSS, from /proc) sampled every 10 s. Not part of CI.
 *
 * `node scripts/with-postgres.mjs npx tsx bench/soak.ts` (also the last step of `npm run bench`).
 * OVOP_SOAK_SECONDS sets the duration (default 180), OVOP_SOAK_CONNECTIONS the concurrent clients
 * (default 16). Writes its section of docs/benchmarks.md.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dateIn } from '../src/shared/dates.js';
import { testConfig, type Session } from '../test/app.js';
import { createPostgresDatabase, postgresUrl } from '../test/database.js';
import { exitOf, startServer, type ServerProcess } from '../test/server-process.js';
import { buildTradeWorld, type TradeWorld } from '../test/server-world.js';
import { writeSection } from './sections.js';
import { median } from './stats.js';

export const SOAK_SECTION_TITLE = '## Soak: memory under mixed load';

export interface SoakOptions {
  seconds: number;
  connections: number;
  sampleSeconds: number;
  warmupSeconds: number;
}

export interface SoakResult {
  options: SoakOptions;
  /** Seconds since the load began, and the server's RSS in MiB then. */
  samples: { at: number; rssMiB: number }[];
  requests: Record<Kind, number>;
  errors: number;
  errorExamples: string[];
  verdict: Verdict;
  /** What the server logged at level error or above (for the console, not the report). */
  serverErrors: string[];
  date: string;
  node: string;
  postgres: string;
}

type Kind = 'catalog' | 'area' | 'journal' | 'report' | 'posting' | 'inquiry';

/** What a client does next: mostly reads, one in five a write. */
const MIX: { kind: Kind; weight: number }[] = [
  { kind: 'catalog', weight: 30 },
  { kind: 'area', weight: 25 },
  { kind: 'journal', weight: 15 },
  { kind: 'report', weight: 10 },
  { kind: 'posting', weight: 15 },
  { kind: 'inquiry', weight: 5 },
];

const AREAS = ['51', '51.07', '51.07.06', '51.07.06.2004', '52.01', '52.01.02.2006'];

export interface Verdict {
  flat: boolean;
  firstMedian: number;
  lastMedian: number;
  growth: number;
}

/**
 * The rule: leave out the samples of the warm-up, split the rest in thirds; memory is flat when the
 * median of the last third is at most 10 % above the median of the first.
 */
export function verdictOf(samples: SoakResult['samples'], warmupSeconds: number): Verdict {
  const after = samples.filter((s) => s.at >= warmupSeconds).map((s) => s.rssMiB);
  const third = Math.max(1, Math.floor(after.length / 3));
  const firstMedian = median(after.slice(0, third));
  const lastMedian = median(after.slice(-third));
  const growth = lastMedian / firstMedian - 1;
  return { flat: growth <= 0.1, firstMedian, lastMedian, growth };
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  return kib / 1024;
}

function request(
  kind: Kind,
  world: TradeWorld,
  today: string,
  n: number,
): { path: string; as?: Session; body?: object } {
  switch (kind) {
    case 'catalog':
      return { path: n % 2 ? '/api/v1/catalog/products?q=salak' : '/api/v1/catalog/products' };
    case 'area':
      return { path: `/api/v1/areas/${AREAS[n % AREAS.length]}` };
    case 'journal':
      return { path: `/api/v1/groups/${world.groupId}/journal?limit=50`, as: world.manager };
    case 'report':
      return { path: `/api/v1/groups/${world.groupId}/reports/financial-position?at=${today}`, as: world.manager };
    case 'posting':
      return {
        path: `/api/v1/groups/${world.groupId}/transactions`,
        as: world.manager,
        body: {
          id: randomUUID(),
          kind: n % 2 ? 'cash_sale' : 'expense',
          ...(n % 2 ? {} : { category: 'utilities' }),
          date: today,
          amount: { amount: `${1000 + (n % 50) * 100}.00`, currency: 'IDR' },
          memo: 'soak',
        },
      };
    case 'inquiry':
      return {
        path: '/api/v1/inquiries',
        as: world.buyer,
        body: { productId: world.productId, kind: 'inquiry', message: 'Is the next batch ready in March?' },
      };
  }
}

export async function runSoak(server: ServerProcess, world: TradeWorld, options: SoakOptions) {
  const pid = server.child.pid!;
  const today = dateIn(new Date());
  const requests = Object.fromEntries(MIX.map((m) => [m.kind, 0])) as Record<Kind, number>;
  const errorExamples: string[] = [];
  let errors = 0;
  const total = MIX.reduce((sum, m) => sum + m.weight, 0);
  let n = 0;
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const samples = [{ at: 0, rssMiB: rssMiB(pid) }];
  const sampler = setInterval(
    () => samples.push({ at: Math.round(elapsed()), rssMiB: rssMiB(pid) }),
    options.sampleSeconds * 1000,
  );

  const client = async () => {
    while (elapsed() < options.seconds) {
      const i = n++;
      let pick = (i * 7919) % total;
      const kind = MIX.find((m) => (pick -= m.weight) < 0)!.kind;
      const r = request(kind, world, today, i);
      try {
        const response = await fetch(`${server.url}${r.path}`, {
          method: r.body ? 'POST' : 'GET',
          headers: {
            ...(r.body ? { 'content-type': 'application/json', origin: server.url } : {}),
            ...r.as?.headers,
          },
          body: r.body ? JSON.stringify(r.body) : undefined,
        });
        const text = await response.text();
        requests[kind]++;
        if (!response.ok) {
          errors++;
          if (errorExamples.length < 5) errorExamples.push(`${kind} ${response.status} ${text.slice(0, 200)}`);
        }
      } catch (error) {
        errors++;
        if (errorExamples.length < 5) errorExamples.push(`${kind} ${String(error)}`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.connections }, client));
  } finally {
    clearInterval(sampler);
  }
  samples.push({ at: Math.round(elapsed()), rssMiB: rssMiB(pid) });
  return { samples, requests, errors, errorExamples, verdict: verdictOf(samples, options.warmupSeconds) };
}

const int = (x: number) => Math.round(x).toLocaleString('en-US');

export function renderSoakSection(r: SoakResult): string {
  const o = r.options;
  const count = Object.values(r.requests).reduce((a, b) => a + b, 0);
  const v = r.verdict;
  return `${SOAK_SECTION_TITLE}

Measured ${r.date} by \`bench/soak.ts\` (Node ${r.node}, PostgreSQL ${r.postgres}): the real server
(\`ovop serve\` from the sources, its own process, logs at \`warn\`) on a fresh PostgreSQL database
holding Bali and NTB, a producer group with its manager, a buyer and a batch. ${o.connections}
clients in the benchmark's process send requests back to back for ${int(o.seconds)} s; each
request is the next of a fixed mix: ${MIX.map((m) => `${m.kind} ${m.weight} %`).join(', ')}
(catalog pages and searches and area look-ups without a session; the group's journal and statement
of financial position, simple postings (\`POST …/transactions\`) and buyer questions (\`POST /api/v1/inquiries\`)
signed in). The server's resident memory (\`VmRSS\` from \`/proc/{pid}/status\`) is read every
${o.sampleSeconds} s.

| Requests | Errors (non-2xx or failed) | Requests/s | RSS first → last |
| ---: | ---: | ---: | --- |
| ${int(count)} | ${int(r.errors)} | ${int(count / o.seconds)} | ${r.samples[0]!.rssMiB.toFixed(0)} → ${r.samples.at(-1)!.rssMiB.toFixed(0)} MiB |

By kind: ${Object.entries(r.requests)
    .map(([k, x]) => `${k} ${int(x)}`)
    .join(', ')}.${r.errorExamples.length ? ` First errors: ${r.errorExamples.map((e) => `\`${e}\``).join('; ')}.` : ''}

RSS (MiB) at each sample, seconds since the load began:

| s | ${r.samples.map((s) => s.at).join(' | ')} |
| --- | ${r.samples.map(() => '---:').join(' | ')} |
| MiB | ${r.samples.map((s) => s.rssMiB.toFixed(0)).join(' | ')} |

**Verdict: ${v.flat ? 'flat' : 'NOT flat'}.** The rule: leave out the first ${o.warmupSeconds} s (warm-up: JIT,
caches, the pool filling), split the remaining samples in thirds, and call memory flat when the
median of the last third is at most 10 % above the median of the first third. Here: first third
${v.firstMedian.toFixed(0)} MiB, last third ${v.lastMedian.toFixed(0)} MiB (${v.growth >= 0 ? '+' : ''}${(v.growth * 100).toFixed(1)} %).
A few minutes show a leak of the order of megabytes a minute, not a slow one over days.
`;
}

/** Sets up a database and a server, runs the soak, and writes its section of docs/benchmarks.md. */
export async function soak(options: SoakOptions): Promise<SoakResult> {
  if (!postgresUrl) throw new Error('the soak runs on PostgreSQL: start it with scripts/with-postgres.mjs');
  const dataDir = mkdtempSync(join(tmpdir(), 'ovop-soak-'));
  const database = await createPostgresDatabase();
  let server: ServerProcess | undefined;
  try {
    const where = { dataDir, databaseUrl: database.url };
    const world = await buildTradeWorld(where, { batches: ['1000'], orders: 0, orderQuantity: '1' });
    server = await startServer({
      OVOP_DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      OVOP_SECRET: testConfig.secret,
      OVOP_IMPORT_AREAS_ON_START: 'false',
    });
    const measured = await runSoak(server, world, options);
    const serverErrors = server
      .output()
      .split('\n')
      .filter((line) => /"level":(50|60)/.test(line))
      .slice(0, 5);
    const version = await fetchVersion(database.url);
    const result: SoakResult = {
      options,
      ...measured,
      serverErrors,
      date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      node: process.version,
      postgres: version,
    };
    writeSection(renderSoakSection(result));
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

async function fetchVersion(url: string): Promise<string> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]!.server_version;
  } finally {
    await client.end();
  }
}

export function soakOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): SoakOptions {
  const seconds = Number(env.OVOP_SOAK_SECONDS ?? 180);
  return {
    seconds,
    connections: Number(env.OVOP_SOAK_CONNECTIONS ?? 16),
    sampleSeconds: 10,
    // A sixth of the run, at least the first sample after start.
    warmupSeconds: Math.max(10, Math.round(seconds / 6)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await soak(soakOptionsFromEnv());
  console.log(renderSoakSection(result));
  if (result.serverErrors.length) console.error(`The server logged:\n${result.serverErrors.join('\n')}`);
  if (result.errors > 0 || !result.verdict.flat) process.exitCode = 1;
}

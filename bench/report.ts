import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { Endpoint } from './http.js';
import type { ImportFigure } from './import.js';
import type { LoadResult } from './load.js';

export interface Machine {
  date: string;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  postgres: string;
  pglite: string;
}

export function machine(postgresVersion: string): Machine {
  // The package's exports do not include its package.json.
  const pglite = JSON.parse(
    readFileSync(new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  return {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: postgresVersion,
    pglite: pglite.version,
  };
}

export interface Report {
  machine: Machine;
  parseSeconds: number;
  imports: { pglite: ImportFigure; postgres: ImportFigure; copy: ImportFigure };
  http: Map<string, Map<Endpoint, LoadResult>>;
  load: { connections: number; seconds: number; warmupSeconds: number };
  villages: number;
  regencies: number;
  totalSeconds: number;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const fixed = (n: number, digits = 1) => n.toFixed(digits);

const ENDPOINT_NAMES: Record<Endpoint, string> = {
  area: '`GET /api/v1/areas/{village}`',
  contains: '`GET /api/v1/areas/{regency}/contains/{village}`',
};

export function renderReport(r: Report): string {
  const m = r.machine;
  const { pglite, postgres, copy } = r.imports;
  const importRow = (name: string, f: ImportFigure) =>
    `| ${name} | ${int(f.rows)} | ${fixed(f.seconds, 2)} | ${int(f.rowsPerSecond)} | ${fixed(f.rowsPerSecond / copy.rowsPerSecond, 2)} |`;
  const httpRows = [...r.http].flatMap(([engine, results]) =>
    [...results].map(
      ([endpoint, x]) =>
        `| ${engine} | ${ENDPOINT_NAMES[endpoint]} | ${int(x.requestsPerSecond)} | ${fixed(x.p50, 2)} | ${fixed(x.p95, 2)} | ${fixed(x.p99, 2)} | ${int(x.requests)} |`,
    ),
  );
  return `# Benchmarks

Figures from \`npm run bench\` (bench/run.ts), measured ${m.date}. Real measurements of one run; the
file is overwritten by the next run.

| Machine | |
| --- | --- |
| CPUs (\`nproc\`) | ${m.cpus} × ${m.cpuModel} |
| Memory | ${m.memoryGiB} GiB |
| Node | ${m.node} |
| PostgreSQL | ${m.postgres} (throw-away cluster from scripts/with-postgres.mjs: default settings, fsync on, 127.0.0.1) |
| PGlite | ${m.pglite} (on disk in a temporary folder, as \`ovop serve\` keeps it in its data folder) |

**How to run:** \`npm run bench\`. It needs PostgreSQL 15+ binaries under /usr/lib/postgresql (or an
\`OVOP_TEST_DATABASE_URL\` to a server where it may create databases), takes about
${Math.ceil(r.totalSeconds / 60)} minutes (this run: ${int(r.totalSeconds)} s) and rewrites this file.
Everything runs on this one machine, over 127.0.0.1. On a small shared machine the figures move by tens of
percent from one run to the next: compare runs on the same machine, not single digits.

## Importing all of Indonesia

The ${int(pglite.rows)} areas of idn-area-data (38 provinces, 514 regencies, 7,285 districts, 83,762
villages), each into a freshly migrated, empty database (indexes in place).

| Import | Rows | Seconds | Rows/s | Ratio to COPY |
| --- | ---: | ---: | ---: | ---: |
${importRow('`importAreas` on PGlite (on disk)', pglite)}
${importRow('`importAreas` on PostgreSQL', postgres)}
${importRow('`COPY areas FROM STDIN` on PostgreSQL', copy)}

- **\`importAreas\`** is what \`ovop import-areas --country ID\` and the first start run: check the
  whole file, order it parents-first with materialised paths, then upsert in batches of 5,000 in one
  transaction and write the audit record. Reading and parsing the CSV files (${fixed(r.parseSeconds, 2)} s
  here) is not included.
- **COPY** is PostgreSQL's own bulk load of the same rows and columns (paths and depths computed
  beforehand, untimed), streamed with pg-copy-streams: the floor for getting these rows into this table.
- **Ratio to COPY** is the import's rows/s divided by COPY's rows/s (1.00 would be as fast as COPY).

## Reading areas over HTTP

The app (\`buildApp\`, logger off) listening on 127.0.0.1 over each database, holding all of
Indonesia (after \`ANALYZE areas\`). autocannon 8 in a separate process keeps ${r.load.connections}
connections busy for ${r.load.seconds} s for each line below (after a ${r.load.warmupSeconds} s warm-up that is not counted), each request for
a code drawn at random (seeded) from the ${int(r.villages)} villages and ${int(r.regencies)} regencies.
Every request answered 200.

| Database | Request | Requests/s | p50 ms | p95 ms | p99 ms | Requests |
| --- | --- | ---: | ---: | ---: | ---: | ---: |
${httpRows.join('\n')}

- **\`GET /api/v1/areas/{village}\`**: one area with its three ancestors and its number of children
  (three queries).
- **\`…/{regency}/contains/{village}\`**: the subtree check that scope rules use, one indexed lookup of
  both paths; most random pairs answer \`false\`.
- **Requests/s** is the number of answered requests divided by the measured duration; **p50/p95/p99**
  are latencies seen by the client, from every response (the load generator shares the machine's
  ${m.cpus} CPUs with the server and PostgreSQL).
`;
}

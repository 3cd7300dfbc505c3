import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

/** The throw-away cluster scripts/with-postgres.mjs made, when it made one. */
interface Cluster {
  bin: string;
  dir: string;
  port: number;
  user: string;
  asRoot: boolean;
}

const clusterJson = process.env.OVOP_TEST_PG_CLUSTER;
export const cluster: Cluster | undefined = clusterJson ? (JSON.parse(clusterJson) as Cluster) : undefined;

/** Why replica tests cannot run here, or undefined when they can. */
export const noReplicaReason = !process.env.OVOP_TEST_DATABASE_URL
  ? 'read replicas are PostgreSQL only; the suite runs on embedded PGlite (npm run test:pg runs it)'
  : !cluster
    ? 'a replica is made from the throw-away cluster of scripts/with-postgres.mjs; OVOP_TEST_DATABASE_URL is a server of your own'
    : undefined;

const run = promisify(execFile);

/** Runs one of the cluster's PostgreSQL tools, as the `postgres` user when the tests run as root. */
async function tool(c: Cluster, name: string, args: string[]): Promise<void> {
  const [file, argv] = c.asRoot
    ? ['runuser', ['-u', 'postgres', '--', join(c.bin, name), ...args]]
    : [join(c.bin, name), args];
  await run(file, argv, { timeout: 600_000 });
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

export interface StreamingReplica {
  port: number;
  /** The same database on the replica. */
  urlOf(primaryUrl: string): string;
  /** Runs one statement on the replica (as the superuser, on its `postgres` database). */
  query<T extends pg.QueryResultRow>(text: string): Promise<T[]>;
  /** Waits until it has replayed everything the primary had written when called. */
  caughtUp(timeoutMs?: number): Promise<void>;
  /** `pg_ctl stop -m immediate`: the replica vanishes as in a crash. */
  crash(): Promise<void>;
  start(): Promise<void>;
  remove(): Promise<void>;
}

/**
 * A streaming replica of the throw-away cluster: `pg_basebackup -R` into the cluster's folder, then
 * started on a free port, ready once it is in recovery and has replayed the primary's position.
 */
export async function makeStreamingReplica(c: Cluster): Promise<StreamingReplica> {
  const data = mkdtempSync(join(c.dir, 'replica-'));
  // pg_basebackup wants an empty folder it may own; mkdtemp made it as whoever runs the tests.
  await run('rm', ['-rf', data]);
  await tool(c, 'pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    String(c.port),
    '-U',
    c.user,
    '-D',
    data,
    '-R',
    '-X',
    'stream',
    '-c',
    'fast',
  ]);
  const port = await freePort();
  const primaryUrl = `postgres://${c.user}@127.0.0.1:${c.port}/postgres`;
  const replicaUrl = `postgres://${c.user}@127.0.0.1:${port}/postgres`;
  const one = async <T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<T>(text)).rows;
    } finally {
      await client.end();
    }
  };
  const replica: StreamingReplica = {
    port,
    urlOf(url) {
      const u = new URL(url);
      u.port = String(port);
      return u.toString();
    },
    query: (text) => one(replicaUrl, text),
    async caughtUp(timeoutMs = 60_000) {
      const [{ lsn } = { lsn: '0/0' }] = await one<{ lsn: string }>(
        primaryUrl,
        'SELECT pg_current_wal_lsn()::text AS lsn',
      );
      const until = Date.now() + timeoutMs;
      for (;;) {
        const rows = await one<{ ready: boolean }>(
          replicaUrl,
          `SELECT pg_is_in_recovery() AND pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS ready`,
        ).catch(() => [{ ready: false }]);
        if (rows[0]?.ready) return;
        if (Date.now() > until) throw new Error(`the replica on port ${port} did not replay ${lsn} in ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    crash: () => tool(c, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']),
    start: () =>
      tool(c, 'pg_ctl', [
        '-D',
        data,
        '-l',
        join(data, 'log'),
        '-w',
        '-t',
        '120',
        '-o',
        `-p ${port} -k ${c.dir} -c listen_addresses=127.0.0.1 -c hot_standby=on`,
        'start',
      ]),
    async remove() {
      await tool(c, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
      await run('rm', ['-rf', data]);
    },
  };
  await replica.start();
  await replica.caughtUp();
  return replica;
}

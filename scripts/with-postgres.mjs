#!/usr/bin/env node
// Runs a command against PostgreSQL: OVOP_TEST_DATABASE_URL when it is set, else a throw-away
// cluster made with the machine's PostgreSQL binaries (as the `postgres` user when run as root),
// on a free port, removed afterwards. The cluster's own command also gets OVOP_TEST_PG_CLUSTER (its
// binaries, folder, port and user, as JSON), so a test or bench can make a streaming replica of it
// (test/replica.ts); an OVOP_TEST_DATABASE_URL of your own has none.
import { spawnSync, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: with-postgres.mjs COMMAND [ARGS…]');
  process.exit(2);
}

function run(env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: false });
  return result.status ?? 1;
}

if (process.env.OVOP_TEST_DATABASE_URL) process.exit(run({}));

function pgBin() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => Number(v) >= 15)
        .sort((a, b) => b - a)
    : [];
  if (!versions.length) {
    console.error('PostgreSQL 15+ binaries not found (apt-get install postgresql), or set OVOP_TEST_DATABASE_URL.');
    process.exit(2);
  }
  return join(root, versions[0], 'bin');
}

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const bin = pgBin();
const asRoot = process.getuid?.() === 0;
const dir = mkdtempSync(join(tmpdir(), 'ovop-pg-'));
chmodSync(dir, 0o777);
const data = join(dir, 'data');
const port = await freePort();
const user = asRoot ? 'postgres' : (process.env.USER ?? 'postgres');
const pg = (tool, toolArgs) =>
  asRoot
    ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, tool), ...toolArgs], { stdio: 'pipe' })
    : execFileSync(join(bin, tool), toolArgs, { stdio: 'pipe' });

let status = 1;
try {
  pg('initdb', ['-D', data, '-A', 'trust', '-U', user, '-E', 'UTF8', '--no-locale']);
  pg('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`,
    'start',
  ]);
  console.log(`PostgreSQL (${bin}) on port ${port}`);
  status = run({
    OVOP_TEST_DATABASE_URL: `postgres://${user}@127.0.0.1:${port}/postgres`,
    OVOP_TEST_PG_CLUSTER: JSON.stringify({ bin, dir, port, user, asRoot }),
  });
} catch (error) {
  console.error(String(error.stderr ?? error));
} finally {
  // Replicas a test left running (test/replica.ts makes them in this folder) go first.
  const replicas = readdirSync(dir).filter((name) => name.startsWith('replica-'));
  for (const folder of [...replicas.map((name) => join(dir, name)), data]) {
    try {
      pg('pg_ctl', ['-D', folder, '-m', 'fast', '-w', 'stop']);
    } catch {
      // already stopped
    }
  }
  rmSync(dir, { recursive: true, force: true });
}
process.exit(status);

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type Config } from '../config.js';
import type { Database } from './database.js';
import { migrate } from './migrate.js';
import { PgliteDatabase } from './pglite.js';
import { PostgresDatabase } from './postgres.js';

/**
 * The embedded server's buffer pool: 16 MB instead of PostgreSQL's 128 MB takes about 110 MB off
 * its resident memory (docs/benchmarks.md, "Embedded server"); pages beyond it come from the
 * operating system's file cache, one system call away.
 */
const EMBEDDED_SHARED_BUFFERS = '16MB';

/** Opens PostgreSQL when DATABASE_URL is set, else the embedded database in the data folder, and migrates it. */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'> & Partial<Pick<Config, 'prepareStatements'>>,
  options: { migrate?: boolean } = {},
): Promise<Database> {
  let db: Database;
  if (config.databaseUrl) {
    db = await PostgresDatabase.open(config.databaseUrl, undefined, { prepare: config.prepareStatements ?? true });
  } else {
    const dir = join(config.dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    const release = lockDataDir(config.dataDir);
    try {
      db = await PgliteDatabase.open(dir, { sharedBuffers: EMBEDDED_SHARED_BUFFERS });
    } catch (error) {
      release();
      throw error;
    }
    const close = db.close.bind(db);
    db.close = async () => {
      await close();
      release();
    };
  }
  if (options.migrate !== false) await migrate(db);
  return db;
}

/**
 * The embedded database is one process's: a second process (a CLI command while the server runs)
 * would corrupt it. A lock file holds the owner's pid; a lock left by a killed process is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'pglite.lock');
  let owner: number | undefined;
  try {
    owner = Number(readFileSync(file, 'utf8').trim()) || undefined;
  } catch {
    owner = undefined;
  }
  if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
    throw new ConfigError(
      `The embedded database in ${dataDir} is in use by process ${owner}. Stop that process first (or use DATABASE_URL).`,
    );
  }
  writeFileSync(file, `${process.pid}\n`);
  return () => rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Database, Row, Tx } from './database.js';

const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (value: string) => value);

export class PostgresDatabase implements Database {
  readonly kind = 'postgres' as const;

  private constructor(
    readonly pool: pg.Pool,
    private readonly statements: Statements | undefined,
  ) {}

  /**
   * `prepare` (the default) sends each statement with parameters as a named prepared statement,
   * parsed once per connection instead of on every call: a pooler in transaction mode that cannot
   * keep them across transactions (PgBouncer before 1.21) needs it off (`OVOP_DB_PREPARE=off`).
   */
  static async open(url: string, max = 10, { prepare = true }: { prepare?: boolean } = {}): Promise<PostgresDatabase> {
    const db = PostgresDatabase.connect(url, max, { prepare });
    await db.pool.query('SELECT 1');
    return db;
  }

  /**
   * A pool that connects on its first statement: a read replica that is down at start is found by
   * its checks, not by a failed start. `connectTimeoutMs` bounds the wait for a server that does
   * not answer; `applicationName` tells its connections apart in pg_stat_activity.
   */
  static connect(
    url: string,
    max: number,
    {
      prepare,
      applicationName,
      connectTimeoutMs,
    }: { prepare: boolean; applicationName?: string; connectTimeoutMs?: number },
  ): PostgresDatabase {
    const pool = new pg.Pool({
      connectionString: url,
      max,
      ...(applicationName ? { application_name: applicationName } : {}),
      ...(connectTimeoutMs ? { connectionTimeoutMillis: connectTimeoutMs } : {}),
    });
    // An idle client that errors (server restart) must not crash the process.
    pool.on('error', () => undefined);
    return new PostgresDatabase(pool, prepare ? new Statements() : undefined);
  }

  private config(text: string, params: readonly unknown[]): pg.QueryConfig {
    const name = params.length > 0 ? this.statements?.nameOf(text) : undefined;
    return name ? { name, text, values: params as unknown[] } : { text, values: params as unknown[] };
  }

  async query<T extends Row = Row>(text: string, params: readonly unknown[] = []): Promise<T[]> {
    const result = await this.pool.query<T>(this.config(text, params));
    return result.rows;
  }

  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // A transaction is one connection: statements asked for at once (a Promise.all) run one
      // after the other, in the order asked, instead of piling onto the client (which pg deprecates).
      let last: Promise<unknown> = Promise.resolve();
      const result = await fn({
        query: <R extends Row>(text: string, params: readonly unknown[] = []) => {
          const run = last.then(() => client.query<R>(this.config(text, params)));
          last = run.catch(() => undefined);
          return run.then((r) => r.rows);
        },
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * The names of prepared statements: one per distinct text, the same on every connection (each
 * connection prepares a name the first time it runs it). The platform's statements are fixed texts
 * with parameters; a text built with a varying number of placeholders still makes only a few. Past
 * `MAX_PREPARED` texts the rest run unnamed, so neither this map nor a connection's statements grow
 * without bound.
 */
class Statements {
  private readonly names = new Map<string, string>();

  nameOf(text: string): string | undefined {
    const known = this.names.get(text);
    if (known !== undefined || this.names.size >= MAX_PREPARED) return known;
    const name = `ovop_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
    this.names.set(text, name);
    return name;
  }
}
const MAX_PREPARED = 2000;

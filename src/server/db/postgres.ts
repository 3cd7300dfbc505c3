import { createHash } from 'node:crypto';
import pg from 'pg';
import { inOrder, type Database, type Row, type Tx } from './database.js';
import { mayPrepare } from './sql.js';

const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (value: string) => value);

export class PostgresDatabase implements Database {
  readonly kind = 'postgres' as const;
  readonly listen: Database['listen'];
  #writes = 0;
  /** The connections that receive notifications (listen), each its own. */
  readonly #listeners = new Set<pg.Client>();

  private constructor(
    readonly pool: pg.Pool,
    private readonly statements: Statements | undefined,
    private readonly clientConfig: pg.ClientConfig,
  ) {
    // A pooler in transaction mode (no prepared statements) does not keep a LISTEN either.
    this.listen = statements ? this.#listen.bind(this) : undefined;
  }

  get writes(): number {
    return this.#writes;
  }

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
    const clientConfig: pg.ClientConfig = {
      connectionString: url,
      // No JIT compilation: the app's statements read few rows, and a misestimate (a look-up of a
      // few rare words reckoned at 37,000 rows) put one over jit_above_cost, 20 ms of compiling for a
      // statement that ran in 9. Options in the URL, when given, take the place of these.
      options: '-c jit=off',
      ...(applicationName ? { application_name: applicationName } : {}),
      ...(connectTimeoutMs ? { connectionTimeoutMillis: connectTimeoutMs } : {}),
    };
    const pool = new pg.Pool({ ...clientConfig, max });
    // An idle client that errors (server restart) must not crash the process.
    pool.on('error', () => undefined);
    return new PostgresDatabase(pool, prepare ? new Statements() : undefined, clientConfig);
  }

  private config(text: string, params: readonly unknown[]): pg.QueryConfig {
    const name = this.statements?.nameOf(text, params);
    return name ? { name, text, values: params as unknown[] } : { text, values: params as unknown[] };
  }

  async query<T extends Row = Row>(text: string, params: readonly unknown[] = []): Promise<T[]> {
    try {
      const result = await this.pool.query<T>(this.config(text, params));
      return result.rows;
    } finally {
      if (mayWrite(text)) this.#writes += 1;
    }
  }

  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // Statements asked for at once run in order instead of piling onto the client (which pg deprecates).
      const result = await fn(inOrder(async (text, params) => (await client.query(this.config(text, params))).rows));
      await client.query('COMMIT');
      this.#writes += 1;
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async #listen(channel: string, onPayload: (payload: string) => void, onLost?: () => void): Promise<void> {
    const client = new pg.Client({ ...this.clientConfig, application_name: 'ovop-listen' });
    let lost = false;
    const lose = () => {
      if (lost) return;
      lost = true;
      this.#listeners.delete(client);
      void client.end().catch(() => undefined);
      onLost?.();
    };
    client.on('error', lose);
    client.on('end', lose);
    client.on('notification', (notice) => {
      if (notice.channel === channel) onPayload(notice.payload ?? '');
    });
    this.#listeners.add(client);
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
    } catch (error) {
      lose();
      throw error;
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.#listeners].map((client) => client.end().catch(() => undefined)));
    await this.pool.end();
  }
}

/**
 * Whether a statement may have written (`writes`): any but a SELECT, or a WITH that does not name a
 * write (after any leading comment, as PLANNED_EACH_TIME). A SELECT that writes through a function it
 * calls is not seen here (its notification is).
 */
const mayWrite = (text: string) =>
  !/^\s*(\/\*.*?\*\/\s*)*(SELECT|WITH)\b/is.test(text) || /\b(INSERT|UPDATE|DELETE|MERGE)\b/i.test(text);

/**
 * The names of prepared statements: one per distinct text, the same on every connection (each
 * connection prepares a name the first time it runs it). The platform's statements are fixed texts
 * with parameters; a text built with a varying number of placeholders still makes only a few. Past
 * `MAX_PREPARED` texts the rest run unnamed, so neither this map nor a connection's statements grow
 * without bound.
 */
class Statements {
  private readonly names = new Map<string, string>();

  nameOf(text: string, params: readonly unknown[]): string | undefined {
    const known = this.names.get(text);
    if (known !== undefined || !mayPrepare(text, params, this.names.size)) return known;
    const name = `ovop_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
    this.names.set(text, name);
    return name;
  }
}

import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Database, Row, Tx } from './database.js';

/**
 * PGlite is a single connection. A promise queue makes every statement outside a transaction and
 * every whole transaction run one at a time, so concurrent requests never interleave inside each
 * other's transactions.
 */
export class PgliteDatabase implements Database {
  readonly kind = 'pglite' as const;
  #tail: Promise<unknown> = Promise.resolve();

  private constructor(readonly pg: PGlite) {}

  /**
   * `sharedBuffers` (PostgreSQL's `shared_buffers`, 128MB when unset): PGlite zeroes the whole
   * buffer pool inside its WASM memory at start, so all of it is resident from the first second.
   */
  static async open(
    dataDir: string | undefined,
    { sharedBuffers, load }: { sharedBuffers?: string; load?: Uint8Array } = {},
  ): Promise<PgliteDatabase> {
    const pg = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(load ? { loadDataDir: new Blob([load]) } : {}),
      extensions: { pg_trgm },
      parsers: sharedParsers,
      ...(sharedBuffers
        ? { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`] }
        : {}),
    });
    return new PgliteDatabase(pg);
  }

  #exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(fn, fn);
    this.#tail = run.catch(() => undefined);
    return run;
  }

  query<T extends Row = Row>(text: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.#exclusive(() => runQuery<T>(this.pg, text, params));
  }

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.#exclusive(async () => {
      await this.pg.exec('BEGIN');
      try {
        const result = await fn({ query: (text, params = []) => runQuery(this.pg, text, params) });
        await this.pg.exec('COMMIT');
        return result;
      } catch (error) {
        await this.pg.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async listen(channel: string, onPayload: (payload: string) => void): Promise<void> {
    await this.#exclusive(() => this.pg.listen(channel, onPayload));
  }

  /** The whole data folder as a tar file (`load` opens a copy of it), after a checkpoint. */
  dump(): Promise<Buffer> {
    return this.#exclusive(async () => {
      await this.pg.exec('CHECKPOINT');
      return Buffer.from(await (await this.pg.dumpDataDir('none')).arrayBuffer());
    });
  }

  async close(): Promise<void> {
    await this.#tail;
    await this.pg.close();
  }
}

async function runQuery<T extends Row>(pg: PGlite, text: string, params: readonly unknown[]): Promise<T[]> {
  if (params.length === 0) {
    // The simple protocol, as on PostgreSQL: allows several statements (migrations) in one text.
    const results = await pg.exec(text);
    return (results.at(-1)?.rows ?? []) as T[];
  }
  const result = await pg.query<T>(text, params as unknown[]);
  return result.rows;
}

/** Both engines return dates as 'YYYY-MM-DD' strings and bigints as strings (exact). */
const sharedParsers = {
  [types.DATE]: (value: string) => value,
  [types.INT8]: (value: string) => value,
  [types.NUMERIC]: (value: string) => value,
};

import { parse, PGlite, protocol, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { inOrder, type Database, type Row, type Tx } from './database.js';
import { mayPrepare } from './sql.js';

/**
 * PGlite is a single connection. A promise queue makes every statement outside a transaction and
 * every whole transaction run one at a time, so concurrent requests never interleave inside each
 * other's transactions.
 */
export class PgliteDatabase implements Database {
  readonly kind = 'pglite' as const;
  #tail: Promise<unknown> = Promise.resolve();
  readonly #statements: Statements;

  private constructor(
    readonly pg: PGlite,
    maxPrepared: number | undefined,
  ) {
    this.#statements = new Statements(pg, maxPrepared);
  }

  /**
   * `sharedBuffers` (PostgreSQL's `shared_buffers`, 128MB when unset): PGlite zeroes the whole
   * buffer pool inside its WASM memory at start, so all of it is resident from the first second.
   * `maxPrepared`: how many texts run as prepared statements (`mayPrepare`'s bound when unset).
   */
  static async open(
    dataDir: string | undefined,
    { sharedBuffers, load, maxPrepared }: { sharedBuffers?: string; load?: Uint8Array; maxPrepared?: number } = {},
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
    return new PgliteDatabase(pg, maxPrepared);
  }

  #exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(fn, fn);
    this.#tail = run.catch(() => undefined);
    return run;
  }

  query<T extends Row = Row>(text: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.#exclusive(() => this.#statements.run<T>(text, params, false));
  }

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.#exclusive(async () => {
      await this.pg.exec('BEGIN');
      try {
        const result = await fn(inOrder((text, params) => this.#statements.run(text, params, true)));
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

/**
 * Statements with parameters run as named prepared statements, as on PostgreSQL (postgres.ts):
 * parsed and described once per text, then each call is one bind-execute-sync exchange with the
 * WASM backend, and PostgreSQL may keep a generic plan. PGlite's own `query` parses, describes and
 * plans every call in six exchanges; for the short statements that make up most requests, that was
 * most of their time (2.5–3 ms a call against 0.2–1 ms of planning and execution). The texts that
 * `mayPrepare` leaves out run as before.
 */
class Statements {
  readonly #described = new Map<string, Promise<Described>>();
  #named = 0;

  constructor(
    private readonly pg: PGlite,
    private readonly maxPrepared: number | undefined,
  ) {}

  async run<T extends Row>(text: string, params: readonly unknown[], inTransaction: boolean): Promise<T[]> {
    if (params.length === 0) {
      // The simple protocol, as on PostgreSQL: allows several statements (migrations) in one text.
      const results = await this.pg.exec(text);
      return (results.at(-1)?.rows ?? []) as T[];
    }
    const described = await this.#describe(text, params);
    if (!described) return (await this.pg.query<T>(text, params as unknown[])).rows;
    const { serialize } = protocol;
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = this.pg.serializers[described.paramTypes[i]!];
      return serializer ? serializer(value) : String(value);
    });
    const messages = await this.pg.runExclusive(() =>
      this.pg.execProtocolStream(
        concat([serialize.bind({ statement: described.name, values }), serialize.execute({}), serialize.sync()]),
        { syncToFs: !inTransaction },
      ),
    );
    const fields = described.row ? [described.row] : [];
    return parse.parseResults([...fields, ...messages], this.pg.parsers)[0]!.rows as T[];
  }

  /**
   * The named statement for `text`, prepared the first time (a second ask while it is being
   * prepared waits for the same answer); undefined when the text is to run unnamed.
   */
  #describe(text: string, params: readonly unknown[]): Promise<Described> | undefined {
    const known = this.#described.get(text);
    if (known || !mayPrepare(text, params, this.#described.size, this.maxPrepared)) return known;
    const name = `ovop_${(this.#named += 1)}`;
    const { serialize } = protocol;
    const described = this.pg
      .runExclusive(() =>
        this.pg.execProtocolStream(
          concat([serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()]),
          { syncToFs: false },
        ),
      )
      .then((messages) => ({
        name,
        paramTypes: parse.parseDescribeStatementResults(messages),
        row: messages.find((m) => m.name === 'rowDescription'),
      }));
    this.#described.set(text, described);
    // A text PostgreSQL refuses is not prepared: the next call tries again, and answers the same error.
    described.catch(() => {
      if (this.#described.get(text) === described) this.#described.delete(text);
    });
    return described;
  }
}

interface Described {
  name: string;
  /** The type of each parameter, for PGlite's serializers. */
  paramTypes: number[];
  /** The columns of its rows, if it returns any. */
  row: BackendMessage | undefined;
}

type BackendMessage = Awaited<ReturnType<PGlite['execProtocolStream']>>[number];

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Both engines return dates as 'YYYY-MM-DD' strings and bigints as strings (exact). */
const sharedParsers = {
  [types.DATE]: (value: string) => value,
  [types.INT8]: (value: string) => value,
  [types.NUMERIC]: (value: string) => value,
};

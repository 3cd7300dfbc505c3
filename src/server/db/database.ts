/**
 * One way to reach the database, whichever engine is underneath: embedded PGlite or PostgreSQL.
 * Repositories take a `Queryable`; services open one transaction per command with `db.transaction`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- row types are interfaces, which lack index signatures
export type Row = Record<string, any>;

export interface Queryable {
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

export type Tx = Queryable;

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` inside one transaction: all of its writes commit together or none do. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function pgErrorCode(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}

/**
 * Runs `fn` on a database that lives inside ONE transaction of `db`: every statement `fn` makes,
 * and every transaction the commands it calls open, commit together when `fn` returns, or not at
 * all (an error, or a crash of the process). An inner transaction is a savepoint, so a command that
 * fails undoes only its own part, as it would on its own. For work the platform does as a whole
 * (the first start, the demo seed); commands inside it run one after another.
 */
export function inOneTransaction<T>(db: Database, fn: (db: Database) => Promise<T>): Promise<T> {
  return db.transaction((tx) => fn(savepointsIn(tx, db.kind)));
}

let savepoints = 0;

function savepointsIn(tx: Tx, kind: Database['kind']): Database {
  return {
    kind,
    query: (text, params) => tx.query(text, params),
    async transaction(fn) {
      const name = `nested_${++savepoints}`;
      await tx.query(`SAVEPOINT ${name}`);
      try {
        const result = await fn(tx);
        await tx.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        await tx.query(`ROLLBACK TO SAVEPOINT ${name}`);
        throw error;
      }
    },
    close: () => Promise.reject(new Error('a database inside a transaction is closed by its owner')),
  };
}

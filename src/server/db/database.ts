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

/**
 * A transaction's statements on its one connection: those asked for at once (a Promise.all) run
 * one after the other, in the order asked, whichever engine runs them.
 */
export function inOrder(run: (text: string, params: readonly unknown[]) => Promise<Row[]>): Tx {
  let last: Promise<unknown> = Promise.resolve();
  return {
    query: <T extends Row>(text: string, params: readonly unknown[] = []) => {
      const answer = last.then(() => run(text, params)) as Promise<T[]>;
      last = answer.catch(() => undefined);
      return answer;
    },
  };
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` inside one transaction: all of its writes commit together or none do. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Calls `onPayload` with each notification on `channel` (NOTIFY, pg_notify) from when it resolves
   * until `onLost` is called (nothing more will come: listen again). PGlite's one session sends them
   * itself at commit, before the committing statement's caller resumes. On PostgreSQL a connection of
   * its own receives them a moment after another session commits — so a reader that must see this
   * process's own writes compares `writes` too. Absent where notifications cannot be relied on (a
   * replica; behind a pooler in transaction mode, `OVOP_DB_PREPARE=off`).
   */
  listen?(channel: string, onPayload: (payload: string) => void, onLost?: () => void): Promise<void>;
  /**
   * PostgreSQL: how many statements and transactions this process has finished that may have
   * written (any statement but a SELECT, any transaction): its own writes, whose notifications may
   * still be on their way.
   */
  readonly writes?: number;
  close(): Promise<void>;
}

export function pgErrorCode(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}

/**
 * What a log may keep of a database error. The error itself carries its SQL text, its parameter
 * values (PGlite) and a detail or message that may quote row values ("Failing row contains (…)",
 * 'invalid input syntax for type integer: "…"'), so only these are kept: the SQL state, severity,
 * the constraint, table, column and type it names, the server routine, and the call frames.
 * Anything that is not a database error is returned as it is.
 */
export function loggableError(error: unknown): unknown {
  const e = error as Partial<Record<string, unknown>> | null;
  const code = pgErrorCode(error);
  if (!(error instanceof Error) || !code || !/^[0-9A-Z]{5}$/.test(code) || typeof e?.severity !== 'string') {
    return error;
  }
  const named = (key: string) => (typeof e[key] === 'string' ? { [key]: e[key] } : {});
  return {
    type: 'DatabaseError',
    message: `database error, SQL state ${code}`,
    code,
    severity: e.severity,
    ...named('constraint'),
    ...named('table'),
    ...named('column'),
    ...named('dataType'),
    ...named('routine'),
    stack: (error.stack ?? '')
      .split('\n')
      .filter((line) => line.trimStart().startsWith('at '))
      .join('\n'),
  };
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

import type { Queryable } from '../db/database.js';
import { readOnce } from './batch-memo.js';
import { batchScope } from './context.js';

/**
 * A kind of row a batch may write late: held until a statement may read its table, then written
 * with the others held, in one statement (`write`).
 */
export interface WrittenBehind<R> {
  /** The table the rows go to. */
  table: string;
  write: (db: Queryable, rows: R[]) => Promise<void>;
}

/**
 * The rows a batch's first run holds back (see `writeLater`). Before each statement of the batch,
 * `before` writes the rows of every table the statement may read — by naming the table, a view over
 * it, a table whose foreign keys or triggers reach it, or a function whose body names one of those —
 * and `end` writes the rest before the commit. A held row that cannot be written fails that
 * statement, which refuses the request and sends the batch to its guarded run, where nothing is
 * held back.
 */
export class WriteBehind {
  private readonly held = new Map<WrittenBehind<unknown>, unknown[]>();

  constructor(
    private readonly tx: Queryable,
    private readonly readers: Readers,
  ) {}

  hold<R>(kind: WrittenBehind<R>, row: R): void {
    const k = kind as WrittenBehind<unknown>;
    const rows = this.held.get(k);
    if (rows) rows.push(row);
    else this.held.set(k, [row]);
  }

  async before(text: string): Promise<void> {
    if (this.held.size === 0) return;
    for (const [kind, rows] of this.held)
      if (this.readers.mayRead(text, kind.table)) {
        this.held.delete(kind);
        await kind.write(this.tx, rows);
      }
  }

  async end(): Promise<void> {
    for (const [kind, rows] of this.held) {
      this.held.delete(kind);
      await kind.write(this.tx, rows);
    }
  }
}

/**
 * In a batch's first run, holds `row` back to be written with others of its kind (see `WriteBehind`)
 * and answers the transaction's time, what `now()` gives the row; elsewhere answers undefined, and
 * the caller writes the row itself. Only for rows whose caller needs nothing back from the database
 * but its own values and that time.
 */
export async function writeLater<R>(db: Queryable, kind: WrittenBehind<R>, row: R): Promise<Date | undefined> {
  const batch = batchScope.getStore();
  if (!batch?.behind) return undefined;
  const now = await transactionTime(db);
  batch.memo.wroteTo(kind.table);
  batch.behind.hold(kind, row);
  return now;
}

/** The transaction's time, `now()`, read once in a batch. */
function transactionTime(db: Queryable): Promise<Date> {
  return readOnce([], 'now()', async () => (await db.query<{ now: Date }>('SELECT now() AS now'))[0]!.now);
}

/** Which statements may read which tables, from the database's catalog. */
export class Readers {
  /** For each table, the names that, in a statement, may read it. */
  private readonly namesOf = new Map<string, readonly string[]>();
  /** Per table, the statement texts already looked at: a batch sends the same few again and again. */
  private readonly seen = new Map<string, Map<string, boolean>>();

  constructor(private readonly edges: ReadonlyMap<string, ReadonlySet<string>>) {}

  mayRead(text: string, table: string): boolean {
    let seen = this.seen.get(table);
    if (!seen) this.seen.set(table, (seen = new Map()));
    const known = seen.get(text);
    if (known !== undefined) return known;
    const lower = text.toLowerCase();
    const reads = this.names(table).some((name) => lower.includes(name));
    if (seen.size < KNOWN_TEXTS) seen.set(text, reads);
    return reads;
  }

  /** The table and everything that reaches it: views, foreign keys, triggers, functions (transitively). */
  private names(table: string): readonly string[] {
    const known = this.namesOf.get(table);
    if (known) return known;
    const found = new Set([table]);
    const todo = [table];
    for (let name = todo.pop(); name !== undefined; name = todo.pop())
      for (const reader of this.edges.get(name) ?? [])
        if (!found.has(reader)) {
          found.add(reader);
          todo.push(reader);
        }
    const names = [...found];
    this.namesOf.set(table, names);
    return names;
  }
}

/** As many texts as statements are prepared (decision 018). */
const KNOWN_TEXTS = 2000;

/** Reads the catalog once per database (the schema does not change while the server runs). */
export async function readersOf(db: Queryable): Promise<Readers> {
  const links = await db.query<{ reader: string; read: string }>(
    `SELECT v.relname AS reader, t.relname AS read
       FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid
       JOIN pg_class v ON v.oid = r.ev_class JOIN pg_class t ON t.oid = d.refobjid
      WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass AND v.oid <> t.oid
        AND v.relnamespace = 'public'::regnamespace
     UNION
     SELECT c.relname, f.relname FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class f ON f.oid = k.confrelid
      WHERE k.contype = 'f' AND c.relnamespace = 'public'::regnamespace
     UNION
     SELECT c.relname, p.proname FROM pg_trigger g
       JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_proc p ON p.oid = g.tgfoid
      WHERE NOT g.tgisinternal AND c.relnamespace = 'public'::regnamespace`,
  );
  const functions = await db.query<{ name: string; body: string }>(
    `SELECT proname AS name, lower(prosrc) AS body FROM pg_proc WHERE pronamespace = 'public'::regnamespace`,
  );
  const relations = await db.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'v', 'm', 'p')`,
  );
  // edges: read → the names that may read it.
  const edges = new Map<string, Set<string>>();
  const link = (reader: string, read: string) => {
    const readers = edges.get(read);
    if (readers) readers.add(reader);
    else edges.set(read, new Set([reader]));
  };
  for (const { reader, read } of links) link(reader, read);
  const named = [...relations.map((r) => r.name), ...functions.map((f) => f.name)];
  for (const f of functions) for (const name of named) if (name !== f.name && f.body.includes(name)) link(f.name, name);
  return new Readers(edges);
}

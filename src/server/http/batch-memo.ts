import { batchScope } from './context.js';

/**
 * Reads a batch answers from memory once made: the outbox's requests read the same group, program
 * and chart of accounts again and again (a phone sends hundreds of one group's records at once),
 * and inside one transaction each read is a round trip that gives the same row.
 *
 * An entry is dropped as soon as a statement of the batch writes one of the tables it was read
 * from (the batch's database sees every statement: `wrote`), and the whole memo when a request is
 * rolled back to its savepoint (what it read or wrote there is undone). So a request sees what it
 * would see alone: the rows as the batch's transaction has them, minus what other transactions
 * commit meanwhile — as if the batch had read them at once.
 */
export class BatchMemo {
  private readonly entries = new Map<string, { tables: readonly string[]; value: unknown }>();

  /**
   * The value read under `key`, loaded once. Kept frozen and given as is — a caller that changed
   * what it got would throw, not change what the next one gets — or, with `copy`, as a fresh copy
   * the caller may change (the locked books, whose next entry number a posting moves on).
   */
  async read<T>(tables: readonly string[], key: string, load: () => Promise<T>, copy = false): Promise<T> {
    const known = this.entries.get(key);
    if (known) return (copy ? structuredClone(known.value) : known.value) as T;
    const value = await load();
    this.remember(tables, key, value);
    return value;
  }

  /**
   * Puts back what a read gave, as the caller now knows it to be after its own write (the books'
   * next entry number after an entry took one): the write dropped the entry when it was sent.
   */
  remember(tables: readonly string[], key: string, value: unknown): void {
    this.entries.set(key, { tables, value: deepFreeze(structuredClone(value)) });
  }

  /** A statement ran in the batch: entries read from a table it writes are dropped. */
  wrote(text: string): void {
    if (this.entries.size === 0) return;
    const written = writtenTables(text);
    if (written.size === 0) return;
    for (const [key, entry] of this.entries) if (entry.tables.some((t) => written.has(t))) this.entries.delete(key);
  }

  /** Rows of `table` were written without a statement (held back to be written later): entries read from it are dropped. */
  wroteTo(table: string): void {
    for (const [key, entry] of this.entries) if (entry.tables.includes(table)) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const WRITE =
  /\b(?:insert\s+into|update|delete\s+from|truncate(?:\s+table)?|alter\s+table|drop\s+table)\s+(?:if\s+exists\s+)?(?:only\s+)?(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?/gi;

/** Statement texts already read, and the tables each writes: a batch sends the same few texts again and again. */
const writtenBy = new Map<string, ReadonlySet<string>>();
/** As many texts as statements are prepared (decision 018); past that they are read each time. */
const KNOWN_TEXTS = 2000;

/** The tables a statement writes (INSERT, UPDATE, DELETE, TRUNCATE, ALTER or DROP TABLE; in a WITH too). */
export function writtenTables(text: string): ReadonlySet<string> {
  const known = writtenBy.get(text);
  if (known) return known;
  const tables = new Set<string>();
  for (const m of text.matchAll(WRITE)) tables.add(m[1]!.toLowerCase());
  if (writtenBy.size < KNOWN_TEXTS) writtenBy.set(text, tables);
  return tables;
}

/**
 * A read that, inside a batch, is made once until one of `tables` is written; outside a batch it is
 * simply made. `key` names the read and its arguments. What it gives in a batch is frozen unless
 * `copy` is asked for.
 */
export function readOnce<T>(
  tables: readonly string[],
  key: string,
  load: () => Promise<T>,
  { copy = false }: { copy?: boolean } = {},
): Promise<T> {
  const memo = batchScope.getStore()?.memo;
  return memo ? memo.read(tables, key, load, copy) : load();
}

/** Inside a batch, puts back what `readOnce` gave under `key`, as the caller's own write left it; outside, nothing. */
export function rememberOnce(tables: readonly string[], key: string, value: unknown): void {
  batchScope.getStore()?.memo.remember(tables, key, value);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Which of a batch's client ids no record of a kind has yet, asked once per kind for all of them:
 * an outbox's creates are nearly all new, and each would otherwise look for its id on its own.
 * Sound because the batch holds the lock on every id it asks about from before it asks (no one
 * else can create one meanwhile) and every create with a client id goes through `createOnce`,
 * which tells this list when it makes one (`made`). A request rolled back after making one leaves
 * its id out of the list: it is looked for again, the slow way, never wrongly taken as new.
 */
export class AbsentIds {
  private readonly byKind = new Map<string, Set<string>>();
  private readonly ids: string[];

  constructor(ids: Iterable<string>) {
    this.ids = [...ids].filter((id) => UUID.test(id));
  }

  async has(kind: string, id: string, existing: (ids: string[]) => Promise<string[]>): Promise<boolean> {
    let absent = this.byKind.get(kind);
    if (!absent) {
      const found = new Set(this.ids.length ? await existing(this.ids) : []);
      absent = new Set(this.ids.filter((i) => !found.has(i)));
      this.byKind.set(kind, absent);
    }
    return absent.has(id);
  }

  made(id: string): void {
    for (const absent of this.byKind.values()) absent.delete(id);
  }
}

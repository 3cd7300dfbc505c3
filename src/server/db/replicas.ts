import type { Database, Row, Tx } from './database.js';
import { PostgresDatabase } from './postgres.js';

/**
 * Read replicas (DATABASE_REPLICA_URLS): PostgreSQL standbys that the routes declaring
 * `reads: 'replica'` read from (see decision 023). Writes, and a user's reads until a replica has
 * replayed that user's last write, stay on the primary. A replica that lags beyond the bound, or
 * fails, is skipped and probed again later; a read that fails on a replica is run again on the
 * primary, so the caller sees no error.
 */
export interface ReplicaOptions {
  /** A replica further behind the primary than this is skipped (DATABASE_REPLICA_MAX_LAG_MS). */
  maxLagMs: number;
  /** How often each replica's replay position is compared with the primary's. */
  checkEveryMs?: number;
  /** How long a replica that failed is left alone before it is probed again. */
  retryAfterMs?: number;
  /** Connections per replica. */
  connections?: number;
  prepare?: boolean;
}

export type ReplicaState = 'ok' | 'lagging' | 'failed';

export interface ReplicaHealth {
  replica: number;
  state: ReplicaState;
  /** How far behind the primary it was at the last check, in milliseconds (null when unreachable). */
  lagMs: number | null;
  /** Statements it has answered since the start (a read transaction counts as one). */
  reads: number;
  /** Reads it failed (it stopped or could not be reached), each run again on the primary. */
  failedReads: number;
}

interface Replica {
  index: number;
  db: PostgresDatabase;
  state: ReplicaState;
  lagMs: number | null;
  /** The primary's WAL it had replayed at the last check, in bytes from 0/0. */
  replayed: bigint;
  /** A failed replica is not probed again before this time. */
  retryAt: number;
  reads: number;
  failedReads: number;
  /**
   * The reader that sends reads to it, made once: one object per replica, so that what is kept per
   * database (the catalog's area paths under a version) is kept per replica, not per request.
   */
  reader?: ReplicaReader;
}

/** A position of the primary's WAL and when it was seen. */
interface Sample {
  at: number;
  lsn: bigint;
}

/**
 * The position of the caller's last write, also sent back as a cookie: an instance that did not
 * answer the write (several behind one load balancer) still keeps the caller's next reads from a
 * replica that has not replayed it. Forging it only changes where one's own reads go.
 */
export const WROTE_COOKIE = 'ovop_wrote';

const CHECK_EVERY_MS = 250;
const RETRY_AFTER_MS = 2000;
/** Users whose last write is remembered at once; past it the oldest are folded into one floor. */
const MAX_WRITERS = 100_000;

export class ReadReplicas {
  /** Reads of routes that may read from a replica that the primary answered (none ready, or one failed). */
  primaryReads = 0;
  readonly #replicas: Replica[];
  readonly #samples: Sample[] = [];
  /** Each user's last write: the primary's WAL position just after it committed. */
  readonly #writes = new Map<string, bigint>();
  /** The highest write position forgotten for want of room: every user's reads wait for it. */
  #writesFloor = 0n;
  #next = 0;
  #timer: NodeJS.Timeout | undefined;
  #checking: Promise<void> | undefined;

  private constructor(
    readonly primary: Database,
    dbs: PostgresDatabase[],
    private readonly options: Required<Omit<ReplicaOptions, 'connections' | 'prepare'>>,
  ) {
    this.#replicas = dbs.map((db, index) => ({
      index,
      db,
      state: 'failed',
      lagMs: null,
      replayed: 0n,
      retryAt: 0,
      reads: 0,
      failedReads: 0,
    }));
  }

  /** Opens a pool per replica and checks them once; a replica that cannot be reached does not stop the start. */
  static async open(primary: Database, urls: readonly string[], options: ReplicaOptions): Promise<ReadReplicas> {
    const dbs = urls.map((url) =>
      PostgresDatabase.connect(url, options.connections ?? 10, {
        prepare: options.prepare ?? true,
        applicationName: 'ovop-replica-read',
        connectTimeoutMs: 2000,
      }),
    );
    const replicas = new ReadReplicas(primary, dbs, {
      maxLagMs: options.maxLagMs,
      checkEveryMs: options.checkEveryMs ?? CHECK_EVERY_MS,
      retryAfterMs: options.retryAfterMs ?? RETRY_AFTER_MS,
    });
    await replicas.check();
    replicas.#timer = setInterval(() => void replicas.check(), replicas.options.checkEveryMs);
    replicas.#timer.unref();
    return replicas;
  }

  /**
   * Where a read goes: a healthy replica that has replayed the reader's last write (taken in
   * turn), else the primary. `userId` is the signed-in reader, undefined for a visitor; `wroteAt`
   * the position of the reader's last write that another instance answered (`WROTE_COOKIE`).
   */
  readerFor(userId: string | undefined, wroteAt = 0n): Database {
    const remembered = userId === undefined ? 0n : (this.#writes.get(userId) ?? this.#writesFloor);
    const since = remembered > wroteAt ? remembered : wroteAt;
    const ready = this.#replicas.filter((r) => r.state === 'ok' && r.replayed >= since);
    if (ready.length === 0) {
      this.primaryReads += 1;
      return this.primary;
    }
    const replica = ready[this.#next++ % ready.length]!;
    return (replica.reader ??= new ReplicaReader(replica, this));
  }

  /** Remembers where the primary's WAL stood after a user's write, for that user's next reads; returns it. */
  async wrote(userId: string): Promise<bigint> {
    const [row] = await this.primary.query<{ lsn: string }>(
      "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::text AS lsn",
    );
    const lsn = BigInt(row!.lsn);
    this.#writes.delete(userId);
    this.#writes.set(userId, lsn);
    if (this.#writes.size > MAX_WRITERS) {
      const [oldest, forgotten] = this.#writes.entries().next().value!;
      this.#writes.delete(oldest);
      if (forgotten > this.#writesFloor) this.#writesFloor = forgotten;
    }
    return lsn;
  }

  health(): ReplicaHealth[] {
    return this.#replicas.map(({ index, state, lagMs, reads, failedReads }) => ({
      replica: index,
      state,
      lagMs,
      reads,
      failedReads,
    }));
  }

  /** Compares every replica's replay position with the primary's now (one check at a time). */
  check(): Promise<void> {
    this.#checking ??= this.#check().finally(() => (this.#checking = undefined));
    return this.#checking;
  }

  async #check(): Promise<void> {
    const now = Date.now();
    const [row] = await this.primary
      .query<{ lsn: string }>("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::text AS lsn")
      .catch(() => []);
    if (row) this.#remember({ at: now, lsn: BigInt(row.lsn) });
    await Promise.all(
      this.#replicas.filter((r) => r.state !== 'failed' || r.retryAt <= now).map((r) => this.#probe(r)),
    );
    // A write every replica has replayed needs the primary no more.
    const replayed = this.#replicas.filter((r) => r.state === 'ok').map((r) => r.replayed);
    if (replayed.length === this.#replicas.length) {
      const least = replayed.reduce((a, b) => (a < b ? a : b));
      for (const [user, lsn] of this.#writes) if (lsn <= least) this.#writes.delete(user);
    }
  }

  /** Primary positions are kept long enough to tell a lag beyond the bound. */
  #remember(sample: Sample): void {
    const last = this.#samples.at(-1);
    if (last?.lsn === sample.lsn) return;
    this.#samples.push(sample);
    while (this.#samples.length > 1 && this.#samples[0]!.at < sample.at - 2 * this.options.maxLagMs) {
      this.#samples.shift();
    }
  }

  async #probe(replica: Replica): Promise<void> {
    try {
      const [row] = await replica.db.query<{ recovery: boolean; replayed: string | null }>(
        "SELECT pg_is_in_recovery() AS recovery, pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::text AS replayed",
      );
      // A server that is not in recovery (a promoted standby, a wrong URL) is no replica of this primary.
      if (!row?.recovery || row.replayed === null) throw new Error('not a standby');
      replica.replayed = BigInt(row.replayed);
      replica.lagMs = this.#lagOf(replica.replayed);
      replica.state = replica.lagMs <= this.options.maxLagMs ? 'ok' : 'lagging';
    } catch {
      this.failed(replica);
    }
  }

  /**
   * How long ago the primary reached a position the replica has not replayed yet: the age of the
   * oldest such sample (0 when it has replayed all of them). Exact to one check, and free of the
   * replica's clock and of quiet periods, when pg_last_xact_replay_timestamp() stands still.
   */
  #lagOf(replayed: bigint): number {
    const behind = this.#samples.find((s) => s.lsn > replayed);
    return behind ? Date.now() - behind.at : 0;
  }

  /** A replica that failed a read or a probe is skipped until `retryAfterMs` has passed. */
  failed(replica: Replica): void {
    replica.state = 'failed';
    replica.lagMs = null;
    replica.retryAt = Date.now() + this.options.retryAfterMs;
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.#checking;
    await Promise.all(this.#replicas.map((r) => r.db.close()));
  }
}

/**
 * One read on a replica. A failure of the replica itself (it cannot be reached, it stopped, it
 * cancelled the read for a conflict with recovery, it refused a write) marks it failed and runs
 * the read again on the primary; an error of the read itself is the caller's, as on the primary.
 */
class ReplicaReader implements Database {
  readonly kind = 'postgres' as const;

  constructor(
    private readonly replica: Replica,
    private readonly replicas: ReadReplicas,
  ) {}

  async query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]> {
    try {
      const rows = await this.replica.db.query<T>(text, params);
      this.replica.reads += 1;
      return rows;
    } catch (error) {
      if (!isReplicaFailure(error)) throw error;
      return this.#fallBack().query<T>(text, params);
    }
  }

  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    let failure = false;
    try {
      const result = await this.replica.db.transaction((tx) =>
        fn({
          query: <R extends Row>(text: string, params?: readonly unknown[]) =>
            tx.query<R>(text, params).catch((error: unknown) => {
              failure ||= isReplicaFailure(error);
              throw error;
            }),
        }),
      );
      this.replica.reads += 1;
      return result;
    } catch (error) {
      // Failing to connect happens before `fn` runs; any other failure was one of its statements.
      if (!failure && !isReplicaFailure(error)) throw error;
      return this.#fallBack().transaction(fn);
    }
  }

  #fallBack(): Database {
    this.replica.failedReads += 1;
    this.replicas.failed(this.replica);
    this.replicas.primaryReads += 1;
    return this.replicas.primary;
  }

  close(): Promise<void> {
    return Promise.reject(new Error('a replica read is closed with its replicas'));
  }
}

/**
 * SQL states that are the replica's, not the read's: connection exceptions (08), operator
 * intervention (57P01–57P05: shut down, crashed, not yet accepting), too many connections (53300),
 * a read cancelled for a conflict with recovery (40001 on a standby), a write refused by a
 * read-only server (25006). Errors without a SQL state are the network's (refused, reset, timed out).
 */
function isReplicaFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
    return /^(08|57P0)/.test(code) || ['53300', '40001', '25006'].includes(code);
  }
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return true;
  return error instanceof Error && /connection|terminated|timeout/i.test(error.message) && code === undefined;
}

import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { PersonalDataCipher } from '../crypto/personal-data.js';
import type { Database, Queryable, Tx } from '../db/database.js';
import { WROTE_COOKIE, type ReadReplicas } from '../db/replicas.js';
import type { FileStorage } from '../storage/file-storage.js';
import type { AbsentIds, BatchMemo } from './batch-memo.js';
import type { WriteBehind } from './write-behind.js';

import { ROLES, type Role } from '../../shared/roles.js';
import { errorLanguage } from './error-language.js';

export { ROLES, type Role };

/** A role in one program, optionally narrowed to an area subtree (with its materialised path) or a group. */
export interface Grant {
  id: string;
  programId: string;
  role: Role;
  areaCode: string | null;
  areaPath: string | null;
  groupId: string | null;
}

export interface UserActor {
  kind: 'user';
  id: string;
  email: string | null;
  name: string;
  locale: string;
  isAdmin: boolean;
  grants: Grant[];
  /** How the caller proved who they are; `link` is a signed link to a private file (read only). */
  via: 'session' | 'token' | 'link';
}

export type Actor = UserActor | { kind: 'anonymous' };
export const anonymous: Actor = { kind: 'anonymous' };

/** The command line and start-up tasks act as this admin; the audit log shows its all-zero id. */
export const systemActor: UserActor = {
  kind: 'user',
  id: '00000000-0000-0000-0000-000000000000',
  email: 'system@ovop.local',
  name: 'System',
  locale: 'id',
  isAdmin: true,
  grants: [],
  via: 'session',
};

/** Where "now" comes from: the system clock in the server, a fixed one in tests that need a date. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** What every service receives: who acts, on which database, for which request, with what. */
export interface Ctx {
  db: Database;
  actor: Actor;
  requestId: string | null;
  /** Encrypts and decrypts personal data with the key from OVOP_SECRET. */
  cipher: PersonalDataCipher;
  /** Uploaded files (disk or S3). */
  files: FileStorage;
  /** Decides "now" and "today" (see `todayIn`). */
  clock: Clock;
  log?: FastifyBaseLogger;
  /** The language the caller reads in, from `Accept-Language` when they sent it. */
  language?: string;
}

/**
 * A command's context inside its one transaction: everything in `Ctx`, with `db` the transaction.
 * Functions that must run inside a transaction take a `TxCtx`; they cannot be handed the pool.
 */
export interface TxCtx extends Omit<Ctx, 'db'> {
  db: Tx;
  readonly inTransaction: true;
}

/** The one way to open a command's transaction: every write and every check that must hold at commit inside `fn`. */
export function inTransaction<T>(ctx: Ctx, fn: (tx: TxCtx) => Promise<T>): Promise<T> {
  return ctx.db.transaction((db) => fn({ ...ctx, db, inTransaction: true }));
}

/**
 * A read whose several queries must agree (a report's accounts and its balances): one snapshot of
 * the database from its first statement (REPEATABLE READ, READ ONLY), so a posting that commits
 * between two of its queries is seen by neither or both.
 */
export function inSnapshot<T>(ctx: Ctx, fn: (tx: TxCtx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (db) => {
    await db.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    return fn({ ...ctx, db, inTransaction: true });
  });
}

/** Who may reach a route at all; finer scope rules live in each module's policy. */
export type Access = 'public' | 'user';

/**
 * Where a route's reads may go: `replica` for a read that may be served by a read replica (the
 * public catalog, impact and reports), when DATABASE_REPLICA_URLS names any. Every other route
 * reads and writes on the primary.
 */
export type Reads = 'replica';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyContextConfig {
    access?: Access;
    reads?: Reads;
  }
  interface FastifyInstance {
    db: Database;
    /** The read replicas, when DATABASE_REPLICA_URLS names any. */
    replicas: ReadReplicas | undefined;
    config: Config;
    cipher: PersonalDataCipher;
    files: FileStorage;
    clock: Clock;
  }
}

/**
 * Inside one request of a batch (`POST /api/v1/batch`): who sent the batch, resolved once, and the
 * batch's one transaction. The routes of the batch's requests run as any request, with these.
 */
export interface BatchScope {
  actor: UserActor;
  db: Database;
  /** Client ids whose `createOnce` lock the batch took for its whole transaction at its start. */
  locked: ReadonlySet<string>;
  /** Reads made once for the batch until it writes their tables (`readOnce`). */
  memo: BatchMemo;
  /** Which of the locked client ids no record of a kind has yet (`createOnce`'s `existing`). */
  absent: AbsentIds;
  /**
   * Rows a module writes for the request as a whole batch at the batch's end (the audit log): kept
   * with the request when it succeeds, dropped with it when it is refused, written by `write` in
   * one statement per kind before the batch commits.
   */
  defer: <R>(kind: DeferredKind<R>, row: R) => void;
  /** In the batch's first run only: rows held back and written many in one statement (`writeLater`). */
  behind?: WriteBehind;
}

/** A kind of row a batch writes at its end: `write` gets every row its accepted requests deferred. */
export interface DeferredKind<R> {
  write: (db: Queryable, rows: R[]) => Promise<void>;
}
export const batchScope = new AsyncLocalStorage<BatchScope>();

export function ctxOf(request: FastifyRequest): Ctx {
  return {
    db: batchScope.getStore()?.db ?? readPool(request),
    actor: request.actor,
    requestId: request.id,
    cipher: request.server.cipher,
    files: request.server.files,
    clock: request.server.clock,
    log: request.log,
    ...(request.headers['accept-language'] ? { language: errorLanguage(request.headers['accept-language']) } : {}),
  };
}

/**
 * The database a request reads from: a read replica for a GET of a route that declares
 * `reads: 'replica'` (one that has replayed the caller's last write), else the primary.
 */
export function readPool(request: FastifyRequest): Database {
  const { server } = request;
  const replicas = server.replicas;
  if (!replicas || request.routeOptions.config.reads !== 'replica' || !SAFE_READS.has(request.method)) return server.db;
  const wroteAt = request.cookies[WROTE_COOKIE];
  return replicas.readerFor(
    request.actor.kind === 'user' ? request.actor.id : undefined,
    wroteAt && /^\d{1,20}$/.test(wroteAt) ? BigInt(wroteAt) : 0n,
  );
}
const SAFE_READS = new Set(['GET', 'HEAD']);

/** The context of work the platform does itself (start-up, the command line, the demo seed): the system actor. */
export function systemContext(
  db: Database,
  with_: { cipher: PersonalDataCipher; files: FileStorage; requestId: string; clock?: Clock },
): Ctx {
  return { db, actor: systemActor, clock: systemClock, ...with_ };
}

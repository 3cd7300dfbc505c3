import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { batchAnswer, batchBody, type BatchAnswer } from '../../shared/schemas/batch.js';
import type { Database, Tx } from '../db/database.js';
import { AbsentIds, BatchMemo } from './batch-memo.js';
import { batchScope, type DeferredKind, type UserActor } from './context.js';
import { readersOf, WriteBehind, type Readers } from './write-behind.js';

/**
 * `POST /api/v1/batch`: the outbox's writes in one request. The caller is checked once, at the
 * batch's door (session or token, Origin); every request inside then runs through its own route —
 * its schema, its policy, its rules, its answer — as that caller, in the batch's one transaction.
 * A refused request (any 4xx or 5xx) leaves nothing behind and the next goes on. One commit for the
 * whole batch instead of one per record.
 *
 * An outbox replays what its phone already checked, so nearly every batch is accepted whole: it is
 * first run as one plain transaction. Only when a request in it is refused is that run rolled back
 * and the batch run again with each request in a savepoint, rolled back to when it is refused —
 * the answers a caller gets are those of that second run, the same as if each request had been
 * sent alone in order.
 */
export async function batchRoutes(app: FastifyInstance): Promise<void> {
  /** The catalog's answer to which statements may read which tables, read at the first batch. */
  let readers: Promise<Readers> | undefined;
  const loadReaders = (tx: Tx): Promise<Readers> =>
    readersOf(tx).catch((error: unknown) => {
      readers = undefined;
      throw error;
    });
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/batch',
    {
      schema: { body: batchBody, response: { 200: batchAnswer }, tags: ['offline'] },
      config: { access: 'user' },
    },
    async (req, reply) => {
      const actor = req.actor as UserActor;
      const headers = {
        host: req.headers.host ?? 'localhost',
        ...(req.headers['accept-language'] ? { 'accept-language': req.headers['accept-language'] } : {}),
      };
      const requests = req.body.requests;
      const run = (guarded: boolean) =>
        app.db.transaction(async (tx) => {
          const memo = new BatchMemo();
          // The first run holds back rows that nothing reads before they are written (members
          // and products made offline), to write many in one statement; the guarded run writes each at once.
          const behind = guarded ? undefined : new WriteBehind(tx, await (readers ??= loadReaders(tx)));
          const db = withinBatch(tx, app.db.kind, memo, behind);
          const locked = await lockClientIds(tx, requests);
          const absent = new AbsentIds(locked);
          // Each answer as JSON text: the requests' bodies are already JSON, and are not read again.
          const results: string[] = [];
          // In the guarded run one savepoint is always open before the next request: kept after a
          // rollback to it, and renewed after a success in the same round trip as its release
          // (PostgreSQL takes the two in one simple query; PGlite answers in-process, so it is sent
          // two). The commit releases the last one.
          if (guarded) await tx.query('SAVEPOINT batch_request');
          const deferred = new Deferred();
          for (const [i, r] of requests.entries()) {
            const ofRequest = new Deferred();
            // `inject` sends when its answer is awaited: awaited inside, so the request runs in the scope.
            const res = await batchScope.run(
              { actor, db, locked, memo, absent, behind, defer: (kind, row) => ofRequest.add(kind, row) },
              async () =>
                await app.inject({
                  method: r.method,
                  url: r.url,
                  headers: r.body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
                  ...(r.body === undefined ? {} : { payload: JSON.stringify(r.body) }),
                }),
            );
            if (res.statusCode >= 400) {
              if (!guarded) throw new Refused();
              await tx.query('ROLLBACK TO SAVEPOINT batch_request');
              memo.clear();
            } else {
              deferred.takeFrom(ofRequest);
              if (guarded && i < requests.length - 1) await renewSavepoint(tx, app.db.kind);
            }
            const body =
              res.body === '' ? 'null' : isJson(res.headers['content-type']) ? res.body : JSON.stringify(res.body);
            results.push(`{"id":${JSON.stringify(r.id)},"status":${res.statusCode},"body":${body}}`);
          }
          // A held row that cannot be written refuses the first run, as a request would.
          if (behind)
            await behind.end().catch((error: unknown) => {
              req.log.info({ err: error }, 'a row held back in a batch could not be written; running it guarded');
              throw new Refused();
            });
          await deferred.write(tx);
          return results;
        });
      const whole = await run(false).catch((error: unknown) => {
        if (error instanceof Refused) return undefined;
        throw error;
      });
      // The answer, in the shape `batchAnswer` says, is sent as the JSON text it already is (a
      // string is sent as it is, not serialized again).
      const text = `{"results":[${(whole ?? (await run(true))).join(',')}]}`;
      return reply.type('application/json; charset=utf-8').send(text as unknown as BatchAnswer);
    },
  );
}

function isJson(contentType: string | string[] | number | undefined): boolean {
  return typeof contentType === 'string' && contentType.includes('json');
}

/** A request of the unguarded run was refused: that run is rolled back and the batch run guarded. */
class Refused extends Error {}

/**
 * Takes, in one statement, the locks `createOnce` holds on a client id for every request whose body
 * carries an `id` (a create's): in the order of their hashes, so two batches sharing ids wait for
 * each other instead of deadlocking. Answers the ids now held for the rest of the transaction.
 */
async function lockClientIds(tx: Tx, requests: readonly { body?: unknown }[]): Promise<ReadonlySet<string>> {
  const ids = [
    ...new Set(
      requests.flatMap((r) => {
        const id = (r.body as { id?: unknown } | null | undefined)?.id;
        return typeof id === 'string' ? [id] : [];
      }),
    ),
  ];
  if (ids.length > 0)
    await tx.query(
      `SELECT pg_advisory_xact_lock(h)
         FROM (SELECT DISTINCT hashtextextended(id, 0) AS h FROM unnest($1::text[]) AS id ORDER BY h) AS ids`,
      [ids],
    );
  return new Set(ids);
}

/** The rows requests deferred to the batch's end, by kind, in the order they were made. */
class Deferred {
  private readonly rows = new Map<DeferredKind<unknown>, unknown[]>();

  add<R>(kind: DeferredKind<R>, row: R): void {
    const k = kind as DeferredKind<unknown>;
    const rows = this.rows.get(k);
    if (rows) rows.push(row);
    else this.rows.set(k, [row]);
  }

  takeFrom(other: Deferred): void {
    for (const [kind, rows] of other.rows) for (const row of rows) this.add(kind, row);
  }

  async write(tx: Tx): Promise<void> {
    for (const [kind, rows] of this.rows) await kind.write(tx, rows);
  }
}

/** Closes the savepoint of a request that succeeded and opens the next request's. */
async function renewSavepoint(tx: Tx, kind: Database['kind']): Promise<void> {
  if (kind === 'postgres') await tx.query('RELEASE SAVEPOINT batch_request; SAVEPOINT batch_request');
  else {
    await tx.query('RELEASE SAVEPOINT batch_request');
    await tx.query('SAVEPOINT batch_request');
  }
}

/**
 * The batch's transaction as the database its requests see. A command's own transaction runs inside
 * the request's savepoint (which undoes all of the request when it fails); nothing commits before
 * the batch does. Every statement is shown to the memo, which forgets what it writes, and to the
 * rows held back, which are written first when it may read their table.
 */
function withinBatch(tx: Tx, kind: Database['kind'], memo: BatchMemo, behind: WriteBehind | undefined): Database {
  const seen: Tx = {
    query: async (text, params) => {
      memo.wrote(text);
      await behind?.before(text);
      return tx.query(text, params);
    },
  };
  return {
    kind,
    query: (text, params) => seen.query(text, params),
    transaction: (fn) => fn(seen),
    close: () => Promise.reject(new Error('the batch closes its own transaction')),
  };
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { batchAnswer, batchBody, type BatchAnswer } from '../../shared/schemas/batch.js';
import type { Database, Tx } from '../db/database.js';
import { batchScope, type UserActor } from './context.js';

/**
 * `POST /api/v1/batch`: the outbox's writes in one request. The caller is checked once, at the
 * batch's door (session or token, Origin); every request inside then runs through its own route —
 * its schema, its policy, its rules, its answer — as that caller, in the batch's one transaction.
 * Each request is a savepoint: one that is refused (any 4xx or 5xx) is rolled back to it, so nothing
 * of it stays, and the next goes on. One commit for the whole batch instead of one per record.
 */
export async function batchRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/batch',
    {
      schema: { body: batchBody, response: { 200: batchAnswer }, tags: ['offline'] },
      config: { access: 'user' },
    },
    async (req): Promise<BatchAnswer> => {
      const actor = req.actor as UserActor;
      const headers = {
        host: req.headers.host ?? 'localhost',
        ...(req.headers['accept-language'] ? { 'accept-language': req.headers['accept-language'] } : {}),
      };
      const results: BatchAnswer['results'] = [];
      await app.db.transaction(async (tx) => {
        const db = withinBatch(tx, app.db.kind);
        for (const r of req.body.requests) {
          await tx.query('SAVEPOINT batch_request');
          // `inject` sends when its answer is awaited: awaited inside, so the request runs in the scope.
          const res = await batchScope.run(
            { actor, db },
            async () =>
              await app.inject({
                method: r.method,
                url: r.url,
                headers: r.body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
                ...(r.body === undefined ? {} : { payload: JSON.stringify(r.body) }),
              }),
          );
          await tx.query(
            res.statusCode < 400 ? 'RELEASE SAVEPOINT batch_request' : 'ROLLBACK TO SAVEPOINT batch_request',
          );
          results.push({ id: r.id, status: res.statusCode, body: res.body === '' ? null : res.json() });
        }
      });
      return { results };
    },
  );
}

/**
 * The batch's transaction as the database its requests see. A command's own transaction runs inside
 * the request's savepoint (which undoes all of the request when it fails); nothing commits before
 * the batch does.
 */
function withinBatch(tx: Tx, kind: Database['kind']): Database {
  return {
    kind,
    query: (text, params) => tx.query(text, params),
    transaction: (fn) => fn(tx),
    close: () => Promise.reject(new Error('the batch closes its own transaction')),
  };
}

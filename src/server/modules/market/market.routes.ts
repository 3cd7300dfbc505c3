import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../../db/database.js';
import { readPool } from '../../http/context.js';
import { notModified } from '../../http/responses.js';
import { idParams } from '../../../shared/common.schemas.js';
import type { CatalogAnswer, CatalogAnswers } from './catalog-answers.js';
import { matchesEtag } from './catalog-cache.js';
import { catalogPage, catalogProductAnswer, catalogProductQuery, catalogQuery } from './market.schemas.js';

/**
 * How long browsers and shared caches may keep an anonymous answer, and serve it stale while they
 * ask again. Short: a visitor sees a publish within a minute; the ETag makes asking again cheap.
 */
const PUBLIC_CACHE = 'public, max-age=30, stale-while-revalidate=300';

/** The public catalog: what is ready to sell, readable without signing in. */
export async function marketRoutes(app: FastifyInstance, options: { answers: CatalogAnswers }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'public', reads: 'replica' } as const;
  const tags = ['catalog'];
  const { answers } = options;

  /**
   * An answer (CatalogAnswers): an anonymous one tagged with the catalog's version and what was
   * asked, 304 when the client has it, else from the cache or read and kept; a signed-in caller's
   * read as it is, untagged. It is sent as the JSON it is kept as: the service's answers have the
   * schema's fields only (catalog.test.ts checks each against the schema), and checking 50 cards
   * again costs a fifth of the request's own work in the process (docs/benchmarks.md, "where the
   * time goes").
   */
  async function answer(
    req: FastifyRequest,
    reply: FastifyReply,
    asked: (db: Database, kept: boolean) => Promise<CatalogAnswer>,
  ) {
    const { etag, body } = await asked(readPool(req), req.actor.kind !== 'user');
    if (etag !== undefined) {
      void reply.header('etag', etag).header('cache-control', PUBLIC_CACHE).header('vary', 'Cookie, Authorization');
      if (matchesEtag(req.headers['if-none-match'], etag)) return reply.code(304).send(null);
    }
    return reply.type('application/json; charset=utf-8').send(await body());
  }

  // An answer that sets a cookie is the caller's alone: no shared cache may keep it.
  const privateWhenCookie = async (_req: FastifyRequest, reply: FastifyReply) => {
    if (reply.hasHeader('set-cookie') && reply.hasHeader('etag')) {
      void reply.header('cache-control', 'private, no-store').removeHeader('etag');
    }
  };

  r.get(
    '/api/v1/catalog/products',
    {
      schema: { querystring: catalogQuery, response: { 200: catalogPage, 304: notModified }, tags },
      config,
      onSend: privateWhenCookie,
    },
    async (req, reply) => answer(req, reply, (db, kept) => answers.page(db, req.query, kept)),
  );
  r.get(
    '/api/v1/catalog/products/:id',
    {
      schema: {
        params: idParams,
        querystring: catalogProductQuery,
        response: { 200: catalogProductAnswer, 304: notModified },
        tags,
      },
      config,
      onSend: privateWhenCookie,
    },
    async (req, reply) => answer(req, reply, (db, kept) => answers.product(db, req.params.id, req.query.locale, kept)),
  );
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../../db/database.js';
import { readPool } from '../../http/context.js';
import { notModified } from '../../http/responses.js';
import { idParams } from '../../../shared/common.schemas.js';
import { dateIn } from '../../../shared/dates.js';
import { CatalogCache, catalogEtag, matchesEtag } from './catalog-cache.js';
import { catalogPageJson, catalogVersion, getCatalogProduct } from './catalog.service.js';
import { catalogPage, catalogProductAnswer, catalogProductQuery, catalogQuery } from './market.schemas.js';

/**
 * How long browsers and shared caches may keep an anonymous answer, and serve it stale while they
 * ask again. Short: a visitor sees a publish within a minute; the ETag makes asking again cheap.
 */
const PUBLIC_CACHE = 'public, max-age=30, stale-while-revalidate=300';

/** The public catalog: what is ready to sell, readable without signing in. */
export async function marketRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'public', reads: 'replica' } as const;
  const tags = ['catalog'];
  const reader = (db: Database, version?: string) => ({ db, clock: app.clock, version });
  const cache = app.config.catalogCacheBytes > 0 ? new CatalogCache(app.config.catalogCacheBytes) : undefined;

  /**
   * An anonymous answer: tagged with the catalog's version and what was asked, 304 when the client
   * has it, else from the cache or read and kept (decision 024). The version is read first, on the
   * database the answer is read from, so an answer is never older than the version it is kept
   * under. A signed-in caller's answer is read as it is, and no cache keeps it. `read` gives the
   * answer as the JSON it is sent as: the service's answers have the schema's fields only
   * (catalog.test.ts checks each against the schema), and checking 50 cards again costs a fifth of
   * the request's own work in the process (docs/benchmarks.md, "where the time goes").
   */
  async function answer(
    req: FastifyRequest,
    reply: FastifyReply,
    what: string,
    read: (db: Database, version?: string) => Promise<string>,
  ) {
    const db = readPool(req);
    const json = (body: string) => reply.type('application/json; charset=utf-8').send(body);
    if (req.actor.kind === 'user') return json(await read(db));
    const version = await catalogVersion(db);
    const key = `${what} ${dateIn(app.clock.now())} ${JSON.stringify(req.query)}`;
    const etag = catalogEtag(version, key);
    void reply.header('etag', etag).header('cache-control', PUBLIC_CACHE).header('vary', 'Cookie, Authorization');
    if (matchesEtag(req.headers['if-none-match'], etag)) return reply.code(304).send(null);
    const cacheKey = `${version} ${key}`;
    let body = cache?.get(cacheKey);
    if (body === undefined) {
      body = await read(db, version);
      cache?.set(cacheKey, body);
    }
    return json(body);
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
    async (req, reply) => answer(req, reply, 'list', (db, version) => catalogPageJson(reader(db, version), req.query)),
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
    async (req, reply) =>
      answer(req, reply, `product ${req.params.id}`, async (db) =>
        JSON.stringify(await getCatalogProduct(reader(db), req.params.id, req.query.locale)),
      ),
  );
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readPool } from '../../http/context.js';
import { idParams } from '../../../shared/common.schemas.js';
import { getCatalogProduct, searchCatalog } from './catalog.service.js';
import { catalogPage, catalogProductAnswer, catalogProductQuery, catalogQuery } from './market.schemas.js';

/** The public catalog: what is ready to sell, readable without signing in. */
export async function marketRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'public', reads: 'replica' } as const;
  const tags = ['catalog'];
  const reader = (req: FastifyRequest) => ({ db: readPool(req), clock: req.server.clock });

  r.get(
    '/api/v1/catalog/products',
    { schema: { querystring: catalogQuery, response: { 200: catalogPage }, tags }, config },
    async (req) => searchCatalog(reader(req), req.query),
  );
  r.get(
    '/api/v1/catalog/products/:id',
    {
      schema: { params: idParams, querystring: catalogProductQuery, response: { 200: catalogProductAnswer }, tags },
      config,
    },
    async (req) => getCatalogProduct(reader(req), req.params.id, req.query.locale),
  );
}

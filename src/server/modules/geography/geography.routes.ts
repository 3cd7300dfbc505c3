import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/context.js';
import { areaParams, containsParams, listAreasQuery } from './geography.schemas.js';
import { areaContains, getArea, listAreas } from './geography.service.js';

/** Administrative areas are public reference data (Kemendagri codes): readable without signing in. */
export async function geographyRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'public' } as const;
  const tags = ['geography'];
  r.get('/api/v1/areas', { schema: { querystring: listAreasQuery, tags }, config }, async (req) =>
    listAreas(ctxOf(req), req.query),
  );
  r.get('/api/v1/areas/:code', { schema: { params: areaParams, tags }, config }, async (req) =>
    getArea(ctxOf(req), req.params.code),
  );
  r.get('/api/v1/areas/:code/contains/:other', { schema: { params: containsParams, tags }, config }, async (req) =>
    areaContains(ctxOf(req), req.params.code, req.params.other),
  );
}

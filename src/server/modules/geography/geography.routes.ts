import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/context.js';
import { notModified } from '../../http/responses.js';
import { getBoundaries } from './boundaries.service.js';
import * as s from './geography.schemas.js';
import { areaContains, getArea, listAreas, searchAreas } from './geography.service.js';

/** Outlines change only by an import: shared caches may keep them an hour, then ask again with the ETag. */
const BOUNDARIES_CACHE = 'public, max-age=3600';

/** Administrative areas are public reference data (Kemendagri codes): readable without signing in. */
export async function geographyRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'public' } as const;
  const tags = ['geography'];
  r.get(
    '/api/v1/areas',
    { schema: { querystring: s.listAreasQuery, response: { 200: s.areaPage }, tags }, config },
    async (req) => listAreas(ctxOf(req), req.query),
  );
  r.get(
    '/api/v1/areas/search',
    { schema: { querystring: s.searchAreasQuery, response: { 200: s.areaSearchAnswer }, tags }, config },
    async (req) => searchAreas(ctxOf(req), req.query),
  );
  r.get(
    '/api/v1/areas/boundaries',
    {
      schema: { querystring: s.boundariesQuery, response: { 200: s.boundariesAnswer, 304: notModified }, tags },
      config,
    },
    async (req, reply) => {
      const { etag, answer } = await getBoundaries(ctxOf(req), req.query, req.headers['if-none-match']);
      void reply.header('etag', etag).header('cache-control', BOUNDARIES_CACHE);
      return answer ?? reply.code(304).send(null);
    },
  );
  r.get(
    '/api/v1/areas/:code',
    { schema: { params: s.areaParams, response: { 200: s.areaDetailAnswer }, tags }, config },
    async (req) => getArea(ctxOf(req), req.params.code),
  );
  r.get(
    '/api/v1/areas/:code/contains/:other',
    { schema: { params: s.containsParams, response: { 200: s.areaContainsAnswer }, tags }, config },
    async (req) => areaContains(ctxOf(req), req.params.code, req.params.other),
  );
}

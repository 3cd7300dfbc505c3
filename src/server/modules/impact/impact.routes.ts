import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/context.js';
import { impactAnswer, impactQuery, indicatorsAnswer } from '../../../shared/schemas/impact.js';
import { impactValues, listIndicators } from './impact.service.js';

/** Indicators and their values (DESIGN §9): always computed from the facts as they stand. */
export async function impactRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/indicators',
    { schema: { response: { 200: indicatorsAnswer }, tags: ['impact'] }, config: { access: 'public' } },
    async () => listIndicators(),
  );
  r.get(
    '/api/v1/impact',
    {
      schema: { querystring: impactQuery, response: { 200: impactAnswer }, tags: ['impact'] },
      config: { access: 'user' },
    },
    async (req) => impactValues(ctxOf(req), req.query),
  );
}

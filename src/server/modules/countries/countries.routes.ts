import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/context.js';
import * as s from '../../../shared/schemas/countries.js';
import { installPackAsAdmin, listPacks, planPack, programFromPack } from './countries.admin.js';

const tags = ['countries'];
const config = { access: 'user' } as const;

/** Country packs for a platform admin: list, dry run, install or upgrade, and a program from a pack. */
export async function countriesRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/country-packs', { schema: { response: { 200: s.packList }, tags }, config }, async (req) =>
    listPacks(ctxOf(req)),
  );
  r.get(
    '/api/v1/country-packs/:country/plan',
    { schema: { params: s.countryParams, response: { 200: s.packPlan }, tags }, config },
    async (req) => planPack(ctxOf(req), req.params.country),
  );
  r.post(
    '/api/v1/country-packs/:country/install',
    { schema: { params: s.countryParams, response: { 200: s.packPlan }, tags }, config },
    async (req) => installPackAsAdmin(ctxOf(req), req.params.country),
  );
  r.post(
    '/api/v1/country-packs/:country/programs',
    {
      schema: {
        params: s.countryParams,
        body: s.programFromPackBody,
        response: { 201: s.programFromPackAnswer },
        tags,
      },
      config,
    },
    async (req, reply) => reply.code(201).send(await programFromPack(ctxOf(req), req.params.country, req.body)),
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/context.js';
import { sendCreated } from '../../http/create-once.js';
import { noContent } from '../../http/responses.js';
import { baseVersion } from '../../http/versioning.js';
import { idParams } from '../../../shared/common.schemas.js';
import * as s from '../../../shared/schemas/impact.js';
import { getClassRule, putClassRule } from './class-rules.service.js';
import { impactExportRoutes } from './exports.routes.js';
import { impactValues, listIndicators, publicImpactValues } from './impact.service.js';
import {
  createTarget,
  getImpactSettings,
  listTargets,
  patchTarget,
  putImpactSettings,
  removeTarget,
} from './targets.service.js';

const tags = ['impact'];
const config = { access: 'user' } as const;
/** The indicators' values may be read from a replica. */
const reads = 'replica' as const;

/** Indicators, their values (always computed from the facts as they stand), and a program's targets. */
export async function impactRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/indicators',
    { schema: { response: { 200: s.indicatorsAnswer }, tags }, config: { access: 'public' } },
    async () => listIndicators(),
  );
  r.get(
    '/api/v1/impact',
    { schema: { querystring: s.impactQuery, response: { 200: s.impactAnswer }, tags }, config: { ...config, reads } },
    async (req) => impactValues(ctxOf(req), req.query),
  );
  r.get(
    '/api/v1/public/impact',
    {
      schema: { querystring: s.publicImpactQuery, response: { 200: s.impactAnswer }, tags },
      config: { access: 'public', reads },
    },
    async (req) => publicImpactValues(ctxOf(req), req.query),
  );
  r.get(
    '/api/v1/programs/:id/targets',
    { schema: { params: idParams, response: { 200: s.targetList }, tags }, config },
    async (req) => listTargets(ctxOf(req), req.params.id),
  );
  r.post(
    '/api/v1/programs/:id/targets',
    {
      schema: {
        params: idParams,
        body: s.createTargetBody,
        response: { 201: s.targetAnswer, 200: s.targetAnswer },
        tags,
      },
      config,
    },
    async (req, reply) => sendCreated(reply, await createTarget(ctxOf(req), req.params.id, req.body)),
  );
  r.patch(
    '/api/v1/targets/:id',
    { schema: { params: idParams, body: s.patchTargetBody, response: { 200: s.targetAnswer }, tags }, config },
    async (req) => patchTarget(ctxOf(req), req.params.id, baseVersion(req, req.body.version), req.body),
  );
  r.delete(
    '/api/v1/targets/:id',
    { schema: { params: idParams, response: { 204: noContent }, tags }, config },
    async (req, reply) => {
      await removeTarget(ctxOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
  r.get(
    '/api/v1/programs/:id/impact-settings',
    { schema: { params: idParams, response: { 200: s.impactSettingsAnswer }, tags }, config },
    async (req) => getImpactSettings(ctxOf(req), req.params.id),
  );
  r.put(
    '/api/v1/programs/:id/impact-settings',
    {
      schema: { params: idParams, body: s.impactSettingsBody, response: { 200: s.impactSettingsAnswer }, tags },
      config,
    },
    async (req) => putImpactSettings(ctxOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/v1/programs/:id/naik-kelas-rule',
    { schema: { params: idParams, response: { 200: s.classRuleAnswer }, tags }, config },
    async (req) => getClassRule(ctxOf(req), req.params.id),
  );
  r.put(
    '/api/v1/programs/:id/naik-kelas-rule',
    { schema: { params: idParams, body: s.classRuleBody, response: { 200: s.classRuleAnswer }, tags }, config },
    async (req) => putClassRule(ctxOf(req), req.params.id, req.body),
  );
  await impactExportRoutes(app);
}

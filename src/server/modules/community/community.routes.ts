import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/common.schemas.js';
import * as s from '../../../shared/schemas/community.js';
import { ctxOf } from '../../http/context.js';
import { currentRules, decideJoin, listJoins, requestToJoin, writeRules } from './joins.service.js';

/** Community routes: validate → service (which authorizes) → present. */
export async function communityRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'user' } as const;
  const tags = ['community'];

  r.get(
    '/api/v1/community/:programId/rules',
    { schema: { params: s.joinParams, response: { 200: s.communityRulesAnswer }, tags }, config: { access: 'public' } },
    async (req) => currentRules(ctxOf(req), req.params.programId),
  );
  r.post(
    '/api/v1/community/:programId/rules',
    {
      schema: { params: s.joinParams, body: s.communityRulesBody, response: { 201: s.communityRulesAnswer }, tags },
      config,
    },
    async (req, reply) => reply.code(201).send(await writeRules(ctxOf(req), req.params.programId, req.body)),
  );
  r.post(
    '/api/v1/community/:programId/joins',
    {
      schema: { params: s.joinParams, body: s.joinBody, response: { 202: s.joinReceipt }, tags },
      config: { access: 'public' },
    },
    async (req, reply) => reply.code(202).send(await requestToJoin(ctxOf(req), req.params.programId, req.body, req.ip)),
  );
  r.get(
    '/api/v1/community/:programId/joins',
    { schema: { params: s.joinParams, querystring: s.joinsQuery, response: { 200: s.joinPage }, tags }, config },
    async (req) => listJoins(ctxOf(req), req.params.programId, req.query),
  );
  r.post(
    '/api/v1/community/joins/:id/welcome',
    { schema: { params: idParams, response: { 200: s.welcomeAnswer }, tags }, config },
    async (req) => decideJoin(ctxOf(req), req.params.id, 'welcome'),
  );
  r.post(
    '/api/v1/community/joins/:id/decline',
    { schema: { params: idParams, response: { 200: s.welcomeAnswer }, tags }, config },
    async (req) => decideJoin(ctxOf(req), req.params.id, 'decline'),
  );
}
